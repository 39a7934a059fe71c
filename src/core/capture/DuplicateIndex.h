// SPDX-License-Identifier: MIT
#pragma once

#include "hoox/HooxClassification.h"

#include "capture/CaptureIndex.h"
#include "capture/KeyTable.h"

#include <QString>

#include <vector>

// Numbers deliveries that share a Hoox idempotency key (job_id or avatar_id:look_id), the way
// Hoox retries repeat them. Not thread-safe: it belongs to the thread that orders captures.
class DuplicateIndex {
public:
    // Sets c.attempt and c.duplicateOf; appends conflicting_duplicate when c's status or
    // outcome differs from the first delivery with the same key.
    void assign(quint64 id, HooxClassification &c);
    // Replays a capture already classified by assign(), e.g. read back from a journal, so
    // that later assign() calls continue its numbering.
    void restore(quint64 id, const HooxClassification &c)
    {
        restore(id, c.key, c.duplicateOf, c.attempt, c.outcomeHash);
    }
    void restore(quint64 id, QStringView key, quint64 duplicateOf, quint32 attempt,
                 quint64 outcomeHash);
    // Replays every row of `loaded`, in order, as the call above does. Into an empty index it
    // takes the keys' numbering from `loaded` instead of hashing every key again.
    void restore(const CaptureIndex &loaded);
    // Takes back the latest assign() of c's group, for a capture that was never kept.
    // A no-op unless c is that latest one: later attempts already carry higher numbers.
    void unassign(const HooxClassification &c);

    qsizetype keyCount() const { return m_live; }
    void clear()
    {
        m_keys.clear();
        m_groups = {};
        m_live = 0;
    }

private:
    struct Group {
        quint64 firstId = 0;
        quint64 outcomeHash = 0; // of the first delivery: later ones are compared against it
        quint32 count = 0;       // 0: every delivery was taken back, as if the key were new
    };
    Group &groupOf(QStringView key, bool *isNew);
    // Counts one more stored delivery into `g`, which `isNew` says held none before.
    static void replay(Group &g, bool isNew, quint64 id, quint64 duplicateOf, quint32 attempt,
                       quint64 outcomeHash);

    // A million keys cost their characters and a hash slot each (see KeyTable).
    KeyTable m_keys;
    std::vector<Group> m_groups; // by key number
    qsizetype m_live = 0;
};
