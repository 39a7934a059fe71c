// SPDX-License-Identifier: MIT
#pragma once

#include "json/JsonScanner.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <memory>
#include <vector>

// Remembers the keys of every open object while a JsonScanner walks a document, to find
// duplicated keys: "a" and "\u0061" are the same key. Small objects are searched linearly
// and large ones through a hash, so a million keys stay linear.
class JsonKeySet {
public:
    JsonKeySet();
    ~JsonKeySet();
    void beginObject();
    void endObject();
    // Adds the scanner's current Key to the innermost object; returns true when it was there.
    bool add(const JsonScanner &scanner);
    // Follows the scanner's structure tokens (Begin/EndObject, Key) and returns add()'s answer.
    bool track(const JsonScanner &scanner);

private:
    // Open addressing over the keys of one large object: no allocation per key.
    struct Index {
        struct Slot {
            QByteArrayView key; // null data: empty slot
            quint64 hash = 0;
        };
        std::vector<Slot> table;
        qsizetype used = 0;
        bool insert(QByteArrayView key); // false when it was there
        void grow();
    };
    struct Frame {
        qsizetype first = 0;
        std::unique_ptr<Index> index;
    };

    std::vector<Frame> m_frames;
    std::vector<QByteArrayView> m_keys;
    // Decoded copies of escaped keys; QByteArray's data stays put when the list grows.
    QList<QByteArray> m_decoded;
};
