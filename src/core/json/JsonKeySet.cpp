// SPDX-License-Identifier: MIT
#include "JsonKeySet.h"

#include <algorithm>

namespace {
// Past this many keys an object gets a hash; below it a linear search is faster.
constexpr qsizetype kLinearLimit = 24;

// FNV-1a: keys are short, and a seeded hash buys nothing here (the table is per document).
quint64 hashOf(QByteArrayView key)
{
    quint64 h = 14695981039346656037ULL;
    for (const char c : key) {
        h ^= quint8(c);
        h *= 1099511628211ULL;
    }
    return h;
}
} // namespace

bool JsonKeySet::Index::insert(QByteArrayView key)
{
    if ((used + 1) * 2 > qsizetype(table.size()))
        grow();
    const quint64 h = hashOf(key);
    const size_t mask = table.size() - 1;
    for (size_t i = size_t(h) & mask;; i = (i + 1) & mask) {
        Slot &slot = table[i];
        if (slot.key.data() == nullptr) {
            slot = {key, h};
            ++used;
            return true;
        }
        if (slot.hash == h && slot.key == key)
            return false;
    }
}

void JsonKeySet::Index::grow()
{
    std::vector<Slot> old = std::move(table);
    table.assign(std::max<size_t>(64, old.size() * 2), Slot{});
    used = 0;
    const size_t mask = table.size() - 1;
    for (const Slot &slot : old) {
        if (slot.key.data() == nullptr)
            continue;
        size_t i = size_t(slot.hash) & mask;
        while (table[i].key.data() != nullptr)
            i = (i + 1) & mask;
        table[i] = slot;
        ++used;
    }
}

JsonKeySet::JsonKeySet()
{
    m_frames.reserve(16);
    m_keys.reserve(64);
}

JsonKeySet::~JsonKeySet() = default;

void JsonKeySet::beginObject()
{
    m_frames.push_back({qsizetype(m_keys.size()), nullptr});
}

void JsonKeySet::endObject()
{
    if (m_frames.empty())
        return;
    m_keys.resize(size_t(m_frames.back().first));
    m_frames.pop_back();
}

bool JsonKeySet::add(const JsonScanner &scanner)
{
    if (m_frames.empty())
        return false;
    QByteArrayView key = scanner.stringContent();
    if (scanner.hasEscapes()) {
        m_decoded.append(scanner.decodedString().toUtf8());
        key = m_decoded.last();
    }
    Frame &frame = m_frames.back();
    if (frame.index)
        return !frame.index->insert(key);
    for (size_t i = size_t(frame.first); i < m_keys.size(); ++i) {
        if (m_keys[i] == key)
            return true;
    }
    m_keys.push_back(key);
    if (qsizetype(m_keys.size()) - frame.first > kLinearLimit) {
        frame.index = std::make_unique<Index>();
        for (size_t i = size_t(frame.first); i < m_keys.size(); ++i)
            frame.index->insert(m_keys[i]);
        m_keys.resize(size_t(frame.first));
    }
    return false;
}

bool JsonKeySet::track(const JsonScanner &scanner)
{
    switch (scanner.token()) {
    case JsonScanner::Token::BeginObject:
        beginObject();
        return false;
    case JsonScanner::Token::EndObject:
        endObject();
        return false;
    case JsonScanner::Token::Key:
        return add(scanner);
    default:
        return false;
    }
}
