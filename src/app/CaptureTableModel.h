// SPDX-License-Identifier: MIT
#pragma once

#include "CaptureOrder.h"
#include "query/Query.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPalette>
#include <QTimer>

#include <optional>
#include <vector>

class CaptureStore;
class JobRunner;
class TableFilter;

// The capture table over the store. It filters and sorts inside itself, on a vector of
// visible store rows: QSortFilterProxyModel takes seconds at a million rows. Batches from
// the listener are inserted where the sort order puts them, never with a reset, so the
// selection survives ingest in any order; which rows are shown is a TableFilter's answer.
class CaptureTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // The task, key and status cells show at most this many characters of their text.
    static constexpr qsizetype kCellChars = 80;
    static QString cellPrefix(QStringView text);

    // In the order a laptop screen shows them; Method, Path and Size are hidden until asked for.
    enum Column {
        IdColumn,
        TimeColumn,
        TaskColumn,
        KeyColumn,
        StatusColumn,
        AttemptColumn,
        AnswerColumn,
        FindingsColumn,
        ForwardColumn, // last shown: it takes what room is left
        MethodColumn,
        PathColumn,
        SizeColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole, CaptureIdRole, StoreRowRole, GroupRole };
    // What live forwarding made of one capture, in words; `slow` when the app answered later
    // than Hoox waits, or not at all (the words then say what Hoox would have done).
    struct ForwardNote {
        QString summary;
        QString cell; // what the column shows: "502", "200 late", "not reachable"
        bool slow = false;
    };

    // Searches of the journal run as jobs of `jobs` (the session's, so that the status bar shows
    // them with Cancel); without one, the model runs them on a runner of its own.
    explicit CaptureTableModel(CaptureStore *store, JobRunner *jobs = nullptr,
                               QObject *parent = nullptr);
    ~CaptureTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // What live forwarding made of a capture, e.g. "→ http://localhost:3000: 200 in 12 ms", and
    // in the column's few words (ForwardOutcome::cell()). `status` is what the app answered (0:
    // no answer), for the filter's `forward:`.
    void setForwardResult(quint64 captureId, const QString &summary, const QString &cell,
                          bool slow = false, int status = 0);
    ForwardNote forwardNote(quint64 captureId) const { return m_forwarded.value(captureId); }
    // Shows the rows `query` matches: at once, or when its search of the journal is done.
    void setQuery(const Query &query);
    const Query &query() const;
    const QueryAnnotations &annotations() const;
    bool isSearching() const;
    // Shows only the captures received in [sinceMs, untilMs) (ms since the epoch), keeping the
    // query: the activity strip's drag. TableFilter's kNoSince and kNoUntil clear it.
    void setTimeRange(qint64 sinceMs, qint64 untilMs);
    const TableFilter &tableFilter() const { return *m_filter; }
    qsizetype totalCount() const;
    // The store row shown at `row`, and the other way round (-1 when filtered out).
    qsizetype storeRow(int row) const { return m_visible[size_t(row)]; }
    int rowOfStoreRow(qsizetype storeRow) const;
    // The highest capture number in the store (the last row's: they only grow); 0 when empty.
    quint64 highestId() const;
    // The palette the row tints and coloured words derive from (the view's); repaints.
    void setPalette(const QPalette &palette);

signals:
    void countsChanged(qsizetype shown, qsizetype total);
    void searchingChanged(bool searching);
    // The user cancelled the search: the filter is dropped.
    void searchCanceled();

private:
    void flushForwardResults();
    QVariant display(qsizetype storeRow, int column) const;
    QString missingTask(qsizetype storeRow) const;
    QVariant sortKey(qsizetype storeRow, int column) const;
    QVariant background(qsizetype storeRow) const;
    QVariant forwardData(quint64 captureId, int role, const QColor &background) const;
    QColor rowColor(qsizetype storeRow) const;
    void sortVisible();
    bool accepts(qsizetype storeRow) const;
    void onAppended(qsizetype first, qsizetype count);
    void appendRows(qsizetype first, qsizetype count);
    void appendSlice();
    void addNewDuplicates(qsizetype storeRow, qsizetype first, std::vector<qint32> *added) const;
    void insertSorted(std::vector<qint32> rows);
    qsizetype placeOf(qint32 storeRow) const;
    qsizetype insertionPoint(qint32 storeRow, qsizetype from) const;
    void insertRuns(const std::vector<qint32> &rows, const std::vector<qsizetype> &at);
    void mergeIn(const std::vector<qint32> &rows, const std::vector<qsizetype> &at);
    void announceRetried(qsizetype first, qsizetype count);
    std::optional<std::vector<int>> retriedRows(qsizetype first, qsizetype count) const;
    void rebuild();
    void emitCounts();

    CaptureStore *m_store;
    TableFilter *m_filter;
    std::vector<qint32> m_visible;
    CaptureOrder m_order; // m_visible is always in this order
    QHash<quint64, ForwardNote> m_forwarded;
    QList<quint64> m_forwardChanged; // outcomes not yet told to the view
    QTimer m_forwardTimer;
    // Store rows appended but not yet taken in (see onAppended()): [m_pendingFirst, m_pendingEnd).
    qsizetype m_pendingFirst = 0;
    qsizetype m_pendingEnd = 0;
    QTimer m_sliceTimer;
    QPalette m_palette;
};
