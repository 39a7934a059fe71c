// SPDX-License-Identifier: MIT
#include "CaptureStore.h"

#include <algorithm>

void CaptureStore::append(const CaptureBatch &batch)
{
    if (batch.isEmpty())
        return;
    const qsizetype first = m_captures.size();
    emit aboutToAppend(first, batch.size());
    m_captures.append(batch);
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const HooxClassification &h = batch.at(i)->hoox;
        const auto rowIndex = qint32(first + i);
        Row r;
        r.task = h.task;
        r.status = h.status;
        r.flags = (h.findings.isEmpty() ? 0 : HasFindings) |
                  (h.findings.contains(QLatin1String("conflicting_duplicate")) ? Conflict : 0);
        if (!h.key.isEmpty()) {
            auto it = m_groupOfKey.find(h.key);
            if (it == m_groupOfKey.end()) {
                it = m_groupOfKey.insert(h.key, qint32(m_groups.size()));
                m_groups.push_back(Group{rowIndex, -1, 0, false});
            } else {
                r.flags |= Retry;
            }
            Group &g = m_groups[size_t(*it)];
            r.group = *it;
            r.previous = g.lastRow;
            g.lastRow = rowIndex;
            ++g.count;
            g.conflict = g.conflict || (r.flags & Conflict);
        }
        m_rows.push_back(r);
    }
    emit appended(first, batch.size());
}

void CaptureStore::clear()
{
    emit aboutToClear();
    m_captures.clear();
    m_rows.clear();
    m_groups.clear();
    m_groupOfKey.clear();
    emit cleared();
}

qsizetype CaptureStore::rowOfId(quint64 id) const
{
    // Ids increase with the rows, so a binary search finds it.
    const auto it = std::lower_bound(m_captures.cbegin(), m_captures.cend(), id,
                                     [](const CapturePtr &c, quint64 v) { return c->id < v; });
    return it != m_captures.cend() && (*it)->id == id ? it - m_captures.cbegin() : -1;
}
