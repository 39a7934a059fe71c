// SPDX-License-Identifier: MIT
#pragma once

#include "query/QueryError.h"
#include "query/QueryToken.h"

#include <QList>
#include <QString>

// Splits a filter expression into tokens (the grammar is in Query.h). A word runs to white
// space or a parenthesis outside quotes; `FIELD:` before it, FIELD being letters, digits, `_`,
// `.` or `-`, makes it a field term. `"…"` quotes a stretch of a word (`\"` and `\\` inside),
// `\` outside quotes takes the next character literally, and a value written `/…/` (closed by
// a `/` that ends the word) is a regular expression, except after `path:`.
class QueryLexer {
public:
    // False with *error set on an unterminated quote.
    static bool tokenize(const QString &text, QList<QueryToken> *out, QueryError *error);

private:
    explicit QueryLexer(const QString &text)
        : m_text(text)
    {
    }
    bool next(QueryToken *token, QueryError *error);
    void readField(QueryToken *token);
    bool readRegex(QueryToken *token);
    bool readValue(QueryToken *token, QueryError *error);
    bool atWordEnd(qsizetype i) const;

    const QString &m_text;
    qsizetype m_pos = 0;
};
