// SPDX-License-Identifier: MIT
#pragma once

#include "capture/JournalReader.h"

#include <QFile>
#include <QString>

// A journal opened for reading by a subcommand: its index, and the file its records are read
// from. Reading needs no lock, so a journal a running HookScope is writing can be read too.
struct JournalInput {
    JournalIndexResult read;
    QFile file;

    // Reads the index (printing its warning, if any, on stderr) and opens the file.
    bool open(const QString &path, QString *error);
};
