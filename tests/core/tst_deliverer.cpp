// SPDX-License-Identifier: MIT
#include "../helpers/TestReceiver.h"
#include "delivery/Deliverer.h"

#include <QSignalSpy>
#include <QTest>

namespace {

DeliveryOptions fastOptions(bool likeHoox = true, int timeoutMs = 2000)
{
    DeliveryOptions o;
    o.retryDelaysMs = {20, 40, 80};
    o.timeoutMs = timeoutMs;
    o.likeHoox = likeHoox;
    return o;
}

const QByteArray kBody = "{\"task\": \"video_generate\",  \"job_id\":\"run_1\"}\n\xff ";

} // namespace

class TestDeliverer : public QObject {
    Q_OBJECT
private slots:
    void sendsLikeHoox();
    void dropsHopByHopHeaders();
    void retries_data();
    void retries();
    void timeouts_data();
    void timeouts();
    void redirectIsNotFollowed();
    void connectionRefusedIsRetried();
    void recordsTheResponse();
    void cancelDuringRetryWait();
    void cancelInFlight();
};

void TestDeliverer::sendsLikeHoox()
{
    TestReceiver receiver;
    Deliverer d;
    QSignalSpy finished(&d, &Deliverer::finished);
    HttpHeaders user;
    user.append("X-Test", "1");
    d.deliver(receiver.url(), kBody, user, fastOptions());
    QVERIFY(finished.wait());
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(d.attempts().size(), 1);
    QCOMPARE(d.attempts().first().status, 200);
    QVERIFY(d.attempts().first().error.isEmpty());
    QCOMPARE(receiver.requests().size(), 1);
    const ReceivedRequest &r = receiver.requests().first();
    QVERIFY(r.head.startsWith("POST /webhook/hoox HTTP/1.1"));
    QCOMPARE(r.body, kBody); // byte for byte, spacing and invalid UTF-8 included
    QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
    QVERIFY(r.header("User-Agent").contains("Hoox-API"));
    QCOMPARE(r.header("X-Hoox-Webhook"), QByteArray("true"));
    QCOMPARE(r.header("X-Test"), QByteArray("1"));
}

void TestDeliverer::dropsHopByHopHeaders()
{
    TestReceiver receiver;
    Deliverer d;
    QSignalSpy finished(&d, &Deliverer::finished);
    HttpHeaders user;
    user.append("Host", "evil.example");
    user.append("Transfer-Encoding", "chunked");
    user.append("Proxy-Authorization", "Basic eA==");
    user.append("Keep-Alive", "timeout=5");
    user.append("X-HookScope-Token", "secret");
    user.append("Content-Length", "3");
    user.append("User-Agent", "Hoox-API/2.0");
    d.deliver(receiver.url(), kBody, user, fastOptions());
    QVERIFY(finished.wait());
    const ReceivedRequest &r = receiver.requests().first();
    QCOMPARE(r.header("Host"), receiver.url().authority().toUtf8());
    QVERIFY(r.header("Transfer-Encoding").isEmpty());
    QVERIFY(r.header("Proxy-Authorization").isEmpty());
    QVERIFY(r.header("Keep-Alive").isEmpty());
    QVERIFY(r.header("X-HookScope-Token").isEmpty());
    QCOMPARE(r.header("Content-Length").toInt(), kBody.size());
    QCOMPARE(r.header("User-Agent"), QByteArray("Hoox-API/2.0")); // the user's replaces Hoox's
    QCOMPARE(r.body, kBody);
}

void TestDeliverer::retries_data()
{
    QTest::addColumn<QList<int>>("statuses");
    QTest::addColumn<bool>("likeHoox");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<bool>("delivered");
    QTest::addRow("fails twice, then succeeds") << QList<int>{500, 502, 200} << true << 3 << true;
    QTest::addRow("fails three times, then succeeds")
        << QList<int>{500, 500, 500, 201} << true << 4 << true;
    QTest::addRow("always fails: three retries at most") << QList<int>{503} << true << 4 << false;
    QTest::addRow("4xx is a failure too") << QList<int>{404} << true << 4 << false;
    QTest::addRow("once: no retry") << QList<int>{500, 200} << false << 1 << false;
}

