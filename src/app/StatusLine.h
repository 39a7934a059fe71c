// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QTimer>

class CaptureStore;
class ElidedLabel;
class ListenerBar;
class QLabel;
class QStatusBar;
class SessionEngine;

// The window's status bar: where HookScope listens, how many captures and deliveries a
// second, which journal; and the session's passing messages (a journal that cannot be
// written, what ngrok's list could not give, what was copied).
class StatusLine : public QObject {
    Q_OBJECT
public:
    StatusLine(QStatusBar *bar, SessionEngine *engine, ListenerBar *listenerBar, QObject *parent);

    QLabel *journalLabel() const;
    // After captures were added or cleared.
    void showTotal();

private:
    void showRate();

    QStatusBar *m_bar;
    const CaptureStore *m_store;
    QLabel *m_listen;
    QLabel *m_total;
    QLabel *m_rate;
    ElidedLabel *m_journal;
    QTimer m_rateTimer;
    qsizetype m_lastCount = 0;
};
