// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// From process start to a window that listens on 127.0.0.1 and has painted, and to the table
// ready with what the journal holds, as main.cpp starts it (defaults, no ngrok): the bench
// starts itself again as `hookscope-bench start-child JOURNAL SETTINGS` and times, from just
// before the start, until the child says that its window painted ("painted"), then that the
// journal is open and the table painted with its rows ("ready"). Without a journal each run
// starts on an empty one of its own. The platform is the bench's own (offscreen unless
// QT_QPA_PLATFORM says otherwise).
struct StartResult {
    bool ok = false;
    double medianMs = 0;
    double minMs = 0;
    double maxMs = 0;
    double readyMedianMs = 0; // to the ready table
    double readyMaxMs = 0;
    qint64 rows = 0;
    double guiP99Ms = 0; // the GUI thread's p99 wait from the window shown to ready (median)
    double guiMaxMs = 0; // and its longest wait over all runs
};

StartResult measureStart(const QString &program, int runs, const QString &journal = {});
// The child's side: builds the window, prints "painted" once it has, "ready N" once the journal
// is open and the table painted with its N rows, and quits.
int runStartChild(const QString &journalPath, const QString &settingsPath);
