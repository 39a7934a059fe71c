// SPDX-License-Identifier: MIT
#pragma once

#include "capture/HugePageAllocator.h"

#include <QStringView>

// A set of strings numbered densely from 0 in insertion order, kept in one flat buffer with an
// open-addressing hash table beside it. A million idempotency keys cost their characters and
// 24 bytes each, not a million heap strings and hash nodes, and a lookup touches one or two
// cache lines. Lookups are exact: the hash only finds candidates, the text decides.
class KeyTable {
public:
    static constexpr qint32 NotFound = -1;

    qint32 find(QStringView key) const;
    // The number of `key`, added when it is new.
    qint32 insert(QStringView key, bool *added = nullptr);
    QStringView at(qint32 index) const
    {
        const Span &s = m_spans[size_t(index)];
        return QStringView(m_chars.data() + s.offset, qsizetype(s.length));
    }
    qsizetype size() const { return qsizetype(m_spans.size()); }
    void clear();

private:
    struct Span {
        quint64 offset;
        quint32 length;
    };
    struct Slot {
        // The key's 32-bit hash: its low bits are the slot it belongs in, so that growing
        // never reads the keys again; the rest skips most text comparisons.
        quint32 tag = 0;
        qint32 index = NotFound;
    };
    static quint32 hashOf(QStringView key);
    // The slot holding `key`, or the empty slot where it would go.
    size_t probe(QStringView key, quint32 tag) const;
    void grow();

    HugeVector<char16_t> m_chars;
    HugeVector<Span> m_spans;
    HugeVector<Slot> m_slots; // a power of two in size, at most half full
};
