// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <vector>

// Consecutive records mostly repeat their peer, method, target, task, status and header fields.
// Handing out the copy made for the previous record when the bytes are the same spares most of
// the allocations of a reload, and lets a million captures share a few strings.
// It keeps views into the data being read, so it must not outlive that data.
class JournalFieldCache {
public:
    enum Slot : int { Peer, Method, Target, TaskText, StatusText, FirstHeader };
    static constexpr int CachedHeaders = 32;
    static constexpr int headerName(int index) { return FirstHeader + 2 * index; }
    static constexpr int headerValue(int index) { return FirstHeader + 2 * index + 1; }

    JournalFieldCache();
    QString text(int slot, QByteArrayView utf8);
    QByteArray bytes(int slot, QByteArrayView raw);

private:
    struct Entry {
        QByteArrayView raw;
        QString text;
        QByteArray bytes;
        bool filled = false;
    };
    // Null when `slot` is not cached.
    Entry *entry(int slot);

    std::vector<Entry> m_entries;
};
