// SPDX-License-Identifier: MIT
// libFuzzer target for the JSON reader: JsonScanner, skipValue, JsonLookup and JsonFlatten
// over arbitrary bytes, with QJsonDocument as a second opinion on what is JSON.
#include "FuzzCheck.h"
#include "json/JsonFlatten.h"
#include "json/JsonLookup.h"
#include "json/JsonScanner.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

using Token = JsonScanner::Token;

bool isContainerStart(Token t)
{
    return t == Token::BeginObject || t == Token::BeginArray;
}

// Walks every token; returns the number of values and the first key seen.
qsizetype scanAll(QByteArrayView json, bool &valid, QString &firstKey)
{
    JsonScanner scanner(json);
    qsizetype values = 0;
    for (Token t = scanner.next(); t != Token::EndOfDocument; t = scanner.next()) {
        if (t == Token::Error) {
            const JsonError &e = scanner.error();
            check(e.offset >= 0 && e.offset <= json.size() && e.line >= 1 && e.column >= 1);
            check(!e.message.isEmpty());
            valid = false;
            return values;
        }
        check(scanner.offset() >= 0 && scanner.offset() + scanner.raw().size() <= json.size());
        check(scanner.depth() <= JsonScanner::kDefaultMaxDepth);
        if (t == Token::Key || t == Token::String) {
            const QString text = scanner.decodedString();
            check(text == JsonScanner::decodeString(scanner.raw()));
            if (t == Token::Key && firstKey.isNull())
                firstKey = text;
        }
        if (t != Token::Key && t != Token::EndObject && t != Token::EndArray)
            ++values;
    }
    valid = true;
    return values;
}

// skipValue over the root gives back the whole document, whitespace trimmed.
void checkSkip(QByteArrayView json)
{
    JsonScanner scanner(json);
    scanner.next();
    const QByteArrayView whole = scanner.skipValue();
    check(!scanner.hasError());
    check(whole == json.trimmed());
    check(scanner.next() == Token::EndOfDocument);
}

// Qt accepts a superset of RFC 8259, except numbers beyond a double's range.
void checkAgainstQt(QByteArrayView json)
{
    JsonScanner scanner(json);
    if (!isContainerStart(scanner.next()))
        return;
    QJsonParseError error;
    QJsonDocument::fromJson(json.toByteArray(), &error);
    check(error.error == QJsonParseError::NoError || error.error == QJsonParseError::IllegalNumber);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView json(reinterpret_cast<const char *>(data), qsizetype(size));
    bool valid = false;
    QString firstKey;
    const qsizetype values = scanAll(json, valid, firstKey);
    const JsonFlatDocument flat = JsonFlatten::flatten(json);
    check(flat.error.isError() == !valid);
    if (!valid)
        return 0;
    check(flat.entries.size() == values);
    for (const JsonFlatDuplicate &d : flat.duplicates)
        check(d.count >= 2);
    checkSkip(json);
    checkAgainstQt(json);
    JsonError error;
    const QList<JsonSpan> root = JsonLookup::find(json, {}, &error);
    check(!error.isError() && root.size() == 1 && root.first().in(json) == json.trimmed());
    if (!firstKey.isNull()) {
        const QList<JsonSpan> found = JsonLookup::find(json, {firstKey}, &error);
        check(!error.isError());
        for (const JsonSpan &s : found)
            check(s.offset >= 0 && s.offset + s.size <= json.size());
    }
    return 0;
}
