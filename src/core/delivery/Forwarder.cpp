// SPDX-License-Identifier: MIT
#include "Forwarder.h"

#include "DeliveryRequest.h"
#include "http/HttpRequest.h"
#include "listener/Listener.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMutex>
#include <QNetworkReply>
#include <QTimer>

#include <atomic>

namespace {

constexpr qsizetype kMaxPending = 1024; // forwards whose capture never came (journal failure)

QByteArray fingerprint(const QString &peer, const QByteArray &target, const QByteArray &body)
{
    return peer.toUtf8() + ' ' + target + ' ' + QByteArray::number(qHash(body));
}

} // namespace

// One forwarded request. `done` is the listener's callback, answered exactly once.
struct Forwarder::Job {
    QByteArray method;
    QByteArray target;
    HttpHeaders headers;
    QByteArray body;
    QString peer;
    ResponseAnswer proposed;
    std::function<void(const ResponseAnswer &)> done;
    std::atomic<bool> answered{false};
    bool answerWithApp = true;
    bool timedOut = false;
    QDateTime startedAt;
    QElapsedTimer clock;

    void answer(const ResponseAnswer &a)
    {
        if (!answered.exchange(true))
            done(a);
    }
};

// Shared with the answerer on the network thread, which may outlive the Forwarder: requests
// queue here under the mutex, and whatever is left when the Forwarder dies is answered.
struct Forwarder::Gate {
    QMutex mutex;
    Forwarder *forwarder = nullptr;
    QList<std::shared_ptr<Job>> inbox;
    std::atomic<bool> answerAtOnce{false};
};

Forwarder::Forwarder(Listener *listener, QObject *parent)
    : QObject(parent)
    , m_listener(listener)
    , m_gate(std::make_shared<Gate>())
{
    qRegisterMetaType<DeliveryAttempt>();
    m_gate->forwarder = this;
    if (listener)
        connect(listener, &Listener::captured, this, &Forwarder::onCaptured);
}

Forwarder::~Forwarder()
{
    stop();
    QList<std::shared_ptr<Job>> left;
    {
        QMutexLocker lock(&m_gate->mutex);
        m_gate->forwarder = nullptr;
        left.swap(m_gate->inbox);
    }
    for (auto it = m_inFlight.cbegin(); it != m_inFlight.cend(); ++it) {
        it.key()->disconnect(this);
        it.key()->abort();
        left.append(it.value());
    }
    // Every held request still gets its answer: the rule's, as if forwarding were off.
    for (const std::shared_ptr<Job> &job : std::as_const(left))
        job->answer(job->proposed);
}

void Forwarder::setAnswerMode(AnswerMode mode)
{
    m_mode = mode;
    m_gate->answerAtOnce = mode == AnswerMode::RuleAnswer;
}

void Forwarder::start()
{
    if (m_active || !m_listener)
        return;
    std::weak_ptr<Gate> weak = m_gate;
    m_listener->setAnswerer([weak](const HttpRequest &request, const QString &peer,
                                   const ResponseAnswer &proposed,
                                   std::function<void(const ResponseAnswer &)> done) {
        auto job = std::make_shared<Job>();
        job->method = request.method;
        job->target = request.target;
        job->headers = request.headers;
        job->body = request.body;
        job->peer = peer;
        job->proposed = proposed;
        job->done = std::move(done);
        const std::shared_ptr<Gate> gate = weak.lock();
        if (!gate) {
            job->answer(proposed);
            return;
        }
        job->answerWithApp = !gate->answerAtOnce;
        if (!job->answerWithApp)
            job->answer(proposed);
        QMutexLocker lock(&gate->mutex);
        if (!gate->forwarder) {
            job->answer(proposed);
            return;
        }
        gate->inbox.append(job);
        if (gate->inbox.size() == 1)
            QMetaObject::invokeMethod(gate->forwarder, &Forwarder::drainInbox,
                                      Qt::QueuedConnection);
    });
    m_active = true;
    emit activeChanged(true);
}

void Forwarder::stop()
{
    if (!m_active)
        return;
    m_active = false;
    if (m_listener)
        m_listener->setAnswerer({});
    emit activeChanged(false);
}

