// SPDX-License-Identifier: MIT
#pragma once

#include "query/Query.h"

#include <QObject>

#include <atomic>
#include <limits>
#include <memory>
#include <vector>

class CaptureStore;
class JobRunner;

// Which store rows the capture table shows: a filter expression over the store's compact
// columns, and, when it has terms on headers, bodies or free text, a search of the journal as
// a job off the GUI thread whose result is dropped when a newer query has started.
class TableFilter : public QObject {
    Q_OBJECT
public:
    // Searches run as jobs of `jobs` (the session's, so that the status bar shows them with
    // Cancel); without one, on a runner of its own.
    TableFilter(CaptureStore *store, JobRunner *jobs, QObject *parent = nullptr);
    ~TableFilter() override;

    // Emits changed() now, or when its search is done.
    void setQuery(const Query &query);
    const Query &query() const { return m_query; }
    bool isSearching() const { return m_searching; }
    bool accepts(qsizetype storeRow) const;

    // Only the captures received in [sinceMs, untilMs), ms since the epoch, besides the query:
    // the activity strip's drag. The defaults let every capture through.
    static constexpr qint64 kNoSince = std::numeric_limits<qint64>::min();
    static constexpr qint64 kNoUntil = std::numeric_limits<qint64>::max();
    // Returns whether the range changed (the caller shows the rows again).
    bool setTimeRange(qint64 sinceMs, qint64 untilMs);
    qint64 sinceMs() const { return m_sinceMs; }
    qint64 untilMs() const { return m_untilMs; }
    bool hasTimeRange() const { return m_sinceMs != kNoSince || m_untilMs != kNoUntil; }
    // Whether a row's visibility can change when a later delivery of its key arrives.
    bool dependsOnRetries() const { return m_query.isValid() && m_query.needsDuplicates(); }
    // Whether a row's visibility can change when it gets a note or a star.
    bool dependsOnAnnotations() const { return m_query.isValid() && m_query.needsAnnotations(); }

    // What live forwarding got from the app, for `forward:`.
    void setForwardStatus(quint64 captureId, int status);
    const QueryAnnotations &annotations() const { return m_annotations; }
    void clear(); // the store was emptied

signals:
    void changed();
    void searchingChanged(bool searching);
    // The user cancelled the search: the filter is dropped.
    void searchCanceled();

private:
    void startSearch();
    void stopSearch();
    void onCanceled(quint64 job);

    CaptureStore *m_store;
    std::unique_ptr<JobRunner> m_ownJobs;
    JobRunner *m_jobs;
    Query m_query;
    qint64 m_sinceMs = kNoSince;
    qint64 m_untilMs = kNoUntil;
    QueryAnnotations m_annotations;
    std::vector<quint8> m_matched; // per store row, for rows the last search covered
    // Shared with the search threads, which give up once it moves on.
    std::shared_ptr<std::atomic<quint64>> m_generation = std::make_shared<std::atomic<quint64>>(0);
    bool m_searching = false;
    quint64 m_job = 0;
};
