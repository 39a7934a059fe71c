// SPDX-License-Identifier: MIT
#include "TimelineChain.h"

#include "capture/CaptureStore.h"

#include <QLocale>

#include <algorithm>

using RetrySchedule::kDelaysMs;
using RetrySchedule::kMaxRetries;
using RetrySchedule::kTimeoutMs;

namespace {

QString seconds(qint64 ms)
{
    const QLocale locale;
    if (ms < 100'000)
        return TimelineChain::tr("%1 s").arg(locale.toString(ms / 1000.0, 'f', 1));
    if (ms < 7'200'000)
        return TimelineChain::tr("%1 min").arg(locale.toString(ms / 60'000.0, 'f', 1));
    return TimelineChain::tr("%1 h").arg(locale.toString(ms / 3'600'000.0, 'f', 1));
}

// The schedule's delay before attempt `attempt` (2 to 4), else 0.
qint64 delayBefore(quint32 attempt)
{
    return attempt >= 2 && attempt <= quint32(kMaxRetries) + 1 ? kDelaysMs[attempt - 2] : 0;
}

// Whether a retry `gapMs` after the attempt before came after Hoox waited out its timeout
// rather than after an answer (RetrySchedule::fit's two windows).
bool cameAfterTimeout(quint32 attempt, qint64 gapMs)
{
    const qint64 delay = delayBefore(attempt);
    if (delay == 0 || gapMs < 0)
        return false;
    const qint64 slack = std::max<qint64>(300, delay / 4);
    return gapMs >= kTimeoutMs + delay - slack && gapMs <= kTimeoutMs + delay + 2 * slack;
}

} // namespace

QList<TimelineAttempt> TimelineChain::build(const CaptureStore &store, qsizetype row,
                                            const ForwardLookup &forward)
{
    if (row < 0 || row >= store.size() || store.row(row).group < 0)
        return {};
    QList<qsizetype> rows;
    for (qint32 r = store.group(store.row(row).group).lastRow; r >= 0 && rows.size() < kMaxAttempts;
         r = store.row(r).previous)
        rows.prepend(r);
    QList<TimelineAttempt> attempts;
    attempts.reserve(rows.size());
    const qint64 originMs = store.row(rows.first()).receivedAtMs;
    for (qsizetype r : rows) {
        const CaptureStore::Row &x = store.row(r);
        TimelineAttempt a;
        a.storeRow = r;
        a.id = x.id;
        a.attempt = x.attempt;
        a.atMs = x.receivedAtMs - originMs;
        a.gapMs = attempts.isEmpty() ? -1 : a.atMs - attempts.last().atMs;
        a.answer = x.answerStatus;
        a.refused = x.flags & CaptureStore::Refused;
        a.answerClass = AnswerClass::of(a.answer, a.refused);
        if (forward)
            std::tie(a.forward, a.forwardSlow) = forward(a.id);
        attempts.append(a);
    }
    classify(attempts);
    return attempts;
}

// What Hoox made of each attempt, told by the answer and by when the next one came.
void TimelineChain::classify(QList<TimelineAttempt> &attempts)
{
    using Outcome = TimelineAttempt::Outcome;
    for (qsizetype i = 0; i < attempts.size(); ++i) {
        TimelineAttempt &a = attempts[i];
        const bool nextFollows =
            i + 1 < attempts.size() && attempts[i + 1].attempt == a.attempt + 1;
        a.nextGapMs = nextFollows ? attempts[i + 1].gapMs : -1;
        if (a.refused)
            a.outcome = Outcome::Rejected;
        else if (nextFollows && cameAfterTimeout(a.attempt + 1, a.nextGapMs))
            a.outcome = Outcome::TimedOut;
        else if (a.answer == 0)
            a.outcome = Outcome::NoAnswer;
        else
            a.outcome =
                a.answerClass == AnswerClass::Success ? Outcome::Accepted : Outcome::Rejected;
        if (i == 0 || attempts[i - 1].attempt + 1 != a.attempt)
            continue; // the attempt before is not shown: no schedule to hold this one to
        const TimelineAttempt &previous = attempts[i - 1];
        a.fit = RetrySchedule::fit(a.attempt, a.gapMs);
        a.delayMs = delayBefore(a.attempt);
        if (a.delayMs == 0)
            continue; // beyond Hoox's 3 retries
        a.afterTimeout = previous.outcome == Outcome::TimedOut;
        a.dueMs = previous.atMs + a.delayMs + (a.afterTimeout ? kTimeoutMs : 0);
    }
}

QString TimelineChain::describe(TimelineAttempt::Outcome outcome)
{
    switch (outcome) {
    case TimelineAttempt::Outcome::Accepted:
        return tr("accepted");
    case TimelineAttempt::Outcome::Rejected:
        return tr("rejected: Hoox retries");
    case TimelineAttempt::Outcome::TimedOut:
        return tr("timed out: no answer within 10 s");
    case TimelineAttempt::Outcome::NoAnswer:
        return tr("not answered");
    }
    return {};
}

QString TimelineAttempt::markText() const
{
    if (outcome == Outcome::TimedOut)
        return TimelineChain::tr("timeout");
    if (refused)
        return TimelineChain::tr("refused");
    return answer == 0 ? TimelineChain::tr("—") : QString::number(answer);
}

QString TimelineAttempt::gapText() const
{
    return gapMs < 0 ? TimelineChain::tr("0 s") : TimelineChain::tr("+%1").arg(seconds(gapMs));
}

QString TimelineAttempt::why() const
{
    const QString answered = refused ? TimelineChain::tr("refused (no access token)")
                                     : TimelineChain::tr("answered %1").arg(answer);
    switch (outcome) {
    case Outcome::Accepted:
        if (nextGapMs >= 0)
            return TimelineChain::tr("%1, yet Hoox delivered again after %2")
                .arg(answered, seconds(nextGapMs));
        return TimelineChain::tr("%1: accepted, Hoox stops").arg(answered);
    case Outcome::TimedOut:
        return TimelineChain::tr("no answer within 10 s → Hoox retried %1 after its timeout")
            .arg(seconds(nextGapMs - RetrySchedule::kTimeoutMs));
    case Outcome::NoAnswer:
        if (nextGapMs >= 0)
            return TimelineChain::tr("not answered → Hoox retried after %1")
                .arg(seconds(nextGapMs));
        return TimelineChain::tr("not answered: HookScope stopped before it answered");
    case Outcome::Rejected:
        break;
    }
    if (nextGapMs >= 0)
        return TimelineChain::tr("%1 → Hoox retried after %2").arg(answered, seconds(nextGapMs));
    if (attempt > quint32(RetrySchedule::kMaxRetries))
        return TimelineChain::tr("%1 → Hoox gives up: its 3 retries are used").arg(answered);
    return TimelineChain::tr("%1 → Hoox retries after %2")
        .arg(answered, seconds(RetrySchedule::kDelaysMs[std::max<quint32>(attempt, 1) - 1]));
}

QString TimelineAttempt::scheduleText() const
{
    if (gapMs < 0)
        return attempt <= 1
                   ? TimelineChain::tr("the delivery")
                   : TimelineChain::tr("attempt %1: the ones before are not loaded").arg(attempt);
    if (fit == RetrySchedule::Fit::BeyondSchedule || dueMs < 0)
        return RetrySchedule::describe(RetrySchedule::Fit::BeyondSchedule);
    const QString due =
        afterTimeout
            ? TimelineChain::tr("due 10 s + %1 after the attempt before").arg(seconds(delayMs))
            : TimelineChain::tr("due %1 after the attempt before").arg(seconds(delayMs));
    switch (fit) {
    case RetrySchedule::Fit::TooEarly:
        return TimelineChain::tr("%1 earlier than Hoox's schedule (%2)")
            .arg(seconds(dueMs - atMs), due);
    case RetrySchedule::Fit::TooLate:
        return TimelineChain::tr("%1 later than Hoox's schedule (%2)")
            .arg(seconds(atMs - dueMs), due);
    default:
        return TimelineChain::tr("%1: on schedule").arg(due);
    }
}

QString TimelineAttempt::toolTip() const
{
    QStringList lines;
    lines << TimelineChain::tr("#%1 · attempt %2 · %3").arg(id).arg(attempt).arg(gapText());
    lines << why();
    if (outcome == Outcome::TimedOut && answer != 0)
        lines << TimelineChain::tr("HookScope answered %1, too late for Hoox.").arg(answer);
    lines << scheduleText();
    if (!forward.isEmpty())
        lines << TimelineChain::tr("Forwarded: %1").arg(forward);
    return lines.join(u'\n');
}
