// SPDX-License-Identifier: MIT
#pragma once

#include "capture/CaptureStore.h"

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

class TextMatcher;

// Free-text search over every capture of a store snapshot, off the GUI thread. Journaled
// captures are read from the journal in large sequential chunks (records of consecutive rows
// are adjacent on disk), so a million bodies are scanned at the speed of the page cache
// without ever being held in memory; the rows are split over the machine's cores.
namespace CaptureSearch {
// Decides one row at a time for run(); each search thread makes its own.
class RowTest {
public:
    virtual ~RowTest() = default;
    // The row's journal record payload (its id checked against the row's), or, for a row in
    // no journal, the capture itself.
    virtual bool record(qsizetype row, const uchar *payload, quint32 size) = 0;
    virtual bool capture(qsizetype row, const Capture &c) = 0;
};
using RowTestFactory = std::function<std::unique_ptr<RowTest>()>;

// One byte per row of `source`, 1 when `test` says so, for the rows in `rows` (all rows when
// null; the others stay 0). Gives up and returns an empty result when `*current` no longer
// equals `generation` (a newer search superseded this one).
std::vector<quint8> run(const CaptureStore::SearchSource &source, const RowTestFactory &makeTest,
                        const std::vector<qint32> *rows = nullptr,
                        const std::atomic<quint64> *current = nullptr, quint64 generation = 0);
// One byte per row of `source`: 1 when it matches. Gives up and returns an empty result when
// `*current` no longer equals `generation` (a newer search superseded this one).
std::vector<quint8> run(const CaptureStore::SearchSource &source, const TextMatcher &matcher,
                        const std::atomic<quint64> *current = nullptr, quint64 generation = 0);
// Whether one row matches: the live path, for rows that arrive after a search.
bool matchesRow(const CaptureStore::SearchSource::Span &span, const CapturePtr &resident,
                QFile &journal, const TextMatcher &matcher);
} // namespace CaptureSearch
