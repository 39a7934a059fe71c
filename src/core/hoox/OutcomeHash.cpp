// SPDX-License-Identifier: MIT
#include "OutcomeHash.h"

#include "json/JsonScanner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QLocale>
#include <QVarLengthArray>
#include <QVariant>

#include <algorithm>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <iterator>

namespace {

// FNV-1a rather than qHash: outcome hashes are journaled and compared across runs, and qHash
// is seeded per process.
class Fnv1a64 {
public:
    void add(QByteArrayView bytes)
    {
        for (const char b : bytes)
            addByte(quint8(b));
    }
    void add(QStringView text)
    {
        // Little-endian code units, so the value does not depend on the host's byte order.
        for (const QChar ch : text) {
            addByte(quint8(ch.unicode() & 0xff));
            addByte(quint8(ch.unicode() >> 8));
        }
    }
    quint64 value() const { return m_hash; }
    void addByte(quint8 byte)
    {
        m_hash ^= byte;
        m_hash *= 1099511628211ULL;
    }

private:
    quint64 m_hash = 14695981039346656037ULL;
};

QByteArray compactJson(const QJsonValue &value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    // A scalar cannot stand alone in a QJsonDocument; wrapping it still serialises it stably.
    return QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
}

// Feeds `text` as QJsonDocument's writer spells a string's content. Only ASCII is spelled
// here; returns false for anything else, whose UTF-8 and surrogate handling stays Qt's.
bool hashJsonString(QStringView text, Fnv1a64 &hash)
{
    for (const QChar ch : text) {
        const char16_t u = ch.unicode();
        if (u >= 0x80)
            return false;
        if (u >= 0x20 && u != '"' && u != '\\') {
            hash.addByte(quint8(u));
            continue;
        }
        hash.addByte('\\');
        switch (u) {
        case '"':
        case '\\':
            hash.addByte(quint8(u));
            break;
        case '\b':
            hash.addByte('b');
            break;
        case '\f':
            hash.addByte('f');
            break;
        case '\n':
            hash.addByte('n');
            break;
        case '\r':
            hash.addByte('r');
            break;
        case '\t':
            hash.addByte('t');
            break;
        default:
            hash.add(QByteArrayView("u00", 3));
            hash.addByte(quint8("0123456789abcdef"[u >> 4]));
            hash.addByte(quint8("0123456789abcdef"[u & 0xf]));
        }
    }
    return true;
}

// The parser stores integral numbers that fit in 64 bits as integers, which the writer spells
// in plain decimal; other numbers take its shortest floating-point form, or null.
bool hashJsonNumber(const QJsonValue &value, Fnv1a64 &hash)
{
    const QVariant variant = value.toVariant();
    if (variant.typeId() != QMetaType::LongLong) {
        const double d = value.toDouble();
        hash.add(qIsFinite(d)
                     ? QByteArrayView(QByteArray::number(d, 'g', QLocale::FloatingPointShortest))
                     : QByteArrayView("null", 4));
        return true;
    }
    char digits[24];
    const auto [end, ec] =
        std::to_chars(std::begin(digits), std::end(digits), variant.toLongLong());
    hash.add(QByteArrayView(digits, end - digits));
    return ec == std::errc();
}

bool hashCompactJson(const QJsonValue &value, Fnv1a64 &hash);

bool hashJsonObject(const QJsonObject &object, Fnv1a64 &hash)
{
    hash.addByte('{');
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it != object.constBegin())
            hash.addByte(',');
        hash.addByte('"');
        if (!hashJsonString(it.key(), hash))
            return false;
        hash.add(QByteArrayView("\":", 2));
        if (!hashCompactJson(it.value(), hash))
            return false;
    }
    hash.addByte('}');
    return true;
}

bool hashJsonArray(const QJsonArray &array, Fnv1a64 &hash)
{
    hash.addByte('[');
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (i > 0)
            hash.addByte(',');
        if (!hashCompactJson(array.at(i), hash))
            return false;
    }
    hash.addByte(']');
    return true;
}

