// SPDX-License-Identifier: MIT
#include "../helpers/TestReceiver.h"
#include "capture/CaptureFormat.h"
#include "capture/Journal.h"
#include "capture/JournalReader.h"
#include "delivery/Deliverer.h"
#include "delivery/Forwarder.h"
#include "interchange/JsonLines.h"
#include "listener/Listener.h"

#include <QSet>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
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

QByteArray post(const QByteArray &body)
{
    return "POST /webhook/hoox HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
           "User-Agent: Hoox-API/1.0\r\nX-Hoox-Webhook: true\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// Sends requests down one connection, pipelined, and collects the answers without blocking:
// the forwarder and the app work on this thread's event loop.
class PipelinedClient {
public:
    explicit PipelinedClient(quint16 port)
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket,
                         [this] { m_received += m_socket.readAll(); });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }
    void send(const QByteArray &bytes) { m_socket.write(bytes); }
    // The status of each answer so far, in order.
    QList<int> statuses() const
    {
        QList<int> statuses;
        for (qsizetype at = m_received.indexOf("HTTP/1.1 "); at >= 0;
             at = m_received.indexOf("HTTP/1.1 ", at + 1))
            statuses.append(m_received.mid(at + 9, 3).toInt());
        return statuses;
    }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
};

const Capture *findId(const QList<CapturePtr> &captures, quint64 id)
{
    for (const CapturePtr &c : captures) {
        if (c->id == id)
            return c.get();
    }
    return nullptr;
}

QList<CapturePtr> capturesOf(const QSignalSpy &spy)
{
    QList<CapturePtr> all;
    for (const QList<QVariant> &args : spy)
        all += args.first().value<CaptureBatch>();
    return all;
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
    void forwardsArePairedById();
    void heldForwardIsNotAnsweredInTheJournal();

private:
    // Replaces the listener with one that journals to a new file in m_dir.
    void listenWithJournal();
    QUrl listenerUrl() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/webhook/hoox").arg(m_listener->port()));
    }
    DeliveryAttempt hooxSends(const QByteArray &body = kBody);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_journalPath;
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
    m_dir.reset();
}

void TestForwarder::listenWithJournal()
{
    m_listener.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    m_journalPath = m_dir->filePath(QStringLiteral("j.hkj"));
    auto journal = std::make_shared<Journal>();
    QString error;
    QVERIFY2(journal->open(m_journalPath, &error), qPrintable(error));
    m_listener = std::make_unique<Listener>(journal, CaptureIndex{});
    QVERIFY2(m_listener->start(QHostAddress::LocalHost, 0, &error), qPrintable(error));
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

    // Emitted as the app answered, before Hoox got that answer.
    QCOMPARE(forwarded.size(), 1);
    QTRY_COMPARE(captured.size(), 1);
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
    QCOMPARE(forwarded.size(), 1);
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
    QTRY_COMPARE(forwarded.size(), 1);
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

// Two identical bodies from one peer, in flight at once, their forwards finishing in the other
// order: each result names the capture of its own delivery, which was answered with it.
void TestForwarder::forwardsArePairedById()
{
    listenWithJournal();
    // Whichever forward reaches the app first is answered last.
    TestReceiver app(
        {ReceiverStep{201, 300, false, {}, "slow"}, ReceiverStep{202, 0, false, {}, "quick"}});
    Forwarder forwarder(m_listener.get());
    forwarder.setTarget(app.url());
    forwarder.setAnswerMode(Forwarder::AnswerMode::AppAnswer);
    forwarder.start();
    QSignalSpy forwarded(&forwarder, &Forwarder::forwarded);
    QSignalSpy captured(m_listener.get(), &Listener::captured);
    PipelinedClient hoox(m_listener->port());
    hoox.send(post(kBody) + post(kBody));
    QTRY_COMPARE(forwarded.size(), 2);
    QTRY_COMPARE(capturesOf(captured).size(), 2);
    QTRY_COMPARE(hoox.statuses().size(), 2);

    const QList<CapturePtr> shown = capturesOf(captured);
    const JournalReadResult kept = JournalReader::read(m_journalPath);
    QCOMPARE(kept.captures.size(), 2);
    QSet<quint64> ids;
    for (const QList<QVariant> &args : std::as_const(forwarded)) {
        const quint64 id = args.at(0).toULongLong();
        const auto attempt = args.at(1).value<DeliveryAttempt>();
        ids.insert(id);
        const Capture *c = findId(shown, id);
        QVERIFY(c);
        QCOMPARE(c->body, kBody);
        QCOMPARE(int(c->answerStatus), attempt.status); // answered with its own forward's answer
        QCOMPARE(int(findId(kept.captures, id)->answerStatus), attempt.status);
        QCOMPARE(forwarder.resultFor(id)->status, attempt.status);
    }
    QCOMPARE(ids, (QSet<quint64>{1, 2}));
    // Answers go out in request order; the first request is capture 1.
    QCOMPARE(hoox.statuses(), (QList<int>{int(findId(shown, 1)->answerStatus),
                                          int(findId(shown, 2)->answerStatus)}));
    const QList<int> statuses = hoox.statuses();
    QCOMPARE(QSet<int>(statuses.cbegin(), statuses.cend()), (QSet<int>{201, 202}));
}

// HookScope stopped while the app still held the forward: the journal keeps the delivery,
// marked as never answered.
void TestForwarder::heldForwardIsNotAnsweredInTheJournal()
{
    listenWithJournal();
    TestReceiver app({ReceiverStep{200, 0, true, {}, {}}}); // never answers
    Forwarder forwarder(m_listener.get());
    forwarder.setTarget(app.url());
    forwarder.setAnswerMode(Forwarder::AnswerMode::AppAnswer);
    forwarder.setTimeoutMs(60'000);
    forwarder.start();
    PipelinedClient hoox(m_listener->port());
    hoox.send(post(kBody));
    QTRY_COMPARE(app.requests().size(), 1);
    const JournalReadResult read = JournalReader::read(m_journalPath);
    QCOMPARE(read.captures.size(), 1);
    const Capture &c = *read.captures.first();
    QCOMPARE(c.body, kBody);
    QCOMPARE(c.answerStatus, 0);
    QVERIFY2(CaptureFormat::humanLine(c).contains(QStringLiteral(" -> not answered")),
             qPrintable(CaptureFormat::humanLine(c)));
    QVERIFY(JsonLines::line(c).contains("\"answer\":null"));
    QCOMPARE(hoox.statuses(), QList<int>());
}

QTEST_GUILESS_MAIN(TestForwarder)
#include "tst_forwarder.moc"
