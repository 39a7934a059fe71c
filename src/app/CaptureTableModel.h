// SPDX-License-Identifier: MIT
#pragma once

#include "CaptureOrder.h"
#include "capture/CaptureFilter.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

class CaptureStore;
class JobRunner;

// The capture table over the store. It filters and sorts inside itself, on a vector of
// visible store rows: QSortFilterProxyModel takes seconds at a million rows. Batches from
// the listener are inserted where the sort order puts them, never with a reset, so the
// selection survives ingest in any order; free-text search runs on a pool thread and its
// result is dropped when a newer search has started.
class CaptureTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // The task, key and status cells show at most this many characters of their text.
    static constexpr qsizetype kCellChars = 80;
    static QString cellPrefix(QStringView text);

    enum Column {
        IdColumn,
        TimeColumn,
        MethodColumn,
        PathColumn,
        TaskColumn,
        KeyColumn,
        StatusColumn,
        AttemptColumn,
        FindingsColumn,
        SizeColumn,
        AnswerColumn,
        ForwardColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole, CaptureIdRole, StoreRowRole, GroupRole };
    // What live forwarding made of one capture, in words; `slow` when the app answered later
    // than Hoox waits, or not at all (the words then say what Hoox would have done).
    struct ForwardNote {
        QString summary;
        bool slow = false;
    };

    // Text searches run as jobs of `jobs` (the session's, so that the status bar shows them with
    // Cancel); without one, the model runs them on a runner of its own.
    explicit CaptureTableModel(CaptureStore *store, JobRunner *jobs = nullptr,
                               QObject *parent = nullptr);
    ~CaptureTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // What live forwarding made of a capture, e.g. "→ http://localhost:3000: 200 in 12 ms".
    void setForwardResult(quint64 captureId, const QString &summary, bool slow = false);
    ForwardNote forwardNote(quint64 captureId) const { return m_forwarded.value(captureId); }
    void setFilter(const CaptureFilter &filter);
    // Shows only the captures received in [sinceMs, untilMs) (ms since the epoch), keeping the
    // rest of the filter: the activity strip's drag. The defaults of CaptureFilter clear it.
    void setTimeRange(qint64 sinceMs, qint64 untilMs);
    const CaptureFilter &filter() const { return m_filter; }
    bool isSearching() const { return m_searching; }
    qsizetype totalCount() const;
    // The store row shown at `row`, and the other way round (-1 when filtered out).
    qsizetype storeRow(int row) const { return m_visible[size_t(row)]; }
    int rowOfStoreRow(qsizetype storeRow) const;

signals:
    void countsChanged(qsizetype shown, qsizetype total);
    void searchingChanged(bool searching);
    void filterError(const QString &message); // e.g. an invalid regular expression
    // The user cancelled the text search: the text filter is dropped.
    void searchCanceled();

private:
    void flushForwardResults();
    QVariant display(qsizetype storeRow, int column) const;
    QVariant sortKey(qsizetype storeRow, int column) const;
    QVariant background(qsizetype storeRow) const;
    QVariant forwardData(quint64 captureId, int role) const;
    void sortVisible();
    bool accepts(qsizetype storeRow) const;
    void onAppended(qsizetype first, qsizetype count);
    void addNewDuplicates(qsizetype storeRow, qsizetype first, std::vector<qint32> *added) const;
    void insertSorted(std::vector<qint32> rows);
    qsizetype placeOf(qint32 storeRow) const;
    qsizetype insertionPoint(qint32 storeRow, qsizetype from) const;
    void insertRuns(const std::vector<qint32> &rows, const std::vector<qsizetype> &at);
    void mergeIn(const std::vector<qint32> &rows, const std::vector<qsizetype> &at);
    void announceRetried(qsizetype first, qsizetype count);
    std::optional<std::vector<int>> retriedRows(qsizetype first, qsizetype count) const;
    void rebuild();
    void startSearch();
    void onSearchCanceled(quint64 job);
    void emitCounts();

    CaptureStore *m_store;
    CaptureFilter m_filter;
    std::vector<qint32> m_visible;
    CaptureOrder m_order; // m_visible is always in this order
    std::shared_ptr<const TextMatcher> m_matcher;
    std::vector<quint8> m_textMatch; // per store row, for rows the last search covered
    // Shared with the search threads, which give up once it moves on.
    std::shared_ptr<std::atomic<quint64>> m_searchGeneration =
        std::make_shared<std::atomic<quint64>>(0);
    bool m_searching = false;
    std::unique_ptr<JobRunner> m_ownJobs;
    JobRunner *m_jobs;
    quint64 m_searchJob = 0;
    QHash<quint64, ForwardNote> m_forwarded;
    QList<quint64> m_forwardChanged; // outcomes not yet told to the view
    QTimer m_forwardTimer;
};
