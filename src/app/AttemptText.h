// SPDX-License-Identifier: MIT
#pragma once

#include "delivery/DeliveryAttempt.h"
#include "http/HttpHeaders.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QUrl>

// A delivery and its answer in words, for the dialogs that show what was sent and what the
// app made of it. Plain text: a payload is shown, never rendered.
class AttemptText {
    Q_DECLARE_TR_FUNCTIONS(AttemptText)
public:
    // "Name: value" lines.
    static QString headers(const HttpHeaders &headers);
    // Indented JSON when the body is a JSON object or array; else the bytes as UTF-8 text.
    static QString body(const QByteArray &body);
    // "POST <url>", the header fields, a blank line and the body.
    static QString request(const QUrl &url, const HttpHeaders &headers, const QByteArray &body);
    // "Answer: 200 in 3 ms" (or why none came), the response's header fields and body.
    static QString answer(const DeliveryAttempt &a);
};
