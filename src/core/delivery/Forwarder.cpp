// SPDX-License-Identifier: MIT
#include "Forwarder.h"

#include "DeliveryRequest.h"
#include "capture/JournalReader.h"
#include "hoox/RetrySchedule.h"
#include "listener/Listener.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThread>
#include <QTimer>

#include <atomic>

namespace {

// This file's messages, under the catalogue context "Forwarder" (lupdate reads it here).
struct ForwarderTr {
    Q_DECLARE_TR_FUNCTIONS(Forwarder)
};

// What Hoox does after an attempt that failed: the next retry, or nothing.
QString hooxNext(quint32 attempt)
{
    const quint32 n = qMax<quint32>(attempt, 1);
    if (n > quint32(RetrySchedule::kMaxRetries))
        return ForwarderTr::tr("given up: that was its last retry");
    return ForwarderTr::tr("retried after %1 s").arg(RetrySchedule::kDelaysMs[n - 1] / 1000);
}

} // namespace

// One forward. `done` is the listener's callback, answered exactly once (absent for a hold
// taken up from the log: Hoox was answered by an earlier run).
struct Forwarder::Job {
    CapturePtr capture; // journaled already
    ResponseAnswer proposed;
    std::function<void(const ResponseAnswer &)> done;
    std::atomic<bool> answered{false};
    std::atomic<int> answeredStatus{0};
    QUrl target;
    bool answerWithApp = false; // Hoox waits for the app's answer (until hooxDeadlineMs)
    bool held = false;
    bool notRouted = false;
    bool appTimedOut = false;
    qint64 hooxDeadlineMs = 0;
    quint64 logEpoch = 0; // which log holds it
    QDateTime startedAt;
    QElapsedTimer clock;

    void answer(const ResponseAnswer &a)
    {
        if (answered.exchange(true))
            return;
        answeredStatus = a.status;
        if (done)
            done(a);
    }
    bool hooxWaits() const { return answerWithApp && !answered; }
};

// Shared with the answerer on the network thread, which may outlive the Forwarder: settings
// are read and forwards queued under the mutex, and whatever is left when the Forwarder dies is
// answered.
struct Forwarder::Gate {
    mutable QMutex mutex;
    Forwarder *forwarder = nullptr;
    QList<std::shared_ptr<Job>> inbox;
    ForwardSettings settings;
    ForwardLog log;
    QString journalPath;
    quint64 logEpoch = 0;
    int hooxAnswerMs = kHooxAnswerMs;
    int appWaitMs = kAppWaitMs;
    bool active = false;
    QList<PendingForward> pending;
};

QString ForwardOutcome::summary() const
{
    const QString to = target.toString();
    switch (state) {
    case State::NotRouted:
        return ForwarderTr::tr("not forwarded: no route matches");
    case State::Held:
        return ForwarderTr::tr("held for %1 until released").arg(to);
    case State::Dropped:
        return ForwarderTr::tr("dropped while held");
    case State::Sent:
        break;
    }
    if (!slowWarning().isEmpty())
        return ForwarderTr::tr("→ %1: %2").arg(to, slowWarning());
    if (attempt.status > 0 && attempt.error.isEmpty())
        return ForwarderTr::tr("→ %1: %2 in %3")
            .arg(to)
            .arg(attempt.status)
            .arg(DeliveryRequest::durationText(attempt.latencyMs));
    if (attempt.status > 0)
        return ForwarderTr::tr("→ %1: %2").arg(to, attempt.error);
    return ForwarderTr::tr("→ %1: your app is not reachable (%2)").arg(to, attempt.error);
}

QString ForwardOutcome::cell() const
{
    switch (state) {
    case State::NotRouted:
        return ForwarderTr::tr("no route");
    case State::Held:
        return ForwarderTr::tr("held");
    case State::Dropped:
        return ForwarderTr::tr("dropped");
    case State::Sent:
        break;
    }
    if (attempt.timedOut)
        return ForwarderTr::tr("timed out");
    if (attempt.status == 0)
        return ForwarderTr::tr("not reachable");
    if (!slowWarning().isEmpty())
        return ForwarderTr::tr("%1 late").arg(attempt.status);
    return QString::number(attempt.status);
}

