// SPDX-License-Identifier: MIT
#include "../helpers/TestReceiver.h"
#include "capture/CaptureFormat.h"
#include "capture/Journal.h"
#include "capture/JournalReader.h"
#include "delivery/Deliverer.h"
#include "delivery/Forwarder.h"
#include "interchange/JsonLines.h"
#include "listener/Listener.h"

#include <QDateTime>
#include <QElapsedTimer>
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

ForwardSettings forwardTo(const QUrl &url,
                          ForwardSettings::Answer answer = ForwardSettings::Answer::App)
{
    ForwardSettings s;
    s.fallback = url;
    s.answer = answer;
    return s;
}

ForwardOutcome outcomeAt(const QSignalSpy &spy, qsizetype i)
{
    return spy.at(i).first().value<ForwardOutcome>();
}

// The outcomes of one state, in the order they were signalled.
QList<ForwardOutcome> outcomesIn(const QSignalSpy &spy, ForwardOutcome::State state)
{
    QList<ForwardOutcome> out;
    for (qsizetype i = 0; i < spy.size(); ++i) {
        if (outcomeAt(spy, i).state == state)
            out.append(outcomeAt(spy, i));
    }
    return out;
}

QByteArray hooxBody(const char *task, const char *jobId)
{
    return QByteArray("{\"task\":\"") + task + "\",\"job_id\":\"" + jobId +
           "\",\"status\":\"completed\",\"result\":{\"video_id\":\"v\"}}";
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
    void unansweredForwardIsNotAnsweredInTheJournal();
    void routesChooseTheApp();
    void noRouteAnswersPerTheRule();
    void slowAppGets502AndIsNamed();
    void slowWarningInWords();
    void redirectAndCutAnswerInWords();
    void holdAnswersAtOnceAndReleasesInOrder();
    void dropDiscardsAHold();
    void holdSurvivesARestart();
    void holdingRescuesAWaitingDelivery();

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
    if (!m_dir) {
        m_dir = std::make_unique<QTemporaryDir>();
        m_journalPath = m_dir->filePath(QStringLiteral("j.hkj"));
    }
    auto journal = std::make_shared<Journal>();
    QString error;
    QVERIFY2(journal->open(m_journalPath, &error), qPrintable(error));
    const CaptureIndex loaded = journal->takeLoaded();
    m_listener = std::make_unique<Listener>(journal, loaded);
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
    forwarder.setSettings(forwardTo(app.url(QStringLiteral("/hooks"))));
    forwarder.start();
    QSignalSpy outcomes(&forwarder, &Forwarder::outcome);
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
    QCOMPARE(outcomes.size(), 1);
    QTRY_COMPARE(captured.size(), 1);
    const CapturePtr c = captured.first().first().value<CaptureBatch>().first();
    QCOMPARE(c->answerStatus, appStatus);
    const ForwardOutcome o = outcomeAt(outcomes, 0);
    QCOMPARE(o.state, ForwardOutcome::State::Sent);
    QCOMPARE(o.captureId, c->id);
    QCOMPARE(o.capture->id, c->id);
    QCOMPARE(int(o.capture->answerStatus), appStatus); // the outcome's copy knows the answer
    QCOMPARE(o.target, app.url(QStringLiteral("/hooks")));
    QCOMPARE(o.attempt.status, appStatus);
    QVERIFY(o.attempt.latencyMs >= 0);
    QVERIFY(o.slowWarning().isEmpty());
    QVERIFY2(o.summary().startsWith(QStringLiteral("→ %1: %2 in ")
                                        .arg(app.url(QStringLiteral("/hooks")).toString())
                                        .arg(appStatus)),
             qPrintable(o.summary()));
}

void TestForwarder::appDownGives502()
{
    Forwarder forwarder(m_listener.get());
    const QUrl down = TestReceiver::closedPortUrl();
    forwarder.setSettings(forwardTo(down));
    forwarder.start();
    QSignalSpy outcomes(&forwarder, &Forwarder::outcome);
    const DeliveryAttempt answer = hooxSends();
    QCOMPARE(answer.status, 502);
    QVERIFY(answer.body.contains("connection refused"));
    QCOMPARE(outcomes.size(), 1);
    const ForwardOutcome o = outcomeAt(outcomes, 0);
    QCOMPARE(o.attempt.status, 0);
    QCOMPARE(o.attempt.error, QStringLiteral("connection refused"));
    QCOMPARE(o.summary(), QStringLiteral("→ %1: your app is not reachable (connection refused)")
                              .arg(down.toString()));
}

