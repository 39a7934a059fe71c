// SPDX-License-Identifier: MIT
#include "CaptureTableModel.h"

#include "AnnotationMarks.h"
#include "AnswerClass.h"
#include "AnswerLabel.h"
#include "AttemptLabel.h"
#include "TableFilter.h"
#include "Tints.h"

#include "capture/CaptureFormat.h"
#include "capture/CaptureStore.h"
#include "hoox/HooxClassifier.h"
#include "session/JobRunner.h"

#include <QApplication>
#include <QColor>
#include <QLocale>
#include <QPalette>
#include <QPointer>
#include <QStyle>

#include <algorithm>
#include <climits>
#include <utility>

// Rows taken in per event-loop pass when many arrive at once (see onAppended()).
constexpr qsizetype kAppendSlice = 50'000;

CaptureTableModel::CaptureTableModel(CaptureStore *store, JobRunner *jobs, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_filter(new TableFilter(store, jobs, this))
    , m_order(&store->index(), IdColumn, Qt::AscendingOrder)
    , m_palette(QApplication::palette())
{
    connect(m_filter, &TableFilter::changed, this, &CaptureTableModel::rebuild);
    connect(m_filter, &TableFilter::searchingChanged, this, &CaptureTableModel::searchingChanged);
    connect(m_filter, &TableFilter::searchCanceled, this, &CaptureTableModel::searchCanceled);
    connect(store, &CaptureStore::appended, this, &CaptureTableModel::onAppended);
    connect(store, &CaptureStore::annotated, this, [this](const QList<qsizetype> &, bool shown) {
        if (m_filter->dependsOnAnnotations()) // `note:`, `bookmarked` or free text: filter again
            m_filter->setQuery(m_filter->query());
        else if (shown) // rows deleted or restored
            rebuild();
        else if (rowCount() > 0) // a note or a star: key cells
            emit dataChanged(index(0, KeyColumn), index(rowCount() - 1, KeyColumn));
    });
    connect(store, &CaptureStore::aboutToClear, this, [this] { beginResetModel(); });
    // A late answer can mark its whole retry chain as given up: rare enough to repaint all.
    connect(store, &CaptureStore::rowChanged, this, [this] {
        if (!m_visible.empty())
            emit dataChanged(index(0, AttemptColumn), index(rowCount() - 1, AnswerColumn));
    });
    connect(store, &CaptureStore::cleared, this, [this] {
        m_visible.clear();
        m_pendingFirst = m_pendingEnd = 0;
        m_filter->clear();
        m_forwarded.clear(); // ids start again at 1 in the next session's journal
        m_forwardChanged.clear();
        endResetModel();
        emitCounts();
    });
    m_forwardTimer.setSingleShot(true);
    m_forwardTimer.setInterval(50);
    connect(&m_forwardTimer, &QTimer::timeout, this, &CaptureTableModel::flushForwardResults);
    m_sliceTimer.setSingleShot(true);
    m_sliceTimer.setInterval(0);
    connect(&m_sliceTimer, &QTimer::timeout, this, &CaptureTableModel::appendSlice);
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
    if (storeRow < 0 || storeRow >= m_store->size())
        return -1;
    const auto target = qint32(storeRow);
    const auto at = placeOf(target);
    return at < qsizetype(m_visible.size()) && m_visible[size_t(at)] == target ? int(at) : -1;
}

// Where `storeRow` is, or would go, among the visible rows. They are always in table order, a
// total one, so a binary search finds it: forward results and retries ask about rows of a
// million-row table. In arrival order they mostly ask about recent rows, so the search gallops
// from the newest end, through memory still warm, rather than halving a million rows.
qsizetype CaptureTableModel::placeOf(qint32 storeRow) const
{
    const auto begin = m_visible.cbegin();
    if (!m_order.isArrival())
        return std::lower_bound(begin, m_visible.cend(), storeRow, m_order) - begin;
    if (m_order.order() == Qt::DescendingOrder)
        return insertionPoint(storeRow, 0);
    qsizetype high = qsizetype(m_visible.size());
    qsizetype probe = high - 1;
    for (qsizetype step = 1; probe >= 0 && !m_order(m_visible[size_t(probe)], storeRow);
         step *= 2) {
        high = probe;
        probe = high - step;
    }
    return std::lower_bound(begin + std::max<qsizetype>(probe + 1, 0), begin + high, storeRow,
                            m_order) -
           begin;
}

QVariant CaptureTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const qsizetype row = m_visible[size_t(index.row())];
    const CaptureIndex &x = m_store->index();
    const CaptureStore::Row &r = x.row(row);
    const int column = index.column();
    if (column == ForwardColumn && role != Qt::DisplayRole && role != SortRole) {
        if (QVariant v = forwardData(r.id, role, rowColor(row)); v.isValid())
            return v;
    }
    if (column == KeyColumn && (role == Qt::DecorationRole || role == Qt::ToolTipRole))
        return AnnotationMarks::data(*m_store, row, role);
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
            return m_palette.color(QPalette::Disabled, QPalette::Text);
        if (column == TaskColumn && r.group < 0 && x.taskText(row).isEmpty())
            return m_palette.color(QPalette::Disabled, QPalette::Text);
        if (column == AnswerColumn)
            return AnswerClass::textColor(AnswerClass::of(r.answerStatus, false), m_palette,
                                          rowColor(row));
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
        if (column == AnswerColumn) {
            if (const QString tip = AnswerLabel::toolTip(*m_store, row); !tip.isEmpty())
                return tip;
        }
        break;
    case Qt::DecorationRole:
        if (column == AttemptColumn && r.group >= 0 && x.group(r.group).gaveUp())
            return qApp->style()->standardIcon(QStyle::SP_MessageBoxCritical);
        if (column == AttemptColumn && (r.flags & CaptureStore::Conflict))
            return qApp->style()->standardIcon(QStyle::SP_MessageBoxWarning);
        if (const int icon = AnswerLabel::icon(*m_store, row); column == AnswerColumn && icon >= 0)
            return qApp->style()->standardIcon(QStyle::StandardPixmap(icon));
        if (column == FindingsColumn && (r.flags & CaptureStore::HasFindings))
            return qApp->style()->standardIcon(QStyle::SP_MessageBoxInformation);
        break;
    case Qt::TextAlignmentRole:
        if (column == IdColumn || column == SizeColumn || column == AnswerColumn ||
            column == FindingsColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

// A row with no task says why instead of staying blank: what arrived was not Hoox's JSON.
QString CaptureTableModel::missingTask(qsizetype storeRow) const
{
    const QStringList &findings = m_store->index().findings(storeRow);
    if (m_store->row(storeRow).flags & CaptureStore::Refused)
        return {};
    if (findings.contains(QStringLiteral("not_json")))
        return tr("(not JSON)");
    return m_store->row(storeRow).bodySize == 0 ? tr("(empty)") : tr("(no task)");
}

// A hostile payload's task, key or status can be megabytes long: a cell shows its beginning.
QString CaptureTableModel::cellPrefix(QStringView text)
{
    if (text.size() <= kCellChars)
        return text.toString();
    return text.first(kCellChars).toString() + u'…';
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
        if (x.taskText(storeRow).isEmpty() && r.group < 0)
            return missingTask(storeRow);
        return cellPrefix(x.taskText(storeRow));
    case KeyColumn:
        return cellPrefix(x.key(storeRow));
    case StatusColumn:
        return cellPrefix(x.statusText(storeRow));
    case AttemptColumn:
        return AttemptLabel::text(*m_store, storeRow);
    case FindingsColumn: // the count beside an icon; the tooltip names and explains them
        return x.findings(storeRow).isEmpty() ? QVariant()
                                              : QVariant(int(x.findings(storeRow).size()));
    case SizeColumn:
        return QLocale().formattedDataSize(r.bodySize, 1, QLocale::DataSizeTraditionalFormat);
    case AnswerColumn:
        return AnswerLabel::display(*m_store, storeRow);
    case ForwardColumn:
        return m_forwarded.value(r.id).cell;
    default:
        break;
    }
    return {};
}

// A slow app stands out in the Forwarded column: warning words in a warning colour, with an
// icon for whoever cannot tell the colour; the tooltip holds the words the column cuts off.
QVariant CaptureTableModel::forwardData(quint64 captureId, int role, const QColor &background) const
{
    const auto it = m_forwarded.constFind(captureId);
    if (it == m_forwarded.cend())
        return {};
    switch (role) {
    case Qt::ToolTipRole:
        return it->summary;
    case Qt::ForegroundRole:
        return it->slow ? QVariant(Tints::text(Tints::Tone::Warning, m_palette, {background}))
                        : QVariant();
    case Qt::DecorationRole:
        return it->slow ? QVariant(qApp->style()->standardIcon(QStyle::SP_MessageBoxWarning))
                        : QVariant();
    default:
        return {};
    }
}

// Rows of one key share a tint, so a retry chain reads as one block among the others.
QVariant CaptureTableModel::background(qsizetype storeRow) const
{
    const CaptureStore::Row &r = m_store->row(storeRow);
    if (r.group < 0 || m_store->group(r.group).count < 2)
        return {};
    return Tints::group(m_palette, r.group);
}

// What a row's words are painted on: its tint, or the view's base.
QColor CaptureTableModel::rowColor(qsizetype storeRow) const
{
    const QVariant tint = background(storeRow);
    return tint.isValid() ? tint.value<QColor>() : m_palette.color(QPalette::Base);
}

void CaptureTableModel::setPalette(const QPalette &palette)
{
    m_palette = palette;
    if (!m_visible.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                         {Qt::BackgroundRole, Qt::ForegroundRole});
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

void CaptureTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_order = CaptureOrder(&m_store->index(), column, order);
    beginResetModel();
    sortVisible();
    endResetModel();
}

// Inside the reset: whoever looks up a row when it ends (placeOf's binary search) finds
// the rows in table order already.
void CaptureTableModel::sortVisible()
{
    if (!std::is_sorted(m_visible.cbegin(), m_visible.cend(), m_order))
        std::sort(m_visible.begin(), m_visible.end(), m_order);
}

bool CaptureTableModel::accepts(qsizetype storeRow) const
{
    return m_filter->accepts(storeRow);
}

quint64 CaptureTableModel::highestId() const
{
    return m_store->size() == 0 ? 0 : m_store->row(m_store->size() - 1).id;
}

void CaptureTableModel::setForwardResult(quint64 captureId, const QString &summary,
                                         const QString &cell, bool slow, int status)
{
    m_forwarded.insert(captureId, ForwardNote{summary, cell, slow});
    m_filter->setForwardStatus(captureId, status);
    // Forwarding at full speed brings an outcome per capture: the view hears of them together.
    m_forwardChanged.append(captureId);
    if (!m_forwardTimer.isActive())
        m_forwardTimer.start();
}

void CaptureTableModel::flushForwardResults()
{
    int first = INT_MAX;
    int last = -1;
    for (quint64 id : std::as_const(m_forwardChanged)) {
        const qsizetype storeRow = m_store->rowOfId(id);
        const int row = storeRow < 0 ? -1 : rowOfStoreRow(storeRow);
        if (row >= 0) {
            first = qMin(first, row);
            last = qMax(last, row);
        }
    }
    m_forwardChanged.clear();
    if (last >= 0)
        emit dataChanged(
            index(first, ForwardColumn), index(last, ForwardColumn),
            {Qt::DisplayRole, Qt::ToolTipRole, Qt::ForegroundRole, Qt::DecorationRole});
}

void CaptureTableModel::setQuery(const Query &query)
{
    m_filter->setQuery(query);
}

const Query &CaptureTableModel::query() const
{
    return m_filter->query();
}

const QueryAnnotations &CaptureTableModel::annotations() const
{
    return m_filter->annotations();
}

bool CaptureTableModel::isSearching() const
{
    return m_filter->isSearching();
}

void CaptureTableModel::setTimeRange(qint64 sinceMs, qint64 untilMs)
{
    if (m_filter->setTimeRange(sinceMs, untilMs))
        rebuild();
}

void CaptureTableModel::rebuild()
{
    beginResetModel();
    m_visible.clear();
    m_pendingFirst = m_pendingEnd = 0; // taken in below
    const qsizetype n = m_store->size();
    for (qsizetype i = 0; i < n; ++i) {
        if (accepts(i))
            m_visible.push_back(qint32(i));
    }
    sortVisible();
    endResetModel();
    emitCounts();
}

// A journal's worth of rows at once (one opened: a million takes the GUI thread over 100 ms)
// is taken in a slice per event-loop pass, so that the window answers meanwhile; rows appended
// while slices remain wait their turn behind them, in order.
void CaptureTableModel::onAppended(qsizetype first, qsizetype count)
{
    if (m_pendingEnd == m_pendingFirst && count <= kAppendSlice) {
        appendRows(first, count);
        return;
    }
    if (m_pendingEnd == m_pendingFirst)
        m_pendingFirst = first;
    m_pendingEnd = first + count;
    if (!m_sliceTimer.isActive())
        appendSlice(); // the first slice at once: the table is not empty a moment longer
}

void CaptureTableModel::appendSlice()
{
    const qsizetype first = m_pendingFirst;
    const qsizetype count = qMin(kAppendSlice, m_pendingEnd - first);
    m_pendingFirst += count;
    if (m_pendingFirst < m_pendingEnd)
        m_sliceTimer.start();
    else
        m_pendingFirst = m_pendingEnd = 0;
    appendRows(first, count);
}

void CaptureTableModel::appendRows(qsizetype first, qsizetype count)
{
    std::vector<qint32> added;
    for (qsizetype i = first; i < first + count; ++i) {
        if (accepts(i))
            added.push_back(qint32(i));
        if (m_filter->dependsOnRetries())
            addNewDuplicates(i, first, &added);
    }
    insertSorted(std::move(added));
    announceRetried(first, count);
    emitCounts();
}

// Under `duplicate:yes`, a key delivered a second time brings its first delivery in.
void CaptureTableModel::addNewDuplicates(qsizetype storeRow, qsizetype first,
                                         std::vector<qint32> *added) const
{
    const qint32 previous = m_store->row(storeRow).previous;
    // Only a key's first row in the batch looks back; attempt numbers grow along a chain, so its
    // previous row tells whether the key was a duplicate already (and its rows shown, if at all).
    if (previous < 0 || previous >= first || m_store->row(previous).attempt >= 2)
        return;
    for (qint32 p = previous; p >= 0; p = m_store->row(p).previous) {
        if (rowOfStoreRow(p) < 0 && accepts(p))
            added->push_back(p);
    }
}

// Inserts store rows where the table order puts them: with a few beginInsertRows when they land
// in a few places (the end in arrival order, the end of each status's block when sorted by
// status), else with one merge announced as a layout change. Never a reset: the selection and
// the current row stay on their captures, and the payload view with them.
void CaptureTableModel::insertSorted(std::vector<qint32> rows)
{
    if (rows.empty())
        return;
    if (!std::is_sorted(rows.cbegin(), rows.cend(), m_order))
        std::sort(rows.begin(), rows.end(), m_order);
    std::vector<qsizetype> at(rows.size()); // each one's place among the rows shown now
    size_t runs = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
        at[i] = i == 0 ? placeOf(rows[i]) : insertionPoint(rows[i], at[i - 1]);
        runs += i == 0 || at[i] != at[i - 1];
    }
    // Each run moves the rows below it once; past a few, one pass over them all costs less.
    constexpr size_t kMaxInsertRuns = 32;
    if (runs > kMaxInsertRuns)
        mergeIn(rows, at);
    else
        insertRuns(rows, at);
}

