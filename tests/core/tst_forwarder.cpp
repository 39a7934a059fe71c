// SPDX-License-Identifier: MIT
#include "../helpers/TestReceiver.h"
#include "delivery/Deliverer.h"
#include "delivery/Forwarder.h"
#include "listener/Listener.h"

#include <QSignalSpy>
#include <QTest>

namespace {

const QByteArray kBody =
    "{\"task\":\"video_generate\",\"job_id\":\"run_1\",\"status\":\"completed\","
    "\"result\":{\"video_id\":\"v\"}}";

DeliveryOptions once()
{
    DeliveryOptions o;
    o.likeHoox = false;
    o.timeoutMs = 5000;
    return o;
}

} // namespace

// Hoox (a Deliverer) → Listener → Forwarder → the user's app (a TestReceiver).
class TestForwarder : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void appAnswerIsPropagated_data();
    void appAnswerIsPropagated();
    void appDownGives502();
    void ruleAnswerDoesNotWaitForTheApp();
    void stopRestoresTheRule();

private:
    QUrl listenerUrl() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/webhook/hoox").arg(m_listener->port()));
    }
    DeliveryAttempt hooxSends(const QByteArray &body = kBody);

    std::unique_ptr<Listener> m_listener;
};

void TestForwarder::init()
{
    m_listener = std::make_unique<Listener>();
    QString error;
    QVERIFY2(m_listener->start(QHostAddress::LocalHost, 0, &error), qPrintable(error));
}

void TestForwarder::cleanup()
{
    m_listener.reset();
}

DeliveryAttempt TestForwarder::hooxSends(const QByteArray &body)
{
    Deliverer hoox;
    QSignalSpy finished(&hoox, &Deliverer::finished);
    hoox.deliver(listenerUrl(), body, {}, once());
    if (!finished.wait(10'000))
        return {};
    return hoox.attempts().first();
}

void TestForwarder::appAnswerIsPropagated_data()
{
    QTest::addColumn<int>("appStatus");
    QTest::addRow("app accepts") << 200;
    QTest::addRow("app fails") << 500;
    QTest::addRow("app refuses") << 401;
}

void TestForwarder::appAnswerIsPropagated()
{
    QFETCH(int, appStatus);
    TestReceiver app({ReceiverStep{appStatus, 0, false, {}, "from the app"}});
    Forwarder forwarder(m_listener.get());
    forwarder.setTarget(app.url(QStringLiteral("/hooks")));
    forwarder.setAnswerMode(Forwarder::AnswerMode::AppAnswer);
    forwarder.start();
    QSignalSpy forwarded(&forwarder, &Forwarder::forwarded);
    QSignalSpy captured(m_listener.get(), &Listener::captured);

    const DeliveryAttempt answer = hooxSends();
    QCOMPARE(answer.status, appStatus);
    QCOMPARE(answer.body, QByteArray("from the app"));

    QCOMPARE(app.requests().size(), 1);
    const ReceivedRequest &r = app.requests().first();
    QVERIFY(r.head.startsWith("POST /hooks HTTP/1.1"));
    QCOMPARE(r.body, kBody);
    QVERIFY(r.header("User-Agent").contains("Hoox-API"));
    QCOMPARE(r.header("X-Hoox-Webhook"), QByteArray("true"));
    QCOMPARE(r.header("Host"), app.url().authority().toUtf8()); // not the listener's

    QVERIFY(forwarded.wait());
    QVERIFY(captured.size() == 1 || captured.wait());
    const CapturePtr c = captured.first().first().value<CaptureBatch>().first();
    QCOMPARE(c->answerStatus, appStatus);
    QCOMPARE(forwarded.first().at(0).toULongLong(), c->id);
    const auto attempt = forwarded.first().at(1).value<DeliveryAttempt>();
    QCOMPARE(attempt.status, appStatus);
    QVERIFY(attempt.latencyMs >= 0);
    QCOMPARE(forwarder.resultFor(c->id)->status, appStatus);
    QVERIFY(Forwarder::summary(attempt).contains(QString::number(appStatus)));
}

void TestForwarder::appDownGives502()
{
    Forwarder forwarder(m_listener.get());
    forwarder.setTarget(TestReceiver::closedPortUrl());
    forwarder.start();
    QSignalSpy forwarded(&forwarder, &Forwarder::forwarded);
    const DeliveryAttempt answer = hooxSends();
    QCOMPARE(answer.status, 502);
    QVERIFY(answer.body.contains("connection refused"));
    QVERIFY(forwarded.wait());
    const auto attempt = forwarded.first().at(1).value<DeliveryAttempt>();
    QCOMPARE(attempt.status, 0);
    QCOMPARE(attempt.error, QStringLiteral("connection refused"));
    QCOMPARE(Forwarder::summary(attempt), QStringLiteral("forward failed: connection refused"));
}

void TestForwarder::ruleAnswerDoesNotWaitForTheApp()
{
    TestReceiver app({ReceiverStep{200, 0, true, {}, {}}}); // never answers
    Forwarder forwarder(m_listener.get());
    forwarder.setTarget(app.url());
    forwarder.setAnswerMode(Forwarder::AnswerMode::RuleAnswer);
    forwarder.setTimeoutMs(300);
    forwarder.start();
    QSignalSpy forwarded(&forwarder, &Forwarder::forwarded);
    const DeliveryAttempt answer = hooxSends();
    QCOMPARE(answer.status, 200); // the rule's answer while the app still hangs
    QCOMPARE(answer.body, QByteArray("OK"));
    QTRY_COMPARE(app.requests().size(), 1);
    QVERIFY(forwarded.wait());
    QCOMPARE(forwarded.first().at(1).value<DeliveryAttempt>().error,
             QStringLiteral("timeout after 300 ms"));
}

void TestForwarder::stopRestoresTheRule()
{
    TestReceiver app({ReceiverStep{500, 0, false, {}, {}}});
    Forwarder forwarder(m_listener.get());
    forwarder.setTarget(app.url());
    forwarder.start();
    QCOMPARE(hooxSends().status, 500);
    forwarder.stop();
    QVERIFY(!forwarder.isActive());
    QCOMPARE(hooxSends().status, 200);
    QCOMPARE(app.requests().size(), 1);
}

QTEST_GUILESS_MAIN(TestForwarder)
#include "tst_forwarder.moc"
