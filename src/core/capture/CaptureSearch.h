// SPDX-License-Identifier: MIT
#pragma once

#include "capture/CaptureStore.h"

#include <atomic>
#include <vector>

class TextMatcher;

// Free-text search over every capture of a store snapshot, off the GUI thread. Journaled
// captures are read from the journal in large sequential chunks (records of consecutive rows
// are adjacent on disk), so a million bodies are scanned at the speed of the page cache
// without ever being held in memory; the rows are split over the machine's cores.
namespace CaptureSearch {
// One byte per row of `source`: 1 when it matches. Gives up and returns an empty result when
// `*current` no longer equals `generation` (a newer search superseded this one).
std::vector<quint8> run(const CaptureStore::SearchSource &source, const TextMatcher &matcher,
                        const std::atomic<quint64> *current = nullptr, quint64 generation = 0);
// Whether one row matches: the live path, for rows that arrive after a search.
bool matchesRow(const CaptureStore::SearchSource::Span &span, const CapturePtr &resident,
                QFile &journal, const TextMatcher &matcher);
} // namespace CaptureSearch