void TestDeliverer::retries()
{
    QFETCH(QList<int>, statuses);
    QFETCH(bool, likeHoox);
    QFETCH(int, attempts);
    QFETCH(bool, delivered);
    QList<ReceiverStep> script;
    for (int s : statuses)
        script.append(ReceiverStep{s, 0, false, {}, "answer"});
    TestReceiver receiver(script);
    Deliverer d;
    QSignalSpy started(&d, &Deliverer::attemptStarted);
    QSignalSpy attemptFinished(&d, &Deliverer::attemptFinished);
    QSignalSpy finished(&d, &Deliverer::finished);
    d.deliver(receiver.url(), kBody, {}, fastOptions(likeHoox));
    QVERIFY(finished.wait());
    QCOMPARE(finished.first().first().toBool(), delivered);
    QCOMPARE(started.size(), attempts);
    QCOMPARE(attemptFinished.size(), attempts);
    QCOMPARE(receiver.requests().size(), attempts);
    const QList<int> delays = fastOptions().retryDelaysMs;
    for (int i = 0; i < attempts; ++i) {
        const auto a = attemptFinished.at(i).first().value<DeliveryAttempt>();
        QCOMPARE(a.number, i + 1);
        QCOMPARE(a.status, statuses.at(qMin(i, int(statuses.size()) - 1)));
        QCOMPARE(a.body, QByteArray("answer"));
        if (i > 0) { // ordered, and spaced at least by the schedule
            QVERIFY(a.startedAt >= d.attempts().at(i - 1).startedAt);
            const qint64 gap = receiver.requests().at(i).atMs - receiver.requests().at(i - 1).atMs;
            QVERIFY2(gap >= delays.at(i - 1), qPrintable(QString::number(gap)));
        }
    }
    QVERIFY(!d.isRunning());
}

// Each row's timeout leaves its outcome no room for a race between the receiver's timer and the
// deliverer's on a loaded machine: a late answer comes ten times past the timeout, and an answer
// in time has a hundred times its delay to arrive.
void TestDeliverer::timeouts_data()
{
    QTest::addColumn<ReceiverStep>("step");
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<bool>("delivered");
    QTest::addRow("hangs") << ReceiverStep{200, 0, true, {}, {}} << 300 << false;
    QTest::addRow("answers past the timeout")
        << ReceiverStep{200, 3000, false, {}, {}} << 300 << false;
    QTest::addRow("answers slowly but in time")
        << ReceiverStep{200, 50, false, {}, {}} << 5000 << true;
}

