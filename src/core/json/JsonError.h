// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// Where a JSON reader stopped and what it expected there. line and column count from 1;
// column counts characters (UTF-8 code points), offset counts bytes from the start.
struct JsonError {
    qsizetype offset = -1;
    int line = 0;
    int column = 0;
    QString message;

    bool isError() const { return offset >= 0; }
    // "line 3, column 7: expected ',' or '}' after the value of "status"", translated.
    QString toString() const;
};
