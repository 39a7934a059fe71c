// SPDX-License-Identifier: MIT
#include "JournalLock.h"

#include <QCoreApplication>
#include <QFile>

#include <cerrno>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

namespace {

QString commandLineOf(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QByteArray cmd = f.read(4096);
    cmd.replace('\0', ' ');
    return QString::fromLocal8Bit(cmd.trimmed());
}

} // namespace

namespace JournalLock {

// /proc/locks names the process that took each flock(): "1: FLOCK ADVISORY WRITE 4242
// 08:01:1234 0 EOF", with the device as major:minor (hex) and the inode.
qint64 pidHolding(int fd)
{
    struct stat st = {};
    if (::fstat(fd, &st) != 0)
        return {};
    const QByteArray where = QByteArray::number(major(st.st_dev), 16).rightJustified(2, '0') + ':' +
                             QByteArray::number(minor(st.st_dev), 16).rightJustified(2, '0') + ':' +
                             QByteArray::number(quint64(st.st_ino));
    QFile locks(QStringLiteral("/proc/locks"));
    if (!locks.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    const QList<QByteArray> lines = locks.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> f = line.simplified().split(' ');
        // "1:" FLOCK ADVISORY WRITE pid dev:ino start end; a waiter's line has "->" after "1:".
        if (f.size() < 8 || f.at(1) != "FLOCK" || f.at(5) != where)
            continue;
        const qint64 pid = f.at(4).toLongLong();
        if (pid > 0)
            return pid;
    }
    return 0;
}

QString holderOf(int fd)
{
    const qint64 pid = pidHolding(fd);
    if (pid <= 0)
        return {};
    const QString cmd = commandLineOf(pid);
    return cmd.isEmpty()
               ? QCoreApplication::translate("Journal", "process %1").arg(pid)
               : QCoreApplication::translate("Journal", "process %1: %2").arg(pid).arg(cmd);
}

qint64 holderPid(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? pidHolding(f.handle()) : 0;
}

bool isHeldElsewhere(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    if (::flock(f.handle(), LOCK_EX | LOCK_NB) == 0) {
        ::flock(f.handle(), LOCK_UN);
        return false;
    }
    return errno == EWOULDBLOCK;
}

bool acquire(int fd, const QString &path, QString *error)
{
    int rc = 0;
    do {
        rc = ::flock(fd, LOCK_EX | LOCK_NB);
    } while (rc != 0 && errno == EINTR);
    if (rc == 0)
        return true;
    if (errno != EWOULDBLOCK) {
        // A file system without locks (some network mounts): one writer cannot be promised,
        // but refusing to record anything would be worse.
        return true;
    }
    QString holder = holderOf(fd);
    if (holder.isEmpty())
        holder = QCoreApplication::translate("Journal", "another process");
    *error = QCoreApplication::translate(
                 "Journal",
                 "The journal %1 is in use by another HookScope (%2). A journal has one writer: "
                 "stop that HookScope, or give this one another journal with --journal PATH "
                 "(in the window: File → New session). `hookscope export --journal %1` reads it "
                 "while it runs.")
                 .arg(path, holder);
    return false;
}

} // namespace JournalLock
