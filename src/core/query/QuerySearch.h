// SPDX-License-Identifier: MIT
#pragma once

#include "capture/CaptureStore.h"
#include "query/Query.h"

#include <atomic>
#include <vector>

// A query over every row of the store: the rows' compact columns settle most of them on the
// GUI thread in milliseconds; the rest (terms on headers, body or free text) are read back
// from the journal off the GUI thread, in long sequential runs over the machine's cores.
namespace QuerySearch {
struct Plan {
    std::shared_ptr<const CaptureStore::SearchSource> source;
    std::vector<quint8> result;    // per store row: 1 when it matches, as far as settled
    std::vector<qint32> pending;   // rows (ascending) whose record decides
    std::vector<QueryFacts> facts; // per pending row: what its record does not hold
};

// On the GUI thread: what the store's columns settle, and a snapshot of the rest.
Plan prepare(const Query &query, const CaptureStore &store, const QueryAnnotations *annotations);
// Off it: the plan's result with the pending rows decided, or an empty vector when `*current`
// no longer equals `generation` (a newer search superseded this one).
std::vector<quint8> run(const Query &query, Plan plan,
                        const std::atomic<quint64> *current = nullptr, quint64 generation = 0);
// Whether one row matches, reading its record when it must: the live path, for rows that
// arrive after a search.
bool matchesRow(const Query &query, const CaptureStore &store, qsizetype row,
                const QueryAnnotations *annotations);
// The rows whose columns do not rule them out, with what their records do not hold by capture
// id, for reading them back and checking each with Query::matches().
QList<qsizetype> candidates(const Query &query, const CaptureStore &store,
                            const QueryAnnotations *annotations, QHash<quint64, QueryFacts> *facts);
} // namespace QuerySearch
