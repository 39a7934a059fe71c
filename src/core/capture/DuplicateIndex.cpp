// SPDX-License-Identifier: MIT
#include "DuplicateIndex.h"

#include <algorithm>

using namespace Qt::StringLiterals;

DuplicateIndex::Group &DuplicateIndex::groupOf(QStringView key, bool *isNew)
{
    bool added = false;
    const qint32 index = m_keys.insert(key, &added);
    if (added)
        m_groups.push_back(Group{});
    Group &g = m_groups[size_t(index)];
    *isNew = g.count == 0;
    if (*isNew)
        ++m_live;
    return g;
}

void DuplicateIndex::assign(quint64 id, HooxClassification &c)
{
    c.attempt = 0;
    c.duplicateOf = 0;
    if (c.key.isEmpty())
        return;
    bool isNew = false;
    Group &g = groupOf(c.key, &isNew);
    if (isNew) {
        g = Group{id, c.outcomeHash, 1};
        c.attempt = 1;
        return;
    }
    c.attempt = ++g.count;
    c.duplicateOf = g.firstId;
    const QString conflict = u"conflicting_duplicate"_s;
    if (c.outcomeHash != g.outcomeHash && !c.findings.contains(conflict))
        c.findings.append(conflict);
}

void DuplicateIndex::restore(quint64 id, QStringView key, quint64 duplicateOf, quint32 attempt,
                             quint64 outcomeHash)
{
    if (key.isEmpty())
        return;
    // Trusting the stored attempt and duplicateOf keeps the numbering going when the journal
    // no longer holds a group's first capture (whose outcome is then lost, so this one's stands
    // in); for a complete journal read in id order they agree with plain counting.
    bool isNew = false;
    Group &g = groupOf(key, &isNew);
    replay(g, isNew, id, duplicateOf, attempt, outcomeHash);
}

void DuplicateIndex::replay(Group &g, bool isNew, quint64 id, quint64 duplicateOf, quint32 attempt,
                            quint64 outcomeHash)
{
    if (isNew)
        g = Group{duplicateOf != 0 ? duplicateOf : id, outcomeHash, std::max<quint32>(attempt, 1)};
    else
        g.count = std::max(g.count + 1, attempt);
}

void DuplicateIndex::restore(const CaptureIndex &loaded)
{
    if (m_keys.size() > 0) {
        for (qsizetype i = 0; i < loaded.size(); ++i) {
            const CaptureIndex::Row &r = loaded.row(i);
            restore(r.id, loaded.key(i), r.duplicateOf, r.attempt, r.outcomeHash);
        }
        return;
    }
    // The loaded index numbered its keys in order of first appearance, as groupOf() does: its
    // group numbers are this index's key numbers, and no key is hashed again.
    m_keys = loaded.keys();
    m_groups.assign(size_t(m_keys.size()), Group{});
    for (qsizetype i = 0; i < loaded.size(); ++i) {
        const CaptureIndex::Row &r = loaded.row(i);
        if (r.group < 0)
            continue;
        Group &g = m_groups[size_t(r.group)];
        const bool isNew = g.count == 0;
        m_live += isNew ? 1 : 0;
        replay(g, isNew, r.id, r.duplicateOf, r.attempt, r.outcomeHash);
    }
}

void DuplicateIndex::unassign(const HooxClassification &c)
{
    if (c.key.isEmpty())
        return;
    const qint32 index = m_keys.find(c.key);
    if (index == KeyTable::NotFound)
        return;
    Group &g = m_groups[size_t(index)];
    if (g.count == 0 || g.count != c.attempt)
        return;
    if (--g.count == 0)
        --m_live;
}
