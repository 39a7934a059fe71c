// SPDX-License-Identifier: MIT
#include "Forwarder.h"

#include "DeliveryRequest.h"
#include "listener/Listener.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMutex>
#include <QNetworkReply>
#include <QTimer>

#include <atomic>

// One forwarded request. `done` is the listener's callback, answered exactly once.
struct Forwarder::Job {
    CapturePtr capture; // journaled already, answer pending
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
    m_listener->setAnswerer([weak](const CapturePtr &capture, const ResponseAnswer &proposed,
                                   std::function<void(const ResponseAnswer &)> done) {
        auto job = std::make_shared<Job>();
        job->capture = capture;
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
    const Capture &c = *job->capture;
    HttpHeaders headers;
    for (const HttpHeader &h : c.headers) {
        // Qt negotiates and decodes compression itself; a copied Accept-Encoding would hand
        // Hoox a compressed body without its Content-Encoding.
        if (qstricmp(h.name.constData(), "accept-encoding") != 0)
            headers.append(h.name, h.value);
    }
    job->startedAt = QDateTime::currentDateTimeUtc();
    job->clock.start();
    QNetworkReply *reply =
        m_manager.sendCustomRequest(DeliveryRequest::make(m_target, headers), c.method, c.body);
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
    DeliveryAttempt compact = attempt; // per capture for the table: no body or headers
    compact.body.clear();
    compact.headers.clear();
    m_results.insert(job->capture->id, compact);
    emit forwarded(job->capture->id, attempt);
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
