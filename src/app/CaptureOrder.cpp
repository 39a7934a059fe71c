// SPDX-License-Identifier: MIT
#include "CaptureOrder.h"

#include "CaptureTableModel.h"
#include "capture/CaptureIndex.h"

namespace {
template <typename T> int threeWay(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

// Pooled strings: equal numbers are equal strings and different numbers different ones, so
// only different ones are compared, once.
template <typename T> int pooled(quint32 x, quint32 y, const T &a, const T &b)
{
    return x == y ? 0 : (a < b ? -1 : 1);
}
} // namespace

bool CaptureOrder::isArrival() const
{
    return m_column == CaptureTableModel::IdColumn || m_column == CaptureTableModel::TimeColumn ||
           m_column == CaptureTableModel::ForwardColumn;
}

int CaptureOrder::compare(qsizetype a, qsizetype b) const
{
    const CaptureIndex &i = *m_index;
    const CaptureIndex::Row &x = i.row(a);
    const CaptureIndex::Row &y = i.row(b);
    switch (m_column) {
    case CaptureTableModel::SizeColumn:
        return threeWay(x.bodySize, y.bodySize);
    case CaptureTableModel::AttemptColumn:
        return threeWay(x.attempt, y.attempt); // the journal's numbers, as the column shows them
    case CaptureTableModel::FindingsColumn:
        return threeWay(i.findings(a).size(), i.findings(b).size());
    case CaptureTableModel::AnswerColumn:
        return threeWay(x.answerStatus, y.answerStatus);
    case CaptureTableModel::MethodColumn:
        return pooled(x.method, y.method, i.method(a), i.method(b));
    case CaptureTableModel::PathColumn:
        return pooled(x.target, y.target, i.target(a), i.target(b));
    case CaptureTableModel::TaskColumn:
        return pooled(x.taskText, y.taskText, i.taskText(a), i.taskText(b));
    case CaptureTableModel::KeyColumn: // a group is a key
        return x.group == y.group ? 0 : (i.key(a) < i.key(b) ? -1 : 1);
    case CaptureTableModel::StatusColumn:
        return pooled(x.statusText, y.statusText, i.statusText(a), i.statusText(b));
    default:
        return 0; // #, Time and Forwarded: arrival order
    }
}
