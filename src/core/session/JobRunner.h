// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

// What a job's work sees of its job: whether it was cancelled, and where to report progress.
// Shared between the job's thread and the runner's; every member is safe to call from either.
class JobControl {
public:
    bool isCanceled() const { return m_canceled.load(std::memory_order_relaxed); }
    void cancel() { m_canceled = true; }
    // `done` of `total` (bytes, captures, entries: whatever the job counts).
    void setProgress(qint64 done, qint64 total)
    {
        m_total = total;
        m_done = done;
    }
    qint64 done() const { return m_done; }
    qint64 total() const { return m_total; }

private:
    std::atomic<bool> m_canceled{false};
    std::atomic<qint64> m_done{0};
    std::atomic<qint64> m_total{0};
};

// Runs long work (open a journal, import, export, search) on a pool thread, the shape of
// hotspot's JobTracker: each job has an id, a cancel flag and progress; its result is handed
// to a function on the runner's thread, unless the job was cancelled or its context is gone.
// The GUI thread only ever sees the result.
class JobRunner : public QObject {
    Q_OBJECT
public:
    explicit JobRunner(QObject *parent = nullptr);
    ~JobRunner() override; // cancels what runs and waits for it

    // Starts `work(control)` on a pool thread, then calls `done(result)` on this object's thread
    // while `context` lives. Returns the job's id.
    template <typename Work, typename Done>
    quint64 start(const QString &title, QObject *context, Work &&work, Done &&done)
    {
        using Result = std::invoke_result_t<Work, JobControl &>;
        auto control = std::make_shared<JobControl>();
        auto result = std::make_shared<std::optional<Result>>();
        return launch(
            title, context, control,
            [control, result, work = std::forward<Work>(work)]() mutable {
                *result = work(*control);
            },
            [result, done = std::forward<Done>(done)]() mutable { done(std::move(**result)); });
    }

    void cancel(quint64 id);
    void cancelAll();
    bool isRunning(quint64 id) const { return m_jobs.contains(id); }
    int runningCount() const { return int(m_jobs.size()); }
    // The title of running job `id`; empty when it is not running.
    QString title(quint64 id) const { return m_jobs.value(id).title; }
    // The ids of the jobs that run, oldest first.
    QList<quint64> running() const;

signals:
    void started(quint64 id, const QString &title);
    // At most every 100 ms while a job runs.
    void progressed(quint64 id, qint64 done, qint64 total);
    // After its result was handed over, or after it stopped for a cancel.
    void finished(quint64 id, bool canceled);
    // As soon as cancel(id) is called, for work that stops through a flag of its own.
    void cancelRequested(quint64 id);

private:
    struct Job {
        QString title;
        std::shared_ptr<JobControl> control;
        QPointer<QObject> context;
    };
    quint64 launch(const QString &title, QObject *context, std::shared_ptr<JobControl> control,
                   std::function<void()> work, std::function<void()> deliver);
    void onDone(quint64 id, const std::function<void()> &deliver);
    void pollProgress();

    QHash<quint64, Job> m_jobs;
    quint64 m_nextId = 1;
    class QTimer *m_progressTimer;
    class QThreadPool *m_pool;
};
