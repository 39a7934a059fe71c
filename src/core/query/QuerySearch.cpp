// SPDX-License-Identifier: MIT
#include "QuerySearch.h"

#include "capture/CaptureSearch.h"
#include "capture/JournalFieldCache.h"
#include "capture/JournalFormat.h"

#include <algorithm>

namespace F = JournalFormat;

namespace {
// Decodes no more of a record than the query looks at: the summary and the body, and the
// header fields only when a term asks for them.
class RecordTest : public CaptureSearch::RowTest {
public:
    RecordTest(const Query &query, const QuerySearch::Plan &plan)
        : m_query(query)
        , m_plan(plan)
        , m_headers(query.needsHeaders())
    {
    }

    bool record(qsizetype row, const uchar *payload, quint32 size) override
    {
        const QueryFacts &facts = factsOf(row);
        if (m_headers) {
            Capture c;
            return F::decodeCapture(payload, size, m_cache, &c) && m_query.matches(c, &facts);
        }
        F::SearchFields fields;
        if (!F::decodeIndexEntry(payload, size, m_cache, &m_key, &m_entry) ||
            !F::searchFields(payload, size, &fields))
            return false;
        QuerySubject s;
        s.task = m_entry.taskText;
        s.status = m_entry.statusText;
        s.key = m_entry.key;
        s.method = m_entry.method;
        s.target = m_entry.target;
        s.findings = &m_entry.findings;
        s.receivedAtMs = m_entry.receivedAtMs;
        s.attempt = m_entry.attempt;
        s.answer = m_entry.answerStatus;
        s.forward = facts.forwardStatus;
        s.duplicate = facts.duplicate;
        s.note = facts.note;
        s.bookmarked = facts.bookmarked;
        s.hasRecord = true;
        s.keyUtf8 = fields.key;
        s.body = fields.body;
        return m_query.matches(s);
    }

    bool capture(qsizetype row, const Capture &c) override
    {
        return m_query.matches(c, &factsOf(row));
    }

private:
    const QueryFacts &factsOf(qsizetype row) const
    {
        const auto it = std::lower_bound(m_plan.pending.cbegin(), m_plan.pending.cend(), row);
        return m_plan.facts[size_t(it - m_plan.pending.cbegin())];
    }

    const Query &m_query;
    const QuerySearch::Plan &m_plan;
    bool m_headers;
    JournalFieldCache m_cache;
    QString m_key;
    CaptureIndex::Entry m_entry;
};
} // namespace

QuerySearch::Plan QuerySearch::prepare(const Query &query, const CaptureStore &store,
                                       const QueryAnnotations *annotations)
{
    Plan plan;
    const qsizetype n = store.size();
    plan.result.assign(size_t(n), 0);
    for (qsizetype i = 0; i < n; ++i) {
        const QueryVerdict v = query.checkRow(store.index(), i, annotations);
        if (v == QueryVerdict::Yes) {
            plan.result[size_t(i)] = 1;
        } else if (v == QueryVerdict::Unknown) {
            plan.pending.push_back(qint32(i));
            plan.facts.push_back(Query::factsOf(store.index(), i, annotations));
        }
    }
    if (!plan.pending.empty())
        plan.source = store.searchSource();
    return plan;
}

std::vector<quint8> QuerySearch::run(const Query &query, Plan plan,
                                     const std::atomic<quint64> *current, quint64 generation)
{
    if (plan.pending.empty())
        return std::move(plan.result);
    const std::vector<quint8> decided = CaptureSearch::run(
        *plan.source, [&] { return std::make_unique<RecordTest>(query, plan); }, &plan.pending,
        current, generation);
    if (decided.empty())
        return {};
    for (qint32 row : plan.pending)
        plan.result[size_t(row)] = decided[size_t(row)];
    return std::move(plan.result);
}

bool QuerySearch::matchesRow(const Query &query, const CaptureStore &store, qsizetype row,
                             const QueryAnnotations *annotations)
{
    const QueryVerdict v = query.checkRow(store.index(), row, annotations);
    if (v != QueryVerdict::Unknown)
        return v == QueryVerdict::Yes;
    const CapturePtr c = store.capture(row);
    const QueryFacts facts = Query::factsOf(store.index(), row, annotations);
    return c && query.matches(*c, &facts);
}

QList<qsizetype> QuerySearch::candidates(const Query &query, const CaptureStore &store,
                                         const QueryAnnotations *annotations,
                                         QHash<quint64, QueryFacts> *facts)
{
    QList<qsizetype> rows;
    for (qsizetype i = 0; i < store.size(); ++i) {
        if (!query.matchesRow(store, i, annotations))
            continue;
        rows.append(i);
        facts->insert(store.row(i).id, Query::factsOf(store.index(), i, annotations));
    }
    return rows;
}
