// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// One journal, one writer: the journal's descriptor holds an exclusive flock() while it is
// open. The kernel drops the lock with the descriptor, so a crashed or killed HookScope leaves
// none behind, and readers (export, search) need no lock at all.
namespace JournalLock {
// Takes the lock on `fd` without waiting. False with *error set (in words, naming the process
// that holds it and what to do) when another open file holds it.
bool acquire(int fd, const QString &path, QString *error);
// Whether another open file holds the lock on the journal at `path` now.
bool isHeldElsewhere(const QString &path);
// The process that holds the lock on the journal at `path`, or 0 when none or unknown.
qint64 holderPid(const QString &path);
// "process 4242: hookscope --headless --port 4478", or empty when it cannot be told.
QString holderOf(int fd);
} // namespace JournalLock