void TestForwarder::ruleAnswerDoesNotWaitForTheApp()
{
    TestReceiver app({ReceiverStep{200, 0, true, {}, {}}}); // never answers
    Forwarder forwarder(m_listener.get());
    forwarder.setSettings(forwardTo(app.url(), ForwardSettings::Answer::Rule));
    forwarder.setTimeouts(Forwarder::kHooxAnswerMs, 300);
    forwarder.start();
    QSignalSpy outcomes(&forwarder, &Forwarder::outcome);
    const DeliveryAttempt answer = hooxSends();
    QCOMPARE(answer.status, 200); // the rule's answer while the app still hangs
    QCOMPARE(answer.body, QByteArray("OK"));
    QTRY_COMPARE(app.requests().size(), 1);
    QTRY_COMPARE(outcomes.size(), 1);
    const ForwardOutcome o = outcomeAt(outcomes, 0);
    QCOMPARE(o.attempt.error, QStringLiteral("timeout after 300 ms"));
    QVERIFY(o.attempt.timedOut);
    QCOMPARE(o.slowWarning(), QStringLiteral("your app did not answer within 300 ms: Hoox would "
                                             "have timed out at 10 s and retried after 1 s"));
}

void TestForwarder::stopRestoresTheRule()
{
    TestReceiver app({ReceiverStep{500, 0, false, {}, {}}});
    Forwarder forwarder(m_listener.get());
    forwarder.setSettings(forwardTo(app.url()));
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
    forwarder.setSettings(forwardTo(app.url()));
    forwarder.start();
    QSignalSpy outcomes(&forwarder, &Forwarder::outcome);
    QSignalSpy captured(m_listener.get(), &Listener::captured);
    PipelinedClient hoox(m_listener->port());
    hoox.send(post(kBody) + post(kBody));
    QTRY_COMPARE(outcomes.size(), 2);
    QTRY_COMPARE(capturesOf(captured).size(), 2);
    QTRY_COMPARE(hoox.statuses().size(), 2);

    const QList<CapturePtr> shown = capturesOf(captured);
    const JournalReadResult kept = JournalReader::read(m_journalPath);
    QCOMPARE(kept.captures.size(), 2);
    QSet<quint64> ids;
    for (qsizetype i = 0; i < outcomes.size(); ++i) {
        const ForwardOutcome o = outcomeAt(outcomes, i);
        ids.insert(o.captureId);
        const Capture *c = findId(shown, o.captureId);
        QVERIFY(c);
        QCOMPARE(c->body, kBody);
        QCOMPARE(int(c->answerStatus), o.attempt.status); // answered with its own forward's answer
        QCOMPARE(int(findId(kept.captures, o.captureId)->answerStatus), o.attempt.status);
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
void TestForwarder::unansweredForwardIsNotAnsweredInTheJournal()
{
    listenWithJournal();
    TestReceiver app({ReceiverStep{200, 0, true, {}, {}}}); // never answers
    Forwarder forwarder(m_listener.get());
    forwarder.setSettings(forwardTo(app.url()));
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

// Avatar deliveries go to one app, video deliveries to another, the rest to the fallback.
void TestForwarder::routesChooseTheApp()
{
    TestReceiver avatars({ReceiverStep{200, 0, false, {}, "avatars"}});
    TestReceiver videos({ReceiverStep{200, 0, false, {}, "videos"}});
    TestReceiver rest({ReceiverStep{200, 0, false, {}, "rest"}});
    ForwardSettings s = forwardTo(rest.url());
    const QStringList texts{QStringLiteral("task:avatar_*=") +
                                avatars.url(QStringLiteral("/a")).toString(),
                            QStringLiteral("task:video_* status:completed=") +
                                videos.url(QStringLiteral("/v")).toString()};
    for (const QString &text : texts) {
        ForwardRoute route;
        QString error;
        QVERIFY2(ForwardRoute::parse(text, &route, &error), qPrintable(error));
        s.routes.append(route);
    }
    Forwarder forwarder(m_listener.get());
    forwarder.setSettings(s);
    forwarder.start();
    QCOMPARE(hooxSends(hooxBody("avatar_create", "a1")).body, QByteArray("avatars"));
    QCOMPARE(hooxSends(hooxBody("video_export", "v1")).body, QByteArray("videos"));
    QCOMPARE(hooxSends(hooxBody("avatar_edit", "a2")).body, QByteArray("avatars"));
    QCOMPARE(hooxSends(hooxBody("something_new", "x1")).body, QByteArray("rest"));
    QCOMPARE(avatars.requests().size(), 2);
    QCOMPARE(videos.requests().size(), 1);
    QCOMPARE(rest.requests().size(), 1);
    QVERIFY(avatars.requests().first().head.startsWith("POST /a HTTP/1.1"));
    QCOMPARE(avatars.requests().at(1).body, hooxBody("avatar_edit", "a2"));
}

void TestForwarder::noRouteAnswersPerTheRule()
{
    TestReceiver avatars;
    ForwardSettings s;
    ForwardRoute route;
    QString error;
    QVERIFY(ForwardRoute::parse(QStringLiteral("task:avatar_*=") + avatars.url().toString(), &route,
                                &error));
    s.routes = {route};
    Forwarder forwarder(m_listener.get());
    forwarder.setSettings(s);
    forwarder.start();
    QSignalSpy outcomes(&forwarder, &Forwarder::outcome);
    m_listener->policy()->setRule({202, "rule", "text/plain", 0});
    const DeliveryAttempt answer = hooxSends(hooxBody("video_generate", "v1"));
    QCOMPARE(answer.status, 202);
    QTRY_COMPARE(outcomes.size(), 1);
    QCOMPARE(outcomeAt(outcomes, 0).state, ForwardOutcome::State::NotRouted);
    QCOMPARE(outcomeAt(outcomes, 0).summary(), QStringLiteral("not forwarded: no route matches"));
    QCOMPARE(avatars.requests().size(), 0);
}

// The app is slower than Hoox's patience: Hoox gets a 502 that says why, in time, and the
// forward keeps waiting to tell how slow the app was.
void TestForwarder::slowAppGets502AndIsNamed()
{
    // The app's delay stays far past the bound below, so a loaded machine (a slow journal sync
    // before the forward starts) cannot make the 502 look held.
    TestReceiver app({ReceiverStep{200, 2500, false, {}, "late"}});
    Forwarder forwarder(m_listener.get());
    forwarder.setSettings(forwardTo(app.url()));
    forwarder.setTimeouts(200, 5000);
    forwarder.start();
    QSignalSpy outcomes(&forwarder, &Forwarder::outcome);
    QElapsedTimer clock;
    clock.start();
    const DeliveryAttempt answer = hooxSends();
    QCOMPARE(answer.status, 502);
    QVERIFY2(answer.body.contains("has not answered within"), answer.body.constData());
    QVERIFY2(clock.elapsed() < 2000, // not held until the app answered
             qPrintable(QString::number(clock.elapsed())));
    QTRY_COMPARE_WITH_TIMEOUT(outcomes.size(), 1, 10'000);
    const ForwardOutcome o = outcomeAt(outcomes, 0);
    QCOMPARE(o.attempt.status, 200);
    QVERIFY(o.attempt.latencyMs >= 2400);
    QCOMPARE(int(o.capture->answerStatus), 502);
}

void TestForwarder::slowWarningInWords()
{
    ForwardOutcome o;
    o.state = ForwardOutcome::State::Sent;
    o.target = QUrl(QStringLiteral("http://localhost:3000/webhook"));
    o.attempt.status = 200;
    o.attempt.latencyMs = 11'400;
    QCOMPARE(o.slowWarning(), QStringLiteral("your app answered 200 in 11.4 s: Hoox would have "
                                             "timed out at 10 s and retried after 1 s"));
    QCOMPARE(o.summary(),
             QStringLiteral("→ http://localhost:3000/webhook: your app answered 200 in 11.4 s: "
                            "Hoox would have timed out at 10 s and retried after 1 s"));
    o.hooxAttempt = 3;
    QVERIFY(o.slowWarning().endsWith(QStringLiteral("retried after 4 s")));
    o.hooxAttempt = 4;
    QVERIFY(o.slowWarning().endsWith(QStringLiteral("given up: that was its last retry")));
    o.attempt.latencyMs = 9'999;
    QCOMPARE(o.slowWarning(), QString());
    o.attempt.latencyMs = 60'004;
    o.waitedMs = 60'000;
    o.attempt.status = 0;
    o.attempt.error = QStringLiteral("timeout after 60 s");
    o.attempt.timedOut = true;
    o.hooxAttempt = 2;
    QCOMPARE(o.slowWarning(), QStringLiteral("your app did not answer within 60 s: Hoox would "
                                             "have timed out at 10 s and retried after 2 s"));
}

// Hoox follows no redirect, and an answer cut short is no answer: both are said in words and
// Hoox gets a 502.
void TestForwarder::redirectAndCutAnswerInWords()
{
    TestReceiver app({ReceiverStep{301, 0, false, "http://127.0.0.1:1/elsewhere", "moved"},
                      ReceiverStep{200, 0, false, {}, "partial", true}});
    Forwarder forwarder(m_listener.get());
    forwarder.setSettings(forwardTo(app.url()));
    forwarder.start();
    QSignalSpy outcomes(&forwarder, &Forwarder::outcome);
    const DeliveryAttempt redirected = hooxSends();
    QCOMPARE(redirected.status, 502);
    QVERIFY2(
        redirected.body.contains("redirect not followed (301 to http://127.0.0.1:1/elsewhere)"),
        redirected.body.constData());
    const DeliveryAttempt cut = hooxSends();
    QCOMPARE(cut.status, 502);
    QVERIFY2(cut.body.contains("connection closed mid-answer"), cut.body.constData());
    QCOMPARE(outcomes.size(), 2);
    QCOMPARE(app.requests().size(), 2); // the redirect was not followed
    QVERIFY2(outcomeAt(outcomes, 1).summary().contains(QStringLiteral("mid-answer")),
             qPrintable(outcomeAt(outcomes, 1).summary()));
}

void TestForwarder::holdAnswersAtOnceAndReleasesInOrder()
{
    listenWithJournal();
    TestReceiver app({ReceiverStep{200, 0, false, {}, "app"}});
    Forwarder forwarder(m_listener.get());
    QString error;
    QVERIFY2(forwarder.openLog(m_journalPath, &error), qPrintable(error));
    ForwardSettings s = forwardTo(app.url());
    s.hold = true;
    forwarder.setSettings(s);
    forwarder.start();
    QSignalSpy outcomes(&forwarder, &Forwarder::outcome);
    for (const char *job : {"j1", "j2", "j3"}) {
        QElapsedTimer clock;
        clock.start();
        const DeliveryAttempt answer = hooxSends(hooxBody("video_generate", job));
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.body, QByteArray("OK")); // the rule's, not the app's
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    }
    QTRY_COMPARE(outcomes.size(), 3);
    QCOMPARE(outcomesIn(outcomes, ForwardOutcome::State::Held).size(), 3);
    QCOMPARE(app.requests().size(), 0);
    QCOMPARE(forwarder.pending().size(), 3);
    QVERIFY(forwarder.pending().first().held);

    forwarder.release(2);
    QTRY_COMPARE(app.requests().size(), 1);
    QCOMPARE(app.requests().first().body, hooxBody("video_generate", "j2"));
    forwarder.releaseAll();
    QTRY_COMPARE(app.requests().size(), 3);
    QCOMPARE(app.requests().at(1).body, hooxBody("video_generate", "j1"));
    QCOMPARE(app.requests().at(2).body, hooxBody("video_generate", "j3"));
    QTRY_COMPARE(outcomesIn(outcomes, ForwardOutcome::State::Sent).size(), 3);
    QTRY_VERIFY(forwarder.pending().isEmpty());
}

void TestForwarder::dropDiscardsAHold()
{
    listenWithJournal();
    TestReceiver app;
    Forwarder forwarder(m_listener.get());
    QString error;
    QVERIFY(forwarder.openLog(m_journalPath, &error));
    ForwardSettings s = forwardTo(app.url());
    s.hold = true;
    forwarder.setSettings(s);
    forwarder.start();
    QSignalSpy outcomes(&forwarder, &Forwarder::outcome);
    QCOMPARE(hooxSends(hooxBody("video_generate", "j1")).status, 200);
    QCOMPARE(hooxSends(hooxBody("video_generate", "j2")).status, 200);
    QTRY_COMPARE(forwarder.pending().size(), 2);
    forwarder.drop(); // the oldest
    QTRY_COMPARE(forwarder.pending().size(), 1);
    QCOMPARE(forwarder.pending().first().captureId, quint64(2));
    forwarder.dropAll();
    QTRY_VERIFY(forwarder.pending().isEmpty());
    QCOMPARE(outcomesIn(outcomes, ForwardOutcome::State::Dropped).size(), 2);
    QTest::qWait(100);
    QCOMPARE(app.requests().size(), 0);
    // Nothing waits any more: a new start finds nothing held.
    Forwarder again(m_listener.get());
    QVERIFY(again.openLog(m_journalPath, &error));
    QVERIFY(again.pending().isEmpty());
}

// Held, HookScope stops; started again on the same journal, the forward is still held and
// reaches the app when released, byte for byte.
void TestForwarder::holdSurvivesARestart()
{
    listenWithJournal();
    TestReceiver app;
    QString error;
    {
        Forwarder forwarder(m_listener.get());
        QVERIFY(forwarder.openLog(m_journalPath, &error));
        ForwardSettings s = forwardTo(app.url());
        s.hold = true;
        forwarder.setSettings(s);
        forwarder.start();
        QCOMPARE(hooxSends(hooxBody("avatar_create", "a1")).status, 200);
        QCOMPARE(hooxSends(hooxBody("avatar_create", "a2")).status, 200);
        QTRY_COMPARE(forwarder.pending().size(), 2);
        forwarder.release(1);
        QTRY_COMPARE(app.requests().size(), 1);
        QTRY_COMPARE(forwarder.pending().size(), 1);
    }
    listenWithJournal(); // the same journal, as a restart opens it
    Forwarder forwarder(m_listener.get());
    QVERIFY(forwarder.openLog(m_journalPath, &error));
    const QList<PendingForward> held = forwarder.pending();
    QCOMPARE(held.size(), 1);
    QCOMPARE(held.first().captureId, quint64(2));
    QVERIFY(held.first().held);
    QCOMPARE(held.first().task, QStringLiteral("avatar_create"));
    forwarder.setSettings(forwardTo(app.url()));
    QSignalSpy outcomes(&forwarder, &Forwarder::outcome);
    forwarder.release();
    QTRY_COMPARE(app.requests().size(), 2);
    QCOMPARE(app.requests().at(1).body, hooxBody("avatar_create", "a2"));
    QTRY_COMPARE(outcomes.size(), 1);
    QCOMPARE(outcomeAt(outcomes, 0).captureId, quint64(2));
    QCOMPARE(int(outcomeAt(outcomes, 0).capture->answerStatus), 200);
}

// A handler paused at a breakpoint: Hoox waits for the app's answer; switching Hold on answers
// Hoox at once with the rule, and the forward still ends with the app's answer.
void TestForwarder::holdingRescuesAWaitingDelivery()
{
    TestReceiver app({ReceiverStep{200, 0, true, {}, {}}}); // never answers
    Forwarder forwarder(m_listener.get());
    forwarder.setSettings(forwardTo(app.url()));
    forwarder.start();
    PipelinedClient hoox(m_listener->port());
    hoox.send(post(kBody));
    QTRY_COMPARE(app.requests().size(), 1);
    QTRY_COMPARE(forwarder.pending().size(), 1);
    const PendingForward waiting = forwarder.pending().first();
    QVERIFY(!waiting.held);
    QVERIFY(waiting.hooxDeadlineMs > QDateTime::currentMSecsSinceEpoch());
    QCOMPARE(hoox.statuses(), QList<int>());
    ForwardSettings s = forwarder.settings();
    s.hold = true;
    forwarder.setSettings(s);
    QTRY_COMPARE(hoox.statuses(), QList<int>{200});
    QTRY_COMPARE(forwarder.pending().first().hooxDeadlineMs, qint64(0));
}

QTEST_GUILESS_MAIN(TestForwarder)
#include "tst_forwarder.moc"
