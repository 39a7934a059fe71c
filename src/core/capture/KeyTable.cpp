// SPDX-License-Identifier: MIT
#include "KeyTable.h"

quint64 KeyTable::hashOf(QStringView key)
{
    // FNV-1a over the UTF-16 code units: stable across runs, and good enough to spread
    // identifiers; collisions are resolved by comparing the text.
    quint64 h = 14695981039346656037ull;
    for (QChar c : key) {
        h ^= c.unicode();
        h *= 1099511628211ull;
    }
    return h;
}

qint32 KeyTable::find(QStringView key) const
{
    const auto it = m_byHash.constFind(hashOf(key));
    if (it == m_byHash.cend())
        return NotFound;
    if (at(*it) == key)
        return *it;
    return m_collided.value(key.toString(), NotFound);
}

qint32 KeyTable::insert(QStringView key, bool *added)
{
    const quint64 h = hashOf(key);
    auto it = m_byHash.find(h);
    qint32 found = NotFound;
    if (it != m_byHash.end())
        found = at(*it) == key ? *it : m_collided.value(key.toString(), NotFound);
    if (added)
        *added = found == NotFound;
    if (found != NotFound)
        return found;
    const auto index = qint32(m_spans.size());
    m_spans.push_back(Span{quint64(m_chars.size()), quint32(key.size())});
    m_chars.insert(m_chars.end(), key.utf16(), key.utf16() + key.size());
    if (it == m_byHash.end())
        m_byHash.insert(h, index);
    else
        m_collided.insert(key.toString(), index);
    return index;
}

void KeyTable::clear()
{
    m_chars = {};
    m_spans = {};
    m_byHash.clear();
    m_collided.clear();
}
