// SPDX-License-Identifier: MIT
#pragma once

#include "http/HttpHeaders.h"

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>

// One try at delivering a payload, as the receiving app answered it. A value type: it crosses
// from the sending thread to the window and is never changed once finished.
struct DeliveryAttempt {
    static constexpr qsizetype kMaxBodyBytes = 64 * 1024; // enough to read any error page

    int number = 0;        // 1 for the first try, 2 for the first retry, …
    QDateTime startedAt;   // UTC
    int status = 0;        // HTTP status; 0 when no answer came
    qint64 latencyMs = -1; // from sending to the answer or the error; -1 while in flight
    HttpHeaders headers;   // the response's header fields
    QByteArray body;       // the response body, cut at kMaxBodyBytes
    bool bodyTruncated = false;
    QString error;         // in words ("connection refused", "timeout after 10 s"); empty if none
    bool timedOut = false; // no answer within the timeout (`error` says so in words)

    // Hoox's rule: a delivery counts when answered 2xx (within the timeout, else `error` is set).
    bool delivered() const { return status >= 200 && status < 300 && error.isEmpty(); }
    bool finished() const { return latencyMs >= 0; }
};

Q_DECLARE_METATYPE(DeliveryAttempt)
