// SPDX-License-Identifier: MIT
#include "QuerySubject.h"

QuerySubject QuerySubject::of(const Capture &c, const QueryFacts *facts)
{
    QuerySubject s;
    s.task = c.hoox.taskText;
    s.status = c.hoox.statusText;
    s.key = c.hoox.key;
    s.method = c.method;
    s.target = c.target;
    s.findings = &c.hoox.findings;
    s.receivedAtMs = c.receivedAtMs;
    s.attempt = c.hoox.attempt;
    s.answer = c.answerStatus;
    s.capture = &c;
    if (facts) {
        s.forward = facts->forwardStatus;
        s.duplicate = facts->duplicate;
        s.note = facts->note;
        s.bookmarked = facts->bookmarked;
    } else {
        // All that is known when it arrives: whether it is a retry of an earlier delivery.
        s.duplicate = c.hoox.attempt > 1 || c.hoox.duplicateOf != 0;
        s.note = c.note;
        s.bookmarked = c.bookmarked;
    }
    return s;
}
