// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Capture.h"
#include "http/HttpHeaders.h"

#include <QByteArray>
#include <QJsonArray>
#include <QString>

// Pieces shared by the HAR, JSON Lines and "copy as" forms of a capture.
class JsonText;
struct Capture;

namespace Interchange {

enum class Format { Har, JsonLines };

// True when `bytes` survive a trip through QString unchanged: valid UTF-8, a leading BOM kept.
// Anything else travels as base64 so that no byte is lost.
bool isExactUtf8(const QByteArray &bytes);

// Where the request was sent: http://<Host><target>, or the target itself when it is in
// absolute form. Without a Host header (HTTP/1.0) the listener's address is unknown, and
// "localhost" stands in for it, and for a Host or target that would make no valid URL (the
// HAR writer keeps the raw target beside it).
QByteArray requestUrl(const Capture &c);
QString httpVersion(quint8 minor); // "HTTP/1.1"
// 0 or 1 for "HTTP/1.0" and "HTTP/1.1" (any case); 1 for anything else (h2, h3), whose
// requests reach HookScope as HTTP/1.1.
quint8 httpMinor(const QString &version);

// Header fields and request line parts that an imported file may hand us; the checks are the
// parser's, so that an import cannot smuggle what the listener would have refused.
bool isToken(QByteArrayView s);
bool isFieldValue(QByteArrayView s);
bool isTarget(QByteArrayView s);

// [[name, value], ...]; a value that is not UTF-8 gets a third element, its base64.
QJsonArray headerPairs(const HttpHeaders &headers);
// The same pairs, written straight as JSON text.
void writeHeaderPairs(JsonText &json, const HttpHeaders &headers);
// What the window marks a capture with, as members of the open object: "late_answer_ms"
// (how long after the request its answer went out, when past Hoox's timeout), "recovered_from"
// (e.g. "ngrok:<id>" for a delivery read back from ngrok) and "gave_up" (Hoox's last attempt,
// not answered 2xx in time). Written for readers of the file; an import does not read them.
void writeMarks(JsonText &json, const Capture &capture);
// The reverse; false with *error naming the bad field ("headers[2]: ...").
bool readHeaderPairs(const QJsonValue &pairs, const QString &what, HttpHeaders *out,
                     QString *error);

} // namespace Interchange
