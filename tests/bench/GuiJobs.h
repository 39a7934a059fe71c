// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// How the GUI thread fares while the real window runs a long job (opening a journal,
// exporting captures): the job's duration and the waits an input would see meanwhile.
struct GuiJobResult {
    double elapsedMs = 0; // from the user's action until the job's outcome is shown
    double p99Ms = 0;
    double p50Ms = 0;
    double maxMs = 0;
    qint64 rows = 0; // rows in the table (open) or captures written (export)
    bool ok = false;
};

// The window starts on an empty journal, then opens `journal` as File → Open journal does.
GuiJobResult measureGuiOpen(const QString &journal);
// The window starts on `journal` and exports its first `count` captures to HAR.
GuiJobResult measureGuiExport(const QString &journal, int count);
