// SPDX-License-Identifier: MIT
#include "CaptureIndex.h"

#include "hoox/RetrySchedule.h"

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

static_assert(sizeof(CaptureIndex::Group) == 24, "a group per key, and keys by the million");

CaptureIndex::CaptureIndex() = default;

// Both appends fill the row from their own fields, without copying strings into an Entry first:
// at a million rows the reference counting alone showed.
void CaptureIndex::append(const Capture &c)
{
    Row r;
    r.id = c.id;
    r.receivedAtMs = c.receivedAtMs;
    r.duplicateOf = c.hoox.duplicateOf;
    r.outcomeHash = c.hoox.outcomeHash;
    r.journalOffset = c.journalOffset;
    r.recordSize = c.journalRecordSize;
    r.bodySize = quint32(c.body.size());
    r.attempt = c.hoox.attempt;
    r.answerStatus = c.answerStatus;
    r.task = c.hoox.task;
    r.status = c.hoox.status;
    r.method = m_methods.intern(c.method);
    r.target = m_targets.intern(c.target);
    r.taskText = m_taskTexts.intern(c.hoox.taskText);
    r.statusText = m_statusTexts.intern(c.hoox.statusText);
    r.flags = (c.recovered ? Recovered : 0) | (c.lateAnswerMs > 0 ? LateAnswer : 0);
    noteExtras(qint32(m_rows.size()), c.source, c.lateAnswerMs);
    appendRow(r, c.hoox.key, c.hoox.findings, c.refused, c.chunked);
    setAnnotations(c.bookmarked, false, c.note);
}

void CaptureIndex::append(const Entry &e)
{
    Row r;
    static_cast<Numbers &>(r) = e;
    r.method = m_methods.intern(e.method);
    r.target = m_targets.intern(e.target);
    r.taskText = m_taskTexts.intern(e.taskText);
    r.statusText = m_statusTexts.intern(e.statusText);
    r.flags = (e.recovered ? Recovered : 0) | (e.lateAnswerMs > 0 ? LateAnswer : 0);
    noteExtras(qint32(m_rows.size()), e.source, e.lateAnswerMs);
    appendRow(r, e.key, e.findings, e.refused, e.chunked);
    setAnnotations(e.bookmarked, e.deleted, e.note);
}

// Of the row just appended.
void CaptureIndex::setAnnotations(bool bookmarked, bool deleted, const QString &note)
{
    Row &r = m_rows.back();
    r.flags |= quint16((bookmarked ? Bookmarked : 0) | (deleted ? Deleted : 0));
    if (!note.isEmpty())
        m_notes.insert(r.id, note);
}

bool CaptureIndex::annotate(const Annotation &a)
{
    using Kind = Annotation::Kind;
    const qsizetype row = rowOfId(a.captureId);
    if (row < 0)
        return false;
    quint16 &flags = m_rows[size_t(row)].flags;
    switch (a.kind) {
    case Kind::Note:
        if (a.value.isEmpty())
            m_notes.remove(a.captureId);
        else
            m_notes.insert(a.captureId, a.text());
        return true;
    case Kind::Bookmark:
    case Kind::Unbookmark:
        flags = quint16(a.kind == Kind::Bookmark ? flags | Bookmarked : flags & ~Bookmarked);
        return true;
    case Kind::Tombstone:
    case Kind::Undelete:
        flags = quint16(a.kind == Kind::Tombstone ? flags | Deleted : flags & ~Deleted);
        return true;
    case Kind::LateAnswer: {
        quint16 status = 0;
        quint32 afterMs = 0;
        return a.lateAnswer(&status, &afterMs) && setLateAnswer(a.captureId, status, afterMs) >= 0;
    }
    }
    return false;
}

void CaptureIndex::noteExtras(qint32 row, const QString &source, quint32 lateAnswerMs)
{
    if (!source.isEmpty())
        m_sources.insert(row, source);
    if (lateAnswerMs > 0)
        m_lateAnswers.insert(row, lateAnswerMs);
}

bool CaptureIndex::Group::gaveUp() const
{
    return attempts >= quint32(RetrySchedule::kMaxRetries) + 1 && !succeeded;
}

