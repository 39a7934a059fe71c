// SPDX-License-Identifier: MIT
#pragma once

#include "query/QueryNode.h"
#include "query/QueryToken.h"

#include <QDateTime>
#include <QList>

#include <optional>

// Builds the tree of a filter expression from its tokens (the grammar is in Query.h).
class QueryParser {
public:
    // Nesting of groups and negations deeper than this is refused: evaluation recurses.
    static constexpr int MaxDepth = 64;

    // The tree, or nothing for an empty expression (which matches every capture). False with
    // *error on a syntax error.
    static bool parse(const QString &text, const QDateTime &now, std::optional<QueryNode> *out,
                      QueryError *error);

private:
    QueryParser(const QList<QueryToken> &tokens, const QDateTime &now)
        : m_tokens(tokens)
        , m_now(now)
    {
    }
    bool parseOr(QueryNode *out, int depth);
    bool parseAnd(QueryNode *out, int depth);
    bool parseUnary(QueryNode *out, int depth);
    bool parseGroup(QueryNode *out, int depth);
    bool fail(int column, const QString &message);
    const QueryToken &peek() const { return m_tokens.at(m_pos); }
    bool startsTerm() const;

    const QList<QueryToken> &m_tokens;
    QDateTime m_now;
    qsizetype m_pos = 0;
    QueryError m_error;
};