QString ForwardOutcome::slowWarning() const
{
    if (state != State::Sent)
        return {};
    if (attempt.timedOut)
        return ForwarderTr::tr(
                   "your app did not answer within %1: Hoox would have timed out at %2 s and %3")
            .arg(DeliveryRequest::durationText(waitedMs))
            .arg(RetrySchedule::kTimeoutMs / 1000)
            .arg(hooxNext(hooxAttempt));
    if (attempt.latencyMs > RetrySchedule::kTimeoutMs && attempt.status > 0)
        return ForwarderTr::tr(
                   "your app answered %1 in %2: Hoox would have timed out at %3 s and %4")
            .arg(attempt.status)
            .arg(DeliveryRequest::durationText(attempt.latencyMs))
            .arg(RetrySchedule::kTimeoutMs / 1000)
            .arg(hooxNext(hooxAttempt));
    return {};
}

Forwarder::Forwarder(Listener *listener, QObject *parent)
    : QObject(parent)
    , m_listener(listener)
    , m_gate(std::make_shared<Gate>())
    , m_manager(new QNetworkAccessManager(this)) // a child: it follows moveToThread()
{
    qRegisterMetaType<DeliveryAttempt>();
    qRegisterMetaType<ForwardOutcome>();
    qRegisterMetaType<PendingForward>();
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
    // Every request Hoox still waits on gets its answer: the rule's, as if forwarding were off.
    // Held forwards stay in the log for the next run.
    for (const std::shared_ptr<Job> &job : std::as_const(left))
        job->answer(job->proposed);
}

void Forwarder::setSettings(const ForwardSettings &settings)
{
    changeSettings([&settings](ForwardSettings &s) { s = settings; });
}

void Forwarder::changeSettings(const std::function<void(ForwardSettings &)> &change)
{
    bool holdNow = false;
    {
        QMutexLocker lock(&m_gate->mutex);
        const bool held = m_gate->settings.hold;
        change(m_gate->settings);
        holdNow = m_gate->settings.hold && !held;
    }
    // Holding from now on: Hoox stops waiting for forwards already sent, so that a handler
    // paused at a breakpoint does not make it time out and retry.
    if (holdNow) {
        QMetaObject::invokeMethod(this, [this] {
            for (const std::shared_ptr<Job> &job : std::as_const(m_inFlight)) {
                if (job->hooxWaits())
                    job->answer(job->proposed);
            }
            publishPending();
        });
    }
}

ForwardSettings Forwarder::settings() const
{
    QMutexLocker lock(&m_gate->mutex);
    return m_gate->settings;
}

void Forwarder::setTimeouts(int hooxAnswerMs, int appWaitMs)
{
    QMutexLocker lock(&m_gate->mutex);
    m_gate->hooxAnswerMs = hooxAnswerMs;
    m_gate->appWaitMs = appWaitMs;
}

bool Forwarder::isActive() const
{
    QMutexLocker lock(&m_gate->mutex);
    return m_gate->active;
}

void Forwarder::start()
{
    {
        QMutexLocker lock(&m_gate->mutex);
        if (m_gate->active || !m_listener)
            return;
        m_gate->active = true;
    }
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
        QMutexLocker lock(&gate->mutex);
        if (!gate->forwarder) {
            job->answer(proposed);
            return;
        }
        const ForwardSettings &s = gate->settings;
        job->target = ForwardRoute::choose(s.routes, s.fallback, *capture);
        job->logEpoch = gate->logEpoch;
        QString error;
        if (job->target.isEmpty()) {
            job->notRouted = true;
        } else if (s.hold) {
            // In the log before Hoox hears back: an acknowledged forward is never forgotten.
            job->held = gate->log.held(*capture, &error);
        } else if (s.answer == ForwardSettings::Answer::App) {
            job->answerWithApp = true;
            job->hooxDeadlineMs = capture->receivedAtMs + gate->hooxAnswerMs;
        }
        if (!job->answerWithApp)
            job->answer(proposed);
        gate->inbox.append(job);
        if (gate->inbox.size() == 1)
            QMetaObject::invokeMethod(gate->forwarder, &Forwarder::drainInbox,
                                      Qt::QueuedConnection);
        if (!error.isEmpty()) {
            QMetaObject::invokeMethod(gate->forwarder, [f = gate->forwarder, error] {
                emit f->logFailed(
                    ForwarderTr::tr("Holding failed, the forward is sent at once: %1").arg(error));
            });
        }
    });
    emit activeChanged(true);
}

