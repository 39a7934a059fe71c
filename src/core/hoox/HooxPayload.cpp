// SPDX-License-Identifier: MIT
#include "HooxPayload.h"

#include "json/JsonKeySet.h"
#include "json/JsonLookup.h"

using namespace Qt::StringLiterals;
using Token = JsonScanner::Token;

namespace {
// A duplicated key's name in a finding: a hostile key can be megabytes long.
constexpr qsizetype kMaxKeyName = 64;
} // namespace

QString HooxPayload::Field::text() const
{
    return isString() ? JsonScanner::decodeString(raw) : QString();
}

HooxPayload HooxPayload::read(QByteArrayView body)
{
    HooxPayload payload;
    JsonScanner scanner(body);
    JsonKeySet keys;
    Field *pending = nullptr; // the field whose value is being read
    Token kind = Token::None;
    qsizetype start = 0;
    bool valueStarts = false;
    bool first = true;
    for (Token t = scanner.next(); t != Token::EndOfDocument; t = scanner.next()) {
        if (first) {
            payload.isObject = t == Token::BeginObject;
            first = false;
        }
        if (t == Token::Error) {
            payload.error = scanner.error();
            payload.isObject = false;
            return payload;
        }
        if (keys.track(scanner))
            payload.noteDuplicate(scanner);
        if (t == Token::Key) {
            if (scanner.depth() == 1) {
                pending = payload.fieldFor(scanner);
                valueStarts = true;
            }
            continue;
        }
        if (valueStarts) {
            kind = t;
            start = scanner.offset();
            valueStarts = false;
        }
        // A value at the top level is complete when the scanner is back at depth 1.
        if (pending && scanner.depth() == 1) {
            *pending = {kind, body.sliced(start, scanner.offset() + scanner.raw().size() - start)};
            pending = nullptr;
        }
    }
    return payload;
}

HooxPayload::Field *HooxPayload::fieldFor(const JsonScanner &scanner)
{
    const QString name = scanner.hasEscapes() ? scanner.decodedString() : QString();
    const QByteArrayView key = scanner.hasEscapes() ? QByteArrayView() : scanner.stringContent();
    const auto is = [&](QLatin1StringView wanted) {
        return scanner.hasEscapes() ? name == wanted : key == QByteArrayView(wanted);
    };
    struct Known {
        QLatin1StringView name;
        Field HooxPayload::*field;
    };
    static constexpr Known known[] = {
        {"task"_L1, &HooxPayload::task},          {"job_id"_L1, &HooxPayload::jobId},
        {"avatar_id"_L1, &HooxPayload::avatarId}, {"look_id"_L1, &HooxPayload::lookId},
        {"status"_L1, &HooxPayload::status},      {"result"_L1, &HooxPayload::result},
        {"error"_L1, &HooxPayload::errorObject},
    };
    for (const Known &k : known) {
        if (is(k.name))
            return &(this->*k.field);
    }
    return nullptr;
}

void HooxPayload::noteDuplicate(const JsonScanner &scanner)
{
    if (duplicateKeys.size() >= kMaxDuplicateKeys)
        return;
    const QString name = scanner.decodedString().left(kMaxKeyName);
    if (!duplicateKeys.contains(name))
        duplicateKeys.append(name);
}

QString HooxPayload::stringMember(QByteArrayView json, const QString &key)
{
    const QList<JsonSpan> found = JsonLookup::find(json, {key});
    if (found.isEmpty() || found.last().kind != Token::String)
        return {};
    return JsonScanner::decodeString(found.last().in(json));
}
