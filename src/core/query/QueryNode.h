// SPDX-License-Identifier: MIT
#pragma once

#include "query/QueryTerm.h"

#include <vector>

// A node of a parsed filter expression: a term, or terms joined by AND or OR, or one negated.
struct QueryNode {
    enum class Kind : quint8 { Term, And, Or, Not };

    Kind kind = Kind::Term;
    QueryTerm term;                  // Kind::Term
    std::vector<QueryNode> children; // And, Or: two or more; Not: one

    QueryVerdict check(const QuerySubject &s) const;
    bool needsCapture() const;
    bool uses(QueryTerm::Field field) const;
};
