// SPDX-License-Identifier: MIT
#include "KeyTable.h"

#include <cstring>

quint32 KeyTable::hashOf(QStringView key)
{
    // Eight bytes at a time, each folded in with a multiply: stable across runs and quick on
    // the short identifiers keys are. Collisions cost a comparison, never a wrong answer.
    constexpr quint64 K = 0x9E3779B97F4A7C15ull;
    const auto *bytes = reinterpret_cast<const unsigned char *>(key.utf16());
    size_t left = size_t(key.size()) * sizeof(char16_t);
    quint64 h = K ^ left;
    while (left >= 8) {
        quint64 w;
        std::memcpy(&w, bytes, 8);
        h = (h ^ w) * K;
        h ^= h >> 29;
        bytes += 8;
        left -= 8;
    }
    quint64 w = 0;
    if (left > 0) // memcpy from a null source is undefined even for 0 bytes
        std::memcpy(&w, bytes, left);
    h = (h ^ w) * K;
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ull;
    return quint32(h >> 32); // the multiply leaves its best-mixed bits at the top
}

size_t KeyTable::probe(QStringView key, quint32 tag) const
{
    const size_t mask = m_slots.size() - 1;
    for (size_t i = size_t(tag) & mask;; i = (i + 1) & mask) {
        const Slot &s = m_slots[i];
        if (s.index == NotFound || (s.tag == tag && at(s.index) == key))
            return i;
    }
}

qint32 KeyTable::find(QStringView key) const
{
    if (m_slots.empty())
        return NotFound;
    return m_slots[probe(key, hashOf(key))].index;
}

qint32 KeyTable::insert(QStringView key, bool *added)
{
    if ((m_spans.size() + 1) * 2 > m_slots.size())
        grow();
    const quint32 tag = hashOf(key);
    Slot &slot = m_slots[probe(key, tag)];
    if (added)
        *added = slot.index == NotFound;
    if (slot.index != NotFound)
        return slot.index;
    slot.tag = tag;
    slot.index = qint32(m_spans.size());
    m_spans.push_back(Span{quint64(m_chars.size()), quint32(key.size())});
    m_chars.insert(m_chars.end(), key.utf16(), key.utf16() + key.size());
    return slot.index;
}

void KeyTable::grow()
{
    HugeVector<Slot> previous(qMax<size_t>(1024, m_slots.size() * 2));
    previous.swap(m_slots);
    // The old slots in order, each to where its tag says: no key's text is read, and the writes
    // go forward through the new table (slot i of the old one lands at i or i + its size).
    const size_t mask = m_slots.size() - 1;
    for (const Slot &old : previous) {
        if (old.index == NotFound)
            continue;
        size_t i = size_t(old.tag) & mask;
        while (m_slots[i].index != NotFound)
            i = (i + 1) & mask;
        m_slots[i] = old;
    }
}

void KeyTable::clear()
{
    m_chars = {};
    m_spans = {};
    m_slots = {};
}
