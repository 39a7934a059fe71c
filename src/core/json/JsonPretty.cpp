// SPDX-License-Identifier: MIT
#include "JsonPretty.h"

#include <climits>

using Token = JsonScanner::Token;

namespace {
constexpr int kIndent = 4;

// Cuts `bytes` to at most `size` bytes without splitting a UTF-8 sequence.
QByteArrayView utf8Prefix(QByteArrayView bytes, qsizetype size)
{
    if (size >= bytes.size())
        return bytes;
    while (size > 0 && (uchar(bytes[size]) & 0xc0) == 0x80)
        --size;
    return bytes.first(size);
}
} // namespace

JsonPretty::JsonPretty(QByteArrayView json, qsizetype elideChars)
    : m_scanner(json)
    , m_elide(elideChars)
{
}

QString JsonPretty::nextPage(qsizetype pageChars)
{
    m_out.clear();
    m_line = 0;
    m_duplicateLines.clear();
    if (!m_rest.isEmpty() && !resumeToken(pageChars))
        return m_out;
    while (!m_done && m_out.size() < pageChars) {
        const Token t = m_scanner.next();
        if (t == Token::EndOfDocument || t == Token::Error) {
            m_done = true;
            break;
        }
        take(t);
        if (!m_rest.isEmpty() && !resumeToken(pageChars - m_out.size()))
            break;
    }
    if (!m_done && m_rest.isEmpty()) {
        // A page that ends with the document is the last one: no empty page follows.
        JsonScanner peek = m_scanner;
        m_done = peek.next() == Token::EndOfDocument;
    }
    if (m_done && !m_scanner.hasError() && !m_out.isEmpty())
        m_out += u'\n';
    return m_out;
}

// Shows up to `budget` characters' worth of m_rest; returns true when it is all shown.
bool JsonPretty::resumeToken(qsizetype budget)
{
    const QByteArrayView part = utf8Prefix(m_rest, qMax<qsizetype>(budget, 4));
    m_out += QString::fromUtf8(part);
    m_rest = m_rest.sliced(part.size());
    return m_rest.isEmpty();
}

void JsonPretty::take(Token t)
{
    if (t == Token::EndObject || t == Token::EndArray) {
        if (t == Token::EndObject)
            m_keys.endObject();
        --m_indent;
        if (!m_pendingOpen)
            newLine();
        m_pendingOpen = false;
        m_out += t == Token::EndObject ? u'}' : u']';
        m_needComma = true;
        return;
    }
    m_pendingOpen = false;
    if (!m_afterKey) {
        if (m_needComma)
            m_out += u',';
        if (!m_first)
            newLine();
        m_first = false;
    }
    m_afterKey = false;
    m_needComma = false;
    if (t == Token::Key) {
        if (m_keys.add(m_scanner))
            m_duplicateLines.append(m_line);
        m_out += QString::fromUtf8(m_scanner.raw());
        m_out += QStringLiteral(": ");
        m_afterKey = true;
    } else if (t == Token::BeginObject || t == Token::BeginArray) {
        m_out += t == Token::BeginObject ? u'{' : u'[';
        if (t == Token::BeginObject)
            m_keys.beginObject();
        ++m_indent;
        m_pendingOpen = true;
    } else {
        appendToken(m_scanner.raw(), t == Token::String);
        m_needComma = true;
    }
}

void JsonPretty::newLine()
{
    m_out += u'\n';
    ++m_line;
    m_out += QString(m_indent * kIndent, u' ');
}

void JsonPretty::appendToken(QByteArrayView raw, bool isString)
{
    if (isString && m_elide > 0 && raw.size() > m_elide) {
        const QByteArrayView shown = utf8Prefix(raw, m_elide);
        m_out += QString::fromUtf8(shown);
        const int more = int(qMin<qsizetype>(raw.size() - shown.size(), INT_MAX));
        m_out += tr("…\" (%n more bytes)", nullptr, more);
        return;
    }
    m_rest = raw;
}

QString JsonPretty::format(QByteArrayView json)
{
    JsonPretty pretty(json, 0);
    QString out;
    while (!pretty.atEnd())
        out += pretty.nextPage(1 << 20);
    return out;
}
