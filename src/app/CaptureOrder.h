// SPDX-License-Identifier: MIT
#pragma once

#include <qnamespace.h>

class CaptureIndex;

// The capture table's order of store rows: the sort column's values, then arrival, either way
// round. A total order, so that every row has exactly one place: a batch is inserted where it
// belongs and a binary search finds any shown row. The values it compares never change once a
// row is appended, so rows in this order stay in it.
class CaptureOrder {
public:
    CaptureOrder(const CaptureIndex *index, int column, Qt::SortOrder order)
        : m_index(index)
        , m_column(column)
        , m_order(order)
    {
    }

    int column() const { return m_column; }
    Qt::SortOrder order() const { return m_order; }
    // Arrival order alone (#, Time, Forwarded): the newest rows last, or first when descending.
    bool isArrival() const;
    // Whether store row `a` comes before `b`.
    bool operator()(qint32 a, qint32 b) const
    {
        const int c = compare(a, b);
        if (m_order == Qt::AscendingOrder)
            return c < 0 || (c == 0 && a < b);
        return c > 0 || (c == 0 && a > b); // newest first among equals when descending
    }

private:
    // The column's values of two store rows, ascending; 0 for a tie.
    int compare(qsizetype a, qsizetype b) const;

    const CaptureIndex *m_index;
    int m_column;
    Qt::SortOrder m_order;
};
