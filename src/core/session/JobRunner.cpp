// SPDX-License-Identifier: MIT
#include "JobRunner.h"

#include <QThreadPool>
#include <QTimer>

#include <algorithm>

namespace {
constexpr int kProgressIntervalMs = 100;
}

JobRunner::JobRunner(QObject *parent)
    : QObject(parent)
    , m_progressTimer(new QTimer(this))
    , m_pool(new QThreadPool(this))
{
    // Its own pool: a job waits for no search or other pool work, and shutdown waits for its
    // jobs alone.
    m_pool->setMaxThreadCount(2);
    m_progressTimer->setInterval(kProgressIntervalMs);
    connect(m_progressTimer, &QTimer::timeout, this, &JobRunner::pollProgress);
}

JobRunner::~JobRunner()
{
    cancelAll();
    m_pool->waitForDone();
}

quint64 JobRunner::launch(const QString &title, QObject *context,
                          std::shared_ptr<JobControl> control, std::function<void()> work,
                          std::function<void()> deliver)
{
    const quint64 id = m_nextId++;
    m_jobs.insert(id, Job{title, control, QPointer<QObject>(context)});
    QPointer<JobRunner> self(this);
    m_pool->start([self, id, control, work = std::move(work), deliver = std::move(deliver)] {
        work();
        // The runner waits for its pool when it dies, so `self` outlives this call; the check
        // covers a runner being destroyed while the result is queued.
        QMetaObject::invokeMethod(
            self.data(),
            [self, id, deliver] {
                if (self)
                    self->onDone(id, deliver);
            },
            Qt::QueuedConnection);
    });
    if (!m_progressTimer->isActive())
        m_progressTimer->start();
    emit started(id, title);
    return id;
}

void JobRunner::onDone(quint64 id, const std::function<void()> &deliver)
{
    const Job job = m_jobs.take(id);
    if (m_jobs.isEmpty())
        m_progressTimer->stop();
    const bool canceled = !job.control || job.control->isCanceled();
    if (!canceled && job.context)
        deliver();
    emit finished(id, canceled);
}

QList<quint64> JobRunner::running() const
{
    QList<quint64> ids = m_jobs.keys();
    std::sort(ids.begin(), ids.end());
    return ids;
}

void JobRunner::cancel(quint64 id)
{
    const auto it = m_jobs.constFind(id);
    if (it == m_jobs.cend())
        return;
    it->control->cancel();
    emit cancelRequested(id);
}

void JobRunner::cancelAll()
{
    for (const Job &job : std::as_const(m_jobs))
        job.control->cancel();
}

void JobRunner::pollProgress()
{
    for (auto it = m_jobs.cbegin(); it != m_jobs.cend(); ++it)
        emit progressed(it.key(), it->control->done(), it->control->total());
}
