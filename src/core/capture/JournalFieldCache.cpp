// SPDX-License-Identifier: MIT
#include "JournalFieldCache.h"

JournalFieldCache::JournalFieldCache()
    : m_entries(size_t(headerName(CachedHeaders)))
{
}

QString JournalFieldCache::text(int slot, QByteArrayView utf8)
{
    Entry *e = entry(slot);
    if (!e)
        return QString::fromUtf8(utf8);
    if (!e->filled || e->raw != utf8) {
        e->raw = utf8;
        e->text = QString::fromUtf8(utf8);
        e->filled = true;
    }
    return e->text;
}

// Views into the data are never null, so an empty field becomes an empty but non-null
// QByteArray: a header sent with an empty value still reads as present.
QByteArray JournalFieldCache::bytes(int slot, QByteArrayView raw)
{
    Entry *e = entry(slot);
    if (!e)
        return raw.toByteArray();
    if (!e->filled || e->raw != raw) {
        e->raw = raw;
        e->bytes = raw.toByteArray();
        e->filled = true;
    }
    return e->bytes;
}

JournalFieldCache::Entry *JournalFieldCache::entry(int slot)
{
    return slot >= 0 && size_t(slot) < m_entries.size() ? &m_entries[size_t(slot)] : nullptr;
}
