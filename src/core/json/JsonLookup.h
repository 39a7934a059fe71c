// SPDX-License-Identifier: MIT
#pragma once

#include "json/JsonSpan.h"

#include <QList>
#include <QStringList>

// Finds the values at a path (keys, and array indices as decimal text, like a JSON Pointer's
// tokens) without building a document: one pass of the scanner, no allocation per token.
// A key that occurs twice yields both values, in document order.
class JsonLookup {
public:
    // `error`, when given, receives where the document stopped being JSON (matches found
    // before that point are still returned).
    static QList<JsonSpan> find(QByteArrayView json, const QStringList &path,
                                JsonError *error = nullptr);
};