void CaptureIndex::appendRow(Row r, QStringView key, const QStringList &findings, bool refused,
                             bool chunked)
{
    const auto rowIndex = qint32(m_rows.size());
    r.findings = m_findings.intern(findings);
    r.flags |= (refused ? Refused : 0) | (chunked ? Chunked : 0);
    if (!findings.isEmpty()) {
        r.flags |= HasFindings;
        if (findings.contains("conflicting_duplicate"_L1))
            r.flags |= Conflict;
    }
    if (!key.isEmpty()) {
        bool added = false;
        const qint32 g = m_keys.insert(key, &added);
        if (added)
            m_groups.push_back(
                Group{r.duplicateOf != 0 ? r.duplicateOf : r.id, rowIndex, -1, 0, 0, false});
        else
            r.flags |= Retry;
        Group &group = m_groups[size_t(g)];
        r.group = g;
        r.previous = group.lastRow;
        group.lastRow = rowIndex;
        ++group.count;
        group.attempts = std::max<quint32>(group.attempts, r.attempt);
        group.conflict = group.conflict || (r.flags & Conflict);
        group.succeeded = group.succeeded || answeredInTime(r.answerStatus, r.flags & LateAnswer);
    }
    if (r.id < m_maxId)
        m_lateRows.insert(r.id, rowIndex);
    else
        m_maxId = r.id;
    m_rows.push_back(r);
}

void CaptureIndex::clear()
{
    m_rows = {};
    m_lateRows.clear();
    m_maxId = 0;
    m_sources.clear();
    m_lateAnswers.clear();
    m_groups = {};
    m_keys.clear();
    m_methods.clear();
    m_targets.clear();
    m_taskTexts.clear();
    m_statusTexts.clear();
    m_findings.clear();
    m_notes.clear();
}

CaptureIndex::Entry CaptureIndex::entry(qsizetype row) const
{
    const Row &r = m_rows[size_t(row)];
    Entry e;
    static_cast<Numbers &>(e) = r;
    e.refused = r.flags & Refused;
    e.chunked = r.flags & Chunked;
    e.recovered = r.flags & Recovered;
    e.lateAnswerMs = lateAnswerMs(row);
    e.source = source(row);
    e.method = method(row);
    e.target = target(row);
    e.taskText = taskText(row);
    e.statusText = statusText(row);
    e.key = key(row);
    e.findings = findings(row);
    e.bookmarked = r.flags & Bookmarked;
    e.deleted = r.flags & Deleted;
    e.note = note(row).toString();
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
    if (const auto late = m_lateRows.constFind(id); late != m_lateRows.cend())
        return *late;
    // The other rows' ids increase with the rows, so a binary search finds it; a late row among
    // them is searched as the row before it.
    qsizetype first = 0;
    qsizetype last = size();
    while (first < last) {
        const qsizetype middle = first + (last - first) / 2;
        if (orderedId(middle) < id)
            first = middle + 1;
        else
            last = middle;
    }
    return first < size() && m_rows[size_t(first)].id == id ? first : -1;
}

bool CaptureIndex::isLate(qsizetype row) const
{
    if (m_lateRows.isEmpty())
        return false;
    const auto it = m_lateRows.constFind(m_rows[size_t(row)].id);
    return it != m_lateRows.cend() && *it == row;
}

// The id of `row`, or for a late row that of the nearest row before it that is not late: never
// decreasing from row to row.
quint64 CaptureIndex::orderedId(qsizetype row) const
{
    while (row >= 0 && isLate(row))
        --row;
    return row < 0 ? 0 : m_rows[size_t(row)].id;
}

qsizetype CaptureIndex::setLateAnswer(quint64 id, quint16 status, quint32 afterMs)
{
    const qsizetype row = rowOfId(id);
    if (row < 0)
        return -1;
    Row &r = m_rows[size_t(row)];
    r.flags |= LateAnswer;
    r.answerStatus = status;
    m_lateAnswers.insert(qint32(row), qMax<quint32>(afterMs, 1));
    if (r.group >= 0)
        recomputeSucceeded(r.group);
    return row;
}

// A late answer can take back a group's success: walk its rows again, newest first.
void CaptureIndex::recomputeSucceeded(qint32 group)
{
    Group &g = m_groups[size_t(group)];
    g.succeeded = false;
    for (qint32 row = g.lastRow; row >= 0 && !g.succeeded; row = m_rows[size_t(row)].previous) {
        const Row &r = m_rows[size_t(row)];
        g.succeeded = answeredInTime(r.answerStatus, r.flags & LateAnswer);
    }
}
