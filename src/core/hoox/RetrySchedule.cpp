// SPDX-License-Identifier: MIT
#include "RetrySchedule.h"

#include <QCoreApplication>

RetrySchedule::Fit RetrySchedule::fit(quint32 attempt, qint64 gapMs)
{
    if (attempt <= 1)
        return Fit::NotARetry;
    if (attempt > quint32(kMaxRetries) + 1)
        return Fit::BeyondSchedule;
    const qint64 delay = kDelaysMs[attempt - 2];
    // Network and processing time on both sides blur the gap; a quarter of the delay,
    // at least 300 ms, still tells one step of the schedule from the next.
    const qint64 slack = qMax<qint64>(300, delay / 4);
    // A failed attempt ends either at once (an error status) or at the 10 s timeout.
    const bool afterError = gapMs >= delay - slack && gapMs <= delay + slack;
    const bool afterTimeout =
        gapMs >= kTimeoutMs + delay - slack && gapMs <= kTimeoutMs + delay + 2 * slack;
    if (afterError || afterTimeout)
        return Fit::Fits;
    return gapMs < delay - slack ? Fit::TooEarly : Fit::TooLate;
}

QString RetrySchedule::describe(Fit fit)
{
    switch (fit) {
    case Fit::NotARetry:
        return {};
    case Fit::Fits:
        return QCoreApplication::translate("RetrySchedule", "fits Hoox's 1 s / 2 s / 4 s schedule");
    case Fit::TooEarly:
        return QCoreApplication::translate("RetrySchedule", "sooner than Hoox retries");
    case Fit::TooLate:
        return QCoreApplication::translate("RetrySchedule", "later than Hoox's schedule");
    case Fit::BeyondSchedule:
        return QCoreApplication::translate("RetrySchedule",
                                           "beyond Hoox's 3 retries: a resend or another sender");
    }
    return {};
}
