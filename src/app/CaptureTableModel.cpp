// SPDX-License-Identifier: MIT
#include "CaptureTableModel.h"

#include "AttemptLabel.h"

#include "capture/CaptureFormat.h"
#include "capture/CaptureSearch.h"
#include "capture/CaptureStore.h"
#include "hoox/HooxClassifier.h"

#include <QApplication>
#include <QColor>
#include <QLocale>
#include <QPalette>
#include <QPointer>
#include <QStyle>
#include <QThreadPool>

#include <algorithm>
#include <functional>

CaptureTableModel::CaptureTableModel(CaptureStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    connect(store, &CaptureStore::appended, this, &CaptureTableModel::onAppended);
    connect(store, &CaptureStore::aboutToClear, this, [this] { beginResetModel(); });
    connect(store, &CaptureStore::cleared, this, [this] {
        m_visible.clear();
        m_textMatch.clear();
        endResetModel();
        emitCounts();
    });
    rebuild();
}

CaptureTableModel::~CaptureTableModel() = default;

int CaptureTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

int CaptureTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

qsizetype CaptureTableModel::totalCount() const
{
    return m_store->size();
}

int CaptureTableModel::rowOfStoreRow(qsizetype storeRow) const
{
    const auto target = qint32(storeRow);
    // In arrival order (the usual one) the visible rows are sorted: a binary search does,
    // which matters when forward results arrive for rows of a million-row table.
    if (m_sortColumn == IdColumn || m_sortColumn == TimeColumn) {
        const auto it =
            m_sortOrder == Qt::AscendingOrder
                ? std::lower_bound(m_visible.cbegin(), m_visible.cend(), target)
                : std::lower_bound(m_visible.cbegin(), m_visible.cend(), target, std::greater<>());
        return it != m_visible.cend() && *it == target ? int(it - m_visible.cbegin()) : -1;
    }
    const auto it = std::find(m_visible.cbegin(), m_visible.cend(), target);
    return it == m_visible.cend() ? -1 : int(it - m_visible.cbegin());
}