// Where `storeRow` goes among the visible rows, at or after `from`. Gallops from `from` before
// the binary search: the rows of a batch, in order, mostly land together.
qsizetype CaptureTableModel::insertionPoint(qint32 storeRow, qsizetype from) const
{
    const auto n = qsizetype(m_visible.size());
    qsizetype low = from;
    qsizetype probe = from;
    for (qsizetype step = 1; probe < n && m_order(m_visible[size_t(probe)], storeRow); step *= 2) {
        low = probe + 1;
        probe = low + step;
    }
    const auto begin = m_visible.cbegin();
    return std::lower_bound(begin + low, begin + std::min(probe, n), storeRow, m_order) - begin;
}

void CaptureTableModel::insertRuns(const std::vector<qint32> &rows,
                                   const std::vector<qsizetype> &at)
{
    qsizetype inserted = 0;
    for (size_t begin = 0; begin < rows.size();) {
        size_t end = begin + 1;
        while (end < rows.size() && at[end] == at[begin])
            ++end;
        const auto row = int(at[begin] + inserted);
        const int count = int(end - begin);
        beginInsertRows({}, row, row + count - 1);
        m_visible.insert(m_visible.begin() + row, rows.cbegin() + qsizetype(begin),
                         rows.cbegin() + qsizetype(end));
        endInsertRows();
        inserted += count;
        begin = end;
    }
}

