// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

struct HttpRequest;

// What the listener answers to every accepted request until the user changes it. The one-shot
// "fail the next N" and "delay the next N" live beside it in AnswerPolicy, so that changing
// the rule never disturbs a countdown in progress.
struct ResponseRule {
    int status = 200;
    QByteArray body = QByteArrayLiteral("OK");
    QByteArray contentType = QByteArrayLiteral("text/plain; charset=utf-8");
    int delayMs = 0;

    friend bool operator==(const ResponseRule &, const ResponseRule &) = default;
};

// The answer chosen for one request.
struct ResponseAnswer {
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    int delayMs = 0;
};

// Decides the answer to an accepted request before it is recorded and answered, e.g. by
// first forwarding the request to the user's app and answering with the app's status.
// Called on the network thread with the rule's answer as `proposed`; it must call `done`
// exactly once, from any thread. Meanwhile the connection holds back that answer (and,
// pipelining, the ones behind it); the request is journaled before the answer is written.
using RequestAnswerer = std::function<void(const HttpRequest &request, const QString &peer,
                                           const ResponseAnswer &proposed,
                                           std::function<void(const ResponseAnswer &answer)> done)>;
