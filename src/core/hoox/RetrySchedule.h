// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// Hoox's retry schedule: a delivery not answered 2xx within 10 s is retried after 1 s,
// 2 s and 4 s, at most 3 times. Tells whether the gap before an attempt fits it.
namespace RetrySchedule {
constexpr int kTimeoutMs = 10'000;
constexpr int kMaxRetries = 3;
constexpr int kDelaysMs[kMaxRetries] = {1000, 2000, 4000};

enum class Fit {
    NotARetry, // the first attempt
    Fits,      // the expected delay after a quick failure, or after a 10 s timeout
    TooEarly,
    TooLate,
    BeyondSchedule, // more attempts than Hoox ever makes: a resend, or another sender
};

// `attempt` counts from 1; `gapMs` is the time since the previous attempt arrived.
Fit fit(quint32 attempt, qint64 gapMs);
QString describe(Fit fit);
} // namespace RetrySchedule