void Forwarder::stop()
{
    {
        QMutexLocker lock(&m_gate->mutex);
        if (!m_gate->active)
            return;
        m_gate->active = false;
    }
    if (m_listener)
        m_listener->setAnswerer({});
    emit activeChanged(false);
}

bool Forwarder::openLog(const QString &journalPath, QString *error)
{
    {
        QMutexLocker lock(&m_gate->mutex);
        if (!m_gate->log.open(journalPath, error))
            return false;
        m_gate->journalPath = journalPath;
        ++m_gate->logEpoch;
    }
    // Done when this returns, so that pending() lists what was held before.
    if (thread() == QThread::currentThread() || !thread()->isRunning())
        takeUpLogged();
    else
        QMetaObject::invokeMethod(this, &Forwarder::takeUpLogged, Qt::BlockingQueuedConnection);
    return true;
}

// Forwards held in another journal stay in its log; those of this one come back, read from the
// journal, in arrival order.
void Forwarder::takeUpLogged()
{
    QList<ForwardLog::Hold> holds;
    QString journalPath;
    quint64 epoch = 0;
    ForwardSettings settings;
    {
        QMutexLocker lock(&m_gate->mutex);
        holds = m_gate->log.pending();
        journalPath = m_gate->journalPath;
        epoch = m_gate->logEpoch;
        settings = m_gate->settings;
    }
    m_held.clear();
    QFile journal(journalPath);
    if (!holds.isEmpty() && !journal.open(QIODevice::ReadOnly)) {
        emit logFailed(ForwarderTr::tr("Cannot read the journal %1 for held forwards: %2")
                           .arg(journalPath, journal.errorString()));
        holds.clear();
    }
    for (const ForwardLog::Hold &h : std::as_const(holds)) {
        QString error;
        CapturePtr c = JournalReader::readRecord(journal, h.offset, h.size, &error);
        if (!c || c->id != h.id) {
            emit logFailed(
                ForwarderTr::tr("Held forward #%1 is no longer in the journal; it is dropped.")
                    .arg(h.id));
            continue;
        }
        auto job = std::make_shared<Job>();
        job->capture = c;
        job->answered = true;
        job->answeredStatus = c->answerStatus;
        job->held = true;
        job->logEpoch = epoch;
        job->target = ForwardRoute::choose(settings.routes, settings.fallback, *c);
        m_held.emplace(c->id, job);
    }
    publishPending();
}

void Forwarder::drainInbox()
{
    QList<std::shared_ptr<Job>> jobs;
    {
        QMutexLocker lock(&m_gate->mutex);
        jobs.swap(m_gate->inbox);
    }
    QList<ForwardOutcome> outcomes;
    for (const std::shared_ptr<Job> &job : std::as_const(jobs)) {
        if (job->notRouted) {
            outcomes.append(outcomeOf(*job, ForwardOutcome::State::NotRouted));
        } else if (job->held) {
            m_held.emplace(job->capture->id, job);
            outcomes.append(outcomeOf(*job, ForwardOutcome::State::Held));
        } else {
            send(job);
        }
    }
    // pending() lists a hold before anyone hears of it, so that "release ID" finds it.
    publishPending();
    for (const ForwardOutcome &o : std::as_const(outcomes))
        emit outcome(o);
}

