// SPDX-License-Identifier: MIT
#include "Deliverer.h"

#include "DeliveryRequest.h"

#include <QNetworkReply>

Deliverer::Deliverer(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<DeliveryAttempt>();
    m_retryTimer.setSingleShot(true);
    m_timeoutTimer.setSingleShot(true);
    // A precise timer: with a millisecond schedule the coarse one could fire early.
    m_retryTimer.setTimerType(Qt::PreciseTimer);
    m_timeoutTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_retryTimer, &QTimer::timeout, this, &Deliverer::startAttempt);
    connect(&m_timeoutTimer, &QTimer::timeout, this, &Deliverer::onTimeout);
}

Deliverer::~Deliverer()
{
    // Not a cancel(): nobody is left to hear finished().
    m_running = false;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void Deliverer::deliver(const QUrl &url, const QByteArray &body, const HttpHeaders &headers,
                        const DeliveryOptions &options)
{
    if (m_running)
        cancel();
    m_url = url;
    m_body = body;
    m_headers = options.addHooxHeaders
                    ? DeliveryRequest::merged(DeliveryRequest::hooxHeaders(), headers)
                    : headers;
    m_options = options;
    m_attempts.clear();
    ++m_generation;
    m_running = true;
    startAttempt();
}

void Deliverer::cancel()
{
    if (!m_running)
        return;
    m_running = false;
    m_retryTimer.stop();
    m_timeoutTimer.stop();
    if (QNetworkReply *reply = m_reply) {
        // Recorded here rather than in onReplyFinished(): abort() may report synchronously
        // or not, and a new delivery may start before a late report arrives.
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
        DeliveryAttempt &attempt = m_attempts.last();
        attempt.latencyMs = m_clock.elapsed();
        attempt.error = tr("cancelled");
        emit attemptFinished(DeliveryAttempt(attempt));
    }
    emit finished(false);
}

void Deliverer::startAttempt()
{
    DeliveryAttempt attempt;
    attempt.number = int(m_attempts.size()) + 1;
    attempt.startedAt = QDateTime::currentDateTimeUtc();
    m_attempts.append(attempt);
    m_timedOut = false;
    emit attemptStarted(attempt);
    m_clock.start();
    m_reply = m_manager.post(DeliveryRequest::make(m_url, m_headers), m_body);
    connect(m_reply, &QNetworkReply::finished, this, &Deliverer::onReplyFinished);
    m_timeoutTimer.start(m_options.timeoutMs);
}

void Deliverer::onTimeout()
{
    if (!m_reply)
        return;
    m_timedOut = true;
    m_reply->abort();
}

void Deliverer::onReplyFinished()
{
    auto *reply = qobject_cast<QNetworkReply *>(sender());
    if (!reply || reply != m_reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    m_timeoutTimer.stop();
    DeliveryAttempt &attempt = m_attempts.last();
    DeliveryRequest::read(reply, m_timedOut, m_options.timeoutMs, m_clock.elapsed(), &attempt);
    const quint64 generation = m_generation;
    const DeliveryAttempt done = attempt; // a listener may start another delivery
    emit attemptFinished(done);
    if (!m_running || generation != m_generation)
        return; // cancelled, or replaced by a new delivery
    if (done.delivered()) {
        finish(true);
    } else if (m_attempts.size() < m_options.maxAttempts()) {
        m_retryTimer.start(m_options.retryDelaysMs.at(m_attempts.size() - 1));
    } else {
        finish(false);
    }
}

void Deliverer::finish(bool delivered)
{
    m_running = false;
    m_retryTimer.stop();
    m_timeoutTimer.stop();
    emit finished(delivered);
}
