// SPDX-License-Identifier: MIT
#include "Query.h"

#include "capture/CaptureStore.h"
#include "query/QueryParser.h"

Query::Query() = default;

Query Query::parse(const QString &text, const QDateTime &now)
{
    Query q;
    q.m_text = text;
    std::optional<QueryNode> root;
    if (!QueryParser::parse(text, now, &root, &q.m_error))
        return q;
    if (root) {
        q.m_needsCapture = root->needsCapture();
        using F = QueryTerm::Field;
        q.m_needsKey = root->uses(F::Key);
        q.m_needsDuplicate = root->uses(F::Duplicate);
        q.m_needsNote = root->uses(F::Note) || root->uses(F::Text);
        q.m_root = std::make_shared<const QueryNode>(std::move(*root));
    }
    return q;
}

QueryVerdict Query::checkRow(const CaptureIndex &index, qsizetype row,
                             const QueryAnnotations *annotations) const
{
    // Deleted by the user (a tombstone in the journal): shown, exported and replayed by no query.
    if (!isValid() || index.isDeleted(row))
        return QueryVerdict::No;
    if (!m_root)
        return QueryVerdict::Yes;
    const CaptureIndex::Row &r = index.row(row);
    QuerySubject s;
    s.task = index.taskText(row);
    s.status = index.statusText(row);
    if (m_needsKey)
        s.key = index.key(row);
    s.method = index.method(row);
    s.target = index.target(row);
    s.findings = &index.findings(row);
    s.receivedAtMs = r.receivedAtMs;
    s.attempt = r.attempt;
    s.answer = r.answerStatus;
    // By the journal's numbering: a retry stays a retry when retention left its first out.
    s.duplicate = m_needsDuplicate && r.group >= 0 && index.group(r.group).attempts >= 2;
    if (m_needsNote)
        s.note = index.note(row);
    s.bookmarked = index.isBookmarked(row);
    if (annotations && !annotations->forwardStatus.isEmpty())
        s.forward = annotations->forwardStatus.value(r.id);
    return m_root->check(s);
}

bool Query::matchesRow(const CaptureStore &store, qsizetype row,
                       const QueryAnnotations *annotations) const
{
    return matchesRow(store.index(), row, annotations);
}

bool Query::matches(const Capture &c, const QueryFacts *facts) const
{
    if (!isValid())
        return false;
    return !m_root || m_root->check(QuerySubject::of(c, facts)) == QueryVerdict::Yes;
}

bool Query::matches(const QuerySubject &s) const
{
    return isValid() && (!m_root || m_root->check(s) == QueryVerdict::Yes);
}

QueryFacts Query::factsOf(const CaptureIndex &index, qsizetype row,
                          const QueryAnnotations *annotations)
{
    const CaptureIndex::Row &r = index.row(row);
    QueryFacts f;
    f.duplicate = r.group >= 0 && index.group(r.group).attempts >= 2;
    f.note = index.note(row).toString();
    f.bookmarked = index.isBookmarked(row);
    if (annotations)
        f.forwardStatus = annotations->forwardStatus.value(r.id);
    return f;
}
