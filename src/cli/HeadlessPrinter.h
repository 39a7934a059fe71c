// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Capture.h"
#include "delivery/Forwarder.h"

#include <QHash>
#include <QObject>

// Prints each capture on stdout: one human line, or with --json the JSON Lines record that
// `hookscope export --format jsonl` writes, so that `hookscope import` reads the output back.
//
// Forwarding, a capture is printed once its forward has an outcome, which its line carries (the
// human line ends with it, the record has a "forward" member); a held capture is printed when it
// is held and again when it is released or dropped.
class HeadlessPrinter : public QObject {
    Q_OBJECT
public:
    explicit HeadlessPrinter(bool json, QObject *parent = nullptr);
    // Whether captures are printed with their forward's outcome rather than as they arrive.
    void setForwarding(bool on) { m_forwarding = on; }

    void print(const CaptureBatch &batch);
    void printOutcome(const ForwardOutcome &outcome);
    // A line of its own once an answer went out after Hoox's timeout (the capture's line was
    // printed before its answer); human output only, JSON Lines records stay importable.
    void printLateAnswer(quint64 id, quint16 status, quint32 afterMs);

    // The line for one capture and, when it has one, its forward's outcome (no newline).
    QByteArray line(const Capture &c, const ForwardOutcome *outcome) const;

private:
    void write(const QByteArray &out);

    QHash<quint64, quint32> m_lastAttempts; // printed captures that were Hoox's last attempt
    bool m_json;
    bool m_forwarding = false;
};