ForwardOutcome Forwarder::outcomeOf(const Job &job, ForwardOutcome::State state)
{
    ForwardOutcome o;
    o.captureId = job.capture->id;
    o.state = state;
    o.target = job.target;
    o.hooxAttempt = job.capture->hoox.attempt;
    o.capture = job.capture;
    // The journal's copy says "not answered yet" when the answerer saw it.
    if (job.answered && job.capture->answerStatus != job.answeredStatus) {
        auto c = std::make_shared<Capture>(*job.capture); // shares the body
        c->answerStatus = quint16(job.answeredStatus);
        o.capture = std::move(c);
    }
    return o;
}

void Forwarder::send(const std::shared_ptr<Job> &job)
{
    const Capture &c = *job->capture;
    const HttpHeaders headers = DeliveryRequest::capturedHeaders(c.headers);
    int appWaitMs = kAppWaitMs;
    {
        QMutexLocker lock(&m_gate->mutex);
        appWaitMs = m_gate->appWaitMs;
    }
    job->startedAt = QDateTime::currentDateTimeUtc();
    job->clock.start();
    QNetworkReply *reply =
        m_manager->sendCustomRequest(DeliveryRequest::make(job->target, headers), c.method, c.body);
    m_inFlight.insert(reply, job);
    auto *giveUp = new QTimer(reply);
    giveUp->setSingleShot(true);
    giveUp->setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5% early
    connect(giveUp, &QTimer::timeout, reply, [job, reply] {
        job->appTimedOut = true;
        reply->abort();
    });
    giveUp->start(appWaitMs);
    if (job->hooxWaits()) {
        auto *hooxTimer = new QTimer(reply);
        hooxTimer->setSingleShot(true);
        hooxTimer->setTimerType(Qt::PreciseTimer);
        connect(hooxTimer, &QTimer::timeout, this, [this, job] { answerHooxNow(job); });
        hooxTimer->start(
            int(qMax<qint64>(0, job->hooxDeadlineMs - QDateTime::currentMSecsSinceEpoch())));
    }
    connect(reply, &QNetworkReply::finished, this,
            [this, job, reply] { onReplyFinished(job, reply); });
}

// The app is still busy when Hoox's patience ends: Hoox gets a 502 that says so, the forward
// keeps waiting to learn how slow the app really is.
void Forwarder::answerHooxNow(const std::shared_ptr<Job> &job)
{
    if (!job->hooxWaits())
        return;
    const QString reason =
        ForwarderTr::tr("HookScope: your app at %1 has not answered within %2; Hoox would "
                        "time out at %3 s and retry.")
            .arg(job->target.toString(), DeliveryRequest::durationText(job->clock.elapsed()))
            .arg(RetrySchedule::kTimeoutMs / 1000);
    job->answer({502, QByteArrayLiteral("text/plain; charset=utf-8"), reason.toUtf8() + '\n', 0});
    publishPending();
}

void Forwarder::onReplyFinished(const std::shared_ptr<Job> &job, QNetworkReply *reply)
{
    m_inFlight.remove(reply);
    reply->deleteLater();
    int appWaitMs = kAppWaitMs;
    quint64 epoch = 0;
    {
        QMutexLocker lock(&m_gate->mutex);
        appWaitMs = m_gate->appWaitMs;
        epoch = m_gate->logEpoch;
    }
    DeliveryAttempt attempt;
    attempt.number = 1;
    attempt.startedAt = job->startedAt;
    DeliveryRequest::read(reply, job->appTimedOut, appWaitMs, job->clock.elapsed(), &attempt);
    if (job->hooxWaits()) {
        if (attempt.status > 0 && attempt.error.isEmpty()) {
            const QByteArray type = attempt.headers.value("Content-Type");
            job->answer({attempt.status, type, attempt.body, 0});
        } else {
            const QString reason = ForwarderTr::tr("HookScope could not forward to %1: %2")
                                       .arg(job->target.toString(), attempt.error);
            job->answer(
                {502, QByteArrayLiteral("text/plain; charset=utf-8"), reason.toUtf8() + '\n', 0});
        }
    }
    ForwardOutcome o = outcomeOf(*job, ForwardOutcome::State::Sent);
    o.waitedMs = appWaitMs;
    o.attempt = attempt;
    QString error;
    if (job->held && job->logEpoch == epoch) {
        QMutexLocker lock(&m_gate->mutex);
        m_gate->log.released(job->capture->id, job->target, o.attempt, &error);
    }
    if (!error.isEmpty())
        emit logFailed(ForwarderTr::tr(
                           "A released forward is not marked as sent; it will be held again at the "
                           "next start: %1")
                           .arg(error));
    emit outcome(o);
    publishPending();
}

