// SPDX-License-Identifier: MIT
#include "session/JobRunner.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>

class tst_JobRunner : public QObject {
    Q_OBJECT
private slots:
    void resultArrivesOnTheRunnersThread();
    void cancelDropsTheResult();
    void goneContextDropsTheResult();
    void progressIsReported();
    void jobsRunAtOnce();
};

void tst_JobRunner::resultArrivesOnTheRunnersThread()
{
    JobRunner runner;
    QSignalSpy started(&runner, &JobRunner::started);
    QSignalSpy finished(&runner, &JobRunner::finished);
    QThread *workThread = nullptr;
    QThread *doneThread = nullptr;
    int result = 0;
    const quint64 id = runner.start(
        QStringLiteral("sum"), this,
        [&workThread](JobControl &) {
            workThread = QThread::currentThread();
            int sum = 0;
            for (int i = 1; i <= 100; ++i)
                sum += i;
            return sum;
        },
        [&](int sum) {
            doneThread = QThread::currentThread();
            result = sum;
        });
    QCOMPARE(started.size(), 1);
    QCOMPARE(started.first().at(0).toULongLong(), id);
    QCOMPARE(started.first().at(1).toString(), QStringLiteral("sum"));
    QVERIFY(runner.isRunning(id));
    QVERIFY(finished.wait());
    QCOMPARE(result, 5050);
    QVERIFY(workThread != QThread::currentThread());
    QCOMPARE(doneThread, QThread::currentThread());
    QCOMPARE(finished.first().at(1).toBool(), false);
    QVERIFY(!runner.isRunning(id));
}

void tst_JobRunner::cancelDropsTheResult()
{
    JobRunner runner;
    QSignalSpy finished(&runner, &JobRunner::finished);
    std::atomic<bool> entered{false};
    bool delivered = false;
    const quint64 id = runner.start(
        QStringLiteral("long"), this,
        [&entered](JobControl &control) {
            entered = true;
            int rounds = 0;
            while (!control.isCanceled() && rounds < 100'000) { // bounded, should cancel fail
                QThread::msleep(1);
                ++rounds;
            }
            return rounds;
        },
        [&delivered](int) { delivered = true; });
    QTRY_VERIFY(entered.load());
    runner.cancel(id);
    QVERIFY(finished.wait());
    QCOMPARE(finished.first().at(1).toBool(), true);
    QVERIFY(!delivered);
}

void tst_JobRunner::goneContextDropsTheResult()
{
    JobRunner runner;
    QSignalSpy finished(&runner, &JobRunner::finished);
    auto context = std::make_unique<QObject>();
    bool delivered = false;
    runner.start(
        QStringLiteral("orphan"), context.get(),
        [](JobControl &) {
            QThread::msleep(50);
            return 1;
        },
        [&delivered](int) { delivered = true; });
    context.reset(); // e.g. the dialog that asked was closed
    QVERIFY(finished.wait());
    QVERIFY(!delivered);
}

void tst_JobRunner::progressIsReported()
{
    JobRunner runner;
    QSignalSpy progressed(&runner, &JobRunner::progressed);
    QSignalSpy finished(&runner, &JobRunner::finished);
    std::atomic<bool> release{false};
    runner.start(
        QStringLiteral("steps"), this,
        [&release](JobControl &control) {
            control.setProgress(3, 10);
            for (int i = 0; i < 20'000 && !release; ++i) // bounded
                QThread::msleep(1);
            return 0;
        },
        [](int) {});
    QTRY_VERIFY(!progressed.isEmpty() && progressed.last().at(1).toLongLong() == 3);
    QCOMPARE(progressed.last().at(2).toLongLong(), 10);
    release = true;
    QVERIFY(finished.wait());
}

void tst_JobRunner::jobsRunAtOnce()
{
    JobRunner runner;
    QSignalSpy finished(&runner, &JobRunner::finished);
    std::atomic<int> inside{0};
    std::atomic<int> most{0};
    for (int i = 0; i < 2; ++i) {
        runner.start(
            QStringLiteral("pair"), this,
            [&](JobControl &) {
                const int now = ++inside;
                most = std::max(most.load(), now);
                for (int k = 0; k < 5000 && most < 2; ++k) // wait for the other one, bounded
                    QThread::msleep(1);
                --inside;
                return 0;
            },
            [](int) {});
    }
    QTRY_COMPARE(finished.size(), 2);
    // An export does not wait behind an open.
    QCOMPARE(most.load(), 2);
    QCOMPARE(runner.runningCount(), 0);
}

QTEST_GUILESS_MAIN(tst_JobRunner)
#include "tst_jobrunner.moc"
