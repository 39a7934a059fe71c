// SPDX-License-Identifier: MIT
#include "JsonScanner.h"

#include <array>
#include <cstring>

using namespace Qt::StringLiterals;

namespace {

// Bytes a string's content may hold without a closer look: not '"', '\\', a control
// character or the start of a multi-byte UTF-8 sequence.
constexpr std::array<bool, 256> plainStringBytes()
{
    std::array<bool, 256> table{};
    for (int b = 0x20; b < 0x80; ++b)
        table[b] = b != '"' && b != '\\';
    return table;
}
constexpr std::array<bool, 256> kPlain = plainStringBytes();

// True when one of the eight bytes in `v` is not plain (see kPlain): a word at a time keeps
// a 30 MB string a memory-speed scan.
bool hasNonPlainByte(quint64 v)
{
    constexpr quint64 ones = 0x0101010101010101ULL;
    constexpr quint64 highs = 0x8080808080808080ULL;
    const auto hasZero = [](quint64 x) { return (x - ones) & ~x & highs; };
    return ((v & highs) | ((v - 0x20 * ones) & ~v & highs) | hasZero(v ^ ('"' * ones)) |
            hasZero(v ^ ('\\' * ones))) != 0;
}

bool isDigit(uchar c)
{
    return c >= '0' && c <= '9';
}

bool isHex(uchar c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool isContinuation(uchar c)
{
    return (c & 0xc0) == 0x80;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    return (c | 0x20) - 'a' + 10;
}

char16_t hex4(const char *p)
{
    return char16_t(hexValue(p[0]) << 12 | hexValue(p[1]) << 8 | hexValue(p[2]) << 4 |
                    hexValue(p[3]));
}

// Hostile keys can be megabytes long; a message names at most a readable prefix.
QString shortName(const QString &name)
{
    constexpr qsizetype kMax = 40;
    return name.size() <= kMax ? name : name.left(kMax) + u'…';
}

} // namespace

JsonScanner::JsonScanner(QByteArrayView json, int maxDepth)
    : m_json(json)
    , m_bytes(reinterpret_cast<const uchar *>(json.data()))
    , m_size(json.size())
    , m_maxDepth(maxDepth)
{
}

JsonScanner::Token JsonScanner::next()
{
    switch (m_state) {
    case State::Value:
        return scanValue(skipWhitespace(m_pos));
    case State::ObjectFirst: {
        const qsizetype pos = skipWhitespace(m_pos);
        if (pos < m_size && m_bytes[pos] == '}')
            return end(pos, Token::EndObject);
        return scanKey(pos, false);
    }
    case State::ObjectKey:
        return scanKey(skipWhitespace(m_pos), true);
    case State::AfterKey:
        return afterKey(skipWhitespace(m_pos));
    case State::ArrayFirst: {
        const qsizetype pos = skipWhitespace(m_pos);
        if (pos < m_size && m_bytes[pos] == ']')
            return end(pos, Token::EndArray);
        return scanValue(pos);
    }
    case State::AfterValue:
        return afterValue(skipWhitespace(m_pos));
    case State::Done:
        return m_token = Token::EndOfDocument;
    case State::Failed:
        break;
    }
    return Token::Error;
}

qsizetype JsonScanner::skipWhitespace(qsizetype pos) const
{
    while (pos < m_size) {
        const uchar c = m_bytes[pos];
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
            break;
        ++pos;
    }
    return pos;
}

JsonScanner::Token JsonScanner::scanValue(qsizetype pos)
{
    if (pos >= m_size)
        return fail(pos, valueExpected(pos));
    switch (m_bytes[pos]) {
    case '{':
        return begin(pos, Token::BeginObject, -1, State::ObjectFirst);
    case '[':
        return begin(pos, Token::BeginArray, kArrayMark, State::ArrayFirst);
    case '"':
        return scanString(pos, Token::String);
    case 't':
    case 'f':
    case 'n':
        return scanLiteral(pos);
    default:
        if (m_bytes[pos] == '-' || isDigit(m_bytes[pos]))
            return scanNumber(pos);
    }
    return fail(pos, valueExpected(pos));
}

JsonScanner::Token JsonScanner::scanKey(qsizetype pos, bool afterComma)
{
    if (pos >= m_size || m_bytes[pos] != '"') {
        return fail(pos, afterComma
                             ? tr("expected a key string after ',', found %1").arg(found(pos))
                             : tr("expected a key string or '}', found %1").arg(found(pos)));
    }
    if (scanString(pos, Token::Key) == Token::Error)
        return Token::Error;
    m_stack.last() = pos;
    m_state = State::AfterKey;
    return m_token;
}

JsonScanner::Token JsonScanner::afterKey(qsizetype pos)
{
    if (pos >= m_size || m_bytes[pos] != ':') {
        return fail(
            pos,
            tr("expected ':' after the key \"%1\", found %2").arg(currentKeyName(), found(pos)));
    }
    return scanValue(skipWhitespace(pos + 1));
}

JsonScanner::Token JsonScanner::afterValue(qsizetype pos)
{
    if (m_stack.isEmpty()) {
        if (pos < m_size) {
            return fail(
                pos,
                tr("expected the end of the body after the JSON value, found %1").arg(found(pos)));
        }
        m_state = State::Done;
        m_start = m_end = m_pos = m_size;
        return m_token = Token::EndOfDocument;
    }
    const bool object = inObject();
    if (pos < m_size && m_bytes[pos] == ',') {
        m_pos = pos + 1;
        if (object)
            return scanKey(skipWhitespace(m_pos), true);
        return scanValue(skipWhitespace(m_pos));
    }
    if (pos < m_size && m_bytes[pos] == (object ? '}' : ']'))
        return end(pos, object ? Token::EndObject : Token::EndArray);
    if (object) {
        return fail(pos, tr("expected ',' or '}' after the value of \"%1\", found %2")
                             .arg(currentKeyName(), found(pos)));
    }
    return fail(pos, tr("expected ',' or ']' after an array element, found %1").arg(found(pos)));
}

JsonScanner::Token JsonScanner::begin(qsizetype pos, Token token, qsizetype mark, State state)
{
    if (m_stack.size() >= m_maxDepth)
        return fail(pos, tr("expected at most %1 nested objects and arrays").arg(m_maxDepth));
    m_stack.append(mark);
    m_start = pos;
    m_end = m_pos = pos + 1;
    m_state = state;
    return m_token = token;
}

JsonScanner::Token JsonScanner::end(qsizetype pos, Token token)
{
    m_stack.removeLast();
    m_start = pos;
    m_end = m_pos = pos + 1;
    m_state = State::AfterValue;
    return m_token = token;
}

JsonScanner::Token JsonScanner::scalar(Token token, qsizetype start, qsizetype end)
{
    m_start = start;
    m_end = m_pos = end;
    m_state = State::AfterValue;
    return m_token = token;
}

JsonScanner::Token JsonScanner::scanString(qsizetype pos, Token token)
{
    qsizetype s = pos + 1;
    bool escapes = false;
    for (;;) {
        while (s + 8 <= m_size) {
            quint64 word;
            std::memcpy(&word, m_bytes + s, sizeof word);
            if (hasNonPlainByte(word))
                break;
            s += 8;
        }
        while (s < m_size && kPlain[m_bytes[s]])
            ++s;
        if (s >= m_size)
            return fail(s, tr("expected '\"' to close the string, found %1").arg(found(s)));
        const uchar c = m_bytes[s];
        if (c == '"')
            break;
        if (c == '\\') {
            escapes = true;
            s = scanEscape(s);
        } else if (c < 0x20) {
            return fail(s, tr("expected a control character in a string to be escaped, found %1")
                               .arg(found(s)));
        } else {
            s = scanUtf8(s);
            if (s < 0)
                return fail(-s - 1,
                            tr("expected UTF-8 text in a string, found %1").arg(found(-s - 1)));
        }
        if (s < 0)
            return Token::Error;
    }
    m_escapes = escapes;
    if (token == Token::Key) {
        m_start = pos;
        m_end = m_pos = s + 1;
        return m_token = Token::Key;
    }
    return scalar(Token::String, pos, s + 1);
}

// Returns the position after the escape at `pos`, or -1 after failing.
qsizetype JsonScanner::scanEscape(qsizetype pos)
{
    if (pos + 1 >= m_size) {
        fail(pos + 1, tr("expected an escape after '\\', found %1").arg(found(pos + 1)));
        return -1;
    }
    switch (m_bytes[pos + 1]) {
    case '"':
    case '\\':
    case '/':
    case 'b':
    case 'f':
    case 'n':
    case 'r':
    case 't':
        return pos + 2;
    case 'u':
        for (qsizetype i = pos + 2; i < pos + 6; ++i) {
            if (i >= m_size || !isHex(m_bytes[i])) {
                fail(i, tr("expected 4 hex digits after '\\u', found %1").arg(found(i)));
                return -1;
            }
        }
        return pos + 6;
    default:
        fail(pos + 1,
             tr("expected one of \" \\ / b f n r t u after '\\', found %1").arg(found(pos + 1)));
        return -1;
    }
}

// Validates one UTF-8 sequence (RFC 3629: no overlong forms, no surrogates, at most
// U+10FFFF). Returns the position after it, or -(bad position) - 1.
qsizetype JsonScanner::scanUtf8(qsizetype pos) const
{
    const uchar c = m_bytes[pos];
    int length = 0;
    uchar low = 0x80;
    uchar high = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) {
        length = 2;
    } else if (c >= 0xe0 && c <= 0xef) {
        length = 3;
        low = c == 0xe0 ? 0xa0 : 0x80;
        high = c == 0xed ? 0x9f : 0xbf;
    } else if (c >= 0xf0 && c <= 0xf4) {
        length = 4;
        low = c == 0xf0 ? 0x90 : 0x80;
        high = c == 0xf4 ? 0x8f : 0xbf;
    } else {
        return -pos - 1;
    }
    if (pos + length > m_size)
        return -pos - 1;
    if (m_bytes[pos + 1] < low || m_bytes[pos + 1] > high)
        return -pos - 1;
    for (int i = 2; i < length; ++i) {
        if (!isContinuation(m_bytes[pos + i]))
            return -pos - 1;
    }
    return pos + length;
}

