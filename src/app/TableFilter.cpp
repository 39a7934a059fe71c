// SPDX-License-Identifier: MIT
#include "TableFilter.h"

#include "capture/CaptureStore.h"
#include "query/QuerySearch.h"
#include "session/JobRunner.h"

#include <utility>

TableFilter::TableFilter(CaptureStore *store, JobRunner *jobs, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_ownJobs(jobs ? nullptr : std::make_unique<JobRunner>())
    , m_jobs(jobs ? jobs : m_ownJobs.get())
{
    connect(m_jobs, &JobRunner::cancelRequested, this, &TableFilter::onCanceled);
}

TableFilter::~TableFilter() = default;

void TableFilter::setQuery(const Query &query)
{
    m_query = query;
    stopSearch();
    if (query.isValid() && query.needsCapture()) {
        startSearch(); // changed() when it is done
        return;
    }
    emit changed();
}

bool TableFilter::accepts(qsizetype storeRow) const
{
    if (m_store->isDeleted(storeRow)) // perhaps since the search: no query shows it
        return false;
    if (hasTimeRange()) {
        const qint64 at = m_store->row(storeRow).receivedAtMs;
        if (at < m_sinceMs || at >= m_untilMs)
            return false;
    }
    if (!m_query.needsCapture())
        return m_query.checkRow(m_store->index(), storeRow, &m_annotations) == QueryVerdict::Yes;
    if (size_t(storeRow) < m_matched.size())
        return m_matched[size_t(storeRow)] != 0;
    // A row that arrived after the search; live rows come a batch at a time.
    return !m_searching && QuerySearch::matchesRow(m_query, *m_store, storeRow, &m_annotations);
}

bool TableFilter::setTimeRange(qint64 sinceMs, qint64 untilMs)
{
    if (sinceMs == m_sinceMs && untilMs == m_untilMs)
        return false;
    m_sinceMs = sinceMs;
    m_untilMs = untilMs;
    return true;
}

void TableFilter::setForwardStatus(quint64 captureId, int status)
{
    m_annotations.forwardStatus.insert(captureId, quint16(qBound(0, status, 65535)));
}

void TableFilter::clear()
{
    m_matched.clear();
    m_annotations = {}; // ids start again at 1 in the next session's journal
}

void TableFilter::stopSearch()
{
    ++*m_generation; // a search still running is now moot
    if (const quint64 moot = std::exchange(m_job, 0))
        m_jobs->cancel(moot);
    m_matched.clear();
    if (m_searching) {
        m_searching = false;
        emit searchingChanged(false);
    }
}

void TableFilter::startSearch()
{
    const quint64 generation = ++*m_generation;
    m_searching = true;
    emit searchingChanged(true);
    // The rows searched are a snapshot: rows that arrive meanwhile are matched as they come.
    auto plan = std::make_shared<QuerySearch::Plan>(
        QuerySearch::prepare(m_query, *m_store, &m_annotations));
    const std::shared_ptr<std::atomic<quint64>> current = m_generation;
    m_job = m_jobs->start(
        tr("Filtering: %1").arg(m_query.text()), this,
        [generation, current, plan, query = m_query](JobControl &) {
            return QuerySearch::run(query, std::move(*plan), current.get(), generation);
        },
        [this, generation](std::vector<quint8> result) {
            if (generation != *m_generation)
                return; // a newer search reports
            m_job = 0;
            m_matched = std::move(result);
            m_searching = false;
            emit searchingChanged(false);
            emit changed();
        });
}

// Cancel in the status bar: the search stops, and the filter with it.
void TableFilter::onCanceled(quint64 job)
{
    if (job != m_job)
        return;
    m_job = 0;
    m_query = Query();
    stopSearch();
    emit searchCanceled();
    emit changed();
}
