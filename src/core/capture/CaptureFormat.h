// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Capture.h"

#include <QString>

// Text forms of a capture shared by the headless output and the window.
namespace CaptureFormat {
QString isoTime(qint64 msecsSinceEpoch); // 2026-11-27T11:29:16.123Z
// Local wall-clock time, HH:mm:ss.zzz. Cheap: the zone offset is looked up once a minute,
// not per call (a QDateTime in local time reads the zone files on every conversion).
QString clockTime(qint64 msecsSinceEpoch);
// "200", or "not answered" for 0: recorded while its answer was being decided (an answerer held
// it) and never answered, because HookScope stopped; or imported without an answer.
QString answerText(quint16 answerStatus);
QString humanLine(const Capture &c);
// The markings of deliveries that need a second look, shared by the table and the headless line:
// "recovered from ngrok: ngrok answered 502: HookScope was not running"
QString recoveredText(quint16 answerStatus);
// "Hoox gave up: this job's webhook will not come again"
QString gaveUpText();
// "answered 200 after 11.2 s; Hoox had already timed out and retries" (or, after the last
// attempt, "… timed out").
QString lateAnswerText(quint16 answerStatus, quint32 afterMs, bool lastAttempt);
// Whether `c` is Hoox's last attempt and was not answered 2xx in time.
bool gaveUp(const Capture &c);
} // namespace CaptureFormat
