// SPDX-License-Identifier: MIT
#include "QueryParser.h"

#include "query/QueryLexer.h"

#include <QCoreApplication>

namespace {
using Type = QueryToken::Type;

// This file's messages, under the catalogue context "Query" (lupdate reads it here).
struct QueryTr {
    Q_DECLARE_TR_FUNCTIONS(Query)
};

// Joins `items` under one node of `kind`, or returns the single item itself.
QueryNode joined(QueryNode::Kind kind, std::vector<QueryNode> items)
{
    if (items.size() == 1)
        return std::move(items.front());
    QueryNode node;
    node.kind = kind;
    node.children = std::move(items);
    return node;
}
} // namespace

bool QueryParser::parse(const QString &text, const QDateTime &now, std::optional<QueryNode> *out,
                        QueryError *error)
{
    QList<QueryToken> tokens;
    if (!QueryLexer::tokenize(text, &tokens, error))
        return false;
    out->reset();
    if (tokens.front().type == Type::End)
        return true;
    QueryParser parser(tokens, now);
    QueryNode root;
    bool ok = parser.parseOr(&root, 0);
    if (ok && parser.peek().type == Type::RightParen)
        ok = parser.fail(parser.peek().column, QueryTr::tr("unexpected \")\": no \"(\" is open"));
    if (!ok) {
        *error = parser.m_error;
        return false;
    }
    *out = std::move(root);
    return true;
}

bool QueryParser::fail(int column, const QString &message)
{
    m_error = {column, message};
    return false;
}

bool QueryParser::startsTerm() const
{
    const Type t = peek().type;
    return t == Type::Word || t == Type::LeftParen || t == Type::Minus;
}

bool QueryParser::parseOr(QueryNode *out, int depth)
{
    std::vector<QueryNode> alternatives(1);
    if (!parseAnd(&alternatives.back(), depth))
        return false;
    while (peek().type == Type::Or) {
        const int column = peek().column;
        ++m_pos;
        if (!startsTerm())
            return fail(column, QueryTr::tr("expected a term after OR"));
        if (!parseAnd(&alternatives.emplace_back(), depth))
            return false;
    }
    *out = joined(QueryNode::Kind::Or, std::move(alternatives));
    return true;
}

bool QueryParser::parseAnd(QueryNode *out, int depth)
{
    if (peek().type == Type::Or)
        return fail(peek().column, QueryTr::tr("expected a term before OR"));
    if (peek().type == Type::RightParen)
        return fail(peek().column, QueryTr::tr("expected a term before \")\""));
    if (peek().type == Type::End)
        return fail(peek().column, QueryTr::tr("expected a term"));
    std::vector<QueryNode> terms;
    while (startsTerm()) {
        if (!parseUnary(&terms.emplace_back(), depth))
            return false;
    }
    *out = joined(QueryNode::Kind::And, std::move(terms));
    return true;
}

bool QueryParser::parseUnary(QueryNode *out, int depth)
{
    if (depth >= MaxDepth) {
        return fail(
            peek().column,
            QueryTr::tr("nested too deeply: at most %1 groups and negations").arg(MaxDepth));
    }
    const QueryToken &token = peek();
    if (token.type == Type::LeftParen)
        return parseGroup(out, depth + 1);
    if (token.type == Type::Minus) {
        ++m_pos;
        if (!startsTerm() || peek().column != token.column + 1) {
            return fail(token.column, QueryTr::tr("expected a term or a group right after \"-\""));
        }
        out->kind = QueryNode::Kind::Not;
        out->children.resize(1);
        return parseUnary(&out->children.front(), depth + 1);
    }
    ++m_pos;
    out->kind = QueryNode::Kind::Term;
    return QueryTerm::compile(token, m_now, &out->term, &m_error);
}

bool QueryParser::parseGroup(QueryNode *out, int depth)
{
    const int open = peek().column;
    ++m_pos;
    if (peek().type == Type::RightParen)
        return fail(peek().column, QueryTr::tr("expected a term inside \"()\""));
    if (!parseOr(out, depth))
        return false;
    if (peek().type != Type::RightParen) {
        return fail(peek().column,
                    QueryTr::tr("expected \")\" to close the \"(\" at column %1").arg(open));
    }
    ++m_pos;
    return true;
}
