// SPDX-License-Identifier: MIT
#pragma once

#include "AnswerClass.h"

#include "hoox/RetrySchedule.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

class CaptureStore;

// The deliveries of one idempotency key set against Hoox's retry schedule, read from the
// store's compact rows: when each came, what HookScope answered, what the app answered when
// forwarding, and what Hoox made of it. Pure: the Timeline tab draws it, tests read it.
struct TimelineAttempt {
    // How the attempt ended for Hoox.
    enum class Outcome {
        Accepted, // answered 2xx in time: Hoox stops
        Rejected, // answered with another status: Hoox retries
        TimedOut, // the next attempt came 10 s + the delay later: Hoox waited out its timeout
        NoAnswer, // HookScope never answered (it stopped), or refused it for want of the token
    };

    qsizetype storeRow = -1;
    quint64 id = 0;
    quint32 attempt = 0; // the journal's number, from 1
    qint64 atMs = 0;     // since the first attempt shown
    qint64 gapMs = -1;   // since the attempt before; -1 for the first shown
    quint16 answer = 0;
    AnswerClass::Kind answerClass = AnswerClass::None;
    Outcome outcome = Outcome::NoAnswer;
    // When Hoox's schedule had this attempt due, since the first shown (-1: not a retry of the
    // attempt before), and whether it came then.
    qint64 dueMs = -1;
    qint64 delayMs = 0;        // the schedule's delay before it: 1, 2 or 4 s
    bool afterTimeout = false; // due after the attempt before timed out, not after its answer
    RetrySchedule::Fit fit = RetrySchedule::Fit::NotARetry;
    bool refused = false;
    QString forward; // the app's answer when forwarding, in words; empty when not forwarded
    bool forwardSlow = false;

    QString markText() const; // "500", "200", "timeout", "—"
    QString gapText() const;  // "+1.0 s"
    // "answered 500 → Hoox retried after 1.0 s", "answered 200: accepted".
    QString why() const;
    // "due after 1 s: on time", "0.6 s earlier than Hoox's schedule".
    QString scheduleText() const;
    // Everything above, one fact a line, for the tooltip.
    QString toolTip() const;

    // Set by TimelineChain from the attempt after this one.
    qint64 nextGapMs = -1;
};

class TimelineChain {
    Q_DECLARE_TR_FUNCTIONS(TimelineChain)
public:
    static constexpr int kMaxAttempts = 64; // a key resent thousands of times shows its last

    // The app's answer to a capture when it was forwarded (summary, slow), by capture id.
    using ForwardLookup = std::function<std::pair<QString, bool>(quint64 id)>;

    // The last kMaxAttempts deliveries of the key of store row `row`, oldest first; empty when
    // the row has no key.
    static QList<TimelineAttempt> build(const CaptureStore &store, qsizetype row,
                                        const ForwardLookup &forward = {});
    static QString describe(TimelineAttempt::Outcome outcome);

private:
    static void classify(QList<TimelineAttempt> &attempts);
};
