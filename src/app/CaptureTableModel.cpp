// SPDX-License-Identifier: MIT
#include "CaptureTableModel.h"

#include "capture/CaptureFormat.h"
#include "capture/CaptureStore.h"

#include <QDateTime>
#include <QLocale>

CaptureTableModel::CaptureTableModel(CaptureStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    connect(store, &CaptureStore::aboutToAppend, this, [this](qsizetype first, qsizetype count) {
        beginInsertRows({}, int(first), int(first + count - 1));
    });
    connect(store, &CaptureStore::appended, this, [this] { endInsertRows(); });
    connect(store, &CaptureStore::aboutToClear, this, [this] { beginResetModel(); });
    connect(store, &CaptureStore::cleared, this, [this] { endResetModel(); });
}

int CaptureTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_store->size());
}

int CaptureTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CaptureTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return display(index.row(), index.column());
    case SortRole:
        return sortKey(index.row(), index.column());
    case CaptureIdRole:
        return qulonglong(m_store->at(index.row())->id);
    case Qt::ToolTipRole:
        if (index.column() == FindingsColumn)
            return m_store->at(index.row())->hoox.findings.join(u'\n');
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == IdColumn || index.column() == SizeColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant CaptureTableModel::display(int row, int column) const
{
    const Capture &c = *m_store->at(row);
    switch (column) {
    case IdColumn:
        return qulonglong(c.id);
    case TimeColumn:
        return CaptureFormat::clockTime(c.receivedAtMs);
    case MethodColumn:
        return QString::fromLatin1(c.method);
    case PathColumn:
        return QString::fromUtf8(c.target);
    case TaskColumn:
        return c.hoox.taskText;
    case KeyColumn:
        return c.hoox.key;
    case StatusColumn:
        return c.hoox.statusText;
    case AttemptColumn:
        if (c.hoox.attempt == 0)
            return {};
        return c.hoox.duplicateOf == 0
                   ? QString::number(c.hoox.attempt)
                   : tr("%1 (dup of #%2)").arg(c.hoox.attempt).arg(c.hoox.duplicateOf);
    case FindingsColumn:
        return c.hoox.findings.join(QStringLiteral(", "));
    case SizeColumn:
        return QLocale().formattedDataSize(c.body.size(), 1, QLocale::DataSizeTraditionalFormat);
    case AnswerColumn:
        return int(c.answerStatus);
    default:
        break;
    }
    return {};
}

QVariant CaptureTableModel::sortKey(int row, int column) const
{
    const Capture &c = *m_store->at(row);
    switch (column) {
    case IdColumn:
        return qulonglong(c.id);
    case TimeColumn:
        return c.receivedAtMs;
    case SizeColumn:
        return qlonglong(c.body.size());
    case AttemptColumn:
        return c.hoox.attempt;
    case FindingsColumn:
        return c.hoox.findings.size();
    case AnswerColumn:
        return int(c.answerStatus);
    default:
        return display(row, column);
    }
}

QVariant CaptureTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("#");
    case TimeColumn:
        return tr("Time");
    case MethodColumn:
        return tr("Method");
    case PathColumn:
        return tr("Path");
    case TaskColumn:
        return tr("Task");
    case KeyColumn:
        return tr("Key");
    case StatusColumn:
        return tr("Status");
    case AttemptColumn:
        return tr("Attempt");
    case FindingsColumn:
        return tr("Findings");
    case SizeColumn:
        return tr("Size");
    case AnswerColumn:
        return tr("Answer");
    default:
        break;
    }
    return {};
}
