// SPDX-License-Identifier: MIT
// The listener's answer policy: the rule, the armed "next N" counters, and their changes from
// one thread while another counts down.
#include "listener/AnswerPolicy.h"

#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

namespace {

ResponseRule ruleWithDelay(int status, int delayMs)
{
    ResponseRule rule;
    rule.status = status;
    rule.body = "rule";
    rule.delayMs = delayMs;
    return rule;
}

// Runs `work` on a thread of its own; joined by the caller.
std::unique_ptr<QThread> startThread(std::function<void()> work)
{
    std::unique_ptr<QThread> thread(QThread::create(std::move(work)));
    thread->start();
    return thread;
}

} // namespace

class tst_AnswerPolicy : public QObject {
    Q_OBJECT
private slots:
    void countdownOrder_data();
    void countdownOrder();
    void setRuleKeepsTheCountdown();
    void disarm();
    void armingWhileCountingDownIsExact_data();
    void armingWhileCountingDownIsExact();
    void settingRulesWhileCountingDownIsExact();
};

void tst_AnswerPolicy::countdownOrder_data()
{
    QTest::addColumn<int>("failCount");
    QTest::addColumn<int>("delayCount");
    QTest::addColumn<QList<int>>("statuses");
    QTest::addColumn<QList<int>>("delays");
    // The rule answers 200 after 25 ms; armed failures answer 503, armed delays wait 900 ms.
    QTest::addRow("nothing armed")
        << 0 << 0 << QList<int>{200, 200, 200, 200} << QList<int>{25, 25, 25, 25};
    QTest::addRow("fail two") << 2 << 0 << QList<int>{503, 503, 200, 200}
                              << QList<int>{25, 25, 25, 25};
    QTest::addRow("delay one") << 0 << 1 << QList<int>{200, 200, 200, 200}
                               << QList<int>{900, 25, 25, 25};
    QTest::addRow("fail one, delay three")
        << 1 << 3 << QList<int>{503, 200, 200, 200} << QList<int>{900, 900, 900, 25};
    QTest::addRow("fail three, delay one")
        << 3 << 1 << QList<int>{503, 503, 503, 200} << QList<int>{900, 25, 25, 25};
}

void tst_AnswerPolicy::countdownOrder()
{
    QFETCH(int, failCount);
    QFETCH(int, delayCount);
    QFETCH(QList<int>, statuses);
    QFETCH(QList<int>, delays);
    AnswerPolicy policy;
    policy.setRule(ruleWithDelay(200, 25));
    policy.armFailNext(failCount, 503);
    policy.armDelayNext(delayCount, 900);
    QList<int> gotStatuses;
    QList<int> gotDelays;
    for (int i = 0; i < statuses.size(); ++i) {
        const ResponseAnswer a = policy.next();
        gotStatuses << a.status;
        gotDelays << a.delayMs;
        // A failure says what it is; otherwise the rule's body goes out.
        QCOMPARE(a.body, a.status == 503 ? QByteArray("Service Unavailable") : QByteArray("rule"));
    }
    QCOMPARE(gotStatuses, statuses);
    QCOMPARE(gotDelays, delays);
    const AnswerPolicy::State state = policy.state();
    QCOMPARE(state.failNextLeft, 0);
    QCOMPARE(state.delayNextLeft, 0);
}

void tst_AnswerPolicy::setRuleKeepsTheCountdown()
{
    AnswerPolicy policy;
    policy.armFailNext(3, 500);
    policy.armDelayNext(2, 700);
    QCOMPARE(policy.next().status, 500);
    const ResponseRule changed = ruleWithDelay(202, 5);
    policy.setRule(changed);
    const AnswerPolicy::State state = policy.state();
    QCOMPARE(state.rule, changed);
    QCOMPARE(state.failNextLeft, 2);
    QCOMPARE(state.failNextStatus, 500);
    QCOMPARE(state.delayNextLeft, 1);
    QCOMPARE(state.delayNextMs, 700);
    ResponseAnswer a = policy.next();
    QCOMPARE(a.status, 500);
    QCOMPARE(a.delayMs, 700);
    a = policy.next();
    QCOMPARE(a.status, 500);
    QCOMPARE(a.delayMs, 5);
    a = policy.next();
    QCOMPARE(a.status, 202);
    QCOMPARE(a.body, QByteArray("rule"));
}

