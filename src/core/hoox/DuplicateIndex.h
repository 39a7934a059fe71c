// SPDX-License-Identifier: MIT
#pragma once

#include "hoox/HooxClassification.h"

#include <QHash>
#include <QString>

// Numbers deliveries that share a Hoox idempotency key (job_id or avatar_id:look_id), the way
// Hoox retries repeat them. Not thread-safe: it belongs to the thread that orders captures.
class DuplicateIndex {
public:
    // Sets c.attempt and c.duplicateOf; appends conflicting_duplicate when c's status or
    // outcome differs from the first delivery with the same key.
    void assign(quint64 id, HooxClassification &c);
    // Replays a capture already classified by assign(), e.g. read back from a journal, so
    // that later assign() calls continue its numbering.
    void restore(quint64 id, const HooxClassification &c);
    // Takes back the latest assign() of c's group, for a capture that was never kept.
    // A no-op unless c is that latest one: later attempts already carry higher numbers.
    void unassign(const HooxClassification &c);

    qsizetype keyCount() const { return m_groups.size(); }
    void clear() { m_groups.clear(); }

private:
    struct Group {
        quint64 firstId = 0;
        quint64 outcomeHash = 0; // of the first delivery: later ones are compared against it
        quint32 count = 0;
    };

    // The keys share their data with the captures' HooxClassification::key, so a million
    // groups cost the hash nodes, not another million strings.
    QHash<QString, Group> m_groups;
};