// Feeds `value` to `hash` byte for byte as compactJson() would spell it, without building
// that text: serialising every delivery's outcome cost as much as parsing its body. Returns
// false, with `hash` spoilt, for what it does not spell itself.
bool hashCompactJson(const QJsonValue &value, Fnv1a64 &hash)
{
    switch (value.type()) {
    case QJsonValue::Null:
        hash.add(QByteArrayView("null", 4));
        return true;
    case QJsonValue::Bool:
        hash.add(value.toBool() ? QByteArrayView("true", 4) : QByteArrayView("false", 5));
        return true;
    case QJsonValue::Double:
        return hashJsonNumber(value, hash);
    case QJsonValue::String:
        hash.addByte('"');
        if (!hashJsonString(value.toString(), hash))
            return false;
        hash.addByte('"');
        return true;
    case QJsonValue::Array:
        return hashJsonArray(value.toArray(), hash);
    case QJsonValue::Object:
        return hashJsonObject(value.toObject(), hash);
    case QJsonValue::Undefined:
        break;
    }
    return false;
}

// The outcome as Qt reads it: for what the fast path below does not spell itself.
quint64 qtOutcomeHash(Fnv1a64 hash, const QJsonValue &outcome)
{
    Fnv1a64 streamed = hash;
    // compactJson() wraps a scalar in an array, and so does this.
    const bool scalar = !outcome.isObject() && !outcome.isArray();
    if (scalar)
        streamed.addByte('[');
    if (!hashCompactJson(outcome, streamed)) {
        hash.add(QByteArrayView(compactJson(outcome)));
        return hash.value();
    }
    if (scalar)
        streamed.addByte(']');
    return streamed.value();
}

// Spelling straight from the received text, as QJsonDocument would write it, for the usual
// outcome: ASCII keys without escapes, no duplicated keys, numbers within a double's normal
// range, shallow nesting. Returns false, with `hash` spoilt, for anything else.
constexpr int kFastDepth = 16;

bool spellValue(JsonScanner &scanner, Fnv1a64 &hash, int depth);

bool isAscii(QByteArrayView bytes)
{
    return std::all_of(bytes.begin(), bytes.end(), [](char c) { return uchar(c) < 0x80; });
}

bool spellNumber(QByteArrayView raw, Fnv1a64 &hash)
{
    const char *first = raw.data();
    const char *last = first + raw.size();
    const bool integral = !raw.contains('.') && !raw.contains('e') && !raw.contains('E');
    if (integral) {
        // QJsonDocument keeps integers that fit in 64 bits as integers ("-0" reads as 0).
        qint64 value = 0;
        const auto [end, ec] = std::from_chars(first, last, value);
        if (ec == std::errc() && end == last) {
            char digits[24];
            const auto written = std::to_chars(std::begin(digits), std::end(digits), value);
            hash.add(QByteArrayView(digits, written.ptr - digits));
            return true;
        }
    }
    double d = 0;
    const auto [end, ec] = std::from_chars(first, last, d);
    if (ec != std::errc() || end != last || !qIsFinite(d) || (d != 0 && std::fabs(d) < DBL_MIN))
        return false;
    // Qt keeps an integral double that fits in 64 bits as an integer too ("5.0" reads as 5).
    if (d >= -9223372036854775808.0 && d < 9223372036854775808.0 && d == std::trunc(d)) {
        char digits[24];
        const auto written = std::to_chars(std::begin(digits), std::end(digits), qint64(d));
        hash.add(QByteArrayView(digits, written.ptr - digits));
        return true;
    }
    hash.add(QByteArrayView(QByteArray::number(d, 'g', QLocale::FloatingPointShortest)));
    return true;
}

bool spellString(const JsonScanner &scanner, Fnv1a64 &hash)
{
    hash.addByte('"');
    if (scanner.hasEscapes()) {
        if (!hashJsonString(scanner.decodedString(), hash))
            return false;
    } else {
        // Unescaped text holds no '"', '\\' or control character; Qt writes ASCII as is.
        const QByteArrayView text = scanner.stringContent();
        if (!isAscii(text))
            return false;
        hash.add(text);
    }
    hash.addByte('"');
    return true;
}