QVariant CaptureTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const qsizetype row = m_visible[size_t(index.row())];
    const CaptureIndex &x = m_store->index();
    const CaptureStore::Row &r = x.row(row);
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case SortRole:
        return sortKey(row, column);
    case CaptureIdRole:
        return qulonglong(r.id);
    case StoreRowRole:
        return qlonglong(row);
    case GroupRole:
        return r.group;
    case Qt::BackgroundRole:
        return background(row);
    case Qt::ForegroundRole:
        // Refused for want of the access token: shown, but set apart from real captures.
        if (r.flags & CaptureStore::Refused)
            return QApplication::palette().color(QPalette::Disabled, QPalette::Text);
        break;
    case Qt::ToolTipRole:
        if (column == FindingsColumn && (r.flags & CaptureStore::HasFindings)) {
            QStringList lines;
            for (const QString &f : x.findings(row))
                lines << f + QStringLiteral(": ") + HooxClassifier::explain(f);
            return lines.join(u'\n');
        }
        if (column == AttemptColumn) {
            if (const QString tip = AttemptLabel::toolTip(*m_store, row); !tip.isEmpty())
                return tip;
        }
        if (column == AnswerColumn && r.answerStatus == 0)
            return tr("Not answered: HookScope stopped while the answer was being decided, or "
                      "the imported file had no answer.");
        break;
    case Qt::DecorationRole:
        if (column == AttemptColumn && (r.flags & CaptureStore::Conflict))
            return qApp->style()->standardIcon(QStyle::SP_MessageBoxWarning);
        if (column == FindingsColumn && (r.flags & CaptureStore::HasFindings))
            return qApp->style()->standardIcon(QStyle::SP_MessageBoxInformation);
        break;
    case Qt::TextAlignmentRole:
        if (column == IdColumn || column == SizeColumn || column == AnswerColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant CaptureTableModel::display(qsizetype storeRow, int column) const
{
    const CaptureIndex &x = m_store->index();
    const CaptureStore::Row &r = x.row(storeRow);
    switch (column) {
    case IdColumn:
        return qulonglong(r.id);
    case TimeColumn:
        return CaptureFormat::clockTime(r.receivedAtMs);
    case MethodColumn:
        return QString::fromLatin1(x.method(storeRow));
    case PathColumn:
        return QString::fromUtf8(x.target(storeRow));
    case TaskColumn:
        return x.taskText(storeRow);
    case KeyColumn:
        return x.key(storeRow).toString();
    case StatusColumn:
        return x.statusText(storeRow);
    case AttemptColumn:
        return AttemptLabel::text(*m_store, storeRow);
    case FindingsColumn:
        return x.findings(storeRow).join(QStringLiteral(", "));
    case SizeColumn:
        return QLocale().formattedDataSize(r.bodySize, 1, QLocale::DataSizeTraditionalFormat);
    case AnswerColumn:
        if (r.answerStatus == 0)
            return tr("—");
        return int(r.answerStatus);
    case ForwardColumn:
        return m_forwarded.value(r.id);
    default:
        break;
    }
    return {};
}

// Rows of one key share a tint, so a retry chain reads as one block among the others.
QVariant CaptureTableModel::background(qsizetype storeRow) const
{
    const CaptureStore::Row &r = m_store->row(storeRow);
    if (r.group < 0 || m_store->group(r.group).count < 2)
        return {};
    const QColor base = QApplication::palette().color(QPalette::Base);
    const int hue = int((quint32(r.group) * 2654435761u) % 360u);
    QColor tint = QColor::fromHsv(hue, 255, 255);
    const qreal alpha = base.lightness() > 128 ? 0.16 : 0.24;
    return QColor::fromRgbF(base.redF() * (1 - alpha) + tint.redF() * alpha,
                            base.greenF() * (1 - alpha) + tint.greenF() * alpha,
                            base.blueF() * (1 - alpha) + tint.blueF() * alpha);
}

QVariant CaptureTableModel::sortKey(qsizetype storeRow, int column) const
{
    const CaptureStore::Row &r = m_store->row(storeRow);
    switch (column) {
    case IdColumn:
        return qulonglong(r.id);
    case TimeColumn:
        return r.receivedAtMs;
    case SizeColumn:
        return qlonglong(r.bodySize);
    case AttemptColumn:
        return r.attempt;
    case FindingsColumn:
        return qlonglong(m_store->index().findings(storeRow).size());
    case AnswerColumn:
        return int(r.answerStatus);
    default:
        return display(storeRow, column);
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
    case ForwardColumn:
        return tr("Forwarded");
    default:
        break;
    }
    return {};
}

bool CaptureTableModel::lessThan(qsizetype a, qsizetype b) const
{
    const CaptureIndex &i = m_store->index();
    const CaptureStore::Row &x = i.row(a);
    const CaptureStore::Row &y = i.row(b);
    switch (m_sortColumn) {
    case IdColumn:
    case TimeColumn:
        return a < b; // arrival order
    case SizeColumn:
        return x.bodySize < y.bodySize;
    case AttemptColumn:
        return x.attempt < y.attempt;
    case FindingsColumn:
        return i.findings(a).size() < i.findings(b).size();
    case AnswerColumn:
        return x.answerStatus < y.answerStatus;
    case MethodColumn:
        return x.method != y.method && i.method(a) < i.method(b);
    case PathColumn:
        return x.target != y.target && i.target(a) < i.target(b);
    case TaskColumn:
        return x.taskText != y.taskText && i.taskText(a) < i.taskText(b);
    case KeyColumn:
        return x.group != y.group && i.key(a) < i.key(b);
    case StatusColumn:
        return x.statusText != y.statusText && i.statusText(a) < i.statusText(b);
    default:
        return a < b;
    }
}

void CaptureTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    beginResetModel();
    auto less = [this](qint32 a, qint32 b) { return lessThan(a, b); };
    std::sort(m_visible.begin(), m_visible.end(), [&](qint32 a, qint32 b) {
        // Ties keep arrival order, so equal keys stay in their retry sequence.
        if (order == Qt::AscendingOrder)
            return less(a, b) || (!less(b, a) && a < b);
        return less(b, a) || (!less(a, b) && a > b);
    });
    endResetModel();
}

bool CaptureTableModel::accepts(qsizetype storeRow) const
{
    if (!m_filter.matchesColumns(*m_store, storeRow))
        return false;
    if (!m_filter.hasText())
        return true;
    if (size_t(storeRow) < m_textMatch.size())
        return m_textMatch[size_t(storeRow)] != 0;
    return m_matcher && m_matcher->isValid() && m_store->matchesText(storeRow, *m_matcher);
}

void CaptureTableModel::setForwardResult(quint64 captureId, const QString &summary)
{
    m_forwarded.insert(captureId, summary);
    const qsizetype storeRow = m_store->rowOfId(captureId);
    const int row = storeRow < 0 ? -1 : rowOfStoreRow(storeRow);
    if (row >= 0)
        emit dataChanged(index(row, ForwardColumn), index(row, ForwardColumn), {Qt::DisplayRole});
}

