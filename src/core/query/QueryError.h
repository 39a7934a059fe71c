// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// What is wrong with a filter expression, and where: `column` counts characters from 1.
struct QueryError {
    int column = 0; // 0: no error
    QString message;

    bool isError() const { return column > 0; }
    // "column 7: expected a term after OR"
    QString toString() const;
    // The expression and a caret under the column, for a terminal:
    //   task:avatar_* OR
    //                   ^ column 18: expected a term after OR
    QString pointAt(const QString &expression) const;
    friend bool operator==(const QueryError &, const QueryError &) = default;
};
