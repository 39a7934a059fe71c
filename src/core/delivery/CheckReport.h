// SPDX-License-Identifier: MIT
#pragma once

#include "EndpointCheck.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

// The ways `hookscope check` and the window's Check endpoint dialog put a scorecard.
namespace CheckReport {
// "PASS  deliveries/video_generate.completed  200 in 3 ms", then, for a warning or a failure,
// the reason on an indented line.
QString scorecardLine(const CheckResult &r);
// "14 passed, 1 warned, 2 failed: http://localhost:3000/webhook/hoox"
QString summary(const QList<CheckResult> &results, const QUrl &url);
// One JSON object: scenario, group, verdict, answer, latency_ms, expectation, reason,
// and each request's label, status, latency and error.
QByteArray jsonLine(const CheckResult &r);
// JUnit XML, as CI systems read it: one testsuite, one testcase per scenario, a <failure> with
// the reason for each failure, a warning in the testcase's <system-out>.
QByteArray junit(const QList<CheckResult> &results, const QUrl &url, qint64 elapsedMs);
int failures(const QList<CheckResult> &results);
} // namespace CheckReport
