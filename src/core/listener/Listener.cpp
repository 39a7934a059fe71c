// SPDX-License-Identifier: MIT
#include "Listener.h"

#include "ListenerWorker.h"

Listener::Listener(Journal *journal, const CaptureIndex &loaded, const HttpLimits &limits,
                   QObject *parent)
    : QObject(parent)
    , m_worker(new ListenerWorker(&m_policy, limits, journal, loaded))
{
    qRegisterMetaType<CaptureBatch>();
    qRegisterMetaType<Annotations>();
    m_thread.setObjectName(QStringLiteral("hookscope-network"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &ListenerWorker::captured, this,
            [this](const CaptureBatch &batch, quint64 epoch) {
                if (epoch == m_epoch)
                    emit captured(batch);
            });
    connect(m_worker, &ListenerWorker::annotated, this,
            [this](const Annotations &annotations, quint64 epoch) {
                if (epoch == m_epoch)
                    emit annotated(annotations);
            });
    connect(m_worker, &ListenerWorker::journalFailed, this, &Listener::journalFailed);
    connect(m_worker, &ListenerWorker::answeredLate, this,
            [this](quint64 id, quint16 status, quint32 afterMs, quint64 epoch) {
                if (epoch == m_epoch)
                    emit answeredLate(id, status, afterMs);
            });
    m_thread.start();
}

Listener::Listener(std::shared_ptr<Journal> journal, const CaptureIndex &loaded,
                   const HttpLimits &limits, QObject *parent)
    : Listener(journal.get(), loaded, limits, parent)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, journal] { worker->holdJournal(journal); },
        Qt::BlockingQueuedConnection);
}

Listener::~Listener()
{
    stop();
    m_thread.quit();
    m_thread.wait();
}

bool Listener::start(const QHostAddress &address, quint16 port, QString *error)
{
    bool ok = false;
    quint16 bound = 0;
    QMetaObject::invokeMethod(
        m_worker,
        [&] {
            ok = m_worker->listen(address, port, error);
            bound = m_worker->port();
        },
        Qt::BlockingQueuedConnection);
    m_address = address;
    m_port = ok ? bound : 0;
    return ok;
}

void Listener::stop()
{
    if (m_port == 0)
        return;
    QMetaObject::invokeMethod(
        m_worker, [this] { m_worker->close(); }, Qt::BlockingQueuedConnection);
    m_port = 0;
}

void Listener::setAnswerer(RequestAnswerer answerer)
{
    QMetaObject::invokeMethod(
        m_worker,
        [this, a = std::move(answerer)]() mutable { m_worker->setAnswerer(std::move(a)); },
        Qt::BlockingQueuedConnection);
}

void Listener::setAccessToken(const AccessToken &token)
{
    QMetaObject::invokeMethod(
        m_worker, [this, token] { m_worker->setAccessToken(token); }, Qt::BlockingQueuedConnection);
}

void Listener::setJournalSync(bool sync)
{
    QMetaObject::invokeMethod(
        m_worker, [this, sync] { m_worker->setJournalSync(sync); }, Qt::BlockingQueuedConnection);
}

void Listener::setLateAnswerMs(int ms)
{
    QMetaObject::invokeMethod(
        m_worker, [this, ms] { m_worker->setLateAnswerMs(ms); }, Qt::BlockingQueuedConnection);
}

int Listener::connectionCount() const
{
    int count = 0;
    QMetaObject::invokeMethod(
        m_worker, [this, &count] { count = m_worker->connectionCount(); },
        Qt::BlockingQueuedConnection);
    return count;
}

int Listener::stagedCount() const
{
    int count = 0;
    QMetaObject::invokeMethod(
        m_worker, [this, &count] { count = m_worker->stagedCount(); },
        Qt::BlockingQueuedConnection);
    return count;
}

bool Listener::reachableFromOtherMachines(const QHostAddress &address)
{
    return !address.isLoopback();
}

void Listener::setJournal(std::shared_ptr<Journal> journal, CaptureRecorder &&recorder)
{
    const quint64 epoch = ++m_epoch;
    auto prepared = std::make_shared<CaptureRecorder>(std::move(recorder));
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, journal = std::move(journal), prepared, epoch]() mutable {
            worker->setJournal(std::move(journal), std::move(*prepared), epoch);
        },
        Qt::QueuedConnection);
}

void Listener::waitForJournal()
{
    QMetaObject::invokeMethod(
        m_worker, [this] { m_worker->waitForJournal(); }, Qt::BlockingQueuedConnection);
}

void Listener::importRequests(const QList<ImportedRequest> &requests)
{
    QMetaObject::invokeMethod(
        m_worker, [this, requests] { m_worker->importRequests(requests); }, Qt::QueuedConnection);
}

void Listener::annotate(const Annotations &annotations)
{
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, annotations, epoch = m_epoch] { worker->annotate(annotations, epoch); },
        Qt::QueuedConnection);
}
