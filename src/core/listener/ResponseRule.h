// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QMutex>
#include <QString>

#include <functional>

struct HttpRequest;

// What the listener answers to an accepted request. "Fail the next N" and "delay the
// next N" let a user make Hoox retry on purpose and watch the retry chain arrive.
struct ResponseRule {
    int status = 200;
    QByteArray body = QByteArrayLiteral("OK");
    QByteArray contentType = QByteArrayLiteral("text/plain; charset=utf-8");
    int delayMs = 0;
    int failNextCount = 0; // answer the next N deliveries with failNextStatus
    int failNextStatus = 500;
    int delayNextCount = 0; // delay the next N deliveries by delayNextMs (past Hoox's 10 s)
    int delayNextMs = 11'000;

    friend bool operator==(const ResponseRule &, const ResponseRule &) = default;
};

// The answer chosen for one request.
struct ResponseAnswer {
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    int delayMs = 0;
};

// Thread-safe holder of the current rule: set from the GUI thread, consumed on the
// network thread, one answer per request.
class ResponsePolicy {
public:
    void setRule(const ResponseRule &rule);
    ResponseRule rule() const;
    // The answer for the next request; counts down the "next N" counters.
    ResponseAnswer next();

private:
    mutable QMutex m_mutex;
    ResponseRule m_rule;
};

// Decides the answer to an accepted request before it is recorded and answered, e.g. by
// first forwarding the request to the user's app and answering with the app's status.
// Called on the network thread with the rule's answer as `proposed`; it must call `done`
// exactly once, from any thread. Meanwhile the connection holds back that answer (and,
// pipelining, the ones behind it); the request is journaled before the answer is written.
using RequestAnswerer = std::function<void(const HttpRequest &request, const QString &peer,
                                           const ResponseAnswer &proposed,
                                           std::function<void(const ResponseAnswer &answer)> done)>;