JsonScanner::Token JsonScanner::scanNumber(qsizetype pos)
{
    qsizetype s = pos;
    if (m_bytes[s] == '-')
        ++s;
    if (s >= m_size || !isDigit(m_bytes[s]))
        return fail(s, tr("expected a digit after '-', found %1").arg(found(s)));
    if (m_bytes[s] == '0') {
        ++s;
    } else {
        while (s < m_size && isDigit(m_bytes[s]))
            ++s;
    }
    if (s < m_size && m_bytes[s] == '.') {
        ++s;
        if (s >= m_size || !isDigit(m_bytes[s]))
            return fail(s, tr("expected a digit after '.', found %1").arg(found(s)));
        while (s < m_size && isDigit(m_bytes[s]))
            ++s;
    }
    if (s < m_size && (m_bytes[s] == 'e' || m_bytes[s] == 'E')) {
        ++s;
        if (s < m_size && (m_bytes[s] == '+' || m_bytes[s] == '-'))
            ++s;
        if (s >= m_size || !isDigit(m_bytes[s]))
            return fail(s, tr("expected a digit in the exponent, found %1").arg(found(s)));
        while (s < m_size && isDigit(m_bytes[s]))
            ++s;
    }
    return scalar(Token::Number, pos, s);
}

JsonScanner::Token JsonScanner::scanLiteral(qsizetype pos)
{
    struct Literal {
        const char *text;
        qsizetype size;
        Token token;
    };
    static constexpr Literal literals[] = {
        {"true", 4, Token::True}, {"false", 5, Token::False}, {"null", 4, Token::Null}};
    for (const Literal &l : literals) {
        if (m_bytes[pos] != uchar(l.text[0]))
            continue;
        if (pos + l.size <= m_size && std::memcmp(m_bytes + pos, l.text, size_t(l.size)) == 0)
            return scalar(l.token, pos, pos + l.size);
        qsizetype bad = pos;
        while (bad < m_size && bad - pos < l.size && m_bytes[bad] == uchar(l.text[bad - pos]))
            ++bad;
        return fail(bad, tr("expected %1, found %2").arg(QLatin1StringView(l.text), found(bad)));
    }
    return fail(pos, valueExpected(pos));
}

