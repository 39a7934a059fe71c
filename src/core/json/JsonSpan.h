// SPDX-License-Identifier: MIT
#pragma once

#include "json/JsonScanner.h"

#include <QByteArrayView>

// One value's place in a document: its first token's kind (BeginObject for an object) and
// its whole text, container brackets and string quotes included.
struct JsonSpan {
    JsonScanner::Token kind = JsonScanner::Token::None;
    qsizetype offset = 0;
    qsizetype size = 0;

    QByteArrayView in(QByteArrayView json) const { return json.sliced(offset, size); }
    friend bool operator==(const JsonSpan &, const JsonSpan &) = default;
};