bool spellArray(JsonScanner &scanner, Fnv1a64 &hash, int depth)
{
    hash.addByte('[');
    for (bool first = true; scanner.next() != JsonScanner::Token::EndArray; first = false) {
        if (!first)
            hash.addByte(',');
        if (!spellValue(scanner, hash, depth + 1))
            return false;
    }
    hash.addByte(']');
    return true;
}

struct Member {
    QByteArrayView key;
    QByteArrayView value;
};

bool readMembers(JsonScanner &scanner, QVarLengthArray<Member, 16> &members)
{
    while (scanner.next() == JsonScanner::Token::Key) {
        const QByteArrayView key = scanner.stringContent();
        if (scanner.hasEscapes() || !isAscii(key))
            return false;
        const QByteArrayView value = scanner.skipValue();
        if (scanner.hasError())
            return false;
        members.append({key, value});
    }
    return !scanner.hasError();
}

bool spellObject(JsonScanner &scanner, Fnv1a64 &hash, int depth)
{
    QVarLengthArray<Member, 16> members;
    if (!readMembers(scanner, members))
        return false;
    // QJsonObject sorts its keys; a duplicated key keeps its last value, which Qt decides.
    std::stable_sort(members.begin(), members.end(),
                     [](const Member &a, const Member &b) { return a.key < b.key; });
    for (qsizetype i = 1; i < members.size(); ++i) {
        if (members[i].key == members[i - 1].key)
            return false;
    }
    hash.addByte('{');
    for (qsizetype i = 0; i < members.size(); ++i) {
        if (i > 0)
            hash.addByte(',');
        hash.addByte('"');
        hash.add(members[i].key);
        hash.add(QByteArrayView("\":", 2));
        JsonScanner value(members[i].value);
        value.next();
        if (!spellValue(value, hash, depth + 1))
            return false;
    }
    hash.addByte('}');
    return true;
}

bool spellValue(JsonScanner &scanner, Fnv1a64 &hash, int depth)
{
    switch (scanner.token()) {
    case JsonScanner::Token::Null:
    case JsonScanner::Token::True:
    case JsonScanner::Token::False:
        hash.add(scanner.raw());
        return true;
    case JsonScanner::Token::Number:
        return spellNumber(scanner.raw(), hash);
    case JsonScanner::Token::String:
        return spellString(scanner, hash);
    case JsonScanner::Token::BeginArray:
        return depth < kFastDepth && spellArray(scanner, hash, depth);
    case JsonScanner::Token::BeginObject:
        return depth < kFastDepth && spellObject(scanner, hash, depth);
    default:
        return false;
    }
}

} // namespace

quint64 OutcomeHash::of(const QString &statusText, QByteArrayView outcome)
{
    Fnv1a64 hash;
    hash.add(QStringView(statusText));
    // The separator keeps "a" + "bc" apart from "ab" + "c".
    hash.add(QByteArrayView("\0", 1));
    if (outcome.isNull())
        return hash.value();
    JsonScanner scanner(outcome);
    scanner.next();
    const bool scalar = JsonScanner::isScalar(scanner.token());
    Fnv1a64 streamed = hash;
    if (scalar)
        streamed.addByte('[');
    if (spellValue(scanner, streamed, 0)) {
        if (scalar)
            streamed.addByte(']');
        return streamed.value();
    }
    const QByteArray wrapped = '[' + outcome.toByteArray() + ']';
    const QJsonDocument document = QJsonDocument::fromJson(wrapped);
    if (document.isArray() && document.array().size() == 1)
        return qtOutcomeHash(hash, document.array().at(0));
    // Valid JSON that Qt refuses (a number beyond a double's range): hashed as received.
    hash.add(outcome);
    return hash.value();
}
