// SPDX-License-Identifier: MIT
#include "DuplicateIndex.h"

#include <algorithm>

using namespace Qt::StringLiterals;

void DuplicateIndex::assign(quint64 id, HooxClassification &c)
{
    c.attempt = 0;
    c.duplicateOf = 0;
    if (c.key.isEmpty())
        return;
    const auto it = m_groups.find(c.key);
    if (it == m_groups.end()) {
        m_groups.insert(c.key, Group{id, c.outcomeHash, 1});
        c.attempt = 1;
        return;
    }
    c.attempt = ++it->count;
    c.duplicateOf = it->firstId;
    const QString conflict = u"conflicting_duplicate"_s;
    if (c.outcomeHash != it->outcomeHash && !c.findings.contains(conflict))
        c.findings.append(conflict);
}

void DuplicateIndex::restore(quint64 id, const HooxClassification &c)
{
    if (c.key.isEmpty())
        return;
    // Trusting the stored attempt and duplicateOf keeps the numbering going when the journal
    // no longer holds a group's first capture (whose outcome is then lost, so this one's stands
    // in); for a complete journal read in id order they agree with plain counting.
    const auto it = m_groups.find(c.key);
    if (it == m_groups.end()) {
        const quint64 firstId = c.duplicateOf != 0 ? c.duplicateOf : id;
        m_groups.insert(c.key, Group{firstId, c.outcomeHash, std::max<quint32>(c.attempt, 1)});
        return;
    }
    it->count = std::max(it->count + 1, c.attempt);
}

void DuplicateIndex::unassign(const HooxClassification &c)
{
    if (c.key.isEmpty())
        return;
    const auto it = m_groups.find(c.key);
    if (it == m_groups.end() || it->count != c.attempt)
        return;
    if (--it->count == 0)
        m_groups.erase(it);
}
