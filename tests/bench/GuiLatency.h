// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// How long the GUI thread of the real main window keeps a user waiting while deliveries
// stream in over loopback TCP.
struct GuiLatencyResult {
    double p99Ms = 0;              // 99th percentile of the GUI thread's response time
    double p50Ms = 0;              // its median
    double maxMs = 0;              // the longest wait seen
    double deliveredPerSecond = 0; // responses received per second over the measured span
    qint64 delivered = 0;          // responses received over the measured span
    qint64 answered200 = 0;        // of those, the ones answered 200
    qint64 probes = 0;             // latency samples behind the percentiles
    bool ok = false;               // false when the window or the listener could not be set up
};

// Builds the main window as a GUI run of HookScope does (offscreen when QT_QPA_PLATFORM says
// so), with its listener on 127.0.0.1 and a journal in a temporary folder, shows it, and
// sends `deliveriesPerSecond` Hoox deliveries per second to it for one second of warm-up and
// `seconds` measured seconds. Needs a QApplication; runs its event loop meanwhile.
// With `journal`, the window opens that one instead (it grows by what is sent); with
// `sortColumn` >= 0, the table is sorted by that column first, as a click on its header does.
GuiLatencyResult measureGuiLatency(int deliveriesPerSecond, int seconds,
                                   const QString &journal = {}, int sortColumn = -1);
