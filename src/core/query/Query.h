// SPDX-License-Identifier: MIT
#pragma once

#include "query/QueryError.h"
#include "query/QueryNode.h"

#include <QDateTime>
#include <QHash>
#include <QString>

#include <memory>

class CaptureIndex;
class CaptureStore;

// What HookScope knows of captures beyond their records, by capture id: what the app answered
// when a capture was forwarded (for `forward:`).
struct QueryAnnotations {
    QHash<quint64, quint16> forwardStatus;
};

// A compiled filter expression: the table's filter box, `export --where`, `replay --filter`,
// the Replay dialog and `listen --route` conditions. Immutable once parsed, and cheap to copy:
// one query is shared by the threads that search with it.
//
// Grammar (white space separates tokens; a word runs to white space or a parenthesis outside
// quotes):
//   query   := or?                         empty: every capture
//   or      := and ( "OR" and )*           OR in upper case; `or` is free text
//   and     := unary unary*                side by side: all must hold
//   unary   := "-" unary | "(" or ")" | term    "-" right before what it negates
//   term    := FIELD ":" value | "bookmarked" | value    a value alone is free text
//   value   := ( CHAR | "\" CHAR | '"' … '"' )+ | "/" REGEX "/"
// Fields: task status key method finding note (glob, or /regex/), path (glob: it starts with /),
// answer forward (502, 5xx, >=500), attempt (>1, >=2, <3, <=3, =1, 1), duplicate (yes|no), header
// (NAME=GLOB exact, NAME~TEXT contains; NAME without regard to case), body.A.B (a path into the
// JSON body: numbers compare numerically, anything else by glob), since (30s, 10m, 2h, 1d or an ISO
// date/time). Globs take `*` and `?`, match the whole value and ignore case; quoted text is
// literal. Free text is found in the key, the path, the body or the note, ignoring case, as is a
// free /regex/. A capture the user deleted matches no query, the empty one included.
class Query {
public:
    Query(); // the empty query: every capture matches

    // `now` is what `since:10m` counts back from.
    static Query parse(const QString &text, const QDateTime &now = QDateTime::currentDateTimeUtc());

    bool isValid() const { return !m_error.isError(); }
    const QueryError &error() const { return m_error; }
    const QString &text() const { return m_text; }
    bool isEmpty() const { return isValid() && !m_root; }
    // Whether some term looks at headers, the body or free text: matchesRow() alone cannot
    // decide, and the capture must be read (off the GUI thread) for matches().
    bool needsCapture() const { return m_needsCapture; }
    // Whether some term asks whether a key was delivered more than once.
    bool needsDuplicates() const { return m_root && m_root->uses(QueryTerm::Field::Duplicate); }
    // Whether some term looks at notes or stars (free text finds notes too): its matches change
    // when captures are annotated.
    bool needsAnnotations() const
    {
        using F = QueryTerm::Field;
        return m_root &&
               (m_root->uses(F::Note) || m_root->uses(F::Bookmarked) || m_root->uses(F::Text));
    }
    // Whether some term looks at header fields (a journal record must then be decoded whole).
    bool needsHeaders() const { return m_root && m_root->uses(QueryTerm::Field::Header); }

    // What the store's compact row says: Unknown when it depends on terms that need the
    // whole capture. An invalid query matches nothing, nor does any query a deleted row.
    QueryVerdict checkRow(const CaptureIndex &index, qsizetype row,
                          const QueryAnnotations *annotations = nullptr) const;
    // Whether the row can match: false when its columns rule it out. For a query that
    // needsCapture() a row that can match must still be checked with matches().
    bool matchesRow(const CaptureStore &store, qsizetype row,
                    const QueryAnnotations *annotations = nullptr) const;
    bool matchesRow(const CaptureIndex &index, qsizetype row,
                    const QueryAnnotations *annotations = nullptr) const
    {
        return checkRow(index, row, annotations) != QueryVerdict::No;
    }
    // Every term, on the whole capture. Without `facts`, a capture counts as a duplicate when it
    // is a retry (all that is known when it arrives), has no forward result, and has the note
    // and star it carries (Capture::note, read back or imported).
    bool matches(const Capture &c, const QueryFacts *facts = nullptr) const;
    // Every term, on values gathered elsewhere (a journal record).
    bool matches(const QuerySubject &s) const;
    // What a row's facts are, beside its record (for matches() off the GUI thread).
    static QueryFacts factsOf(const CaptureIndex &index, qsizetype row,
                              const QueryAnnotations *annotations);

private:
    std::shared_ptr<const QueryNode> m_root; // null: every capture
    QString m_text;
    QueryError m_error;
    bool m_needsCapture = false;
    // The row's values checkRow() looks up only when a term asks for them: each costs a read
    // elsewhere in memory (the key table, the retry groups, the notes), per row of a million.
    bool m_needsKey = false;
    bool m_needsDuplicate = false;
    bool m_needsNote = false;
};
