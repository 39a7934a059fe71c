// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

class Forwarder;
class QSocketNotifier;

// `hookscope listen --hold`'s commands on standard input, one per line:
//   release [ID|all]   send the oldest held forward, the one of capture ID, or all in order
//   drop [ID|all]      discard it (or them) instead
//   held               list what is held
// Replies go to standard error, so that standard output stays one line per capture. A closed or
// empty standard input (a script, /dev/null) is no error: the commands are simply not there.
class HoldConsole : public QObject {
    Q_OBJECT
public:
    explicit HoldConsole(Forwarder *forwarder, QObject *parent = nullptr);
    ~HoldConsole() override;
    void start();

    // Runs one command line; returns the reply (empty when there is none).
    QString run(const QString &line);

private:
    void readInput();

    Forwarder *m_forwarder;
    QSocketNotifier *m_notifier = nullptr;
    QByteArray m_partial;
};
