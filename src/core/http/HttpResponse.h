// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>

// Serialises the listener's answers. Each carries a Date header (RFC 9110 6.6.1).
class HttpResponse {
public:
    // IMF-fixdate (RFC 9110 5.6.7), "Sun, 06 Nov 1994 08:49:37 GMT", with English names
    // whatever the locale.
    static QByteArray imfFixdate(qint64 secondsSinceEpoch);
    static QByteArray reasonPhrase(int status);
    // A whole response with Content-Length. `close` adds "Connection: close"; an HTTP/1.0
    // client that asked to be kept alive gets "Connection: keep-alive".
    static QByteArray serialize(int status, QByteArrayView contentType, QByteArrayView body,
                                bool close, bool http10KeepAlive = false, bool headOnly = false);
    // The same as serialize(), but the last answer serialised on this thread is kept and
    // handed out again (shared, not copied) when the next one is alike, as it is when a rule
    // answers every delivery the same way.
    static QByteArray serializeReusing(int status, const QByteArray &contentType,
                                       const QByteArray &body, bool close,
                                       bool http10KeepAlive = false, bool headOnly = false);
    // A refusal: the reason as a one-line plain-text body, and the connection closes.
    static QByteArray refusal(int status, QByteArrayView reason);
    static QByteArray continue100();
};
