// SPDX-License-Identifier: MIT
#include "CaptureIndex.h"

#include <algorithm>

using namespace Qt::StringLiterals;

template <typename T> quint32 CaptureIndex::Pool<T>::intern(const T &value)
{
    if (m_last < quint32(m_values.size()) && m_values.at(m_last) == value)
        return m_last;
    const auto it = m_ids.constFind(value);
    if (it != m_ids.cend()) {
        m_last = *it;
        return m_last;
    }
    m_last = quint32(m_values.size());
    m_values.append(value);
    m_ids.insert(value, m_last);
    return m_last;
}

template <typename T> void CaptureIndex::Pool<T>::clear()
{
    m_values.clear();
    m_ids.clear();
    m_last = 0;
}

CaptureIndex::CaptureIndex() = default;

void CaptureIndex::append(const Capture &c)
{
    Entry e;
    e.id = c.id;
    e.receivedAtMs = c.receivedAtMs;
    e.duplicateOf = c.hoox.duplicateOf;
    e.outcomeHash = c.hoox.outcomeHash;
    e.journalOffset = c.journalOffset;
    e.recordSize = c.journalRecordSize;
    e.bodySize = quint32(c.body.size());
    e.attempt = c.hoox.attempt;
    e.answerStatus = c.answerStatus;
    e.task = c.hoox.task;
    e.status = c.hoox.status;
    e.refused = c.refused;
    e.chunked = c.chunked;
    e.method = c.method;
    e.target = c.target;
    e.taskText = c.hoox.taskText;
    e.statusText = c.hoox.statusText;
    e.key = c.hoox.key;
    e.findings = c.hoox.findings;
    append(e);
}

void CaptureIndex::append(const Entry &e)
{
    const auto rowIndex = qint32(m_rows.size());
    Row r;
    r.id = e.id;
    r.receivedAtMs = e.receivedAtMs;
    r.duplicateOf = e.duplicateOf;
    r.outcomeHash = e.outcomeHash;
    r.journalOffset = e.journalOffset;
    r.recordSize = e.recordSize;
    r.bodySize = e.bodySize;
    r.attempt = e.attempt;
    r.answerStatus = e.answerStatus;
    r.task = e.task;
    r.status = e.status;
    r.method = m_methods.intern(e.method);
    r.target = m_targets.intern(e.target);
    r.taskText = m_taskTexts.intern(e.taskText);
    r.statusText = m_statusTexts.intern(e.statusText);
    r.findings = m_findings.intern(e.findings);
    r.flags = (e.findings.isEmpty() ? 0 : HasFindings) |
              (e.findings.contains("conflicting_duplicate"_L1) ? Conflict : 0) |
              (e.refused ? Refused : 0) | (e.chunked ? Chunked : 0);
    if (!e.key.isEmpty()) {
        bool added = false;
        const qint32 g = m_keys.insert(e.key, &added);
        if (added)
            m_groups.push_back(Group{rowIndex, -1, 0, false});
        else
            r.flags |= Retry;
        Group &group = m_groups[size_t(g)];
        r.group = g;
        r.previous = group.lastRow;
        group.lastRow = rowIndex;
        ++group.count;
        group.conflict = group.conflict || (r.flags & Conflict);
    }
    m_rows.push_back(r);
}

void CaptureIndex::clear()
{
    m_rows = {};
    m_groups = {};
    m_keys.clear();
    m_methods.clear();
    m_targets.clear();
    m_taskTexts.clear();
    m_statusTexts.clear();
    m_findings.clear();
}

CaptureIndex::Entry CaptureIndex::entry(qsizetype row) const
{
    const Row &r = m_rows[size_t(row)];
    Entry e;
    e.id = r.id;
    e.receivedAtMs = r.receivedAtMs;
    e.duplicateOf = r.duplicateOf;
    e.outcomeHash = r.outcomeHash;
    e.journalOffset = r.journalOffset;
    e.recordSize = r.recordSize;
    e.bodySize = r.bodySize;
    e.attempt = r.attempt;
    e.answerStatus = r.answerStatus;
    e.task = r.task;
    e.status = r.status;
    e.refused = r.flags & Refused;
    e.chunked = r.flags & Chunked;
    e.method = method(row);
    e.target = target(row);
    e.taskText = taskText(row);
    e.statusText = statusText(row);
    e.key = key(row);
    e.findings = findings(row);
    return e;
}

CaptureIndex CaptureIndex::tail(qsizetype first) const
{
    CaptureIndex kept;
    kept.m_rows.reserve(size_t(qMax<qsizetype>(0, size() - first)));
    for (qsizetype i = qMax<qsizetype>(0, first); i < size(); ++i)
        kept.append(entry(i));
    return kept;
}

qsizetype CaptureIndex::rowOfId(quint64 id) const
{
    // Ids increase with the rows, so a binary search finds it.
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), id,
                                     [](const Row &r, quint64 v) { return r.id < v; });
    return it != m_rows.cend() && it->id == id ? it - m_rows.cbegin() : -1;
}
