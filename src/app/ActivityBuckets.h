// SPDX-License-Identifier: MIT
#pragma once

#include "AnswerClass.h"

#include <QtGlobal>

#include <array>
#include <vector>

// Deliveries per time bucket and answer class, for the activity strip. Counted as captures
// arrive, each in O(1) (amortised); read as sums over runs of buckets through prefix sums, so
// that drawing a column costs the same whatever it covers. Buckets start a second wide and
// double (merging pairs) whenever the session outgrows kMaxBuckets of them: a session of
// months stays a few megabytes.
class ActivityBuckets {
public:
    using Counts = std::array<quint64, AnswerClass::KindCount>;
    static constexpr qsizetype kMaxBuckets = 1 << 16;
    static constexpr qint64 kFirstWidthMs = 1000;

    void add(qint64 atMs, AnswerClass::Kind kind);
    void clear();

    bool isEmpty() const { return m_counts.empty(); }
    qsizetype size() const { return qsizetype(m_counts.size()); }
    qint64 originMs() const { return m_originMs; } // the start of bucket 0
    qint64 widthMs() const { return m_widthMs; }
    qint64 total() const { return m_total; }
    // The deliveries of buckets [first, last), by class.
    Counts sum(qsizetype first, qsizetype last) const;

private:
    void coarsen();
    void growTo(qint64 index);
    void prependBuckets(qint64 count);
    void updatePrefix() const;

    std::vector<std::array<quint32, AnswerClass::KindCount>> m_counts;
    qint64 m_originMs = 0;
    qint64 m_widthMs = kFirstWidthMs;
    qint64 m_total = 0;
    // m_prefix[i] = sum of buckets [0, i), valid up to m_prefixValid: rows mostly arrive in time
    // order, so only the last few entries are recomputed after a batch.
    mutable std::vector<Counts> m_prefix;
    mutable qsizetype m_prefixValid = 0;
};
