// SPDX-License-Identifier: MIT
#include "QueryNode.h"

#include <algorithm>

// Three-valued: a term that needs the whole capture is Unknown on a row, and so is what it
// decides; a No elsewhere in an AND (or a Yes in an OR) decides without it.
QueryVerdict QueryNode::check(const QuerySubject &s) const
{
    switch (kind) {
    case Kind::Term:
        return term.check(s);
    case Kind::Not: {
        const QueryVerdict v = children.front().check(s);
        return v == QueryVerdict::Unknown ? v
               : v == QueryVerdict::Yes   ? QueryVerdict::No
                                          : QueryVerdict::Yes;
    }
    case Kind::And:
    case Kind::Or:
        break;
    }
    const QueryVerdict decisive = kind == Kind::And ? QueryVerdict::No : QueryVerdict::Yes;
    QueryVerdict result = kind == Kind::And ? QueryVerdict::Yes : QueryVerdict::No;
    for (const QueryNode &child : children) {
        const QueryVerdict v = child.check(s);
        if (v == decisive)
            return v;
        if (v == QueryVerdict::Unknown)
            result = v;
    }
    return result;
}

bool QueryNode::needsCapture() const
{
    if (kind == Kind::Term)
        return term.needsCapture();
    return std::any_of(children.cbegin(), children.cend(),
                       [](const QueryNode &n) { return n.needsCapture(); });
}

bool QueryNode::uses(QueryTerm::Field field) const
{
    if (kind == Kind::Term)
        return term.field() == field;
    return std::any_of(children.cbegin(), children.cend(),
                       [field](const QueryNode &n) { return n.uses(field); });
}
