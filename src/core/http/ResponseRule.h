// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QMutex>

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
