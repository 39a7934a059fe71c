// SPDX-License-Identifier: MIT
#pragma once

#include "capture/ImportedRequest.h"

#include <QList>
#include <QString>

// An entry or line that could not be imported.
struct ImportProblem {
    int index = 0;   // HAR: the entry's index in log.entries; JSON Lines: the line number (from 1)
    QString message; // names the entry or line and what is wrong
};

// What a reader made of a file: the good entries in file order and the bad ones. `error` is
// set when the file as a whole is unusable (not JSON, no log.entries); nothing was read then.
struct ImportResult {
    QList<ImportedRequest> requests;
    QList<ImportProblem> problems;
    QString error;
};