void CaptureTableModel::setFilter(const CaptureFilter &filter)
{
    const bool textChanged = filter.text != m_filter.text || filter.regex != m_filter.regex;
    m_filter = filter;
    if (textChanged && filter.hasText()) {
        startSearch(); // rebuilds when the search is done
        return;
    }
    if (textChanged) {
        ++*m_searchGeneration; // a search still running is now moot
        m_matcher.reset();
        m_textMatch.clear();
        if (m_searching) {
            m_searching = false;
            emit searchingChanged(false);
        }
    }
    rebuild();
}

void CaptureTableModel::rebuild()
{
    beginResetModel();
    m_visible.clear();
    const qsizetype n = m_store->size();
    for (qsizetype i = 0; i < n; ++i) {
        if (accepts(i))
            m_visible.push_back(qint32(i));
    }
    endResetModel();
    if (m_sortColumn != IdColumn || m_sortOrder != Qt::AscendingOrder)
        sort(m_sortColumn, m_sortOrder);
    emitCounts();
}

void CaptureTableModel::startSearch()
{
    auto matcher = std::make_shared<const TextMatcher>(m_filter.text, m_filter.regex);
    if (!matcher->isValid()) {
        emit filterError(matcher->error());
        return;
    }
    m_matcher = matcher;
    const quint64 generation = ++*m_searchGeneration;
    if (!m_searching) {
        m_searching = true;
        emit searchingChanged(true);
    }
    // The rows searched are a snapshot: rows that arrive meanwhile are matched as they come.
    const std::shared_ptr<const CaptureStore::SearchSource> source = m_store->searchSource();
    QPointer<CaptureTableModel> self(this);
    const std::shared_ptr<std::atomic<quint64>> current = m_searchGeneration;
    QThreadPool::globalInstance()->start([self, generation, current, matcher, source] {
        auto result = std::make_shared<std::vector<quint8>>(
            CaptureSearch::run(*source, *matcher, current.get(), generation));
        if (*current != generation)
            return; // superseded: its successor reports
        QMetaObject::invokeMethod(
            qApp,
            [self, generation, result] {
                if (!self || generation != *self->m_searchGeneration)
                    return; // a newer search, or the model is gone
                self->m_textMatch = std::move(*result);
                self->m_searching = false;
                emit self->searchingChanged(false);
                self->rebuild();
            },
            Qt::QueuedConnection);
    });
}

void CaptureTableModel::onAppended(qsizetype first, qsizetype count)
{
    std::vector<qint32> added;
    bool retries = false;
    bool newPairs = false; // a key delivered a second time: its first row joins "duplicates"
    for (qsizetype i = first; i < first + count; ++i) {
        const CaptureStore::Row &r = m_store->row(i);
        if (r.flags & CaptureStore::Retry) {
            retries = true;
            newPairs = newPairs || m_store->group(r.group).firstRow < first;
        }
        if (accepts(i))
            added.push_back(qint32(i));
    }
    if (newPairs && m_filter.duplicatesOnly) {
        rebuild();
        return;
    }
    if (!added.empty()) {
        const bool arrivalOrder = m_sortColumn == IdColumn || m_sortColumn == TimeColumn;
        if (arrivalOrder && m_sortOrder == Qt::DescendingOrder) {
            // Newest first: the batch goes on top.
            std::reverse(added.begin(), added.end());
            beginInsertRows({}, 0, int(added.size()) - 1);
            m_visible.insert(m_visible.begin(), added.cbegin(), added.cend());
            endInsertRows();
        } else if (arrivalOrder) {
            const int at = int(m_visible.size());
            beginInsertRows({}, at, at + int(added.size()) - 1);
            m_visible.insert(m_visible.end(), added.cbegin(), added.cend());
            endInsertRows();
        } else {
            beginResetModel();
            m_visible.insert(m_visible.end(), added.cbegin(), added.cend());
            endResetModel();
            sort(m_sortColumn, m_sortOrder);
        }
    }
    // Earlier rows of a retried key change too: their "n of m" badge, tooltip and tint.
    if (retries && !m_visible.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                         {Qt::DisplayRole, Qt::ToolTipRole, Qt::BackgroundRole});
    emitCounts();
}

void CaptureTableModel::emitCounts()
{
    emit countsChanged(qsizetype(m_visible.size()), m_store->size());
}
