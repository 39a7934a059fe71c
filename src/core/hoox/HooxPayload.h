// SPDX-License-Identifier: MIT
#pragma once

#include "json/JsonScanner.h"

#include <QByteArrayView>
#include <QStringList>

// The top-level fields of a webhook body that the Hoox contract names, read in one pass of
// the JSON scanner. A key sent twice counts with its last value, as QJsonDocument (and
// JSON.parse) read it, and is listed in duplicateKeys.
class HooxPayload {
public:
    struct Field {
        JsonScanner::Token kind = JsonScanner::Token::None; // None when absent
        QByteArrayView raw;                                 // the value's text as received

        bool isString() const { return kind == JsonScanner::Token::String; }
        bool isObject() const { return kind == JsonScanner::Token::BeginObject; }
        // The decoded string; empty for any other kind.
        QString text() const;
    };
    // Past this many, further duplicated key names are not listed.
    static constexpr qsizetype kMaxDuplicateKeys = 8;

    static HooxPayload read(QByteArrayView body);
    // The string value of `key` in the object `json` (its last occurrence); null when absent
    // or not a string.
    static QString stringMember(QByteArrayView json, const QString &key);

    bool isObject = false; // the body is one valid JSON object
    JsonError error;       // where the body stopped being JSON
    Field task, jobId, avatarId, lookId, status, result, errorObject;
    QStringList duplicateKeys; // each duplicated key's name once, at any depth

private:
    Field *fieldFor(const JsonScanner &scanner);
    void noteDuplicate(const JsonScanner &scanner);
};
