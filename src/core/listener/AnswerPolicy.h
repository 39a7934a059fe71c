// SPDX-License-Identifier: MIT
#pragma once

#include "ResponseRule.h"

#include <QMutex>

// Everything that decides the listener's own answer: the persistent rule and the armed
// one-shot counters ("fail the next N", "delay the next N" to make Hoox retry on purpose).
// Set from the GUI thread, consumed on the network thread: every method is one whole change
// under the mutex, so a countdown running on the network thread is never lost to a change made
// meanwhile. Emits nothing; the window polls state() after each batch.
class AnswerPolicy {
public:
    // A consistent copy of the whole policy at one instant.
    struct State {
        ResponseRule rule;
        int failNextLeft = 0;
        int failNextStatus = 500;
        int delayNextLeft = 0;
        int delayNextMs = 11'000;

        friend bool operator==(const State &, const State &) = default;
    };

    // Replaces the persistent rule; armed counters carry on.
    void setRule(const ResponseRule &rule);
    ResponseRule rule() const;
    // Answers the next `count` requests with `status` (0 disarms), replacing what was armed.
    void armFailNext(int count, int status);
    // Delays the next `count` answers by `delayMs` (0 disarms), replacing what was armed.
    void armDelayNext(int count, int delayMs);
    // Stops both countdowns; the rule stays.
    void disarm();
    State state() const;
    // The answer for the next request; counts the armed counters down.
    ResponseAnswer next();

private:
    mutable QMutex m_mutex;
    State m_state;
};
