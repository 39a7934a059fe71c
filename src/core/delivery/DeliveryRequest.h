// SPDX-License-Identifier: MIT
#pragma once

#include "DeliveryAttempt.h"
#include "http/HttpHeaders.h"

#include <QByteArrayView>
#include <QNetworkRequest>
#include <QUrl>

class QNetworkReply;

// What the Deliverer and the Forwarder share: building a request the way Hoox sends it and
// reading a finished reply into a DeliveryAttempt.
class DeliveryRequest {
public:
    // Fields that describe one hop rather than the message (RFC 9110 §7.6.1), or that Qt
    // computes itself; copying them from a capture would corrupt the new request.
    static bool isHopByHop(QByteArrayView name);
    // Content-Type, User-Agent and X-Hoox-Webhook as Hoox sends them.
    static HttpHeaders hooxHeaders();
    // `headers` minus hop-by-hop fields.
    static HttpHeaders withoutHopByHop(const HttpHeaders &headers);
    // A capture's fields as they go to the app again (forwarded, replayed): hop-by-hop ones and
    // Accept-Encoding dropped. Qt negotiates and decodes compression itself; a copied
    // Accept-Encoding would hand Hoox a compressed body without its Content-Encoding.
    static HttpHeaders capturedHeaders(const HttpHeaders &headers);

    // A POST request for `url` carrying `headers` (hop-by-hop ones dropped; a repeated name
    // joined with ", "). Redirects are not followed, cookies neither stored nor sent.
    static QNetworkRequest make(const QUrl &url, const HttpHeaders &headers);
    // Hoox's headers first, then the user's, a user header replacing Hoox's of the same name.
    static HttpHeaders merged(const HttpHeaders &base, const HttpHeaders &overrides);

    // Fills status, headers, body, latency and error from a finished reply. `timedOut` means
    // the caller aborted it at `timeoutMs`.
    static void read(QNetworkReply *reply, bool timedOut, int timeoutMs, qint64 latencyMs,
                     DeliveryAttempt *attempt);
    static QString timeoutText(int timeoutMs);
    // A latency in words: "12 ms", "3 s", "11.4 s".
    static QString durationText(qint64 ms);
    // "200 in 3 ms", or the error in words ("connection refused").
    static QString attemptText(const DeliveryAttempt &attempt);
};