void Forwarder::releaseHeld(const std::shared_ptr<Job> &job)
{
    ForwardSettings settings;
    {
        QMutexLocker lock(&m_gate->mutex);
        settings = m_gate->settings;
    }
    // Where it goes is decided now: the user may have fixed the app's URL while it waited.
    const QUrl target = ForwardRoute::choose(settings.routes, settings.fallback, *job->capture);
    if (!target.isEmpty())
        job->target = target;
    send(job);
}

std::shared_ptr<Forwarder::Job> Forwarder::takeHeld(quint64 captureId)
{
    auto it = captureId == 0 ? m_held.begin() : m_held.find(captureId);
    if (it == m_held.end())
        return nullptr;
    std::shared_ptr<Job> job = it->second;
    m_held.erase(it);
    return job;
}

void Forwarder::dropHeld(const std::shared_ptr<Job> &job)
{
    QString error;
    {
        QMutexLocker lock(&m_gate->mutex);
        if (job->logEpoch == m_gate->logEpoch)
            m_gate->log.dropped(job->capture->id, &error);
    }
    if (!error.isEmpty())
        emit logFailed(
            ForwarderTr::tr("A dropped forward is not marked as dropped; it will be held again at "
                            "the next start: %1")
                .arg(error));
    emit outcome(outcomeOf(*job, ForwardOutcome::State::Dropped));
}

void Forwarder::release(quint64 captureId)
{
    QMetaObject::invokeMethod(this, [this, captureId] {
        if (const std::shared_ptr<Job> job = takeHeld(captureId))
            releaseHeld(job);
        publishPending();
    });
}

void Forwarder::releaseAll()
{
    QMetaObject::invokeMethod(this, [this] {
        while (const std::shared_ptr<Job> job = takeHeld(0))
            releaseHeld(job);
        publishPending();
    });
}

void Forwarder::drop(quint64 captureId)
{
    QMetaObject::invokeMethod(this, [this, captureId] {
        if (const std::shared_ptr<Job> job = takeHeld(captureId))
            dropHeld(job);
        publishPending();
    });
}

void Forwarder::dropAll()
{
    QMetaObject::invokeMethod(this, [this] {
        while (const std::shared_ptr<Job> job = takeHeld(0))
            dropHeld(job);
        publishPending();
    });
}

QList<PendingForward> Forwarder::pending() const
{
    QMutexLocker lock(&m_gate->mutex);
    return m_gate->pending;
}

void Forwarder::publishPending()
{
    QList<PendingForward> list;
    const auto add = [&list](const Job &job) {
        PendingForward p;
        p.captureId = job.capture->id;
        p.receivedAtMs = job.capture->receivedAtMs;
        p.task = job.capture->hoox.taskText;
        p.status = job.capture->hoox.statusText;
        p.target = job.target;
        p.held = job.held && !job.clock.isValid();
        p.hooxDeadlineMs = job.hooxWaits() ? job.hooxDeadlineMs : 0;
        list.append(p);
    };
    for (const auto &[id, job] : m_held)
        add(*job);
    for (const std::shared_ptr<Job> &job : std::as_const(m_inFlight))
        add(*job);
    std::sort(list.begin(), list.end(), [](const PendingForward &a, const PendingForward &b) {
        return a.captureId < b.captureId;
    });
    {
        QMutexLocker lock(&m_gate->mutex);
        if (list.size() == m_gate->pending.size() && list.isEmpty())
            return;
        m_gate->pending = list;
    }
    emit pendingChanged();
}
