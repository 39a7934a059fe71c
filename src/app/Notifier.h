// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Capture.h"
#include "session/AppSettings.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <array>
#include <memory>

class Forwarder;
class Listener;
class QSystemTrayIcon;
class QWidget;
struct ForwardOutcome;

// Desktop notifications of what needs a look while the window is not the active one: a
// delivery with findings, a conflicting duplicate, a failed live forward, a webhook Hoox gave up
// on. It listens to what the session already reports (the listener's batches, the forwarder's
// outcomes), counts each kind the user turned on, and says it at most once per interval, in one
// message ("3 deliveries with findings, 1 failed forward") through the system tray, which is
// shown only while a kind is on and the desktop has a tray. Clicking the message raises the
// window and asks, through activated(), for the newest capture it counted.
class Notifier : public QObject {
    Q_OBJECT
public:
    enum Kind { Findings, Conflicts, FailedForwards, GaveUp, KindCount };
    using Counts = std::array<int, KindCount>;
    static constexpr int kDefaultIntervalMs = 5000;
    // Older captures in a batch come from an import or a recovery from ngrok: not news.
    static constexpr qint64 kFreshMs = 60'000;

    // `listener` and `forwarder` (either may be null) belong to the session and outlive this;
    // `window` (may be null: never active) is the one whose activity silences the messages.
    Notifier(Listener *listener, Forwarder *forwarder, QWidget *window, QObject *parent = nullptr);
    ~Notifier() override;

    void setKinds(const NotificationKinds &kinds);
    NotificationKinds kinds() const { return m_kinds; }
    // The shortest time between two messages; tests shorten it.
    void setInterval(int ms) { m_intervalMs = ms; }
    bool hasTrayIcon() const { return m_tray != nullptr; }
    // "3 deliveries with findings, 1 failed forward": the kinds counted, in a fixed order.
    static QString text(const Counts &counts);

public slots:
    void addCaptures(const CaptureBatch &batch);
    void addForwardOutcome(const ForwardOutcome &outcome);
    // The last message was clicked: raises the window and emits activated().
    void activate();

signals:
    // A message to show (the tray shows it too, when there is one).
    void notify(const QString &title, const QString &text);
    // Show capture `captureId`, the newest the last message counted (0 before any).
    void activated(quint64 captureId);

private:
    void addCapture(const Capture &capture);
    void count(Kind kind, quint64 captureId);
    bool isWindowActive() const;
    void flush();
    void updateTray();

    QPointer<QWidget> m_window;
    NotificationKinds m_kinds;
    Counts m_pending{};
    quint64 m_pendingNewest = 0;
    quint64 m_shownNewest = 0;
    QTimer m_timer;
    QElapsedTimer m_sinceShown; // invalid until the first message
    int m_intervalMs = kDefaultIntervalMs;
    std::unique_ptr<QSystemTrayIcon> m_tray;
};
