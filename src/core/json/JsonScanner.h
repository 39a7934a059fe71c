// SPDX-License-Identifier: MIT
#pragma once

#include "json/JsonError.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>
#include <QVarLengthArray>

// A strict RFC 8259 pull reader over bytes it never copies: each token comes with its exact
// span in the input, so a number is its digits as written and a string its escapes as sent.
// Object keys stay in document order and duplicated keys are all reported; nothing is
// re-sorted or rounded. Errors carry the offset, line, column and what was expected.
class JsonScanner {
    Q_DECLARE_TR_FUNCTIONS(JsonScanner)
public:
    enum class Token : quint8 {
        None,
        BeginObject,
        EndObject,
        BeginArray,
        EndArray,
        Key,
        String,
        Number,
        True,
        False,
        Null,
        EndOfDocument,
        Error,
    };
    // QJsonDocument's limit too: deeper nesting is an error, not a stack overflow.
    static constexpr int kDefaultMaxDepth = 1024;

    explicit JsonScanner(QByteArrayView json, int maxDepth = kDefaultMaxDepth);

    // Reads the next token; EndOfDocument after the top-level value, Error (sticky) on error.
    Token next();
    Token token() const { return m_token; }
    // The current token's bytes: a string or key with its quotes and escapes, a number's digits.
    QByteArrayView raw() const { return m_json.sliced(m_start, m_end - m_start); }
    qsizetype offset() const { return m_start; }
    // The current string or key between its quotes, escapes untouched.
    QByteArrayView stringContent() const { return m_json.sliced(m_start + 1, m_end - m_start - 2); }
    bool hasEscapes() const { return m_escapes; }
    // The current string or key decoded. A lone \uD800-style escape stays a lone code unit.
    QString decodedString() const;
    // On a Key: reads and skips its value; on BeginObject/BeginArray: skips to the matching end;
    // on a scalar: stays. Returns the whole value's bytes; empty with hasError() on an error.
    QByteArrayView skipValue();
    // Open objects and arrays around the current position.
    int depth() const { return int(m_stack.size()); }
    bool inObject() const { return !m_stack.isEmpty() && m_stack.last() != kArrayMark; }
    bool hasError() const { return m_token == Token::Error; }
    const JsonError &error() const { return m_error; }
    QByteArrayView input() const { return m_json; }

    static bool isScalar(Token t) { return t >= Token::String && t <= Token::Null; }
    // Decodes a string token's bytes, quotes included (as raw() gives them).
    static QString decodeString(QByteArrayView quoted);
    static JsonError errorAt(QByteArrayView json, qsizetype offset, const QString &message);

private:
    enum class State : quint8 {
        Value,
        ObjectFirst,
        ObjectKey,
        AfterKey,
        ArrayFirst,
        AfterValue,
        Done,
        Failed
    };
    static constexpr qsizetype kArrayMark = -2;

    qsizetype skipWhitespace(qsizetype pos) const;
    Token scanValue(qsizetype pos);
    Token scanKey(qsizetype pos, bool afterComma);
    Token afterValue(qsizetype pos);
    Token afterKey(qsizetype pos);
    Token begin(qsizetype pos, Token token, qsizetype mark, State state);
    Token end(qsizetype pos, Token token);
    Token scalar(Token token, qsizetype start, qsizetype end);
    Token scanString(qsizetype pos, Token token);
    Token scanNumber(qsizetype pos);
    Token scanLiteral(qsizetype pos);
    qsizetype scanEscape(qsizetype pos);
    qsizetype scanUtf8(qsizetype pos) const;
    Token fail(qsizetype pos, const QString &message);
    QString found(qsizetype pos) const;
    QString currentKeyName() const;
    QString valueExpected(qsizetype pos) const;

    QByteArrayView m_json;
    const uchar *m_bytes = nullptr;
    qsizetype m_size = 0;
    qsizetype m_pos = 0;
    qsizetype m_start = 0;
    qsizetype m_end = 0;
    int m_maxDepth = kDefaultMaxDepth;
    Token m_token = Token::None;
    State m_state = State::Value;
    bool m_escapes = false;
    // One entry per open container: kArrayMark, or the offset of the object's current key
    // (-1 before its first), which error messages name.
    QVarLengthArray<qsizetype, 32> m_stack;
    JsonError m_error;
};
