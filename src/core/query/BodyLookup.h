// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

// Where a path leads in a JSON body: the spans of every value found there, as raw JSON text
// (a string with its quotes). A duplicated key yields each of its values; a segment that is a
// whole number also picks that element of an array. Malformed JSON ends the search where it
// stops making sense, with what was found before. The one place body terms read JSON.
namespace BodyLookup {
QList<QByteArrayView> find(QByteArrayView json, const QStringList &path);
// A JSON string's text without its quotes and escapes; a number's or a literal's as written;
// an object's or an array's raw text.
QString text(QByteArrayView value);
// Whether `value` is a JSON number, and which.
bool number(QByteArrayView value, double *out);
} // namespace BodyLookup
