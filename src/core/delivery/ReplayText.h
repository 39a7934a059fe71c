// SPDX-License-Identifier: MIT
#pragma once

#include "Replayer.h"

#include <QList>
#include <QString>
#include <QUrl>

// How a replay is told, the same in `hookscope replay` and the window's Replay dialog.
namespace ReplayText {
// "Replaying 6 deliveries of 5 captures to URL (seed 42)."
QString start(qsizetype deliveries, qsizetype captures, const QUrl &url, quint32 seed);
// "#12 → 200 in 3 ms", "#12 (again) → connection refused after 4 attempts".
QString result(const ReplayResult &r);
// "9 sent, 8 answered 2xx, 1 not, 0 timed out; 0 dropped, 1 duplicated on purpose (seed 42)".
QString summary(const ReplayReport &r, quint32 seed);
// "  not delivered: #44 → 500 in 5 ms".
QString failure(const ReplayResult &r);
// When nothing reached the app at all (every failure a connection error, no timeout): what to
// check, naming where the URL came from ("--to", "the target"); empty otherwise.
QString noneReached(const ReplayReport &r, const QString &urlSource);
} // namespace ReplayText
