// SPDX-License-Identifier: MIT
#include "Notifier.h"

#include "capture/CaptureFormat.h"
#include "delivery/Forwarder.h"
#include "listener/Listener.h"

#include <QApplication>
#include <QDateTime>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QWidget>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const auto kConflict = u"conflicting_duplicate"_s;

// One kind's words, singular or plural (English needs no catalogue for these).
QString countText(Notifier::Kind kind, int n)
{
    switch (kind) {
    case Notifier::Findings:
        return n == 1 ? Notifier::tr("1 delivery with findings")
                      : Notifier::tr("%1 deliveries with findings").arg(n);
    case Notifier::Conflicts:
        return n == 1 ? Notifier::tr("1 conflicting duplicate")
                      : Notifier::tr("%1 conflicting duplicates").arg(n);
    case Notifier::FailedForwards:
        return n == 1 ? Notifier::tr("1 failed forward")
                      : Notifier::tr("%1 failed forwards").arg(n);
    default:
        break;
    }
    return n == 1 ? Notifier::tr("Hoox gave up on 1 webhook")
                  : Notifier::tr("Hoox gave up on %1 webhooks").arg(n);
}

} // namespace

Notifier::Notifier(Listener *listener, Forwarder *forwarder, QWidget *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer); // a coarse one fires up to 5% early
    connect(&m_timer, &QTimer::timeout, this, &Notifier::flush);
    if (listener)
        connect(listener, &Listener::captured, this, &Notifier::addCaptures);
    if (forwarder)
        connect(forwarder, &Forwarder::outcome, this, &Notifier::addForwardOutcome);
}

Notifier::~Notifier() = default;

void Notifier::setKinds(const NotificationKinds &kinds)
{
    m_kinds = kinds;
    if (!m_kinds.findings)
        m_pending[Findings] = 0;
    if (!m_kinds.conflicts)
        m_pending[Conflicts] = 0;
    if (!m_kinds.failedForwards)
        m_pending[FailedForwards] = 0;
    if (!m_kinds.gaveUp)
        m_pending[GaveUp] = 0;
    updateTray();
}

QString Notifier::text(const Counts &counts)
{
    QStringList parts;
    for (int kind = 0; kind < KindCount; ++kind) {
        if (counts[size_t(kind)] > 0)
            parts << countText(Kind(kind), counts[size_t(kind)]);
    }
    return parts.join(tr(", "));
}

void Notifier::addCaptures(const CaptureBatch &batch)
{
    if (!m_kinds.any() || isWindowActive())
        return;
    const qint64 freshSince = QDateTime::currentMSecsSinceEpoch() - kFreshMs;
    for (const CapturePtr &c : batch) {
        if (c && !c->refused && c->receivedAtMs >= freshSince)
            addCapture(*c);
    }
}

// A conflicting duplicate is counted as such, and among the deliveries with findings only when
// it has other findings too.
void Notifier::addCapture(const Capture &c)
{
    const QStringList &findings = c.hoox.findings;
    const bool conflict = findings.contains(kConflict);
    if (m_kinds.conflicts && conflict)
        count(Conflicts, c.id);
    if (m_kinds.findings && findings.size() > (conflict ? 1 : 0))
        count(Findings, c.id);
    if (m_kinds.gaveUp && CaptureFormat::gaveUp(c))
        count(GaveUp, c.id);
}

// Failed: the app answered other than 2xx, not at all, or later than Hoox waits.
void Notifier::addForwardOutcome(const ForwardOutcome &outcome)
{
    if (!m_kinds.failedForwards || outcome.state != ForwardOutcome::State::Sent || isWindowActive())
        return;
    if (!outcome.attempt.delivered() || !outcome.slowWarning().isEmpty())
        count(FailedForwards, outcome.captureId);
}

void Notifier::count(Kind kind, quint64 captureId)
{
    ++m_pending[size_t(kind)];
    m_pendingNewest = std::max(m_pendingNewest, captureId);
    if (m_timer.isActive())
        return;
    // What arrives in the same pass of the event loop goes in the same message.
    const qint64 wait = m_sinceShown.isValid() ? m_intervalMs - m_sinceShown.elapsed() : 0;
    m_timer.start(int(std::max<qint64>(0, wait)));
}

bool Notifier::isWindowActive() const
{
    return m_window && m_window->isActiveWindow();
}

// Counts the user came back to the window for meanwhile are dropped: the window shows them.
void Notifier::flush()
{
    const Counts counts = std::exchange(m_pending, Counts{});
    const quint64 newest = std::exchange(m_pendingNewest, 0);
    if (isWindowActive() || std::all_of(counts.begin(), counts.end(), [](int n) { return n == 0; }))
        return;
    m_shownNewest = newest;
    m_sinceShown.start();
    const QString title = tr("HookScope");
    const QString message = text(counts);
    if (m_tray)
        m_tray->showMessage(title, message, QSystemTrayIcon::Warning);
    emit notify(title, message);
}

void Notifier::activate()
{
    if (m_window) {
        QWidget *top = m_window->window();
        top->setWindowState(top->windowState() & ~Qt::WindowMinimized); // maximized stays so
        top->show();
        top->raise();
        top->activateWindow();
    }
    emit activated(m_shownNewest);
}

// A tray icon only while there is something to notify of, and a tray to show it in.
void Notifier::updateTray()
{
    if (!m_kinds.any() || !QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray.reset();
        return;
    }
    if (m_tray)
        return;
    QIcon icon = QApplication::windowIcon();
    if (icon.isNull())
        icon = QApplication::style()->standardIcon(QStyle::SP_MessageBoxInformation);
    m_tray = std::make_unique<QSystemTrayIcon>(icon);
    m_tray->setToolTip(tr("HookScope"));
    connect(m_tray.get(), &QSystemTrayIcon::messageClicked, this, &Notifier::activate);
    connect(m_tray.get(), &QSystemTrayIcon::activated, this, &Notifier::activate);
    m_tray->show();
}