void CaptureTableModel::mergeIn(const std::vector<qint32> &rows, const std::vector<qsizetype> &at)
{
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    std::vector<qint32> merged;
    merged.reserve(m_visible.size() + rows.size());
    qsizetype from = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
        merged.insert(merged.end(), m_visible.cbegin() + from, m_visible.cbegin() + at[i]);
        merged.push_back(rows[i]);
        from = at[i];
    }
    merged.insert(merged.end(), m_visible.cbegin() + from, m_visible.cend());
    m_visible = std::move(merged);
    // A shown row keeps its store row and moves down by the rows inserted above it: those
    // whose place was at or above its old row. No lookup of store rows needed.
    const QModelIndexList persistent = persistentIndexList();
    QModelIndexList moved;
    moved.reserve(persistent.size());
    for (const QModelIndex &i : persistent) {
        const auto above =
            std::upper_bound(at.cbegin(), at.cend(), qsizetype(i.row())) - at.cbegin();
        moved.append(index(i.row() + int(above), i.column()));
    }
    changePersistentIndexList(persistent, moved);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

// Earlier rows of a key delivered again change too: their "n of m" badge, tooltip and tint.
void CaptureTableModel::announceRetried(qsizetype first, qsizetype count)
{
    const QList<int> roles{Qt::DisplayRole, Qt::ToolTipRole, Qt::BackgroundRole};
    const std::optional<std::vector<int>> found = retriedRows(first, count);
    if (!found) {
        if (!m_visible.empty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), roles);
        return;
    }
    const std::vector<int> &rows = *found;
    for (size_t begin = 0; begin < rows.size();) {
        size_t end = begin + 1;
        while (end < rows.size() && rows[end] == rows[end - 1] + 1)
            ++end;
        emit dataChanged(index(rows[begin], 0), index(rows[end - 1], ColumnCount - 1), roles);
        begin = end;
    }
}

// The visible rows, in order, of the keys the batch delivered again, from before the batch.
// None (meaning all) when there are too many to look up one by one: a key retried thousands
// of times.
std::optional<std::vector<int>> CaptureTableModel::retriedRows(qsizetype first,
                                                               qsizetype count) const
{
    constexpr size_t kMaxLookups = 1024;
    std::vector<int> rows;
    size_t lookups = 0;
    for (qsizetype i = first; i < first + count; ++i) {
        // Only a key's first row in the batch has a previous row before it.
        for (qint32 p = m_store->row(i).previous; p >= 0 && p < first;
             p = m_store->row(p).previous) {
            if (++lookups > kMaxLookups)
                return std::nullopt;
            if (const int row = rowOfStoreRow(p); row >= 0)
                rows.push_back(row);
        }
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

void CaptureTableModel::emitCounts()
{
    emit countsChanged(qsizetype(m_visible.size()), m_store->size());
}
