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
} // namespace CaptureFormat
