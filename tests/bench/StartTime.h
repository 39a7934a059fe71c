// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// From process start to a window that listens on 127.0.0.1 and has painted, on an empty
// journal, as main.cpp starts it (defaults, no ngrok): the bench starts itself again as
// `hookscope-bench start-child JOURNAL SETTINGS` and times, from just before the start, until
// the child says that its window painted. The platform is the bench's own (offscreen unless
// QT_QPA_PLATFORM says otherwise).
struct StartResult {
    bool ok = false;
    double medianMs = 0;
    double minMs = 0;
    double maxMs = 0;
};

StartResult measureStart(const QString &program, int runs);
// The child's side: builds the window, prints "painted" once it has, and quits.
int runStartChild(const QString &journalPath, const QString &settingsPath);
