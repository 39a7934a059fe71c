// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Capture.h"

#include <QByteArray>

#include <functional>

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

// Decides the answer to an accepted request, e.g. by first forwarding it to the user's app
// and answering with the app's status. Called on the network thread once the request is
// numbered and journaled (with answer status 0: not answered yet), with the rule's answer as
// `proposed`; it must call `done` exactly once, from any thread, while the listener lives.
// Meanwhile the connection holds back that answer (and, pipelining, the ones behind it); the
// journal record gets the final status before the answer is written.
using RequestAnswerer =
    std::function<void(const CapturePtr &capture, const ResponseAnswer &proposed,
                       std::function<void(const ResponseAnswer &answer)> done)>;
