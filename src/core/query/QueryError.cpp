// SPDX-License-Identifier: MIT
#include "QueryError.h"

#include <QCoreApplication>

QString QueryError::toString() const
{
    return QCoreApplication::translate("Query", "column %1: %2").arg(column).arg(message);
}

QString QueryError::pointAt(const QString &expression) const
{
    return expression + u'\n' + QString(qMax(0, column - 1), u' ') + u'^' + u' ' + toString();
}
