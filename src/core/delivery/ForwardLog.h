// SPDX-License-Identifier: MIT
#pragma once

#include "DeliveryAttempt.h"
#include "capture/Capture.h"

#include <QFile>
#include <QList>
#include <QString>
#include <QUrl>

// Where held forwards outlive HookScope: a JSON Lines file beside the journal
// (`<journal>.forwards`), one line per event. A capture is held once the journal has it, so the
// log only says which captures wait, and where the journal keeps them; releasing or dropping one
// appends the outcome. Opening it again finds the holds still waiting, in arrival order, and
// starts the file afresh when none are left.
//
// Not thread-safe: the network thread writes `held` before Hoox is answered and the forwarder's
// thread the outcomes, both under the forwarder's own lock.
class ForwardLog {
public:
    struct Hold {
        quint64 id = 0;
        qint64 offset = -1; // of the capture's journal record
        quint32 size = 0;
        qint64 receivedAtMs = 0;
    };

    static QString pathFor(const QString &journalPath);

    // Opens the log of the journal at `journalPath` (created when missing) and reads the holds
    // still waiting. Unreadable lines are skipped: a torn last line is what a crash leaves.
    bool open(const QString &journalPath, QString *error);
    QList<Hold> pending() const;

    // Each returns only once the line is in the operating system's hands.
    bool held(const Capture &capture, QString *error);
    bool released(quint64 id, const QUrl &target, const DeliveryAttempt &attempt, QString *error);
    bool dropped(quint64 id, QString *error);

private:
    bool write(const QByteArray &line, QString *error);

    QFile m_file;
    QList<Hold> m_pending; // as read by open(); not kept up to date afterwards
};
