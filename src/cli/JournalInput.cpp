// SPDX-License-Identifier: MIT
#include "JournalInput.h"

#include "Subcommand.h"

#include <QCoreApplication>

bool JournalInput::open(const QString &path, QString *error)
{
    read = JournalReader::readIndex(path);
    if (!read.error.isEmpty()) {
        *error = read.error;
        return false;
    }
    if (!read.warning.isEmpty())
        printErr(read.warning);
    file.setFileName(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("JournalInput", "Cannot open the journal %1: %2.")
                     .arg(path, file.errorString());
        return false;
    }
    return true;
}