JsonScanner::Token JsonScanner::fail(qsizetype pos, const QString &message)
{
    m_error = errorAt(m_json, pos, message);
    m_start = m_end = m_pos = pos;
    m_state = State::Failed;
    return m_token = Token::Error;
}

JsonError JsonScanner::errorAt(QByteArrayView json, qsizetype offset, const QString &message)
{
    JsonError error;
    error.offset = offset;
    error.message = message;
    error.line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = json.indexOf('\n'); i >= 0 && i < offset; i = json.indexOf('\n', i + 1)) {
        ++error.line;
        lineStart = i + 1;
    }
    int column = 1;
    for (qsizetype i = lineStart; i < offset && i < json.size(); ++i)
        column += isContinuation(uchar(json[i])) ? 0 : 1;
    error.column = column;
    return error;
}

QString JsonScanner::found(qsizetype pos) const
{
    if (pos >= m_size)
        return tr("the end of the body");
    const uchar c = m_bytes[pos];
    if (c > 0x20 && c < 0x7f)
        return u'\'' + QChar(char16_t(c)) + u'\'';
    return tr("byte 0x%1").arg(c, 2, 16, QLatin1Char('0'));
}

QString JsonScanner::currentKeyName() const
{
    const qsizetype keyStart = m_stack.isEmpty() ? -1 : m_stack.last();
    if (keyStart < 0)
        return {};
    JsonScanner key(m_json.sliced(keyStart));
    key.m_stack.append(-1);
    key.m_state = State::ObjectKey;
    key.next();
    return shortName(key.token() == Token::Key ? key.decodedString() : QString());
}

