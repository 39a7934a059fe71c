// SPDX-License-Identifier: MIT
#include "HoldConsole.h"

#include "CommandLine.h"
#include "delivery/Forwarder.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace {

// This file's messages, under the catalogue context "HoldConsole" (lupdate reads it here).
struct HoldConsoleTr {
    Q_DECLARE_TR_FUNCTIONS(HoldConsole)
};

QString usage()
{
    return HoldConsoleTr::tr("Commands: release [ID|all], drop [ID|all], held.");
}

} // namespace

HoldConsole::HoldConsole(Forwarder *forwarder, QObject *parent)
    : QObject(parent)
    , m_forwarder(forwarder)
{
}

HoldConsole::~HoldConsole() = default;

void HoldConsole::start()
{
    // Put in the background, HookScope must go on listening rather than stop at its first read
    // of the terminal: without SIGTTIN the read fails instead, and is tried again later.
    std::signal(SIGTTIN, SIG_IGN);
    m_notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &HoldConsole::readInput);
}

void HoldConsole::readInput()
{
    char buffer[4096];
    const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR)
        return;
    if (n < 0 && (errno == EIO || errno == EAGAIN)) {
        // In the background: listen again once it may be in the foreground.
        m_notifier->setEnabled(false);
        QTimer::singleShot(1000, this, [this] { m_notifier->setEnabled(true); });
        return;
    }
    if (n <= 0) {
        m_notifier->setEnabled(false); // end of input
        return;
    }
    m_partial.append(buffer, n);
    for (qsizetype end = m_partial.indexOf('\n'); end >= 0; end = m_partial.indexOf('\n')) {
        const QString line = QString::fromUtf8(m_partial.left(end)).trimmed();
        m_partial.remove(0, end + 1);
        const QString reply = run(line);
        if (!reply.isEmpty())
            CommandLine::printError(reply);
    }
    if (m_partial.size() > 64 * 1024)
        m_partial.clear(); // not a command
}

QString HoldConsole::run(const QString &line)
{
    const QStringList words = line.split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty())
        return {};
    const QString command = words.first().toLower();
    const QList<PendingForward> pending = m_forwarder->pending();
    QList<quint64> held;
    for (const PendingForward &p : pending) {
        if (p.held)
            held.append(p.captureId);
    }
    if (command == QLatin1String("held") || command == QLatin1String("list")) {
        if (held.isEmpty())
            return HoldConsoleTr::tr("Nothing is held.");
        QStringList ids;
        for (quint64 id : std::as_const(held))
            ids << u'#' + QString::number(id);
        return HoldConsoleTr::tr("Held, oldest first: %1").arg(ids.join(u' '));
    }
    const bool release = command == QLatin1String("release");
    if (!release && command != QLatin1String("drop"))
        return HoldConsoleTr::tr("Unknown command \"%1\". %2").arg(words.first(), usage());
    if (words.size() > 2)
        return HoldConsoleTr::tr("\"%1\" takes one ID or all. %2").arg(command, usage());
    if (held.isEmpty())
        return HoldConsoleTr::tr("Nothing is held.");
    const QString what = words.size() == 2 ? words.at(1) : QString();
    if (what.compare(QLatin1String("all"), Qt::CaseInsensitive) == 0) {
        release ? m_forwarder->releaseAll() : m_forwarder->dropAll();
        return release
                   ? HoldConsoleTr::tr("Releasing %n held forward(s).", nullptr, int(held.size()))
                   : HoldConsoleTr::tr("Dropping %n held forward(s).", nullptr, int(held.size()));
    }
    quint64 id = held.first();
    if (!what.isEmpty()) {
        bool ok = false;
        id = QStringView(what).mid(what.startsWith(u'#') ? 1 : 0).toULongLong(&ok);
        if (!ok)
            return HoldConsoleTr::tr("\"%1\" is not a capture ID. %2").arg(what, usage());
        if (!held.contains(id))
            return HoldConsoleTr::tr("#%1 is not held.").arg(id);
    }
    release ? m_forwarder->release(id) : m_forwarder->drop(id);
    return release ? HoldConsoleTr::tr("Releasing #%1.").arg(id)
                   : HoldConsoleTr::tr("Dropping #%1.").arg(id);
}
