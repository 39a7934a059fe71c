// SPDX-License-Identifier: MIT
#pragma once

#include "DeliveryAttempt.h"
#include "DeliveryOptions.h"
#include "http/HttpHeaders.h"

#include <QElapsedTimer>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkReply;

// Delivers one payload to a URL the way Hoox does: POST with Hoox's headers, success only on
// 2xx within the timeout, otherwise retried after each delay of the schedule. One delivery
// at a time; lives on the thread that creates it and signals there.
class Deliverer : public QObject {
    Q_OBJECT
public:
    explicit Deliverer(QObject *parent = nullptr);
    ~Deliverer() override;

    // Starts a delivery; a delivery still running is cancelled first. `headers` are added to
    // Hoox's own (see DeliveryOptions::addHooxHeaders) and replace those of the same name;
    // hop-by-hop fields are dropped. `body` goes out byte for byte.
    void deliver(const QUrl &url, const QByteArray &body, const HttpHeaders &headers,
                 const DeliveryOptions &options = {});
    // Stops the attempt in flight or the wait for a retry; finished(false) follows at once.
    void cancel();

    bool isRunning() const { return m_running; }
    const QList<DeliveryAttempt> &attempts() const { return m_attempts; }

signals:
    void attemptStarted(const DeliveryAttempt &attempt);
    void attemptFinished(const DeliveryAttempt &attempt);
    void finished(bool delivered);

private:
    void startAttempt();
    void onReplyFinished();
    void onTimeout();
    void finish(bool delivered);

    QNetworkAccessManager m_manager;
    QPointer<QNetworkReply> m_reply;
    QTimer m_retryTimer;
    QTimer m_timeoutTimer;
    QElapsedTimer m_clock;
    QUrl m_url;
    QByteArray m_body;
    HttpHeaders m_headers;
    DeliveryOptions m_options;
    QList<DeliveryAttempt> m_attempts;
    quint64 m_generation = 0; // tells a finished delivery's late signals from the current one
    bool m_running = false;
    bool m_timedOut = false;
};
