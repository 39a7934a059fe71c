// SPDX-License-Identifier: MIT
#include "QueryLexer.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {
bool isFieldChar(QChar c)
{
    return (c.unicode() < 0x80 && c.isLetterOrNumber()) || c == u'_' || c == u'.' || c == u'-';
}
} // namespace

bool QueryLexer::tokenize(const QString &text, QList<QueryToken> *out, QueryError *error)
{
    QueryLexer lexer(text);
    out->clear();
    for (;;) {
        QueryToken token;
        if (!lexer.next(&token, error))
            return false;
        out->append(token);
        if (token.type == QueryToken::Type::End)
            return true;
    }
}

bool QueryLexer::atWordEnd(qsizetype i) const
{
    return i >= m_text.size() || m_text[i].isSpace() || m_text[i] == u'(' || m_text[i] == u')';
}

bool QueryLexer::next(QueryToken *token, QueryError *error)
{
    while (m_pos < m_text.size() && m_text[m_pos].isSpace())
        ++m_pos;
    token->column = int(m_pos) + 1;
    if (m_pos >= m_text.size()) {
        token->type = QueryToken::Type::End;
        return true;
    }
    const QChar c = m_text[m_pos];
    if (c == u'(' || c == u')' || c == u'-') {
        token->type = c == u'('   ? QueryToken::Type::LeftParen
                      : c == u')' ? QueryToken::Type::RightParen
                                  : QueryToken::Type::Minus;
        ++m_pos;
        return true;
    }
    token->type = QueryToken::Type::Word;
    readField(token);
    token->valueColumn = int(m_pos) + 1;
    // A path starts with '/': `path:/hooks/` is the path, never a regular expression.
    if (token->field.compare("path"_L1, Qt::CaseInsensitive) != 0 && readRegex(token))
        return true;
    if (!readValue(token, error))
        return false;
    if (token->field.isEmpty() && !token->quoted && token->value == "OR"_L1)
        token->type = QueryToken::Type::Or;
    return true;
}

// `name:` at the start of a word.
void QueryLexer::readField(QueryToken *token)
{
    qsizetype i = m_pos;
    while (i < m_text.size() && isFieldChar(m_text[i]))
        ++i;
    if (i > m_pos && i < m_text.size() && m_text[i] == u':') {
        token->field = m_text.sliced(m_pos, i - m_pos);
        m_pos = i + 1;
    }
}

// `/pattern/` ending the word; `\/` stands for a slash inside.
bool QueryLexer::readRegex(QueryToken *token)
{
    if (m_pos >= m_text.size() || m_text[m_pos] != u'/')
        return false;
    QString pattern;
    for (qsizetype i = m_pos + 1; i < m_text.size(); ++i) {
        const QChar c = m_text[i];
        if (c == u'\\' && i + 1 < m_text.size() && m_text[i + 1] == u'/') {
            pattern += u'/';
            ++i;
        } else if (c == u'/' && atWordEnd(i + 1)) {
            token->value = pattern;
            token->regex = true;
            m_pos = i + 1;
            return true;
        } else {
            pattern += c;
        }
    }
    return false; // a word that starts with '/', such as a path
}

bool QueryLexer::readValue(QueryToken *token, QueryError *error)
{
    while (!atWordEnd(m_pos)) {
        const QChar c = m_text[m_pos];
        if (c == u'\\' && m_pos + 1 < m_text.size()) {
            token->value += u'\\';
            token->value += m_text[m_pos + 1];
            m_pos += 2;
            continue;
        }
        if (c != u'"') {
            token->value += c;
            ++m_pos;
            continue;
        }
        const qsizetype open = m_pos++;
        token->quoted = true;
        while (m_pos < m_text.size() && m_text[m_pos] != u'"') {
            if (m_text[m_pos] == u'\\' && m_pos + 1 < m_text.size())
                ++m_pos;
            const QChar q = m_text[m_pos++];
            if (q == u'*' || q == u'?' || q == u'\\')
                token->value += u'\\';
            token->value += q;
        }
        if (m_pos >= m_text.size()) {
            *error = {int(open) + 1,
                      QCoreApplication::translate("Query", "this quote is never closed: "
                                                           "expected a closing \"")};
            return false;
        }
        ++m_pos;
    }
    return true;
}