void tst_AnswerPolicy::disarm()
{
    AnswerPolicy policy;
    const ResponseRule rule = ruleWithDelay(201, 0);
    policy.setRule(rule);
    policy.armFailNext(5, 500);
    policy.armDelayNext(5, 11'000);
    policy.next();
    policy.disarm();
    AnswerPolicy::State state = policy.state();
    QCOMPARE(state.failNextLeft, 0);
    QCOMPARE(state.delayNextLeft, 0);
    QCOMPARE(state.rule, rule);
    const ResponseAnswer a = policy.next();
    QCOMPARE(a.status, 201);
    QCOMPARE(a.delayMs, 0);
    // Arming zero disarms that counter alone.
    policy.armFailNext(2, 500);
    policy.armDelayNext(2, 300);
    policy.armFailNext(0, 500);
    state = policy.state();
    QCOMPARE(state.failNextLeft, 0);
    QCOMPARE(state.delayNextLeft, 2);
}

void tst_AnswerPolicy::armingWhileCountingDownIsExact_data()
{
    QTest::addColumn<bool>("fail");
    QTest::addRow("fail next") << true;
    QTest::addRow("delay next") << false;
}

// One thread answers requests as the network thread does; another arms a countdown whenever
// the last one ran out, as a user clicking "Fail next" would. Every armed answer is given
// exactly once: none is lost to a write-back, none is given twice.
void tst_AnswerPolicy::armingWhileCountingDownIsExact()
{
    QFETCH(bool, fail);
    constexpr int kArms = 2'000;
    // A bound on the answering loop, should the arming thread never get to run.
    constexpr qint64 kMaxRequests = 20'000'000;
    AnswerPolicy policy;
    std::atomic<bool> arming{true};
    std::atomic<bool> answering{true};
    qint64 special = 0;
    auto answerer = startThread([&] {
        for (qint64 i = 0; arming && i < kMaxRequests; ++i) {
            const ResponseAnswer a = policy.next();
            special += fail ? (a.status == 503 ? 1 : 0) : (a.delayMs == 900 ? 1 : 0);
            // The mutex is not fair: a thread that takes it back at once would starve the other.
            QThread::yieldCurrentThread();
        }
        answering = false;
    });
    int arms = 0;
    qint64 armed = 0;
    while (arms < kArms && answering) {
        const AnswerPolicy::State s = policy.state();
        if ((fail ? s.failNextLeft : s.delayNextLeft) != 0) {
            QThread::yieldCurrentThread();
            continue;
        }
        // Only the answerer counts down, so nothing is left here to be replaced.
        const int count = 1 + arms % 3;
        if (fail)
            policy.armFailNext(count, 503);
        else
            policy.armDelayNext(count, 900);
        armed += count;
        ++arms;
    }
    arming = false;
    QVERIFY(answerer->wait(60'000));
    QCOMPARE(arms, kArms);
    const AnswerPolicy::State s = policy.state();
    QCOMPARE(special + (fail ? s.failNextLeft : s.delayNextLeft), armed);
}

// Applying rules (the window's Apply, the preferences) while the countdown runs leaves the
// countdown exact: the rule and the counters are separate.
void tst_AnswerPolicy::settingRulesWhileCountingDownIsExact()
{
    constexpr int kArmed = 5'000;
    constexpr int kRequests = 50'000;
    AnswerPolicy policy;
    policy.armFailNext(kArmed, 503);
    std::atomic<bool> answering{true};
    int failed = 0;
    int ruled = 0;
    auto answerer = startThread([&] {
        for (int i = 0; i < kRequests; ++i) {
            const int status = policy.next().status;
            failed += status == 503 ? 1 : 0;
            ruled += status == 200 || status == 202 ? 1 : 0;
        }
        answering = false;
    });
    for (bool accept = false; answering; accept = !accept)
        policy.setRule(ruleWithDelay(accept ? 202 : 200, 0));
    QVERIFY(answerer->wait(60'000));
    QCOMPARE(failed, kArmed);
    QCOMPARE(ruled, kRequests - kArmed);
    QCOMPARE(policy.state().failNextLeft, 0);
}

QTEST_GUILESS_MAIN(tst_AnswerPolicy)
#include "tst_answerpolicy.moc"