void TestDeliverer::timeouts()
{
    QFETCH(ReceiverStep, step);
    QFETCH(int, timeoutMs);
    QFETCH(bool, delivered);
    TestReceiver receiver({step});
    Deliverer d;
    QSignalSpy finished(&d, &Deliverer::finished);
    d.deliver(receiver.url(), kBody, {}, fastOptions(false, timeoutMs));
    QVERIFY(finished.wait(timeoutMs + 10'000));
    QCOMPARE(finished.first().first().toBool(), delivered);
    const DeliveryAttempt a = d.attempts().first();
    if (delivered) {
        QCOMPARE(a.status, 200);
        QVERIFY(a.latencyMs >= step.delayMs);
    } else {
        QCOMPARE(a.status, 0);
        QCOMPARE(a.error, QStringLiteral("timeout after %1 ms").arg(timeoutMs));
        QVERIFY2(a.latencyMs >= timeoutMs - 10, qPrintable(QString::number(a.latencyMs)));
    }
}

void TestDeliverer::redirectIsNotFollowed()
{
    TestReceiver receiver({ReceiverStep{302, 0, false, "/elsewhere", {}}});
    Deliverer d;
    QSignalSpy finished(&d, &Deliverer::finished);
    d.deliver(receiver.url(), kBody, {}, fastOptions(false));
    QVERIFY(finished.wait());
    QCOMPARE(finished.first().first().toBool(), false);
    QCOMPARE(d.attempts().first().status, 302);
    QVERIFY(d.attempts().first().error.startsWith(QStringLiteral("redirect not followed")));
    QVERIFY(d.attempts().first().error.contains(QStringLiteral("/elsewhere")));
    QCOMPARE(receiver.requests().size(), 1);
}

void TestDeliverer::connectionRefusedIsRetried()
{
    Deliverer d;
    QSignalSpy finished(&d, &Deliverer::finished);
    d.deliver(TestReceiver::closedPortUrl(), kBody, {}, fastOptions());
    QVERIFY(finished.wait());
    QCOMPARE(finished.first().first().toBool(), false);
    QCOMPARE(d.attempts().size(), 4);
    for (const DeliveryAttempt &a : d.attempts()) {
        QCOMPARE(a.status, 0);
        QCOMPARE(a.error, QStringLiteral("connection refused"));
    }
}

void TestDeliverer::recordsTheResponse()
{
    const QByteArray big(100 * 1024, 'x');
    TestReceiver receiver(
        {ReceiverStep{500, 0, false, {}, "boom"}, ReceiverStep{200, 0, false, {}, big}});
    Deliverer d;
    QSignalSpy finished(&d, &Deliverer::finished);
    d.deliver(receiver.url(), kBody, {}, fastOptions());
    QVERIFY(finished.wait());
    const DeliveryAttempt first = d.attempts().at(0);
    QCOMPARE(first.body, QByteArray("boom"));
    QCOMPARE(first.headers.value("content-type"), QByteArray("text/plain"));
    QVERIFY(first.latencyMs >= 0);
    QVERIFY(first.startedAt.isValid());
    const DeliveryAttempt second = d.attempts().at(1);
    QCOMPARE(second.body.size(), DeliveryAttempt::kMaxBodyBytes);
    QVERIFY(second.bodyTruncated);
}

void TestDeliverer::cancelDuringRetryWait()
{
    TestReceiver receiver({ReceiverStep{500, 0, false, {}, {}}});
    Deliverer d;
    DeliveryOptions o = fastOptions();
    o.retryDelaysMs = {200, 200, 200};
    QSignalSpy attemptFinished(&d, &Deliverer::attemptFinished);
    QSignalSpy started(&d, &Deliverer::attemptStarted);
    QSignalSpy finished(&d, &Deliverer::finished);
    d.deliver(receiver.url(), kBody, {}, o);
    QVERIFY(attemptFinished.wait());
    d.cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(!started.wait(400)); // the retry never starts
    QCOMPARE(receiver.requests().size(), 1);
}

void TestDeliverer::cancelInFlight()
{
    TestReceiver receiver({ReceiverStep{200, 0, true, {}, {}}});
    Deliverer d;
    QSignalSpy attemptFinished(&d, &Deliverer::attemptFinished);
    QSignalSpy finished(&d, &Deliverer::finished);
    d.deliver(receiver.url(), kBody, {}, fastOptions(true, 5000));
    QTRY_COMPARE(receiver.requests().size(), 1);
    d.cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(attemptFinished.size(), 1);
    QCOMPARE(attemptFinished.first().first().value<DeliveryAttempt>().error,
             QStringLiteral("cancelled"));
    QVERIFY(!d.isRunning());
    // The Deliverer is reusable at once.
    TestReceiver ok;
    d.deliver(ok.url(), kBody, {}, fastOptions());
    QVERIFY(finished.wait());
    QCOMPARE(finished.last().first().toBool(), true);
}

QTEST_GUILESS_MAIN(TestDeliverer)
#include "tst_deliverer.moc"