void Forwarder::drainInbox()
{
    QList<std::shared_ptr<Job>> jobs;
    {
        QMutexLocker lock(&m_gate->mutex);
        jobs.swap(m_gate->inbox);
    }
    for (const std::shared_ptr<Job> &job : std::as_const(jobs))
        send(job);
}

void Forwarder::send(const std::shared_ptr<Job> &job)
{
    HttpHeaders headers;
    for (const HttpHeader &h : job->headers) {
        // Qt negotiates and decodes compression itself; a copied Accept-Encoding would hand
        // Hoox a compressed body without its Content-Encoding.
        if (qstricmp(h.name.constData(), "accept-encoding") != 0)
            headers.append(h.name, h.value);
    }
    if (m_pending.size() >= kMaxPending)
        m_pending.removeFirst();
    m_pending.append({fingerprint(job->peer, job->target, job->body), 0, std::nullopt});
    job->startedAt = QDateTime::currentDateTimeUtc();
    job->clock.start();
    QNetworkReply *reply = m_manager.sendCustomRequest(DeliveryRequest::make(m_target, headers),
                                                       job->method, job->body);
    m_inFlight.insert(reply, job);
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, reply, [job, reply] {
        job->timedOut = true;
        reply->abort();
    });
    timer->start(m_timeoutMs);
    connect(reply, &QNetworkReply::finished, this,
            [this, job, reply] { onReplyFinished(job, reply); });
}

void Forwarder::onReplyFinished(const std::shared_ptr<Job> &job, QNetworkReply *reply)
{
    m_inFlight.remove(reply);
    reply->deleteLater();
    DeliveryAttempt attempt;
    attempt.number = 1;
    attempt.startedAt = job->startedAt;
    DeliveryRequest::read(reply, job->timedOut, m_timeoutMs, job->clock.elapsed(), &attempt);
    if (job->answerWithApp)
        job->answer(appAnswer(attempt));
    const QByteArray key = fingerprint(job->peer, job->target, job->body);
    for (qsizetype i = 0; i < m_pending.size(); ++i) {
        if (m_pending.at(i).key == key && !m_pending.at(i).attempt) {
            m_pending[i].attempt = attempt;
            settle(i);
            return;
        }
    }
}

ResponseAnswer Forwarder::appAnswer(const DeliveryAttempt &attempt) const
{
    if (attempt.status > 0) {
        QByteArray type = attempt.headers.value("Content-Type");
        return {attempt.status, type, attempt.body, 0};
    }
    // No answer from the app: a gateway error, so that Hoox retries as it would for the app.
    const QString reason =
        tr("HookScope could not forward to %1: %2").arg(m_target.toString(), attempt.error);
    return {502, QByteArrayLiteral("text/plain; charset=utf-8"), reason.toUtf8() + '\n', 0};
}

void Forwarder::onCaptured(const CaptureBatch &batch)
{
    if (m_pending.isEmpty())
        return;
    for (const CapturePtr &c : batch) {
        const QByteArray key = fingerprint(c->peer, c->target, c->body);
        for (qsizetype i = 0; i < m_pending.size(); ++i) {
            if (m_pending.at(i).key == key && m_pending.at(i).captureId == 0) {
                m_pending[i].captureId = c->id;
                settle(i);
                break;
            }
        }
    }
}

// Emits once a forward knows both its capture and its answer.
void Forwarder::settle(qsizetype pendingIndex)
{
    const Pending &p = m_pending.at(pendingIndex);
    if (p.captureId == 0 || !p.attempt)
        return;
    const quint64 id = p.captureId;
    DeliveryAttempt attempt = *p.attempt;
    m_pending.removeAt(pendingIndex);
    DeliveryAttempt compact = attempt; // per capture for the table: no body or headers
    compact.body.clear();
    compact.headers.clear();
    m_results.insert(id, compact);
    emit forwarded(id, attempt);
}

std::optional<DeliveryAttempt> Forwarder::resultFor(quint64 captureId) const
{
    const auto it = m_results.constFind(captureId);
    if (it == m_results.cend())
        return std::nullopt;
    return *it;
}

QString Forwarder::summary(const DeliveryAttempt &attempt)
{
    if (attempt.status > 0 && attempt.error.isEmpty())
        return tr("forwarded → %1 in %2 ms").arg(attempt.status).arg(attempt.latencyMs);
    return tr("forward failed: %1").arg(attempt.error);
}
