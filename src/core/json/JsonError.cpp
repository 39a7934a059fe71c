// SPDX-License-Identifier: MIT
#include "JsonError.h"

#include <QCoreApplication>

QString JsonError::toString() const
{
    if (!isError())
        return {};
    return QCoreApplication::translate("JsonError", "line %1, column %2: %3")
        .arg(line)
        .arg(column)
        .arg(message);
}
