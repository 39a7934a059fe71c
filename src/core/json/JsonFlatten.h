// SPDX-License-Identifier: MIT
#pragma once

#include "json/JsonSpan.h"

#include <QList>
#include <QString>

// A document as the list of its values in document order, each with its JSON Pointer
// (RFC 6901: "/result/files/0", "" for the root), its kind and its raw text. A duplicated key
// keeps every occurrence in the list and is reported once in `duplicates` with its count.
struct JsonFlatEntry {
    QString path;
    JsonSpan span;
};

struct JsonFlatDuplicate {
    QString path;
    int count = 0;
};

struct JsonFlatDocument {
    QList<JsonFlatEntry> entries;
    QList<JsonFlatDuplicate> duplicates;
    JsonError error; // isError() when the body is not JSON; entries then stop there
};

class JsonFlatten {
public:
    static JsonFlatDocument flatten(QByteArrayView json);
    // "a/b~c" -> "a~1b~0c"
    static QString escapeToken(const QString &token);
};
