// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// One token of a filter expression, as the lexer reads it.
struct QueryToken {
    enum class Type { Word, LeftParen, RightParen, Minus, Or, End };

    Type type = Type::End;
    int column = 1;      // where the token starts, from 1
    QString field;       // `task` in `task:avatar_*`; empty for free text
    QString value;       // a glob pattern: quoted or escaped `*`, `?`, `\` are marked by `\`
    int valueColumn = 1; // where the value starts
    bool regex = false;  // the value was written /like this/ and is the pattern itself
    bool quoted = false; // some of the value was in quotes
};
