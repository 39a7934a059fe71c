// SPDX-License-Identifier: MIT
#include "ActivityBuckets.h"

#include <algorithm>

namespace {
qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}
} // namespace

void ActivityBuckets::add(qint64 atMs, AnswerClass::Kind kind)
{
    if (m_counts.empty())
        m_originMs = floorDiv(atMs, m_widthMs) * m_widthMs;
    qint64 index = floorDiv(atMs - m_originMs, m_widthMs);
    if (index < 0) {
        prependBuckets(-index);
        index = floorDiv(atMs - m_originMs, m_widthMs);
    } else if (index >= size()) {
        growTo(index);
        index = floorDiv(atMs - m_originMs, m_widthMs);
    }
    ++m_counts[size_t(index)][kind];
    ++m_total;
    m_prefixValid = std::min<qsizetype>(m_prefixValid, qsizetype(index));
}

void ActivityBuckets::clear()
{
    m_counts.clear();
    m_prefix.clear();
    m_prefixValid = 0;
    m_widthMs = kFirstWidthMs;
    m_originMs = 0;
    m_total = 0;
}

// Makes bucket `index` exist, coarsening first when the session would outgrow kMaxBuckets.
void ActivityBuckets::growTo(qint64 index)
{
    while (index >= kMaxBuckets) {
        const qint64 atMs = m_originMs + index * m_widthMs;
        coarsen();
        index = floorDiv(atMs - m_originMs, m_widthMs);
    }
    m_counts.resize(size_t(index + 1), {});
}

// A capture from before the first bucket (an import, a held capture answered late).
void ActivityBuckets::prependBuckets(qint64 count)
{
    while (count + size() > kMaxBuckets) {
        const qint64 newOriginMs = m_originMs - count * m_widthMs;
        coarsen();
        count = floorDiv(m_originMs - newOriginMs + m_widthMs - 1, m_widthMs);
    }
    m_counts.insert(m_counts.begin(), size_t(count), {});
    m_originMs -= count * m_widthMs;
    m_prefixValid = 0;
}

// Doubles the bucket width, keeping buckets aligned to multiples of it.
void ActivityBuckets::coarsen()
{
    const qint64 width = m_widthMs * 2;
    const qint64 origin = floorDiv(m_originMs, width) * width;
    const qsizetype shift = (m_originMs - origin) / m_widthMs; // 0 or 1
    std::vector<std::array<quint32, AnswerClass::KindCount>> merged(
        static_cast<size_t>((size() + shift + 1) / 2),
        std::array<quint32, AnswerClass::KindCount>{});
    for (qsizetype i = 0; i < size(); ++i) {
        auto &to = merged[size_t((i + shift) / 2)];
        for (int k = 0; k < AnswerClass::KindCount; ++k)
            to[size_t(k)] += m_counts[size_t(i)][size_t(k)];
    }
    m_counts = std::move(merged);
    m_originMs = origin;
    m_widthMs = width;
    m_prefixValid = 0;
}

void ActivityBuckets::updatePrefix() const
{
    const auto n = size();
    m_prefix.resize(size_t(n + 1), {});
    for (qsizetype i = m_prefixValid; i < n; ++i) {
        for (int k = 0; k < AnswerClass::KindCount; ++k)
            m_prefix[size_t(i + 1)][size_t(k)] =
                m_prefix[size_t(i)][size_t(k)] + m_counts[size_t(i)][size_t(k)];
    }
    m_prefixValid = n;
}

ActivityBuckets::Counts ActivityBuckets::sum(qsizetype first, qsizetype last) const
{
    first = std::clamp<qsizetype>(first, 0, size());
    last = std::clamp<qsizetype>(last, first, size());
    if (m_prefixValid < size() || qsizetype(m_prefix.size()) != size() + 1)
        updatePrefix();
    Counts c{};
    for (int k = 0; k < AnswerClass::KindCount; ++k)
        c[size_t(k)] = m_prefix[size_t(last)][size_t(k)] - m_prefix[size_t(first)][size_t(k)];
    return c;
}