QString JsonScanner::valueExpected(qsizetype pos) const
{
    if (m_stack.isEmpty())
        return tr("expected a JSON value, found %1").arg(found(pos));
    if (inObject())
        return tr("expected a value for \"%1\", found %2").arg(currentKeyName(), found(pos));
    return tr("expected a value in the array, found %1").arg(found(pos));
}

QString JsonScanner::decodedString() const
{
    if (!m_escapes)
        return QString::fromUtf8(stringContent());
    return decodeString(raw());
}

QString JsonScanner::decodeString(QByteArrayView quoted)
{
    const QByteArrayView content = quoted.sliced(1, quoted.size() - 2);
    QString out;
    out.reserve(content.size());
    qsizetype run = 0;
    for (qsizetype i = 0; i < content.size();) {
        if (content[i] != '\\') {
            ++i;
            continue;
        }
        out += QString::fromUtf8(content.sliced(run, i - run));
        const char e = content[i + 1];
        i += 2;
        switch (e) {
        case 'b':
            out += u'\b';
            break;
        case 'f':
            out += u'\f';
            break;
        case 'n':
            out += u'\n';
            break;
        case 'r':
            out += u'\r';
            break;
        case 't':
            out += u'\t';
            break;
        case 'u':
            out += QChar(hex4(content.data() + i));
            i += 4;
            break;
        default: // '"', '\\' and '/' stand for themselves
            out += QChar(char16_t(e));
        }
        run = i;
    }
    out += QString::fromUtf8(content.sliced(run));
    return out;
}

QByteArrayView JsonScanner::skipValue()
{
    if (m_token == Token::Key)
        next();
    const qsizetype start = m_start;
    if (m_token == Token::BeginObject || m_token == Token::BeginArray) {
        const qsizetype outer = m_stack.size() - 1;
        do {
            if (next() == Token::Error)
                return {};
        } while (m_stack.size() > outer ||
                 (m_token != Token::EndObject && m_token != Token::EndArray));
    }
    if (m_token == Token::Error)
        return {};
    return m_json.sliced(start, m_end - start);
}
