// SPDX-License-Identifier: MIT
// The listener over real sockets on 127.0.0.1, port 0.
#include "capture/Journal.h"
#include "capture/JournalReader.h"
#include "http/HttpRequest.h"
#include "listener/Listener.h"

#include <QMutex>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <QFileInfo>
#include <QScopeGuard>

#include <csignal>
#include <sys/resource.h>
#include <sys/socket.h>

namespace {

const QByteArray kSeedBody = QByteArrayLiteral(
    "{\"task\":\"video_generate\",\"job_id\":\"run_01234567890abcdef\",\"status\":\"completed\","
    "\"result\":{\"video_id\":\"video_abcdef1234567890\",\"thumbnail_url\":\"https://"
    "cdn.hoox.video/thumbnails/"
    "video_123.jpg\",\"cost\":5,\"created_at\":\"2024-01-15T10:30:00Z\"}}");

QByteArray post(const QByteArray &body, const QByteArray &extra = {})
{
    return "POST /webhook/hoox HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
           "User-Agent: Hoox-API/1.0\r\nX-Hoox-Webhook: true\r\n" +
           extra + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

struct Response {
    int status = 0;
    QByteArray head;
    QByteArray body;
};

// A minimal blocking HTTP client: enough to read our own answers, Content-Length framed.
class Client {
public:
    explicit Client(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_socket.waitForConnected(5000);
    }
    QTcpSocket &socket() { return m_socket; }
    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }
    // Reads one response; status 0 when none arrived within the time.
    Response read(int timeoutMs = 5000)
    {
        QDeadlineTimer deadline(timeoutMs);
        Response r;
        qsizetype headEnd = -1;
        while ((headEnd = m_buffer.indexOf("\r\n\r\n")) < 0) {
            if (!waitMore(deadline))
                return r;
        }
        r.head = m_buffer.left(headEnd);
        r.status = r.head.mid(9, 3).toInt();
        qsizetype length = 0;
        for (const QByteArray &line : r.head.split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        while (m_buffer.size() < headEnd + 4 + length) {
            if (!waitMore(deadline))
                return Response{};
        }
        r.body = m_buffer.mid(headEnd + 4, length);
        m_buffer.remove(0, headEnd + 4 + length);
        return r;
    }
    // True when the server closed the connection within the time.
    bool closedByServer(int timeoutMs = 5000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (m_socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
            if (m_socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
                m_buffer += m_socket.readAll();
        }
        return m_socket.state() != QAbstractSocket::ConnectedState;
    }

private:
    bool waitMore(const QDeadlineTimer &deadline)
    {
        if (m_socket.bytesAvailable() == 0 &&
            !m_socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            return false;
        m_buffer += m_socket.readAll();
        return true;
    }
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

// The answer's Date header is an IMF-fixdate (RFC 9110 5.6.7) of about now.
void verifyDate(const QByteArray &head)
{
    QByteArray value;
    for (const QByteArray &line : head.split('\n')) {
        if (line.startsWith("Date: "))
            value = line.mid(6).trimmed();
    }
    QVERIFY2(!value.isEmpty(), head.constData());
    static const QRegularExpression imf(QStringLiteral(
        "^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d\\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
        "\\d{4} \\d\\d:\\d\\d:\\d\\d GMT$"));
    const QString text = QString::fromLatin1(value);
    QVERIFY2(imf.match(text).hasMatch(), value.constData());
    const QString format = QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'");
    QDateTime at = QLocale::c().toDateTime(text, format);
    QVERIFY2(at.isValid(), value.constData());
    at.setTimeSpec(Qt::UTC);
    QCOMPARE(QLocale::c().toString(at, format), text); // the weekday fits the date
    QVERIFY(qAbs(at.secsTo(QDateTime::currentDateTimeUtc())) < 60);
}

} // namespace

// An answerer that holds every request's answer until the test gives it.
class HeldAnswers {
public:
    explicit HeldAnswers(Listener &listener)
    {
        listener.setAnswerer([this](const CapturePtr &, const ResponseAnswer &,
                                    std::function<void(const ResponseAnswer &)> done) {
            QMutexLocker lock(&m_mutex);
            m_done.append(std::move(done));
        });
    }
    qsizetype count() const
    {
        QMutexLocker lock(&m_mutex);
        return m_done.size();
    }
    void answer(qsizetype i, const ResponseAnswer &a)
    {
        std::function<void(const ResponseAnswer &)> done;
        {
            QMutexLocker lock(&m_mutex);
            done = m_done.at(i);
        }
        done(a);
    }

private:
    mutable QMutex m_mutex;
    QList<std::function<void(const ResponseAnswer &)>> m_done;
};

class tst_Listener : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void capturesAPost();
    void connectionsWaitForTheJournal();
    void keepAliveRules_data();
    void keepAliveRules();
    void pipelinedAnswersInOrder();
    void expectContinue();
    void expectContinueOverLimitGets413();
    void refusalsCloseWithAReason_data();
    void refusalsCloseWithAReason();
    void headTimeout();
    void idleKeepAliveIsClosed();
    void abruptDisconnectsLeaveItServing();
    void manyConnectionsAtOnce();
    void connectionLimitAnswers503();
    void failNextTwoThenRecover();
    void ruleChangesWhileRunning();
    void halfClosedClient();
    void journalHoldsWhatWasAnswered();
    void portInUseIsExplained();
    void answererDecidesLater();
    void journalGetsTheAnswerInPlace();
    void answerGoesOutWhenItsRecordIsGone();
    void answerAfterAJournalSwitch();
    void unwritableJournalAnswers503();

private:
    void startListener(const HttpLimits &limits = {}, Journal *journal = nullptr);
    // The listener keeps a pointer to the journal it writes: the journal must outlive it, so
    // it is the fixture's and goes after the listener in cleanup().
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<Listener> m_listener;
    std::unique_ptr<QSignalSpy> m_spy;
    CaptureBatch m_captures;
};

void tst_Listener::init()
{
    m_captures.clear();
}

void tst_Listener::cleanup()
{
    m_spy.reset();
    m_listener.reset();
    m_journal.reset();
}

// At start the window shows before its journal is read: the listener binds its port but takes
// no connection, and records no import, until the journal is handed over. The connection that
// came meanwhile is then answered, once its request is journaled.
void tst_Listener::connectionsWaitForTheJournal()
{
    QTemporaryDir dir;
    auto journal = std::make_shared<Journal>();
    QString error;
    QVERIFY2(journal->open(dir.filePath(QStringLiteral("late.hkj")), &error), qPrintable(error));
    m_listener = std::make_unique<Listener>(static_cast<Journal *>(nullptr), CaptureIndex{});
    connect(m_listener.get(), &Listener::captured, this,
            [this](const CaptureBatch &b) { m_captures += b; });
    m_listener->waitForJournal();
    QVERIFY2(m_listener->start(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    ImportedRequest imported;
    imported.request.method = "POST";
    imported.request.target = "/imported";
    imported.request.body = kSeedBody;
    m_listener->importRequests({imported});

    Client client(m_listener->port()); // the kernel completes the handshake; nobody accepts yet
    QCOMPARE(client.socket().state(), QAbstractSocket::ConnectedState);
    client.send(post(kSeedBody));
    QCOMPARE(client.read(400).status, 0);
    QCOMPARE(m_listener->connectionCount(), 0);
    QVERIFY(m_captures.isEmpty());
    QCOMPARE(JournalReader::read(journal->path()).captures.size(), 0);

    m_listener->setJournal(journal, CaptureRecorder(journal.get()));
    const Response r = client.read();
    QCOMPARE(r.status, 200);
    QTRY_COMPARE(m_captures.size(), 2);
    const JournalReadResult onDisk = JournalReader::read(journal->path());
    QCOMPARE(onDisk.captures.size(), 2);
    QStringList targets;
    for (const CapturePtr &c : onDisk.captures)
        targets << QString::fromLatin1(c->target);
    targets.sort();
    QCOMPARE(targets, QStringList({QStringLiteral("/imported"), QStringLiteral("/webhook/hoox")}));
}

void tst_Listener::startListener(const HttpLimits &limits, Journal *journal)
{
    m_listener = std::make_unique<Listener>(journal, CaptureIndex{}, limits);
    connect(m_listener.get(), &Listener::captured, this,
            [this](const CaptureBatch &b) { m_captures += b; });
    QString error;
    QVERIFY2(m_listener->start(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    QVERIFY(m_listener->port() != 0);
}

void tst_Listener::capturesAPost()
{
    startListener();
    Client c(m_listener->port());
    c.send(post(kSeedBody));
    const Response r = c.read();
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray("OK"));
    verifyDate(r.head);
    QTRY_COMPARE(m_captures.size(), 1);
    const Capture &cap = *m_captures.first();
    QCOMPARE(cap.id, 1u);
    QCOMPARE(cap.method, QByteArray("POST"));
    QCOMPARE(cap.target, QByteArray("/webhook/hoox"));
    QCOMPARE(cap.body, kSeedBody);
    QCOMPARE(cap.answerStatus, 200);
    QCOMPARE(cap.hoox.task, HooxTask::VideoGenerate);
    QCOMPARE(cap.hoox.key, QStringLiteral("run_01234567890abcdef"));
    QCOMPARE(cap.hoox.findings, QStringList());
    QVERIFY(cap.peer.startsWith(QStringLiteral("127.0.0.1:")));
    QVERIFY(qAbs(cap.receivedAtMs - QDateTime::currentMSecsSinceEpoch()) < 10'000);
}

void tst_Listener::keepAliveRules_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<bool>("staysOpen");
    QTest::addRow("1.1 default") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n\r\n") << true;
    QTest::addRow("1.1 close") << QByteArray(
                                      "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                               << false;
    QTest::addRow("1.0 default") << QByteArray("GET / HTTP/1.0\r\n\r\n") << false;
    QTest::addRow("1.0 keep-alive")
        << QByteArray("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") << true;
}

void tst_Listener::keepAliveRules()
{
    QFETCH(QByteArray, request);
    QFETCH(bool, staysOpen);
    startListener();
    Client c(m_listener->port());
    c.send(request);
    const Response r = c.read();
    QCOMPARE(r.status, 200);
    if (staysOpen) {
        c.send(request); // the same connection serves a second request
        QCOMPARE(c.read().status, 200);
        QTRY_COMPARE(m_captures.size(), 2);
    } else {
        QVERIFY(r.head.contains("Connection: close"));
        QVERIFY(c.closedByServer());
    }
}

void tst_Listener::pipelinedAnswersInOrder()
{
    startListener();
    // The first answer differs, and comes late.
    m_listener->policy()->armFailNext(1, 503);
    m_listener->policy()->armDelayNext(1, 300);
    Client c(m_listener->port());
    c.send(post("{}") + post("[]") + post("{\"a\":1}"));
    QCOMPARE(c.read().status, 503);
    QCOMPARE(c.read().status, 200);
    QCOMPARE(c.read().status, 200);
    QTRY_COMPARE(m_captures.size(), 3);
    QCOMPARE(m_captures.at(0)->body, QByteArray("{}"));
    QCOMPARE(m_captures.at(2)->body, QByteArray("{\"a\":1}"));
    QCOMPARE(m_captures.at(0)->answerStatus, 503);
}

void tst_Listener::expectContinue()
{
    startListener();
    Client c(m_listener->port());
    c.send("POST /webhook/hoox HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: "
           "2\r\n\r\n");
    const Response interim = c.read();
    QCOMPARE(interim.status, 100);
    verifyDate(interim.head);
    c.send("{}");
    QCOMPARE(c.read().status, 200);
    QTRY_COMPARE(m_captures.size(), 1);
    QCOMPARE(m_captures.first()->body, QByteArray("{}"));
}

void tst_Listener::expectContinueOverLimitGets413()
{
    HttpLimits limits;
    limits.maxBodyBytes = 1000;
    startListener(limits);
    Client c(m_listener->port());
    c.send("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 1001\r\n\r\n");
    const Response r = c.read();
    QCOMPARE(r.status, 413); // instead of 100: the client never sends the body
    QVERIFY(c.closedByServer());
    QCOMPARE(m_captures.size(), 0);
}

void tst_Listener::refusalsCloseWithAReason_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    const QByteArray big(2000, 'a');
    QTest::addRow("garbage") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n",
                                           15)
                             << 400;
    QTest::addRow("smuggling") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: "
                                             "3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                               << 400;
    QTest::addRow("no host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
    QTest::addRow("http/2") << QByteArray("GET / HTTP/2.0\r\nHost: x\r\n\r\n") << 505;
    QTest::addRow("gzip") << QByteArray(
                                 "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n")
                          << 501;
    QTest::addRow("target") << QByteArray("GET /" + big + " HTTP/1.1\r\nHost: x\r\n\r\n") << 414;
    QTest::addRow("header") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nX: " + big + "\r\n\r\n")
                            << 431;
    QTest::addRow("body") << QByteArray(
                                 "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2001\r\n\r\n" + big)
                          << 413;
    QTest::addRow("expect") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nExpect: magic\r\n\r\n")
                            << 417;
    // What RFC 9110/9112 say a server must refuse, and CONNECT, which is no webhook.
    const auto get = [](const QByteArray &target, const QByteArray &host = "x",
                        const QByteArray &method = "GET") -> QByteArray {
        return method + ' ' + target + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n";
    };
    QTest::addRow("host userinfo") << get("/", "user@x") << 400;
    QTest::addRow("host path") << get("/", "x/webhook") << 400;
    QTest::addRow("host list") << get("/", "x, y") << 400;
    QTest::addRow("host port") << get("/", "x:http") << 400;
    QTest::addRow("target utf8") << get("/caf\xC3\xA9") << 400;
    QTest::addRow("target overlong") << get("/\xC0\xAF") << 400;
    QTest::addRow("target backslash") << get("/a\\b") << 400;
    QTest::addRow("target fragment") << get("/a#b") << 400;
    QTest::addRow("target percent") << get("/a%zz") << 400;
    QTest::addRow("asterisk") << get("*", "x", "POST") << 400;
    QTest::addRow("connect") << get("x:443", "x:443", "CONNECT") << 501;
    QTest::addRow("chunk extension")
        << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                      "2;\r\n{}\r\n0\r\n\r\n")
        << 400;
}

void tst_Listener::refusalsCloseWithAReason()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    HttpLimits limits;
    limits.maxTargetBytes = 1000;
    limits.maxHeaderBytes = 1000;
    limits.maxBodyBytes = 1000;
    startListener(limits);
    Client c(m_listener->port());
    c.send(request);
    const Response r = c.read();
    QCOMPARE(r.status, status);
    QVERIFY(r.head.contains("Connection: close"));
    QVERIFY(r.body.endsWith('\n'));
    QCOMPARE(r.body.count('\n'), 1); // one line that says why
    QVERIFY(r.body.size() > 5);
    verifyDate(r.head);
    QVERIFY(c.closedByServer());
    QCOMPARE(m_captures.size(), 0);
}

void tst_Listener::headTimeout()
{
    HttpLimits limits;
    limits.headTimeoutMs = 300;
    startListener(limits);
    Client slow(m_listener->port());
    slow.send("POST / HTTP/1.1\r\nHost: x\r\n"); // and never the rest
    Client quick(m_listener->port());
    quick.send(post("{}"));
    QCOMPARE(quick.read().status, 200); // the slow head delays nobody
    QElapsedTimer t;
    t.start();
    QCOMPARE(slow.read().status, 408);
    QVERIFY(slow.closedByServer());
    QVERIFY(t.elapsed() < 3000);
}

void tst_Listener::idleKeepAliveIsClosed()
{
    HttpLimits limits;
    limits.idleTimeoutMs = 300;
    startListener(limits);
    Client c(m_listener->port());
    c.send(post("{}"));
    QCOMPARE(c.read().status, 200);
    QVERIFY(c.closedByServer(3000));
}

void tst_Listener::abruptDisconnectsLeaveItServing()
{
    startListener();
    for (int i = 0; i < 20; ++i) {
        Client c(m_listener->port());
        const QByteArray full = post(kSeedBody);
        c.send(full.left(i * full.size() / 20)); // cut anywhere, head or body
        c.socket().abort();
    }
    Client c(m_listener->port());
    c.send(post(kSeedBody));
    QCOMPARE(c.read().status, 200);
    QTRY_COMPARE(m_captures.size(), 1);
}

void tst_Listener::manyConnectionsAtOnce()
{
    startListener();
    constexpr int kClients = 300;
    std::vector<std::unique_ptr<Client>> clients;
    for (int i = 0; i < kClients; ++i)
        clients.push_back(std::make_unique<Client>(m_listener->port()));
    for (auto &c : clients)
        c->send(post(kSeedBody));
    int answered = 0;
    for (auto &c : clients)
        answered += c->read().status == 200 ? 1 : 0;
    QCOMPARE(answered, kClients);
    QTRY_COMPARE(m_captures.size(), kClients);
    QSet<quint64> ids;
    for (const CapturePtr &cap : std::as_const(m_captures))
        ids.insert(cap->id);
    QCOMPARE(ids.size(), kClients);
}

void tst_Listener::connectionLimitAnswers503()
{
    HttpLimits limits;
    limits.maxConnections = 5;
    startListener(limits);
    std::vector<std::unique_ptr<Client>> open;
    for (int i = 0; i < 5; ++i) {
        open.push_back(std::make_unique<Client>(m_listener->port()));
        open.back()->send(post("{}"));
        QCOMPARE(open.back()->read().status, 200); // accepted and held open
    }
    Client extra(m_listener->port());
    const Response r = extra.read();
    QCOMPARE(r.status, 503);
    QVERIFY(extra.closedByServer());
    open.front()->socket().abort();
    QTest::qWait(100);
    // A freed slot is taken again once the listener has seen the abort.
    bool admitted = false;
    for (int i = 0; i < 50 && !admitted; ++i) {
        Client again(m_listener->port());
        again.send(post("{}"));
        admitted = again.read(1000).status == 200;
        if (!admitted)
            QTest::qWait(50);
    }
    QVERIFY(admitted);
}

void tst_Listener::failNextTwoThenRecover()
{
    startListener();
    m_listener->policy()->armFailNext(2, 500);
    QList<int> statuses;
    for (int i = 0; i < 4; ++i) {
        Client c(m_listener->port());
        c.send(post(kSeedBody));
        statuses.append(c.read().status);
    }
    QCOMPARE(statuses, (QList<int>{500, 500, 200, 200}));
    QTRY_COMPARE(m_captures.size(), 4);
    QCOMPARE(m_captures.at(1)->answerStatus, 500);
    QCOMPARE(m_captures.at(1)->hoox.attempt, 2u); // a retry chain of one key
    QCOMPARE(m_captures.at(3)->hoox.duplicateOf, 1u);
    QCOMPARE(m_listener->policy()->state().failNextLeft, 0);
}

void tst_Listener::ruleChangesWhileRunning()
{
    startListener();
    Client c(m_listener->port());
    c.send(post("{}"));
    QCOMPARE(c.read().status, 200);
    ResponseRule rule;
    rule.status = 202;
    rule.body = "accepted";
    m_listener->policy()->setRule(rule);
    c.send(post("{}"));
    const Response r = c.read();
    QCOMPARE(r.status, 202);
    QCOMPARE(r.body, QByteArray("accepted"));
}

void tst_Listener::halfClosedClient()
{
    startListener();
    Client c(m_listener->port());
    c.send(post(kSeedBody));
    c.socket().waitForBytesWritten(1000);
    ::shutdown(int(c.socket().socketDescriptor()), SHUT_WR);
    QTRY_COMPARE(m_captures.size(), 1); // a request that arrived whole is kept
    c.closedByServer();
    Client next(m_listener->port());
    next.send(post("{}"));
    QCOMPARE(next.read().status, 200);
}

void tst_Listener::journalHoldsWhatWasAnswered()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j.hkj"));
    Journal &journal = *(m_journal = std::make_unique<Journal>());
    QString error;
    QVERIFY2(journal.open(path, &error), qPrintable(error));
    startListener({}, &journal);
    for (int i = 0; i < 5; ++i) {
        Client c(m_listener->port());
        c.send(post(kSeedBody));
        QCOMPARE(c.read().status, 200);
        // Answered, so already on disk: read it back while the listener runs.
        const JournalReadResult read = JournalReader::read(path);
        QCOMPARE(read.captures.size(), i + 1);
        QCOMPARE(read.captures.last()->body, kSeedBody);
        QCOMPARE(read.captures.last()->hoox.attempt, quint32(i + 1));
    }
}

void tst_Listener::portInUseIsExplained()
{
    startListener();
    Listener second;
    QString error;
    QVERIFY(!second.start(QHostAddress::LocalHost, m_listener->port(), &error));
    QVERIFY2(error.contains(QStringLiteral("already in use")), qPrintable(error));
    QVERIFY(error.contains(QStringLiteral("--port")));
    QVERIFY(!second.isListening());
}

void tst_Listener::answererDecidesLater()
{
    startListener();
    QList<std::function<void(const ResponseAnswer &)>> waiting; // answered from this thread
    QList<quint64> asked;
    QMutex mutex;
    m_listener->setAnswerer([&](const CapturePtr &capture, const ResponseAnswer &proposed,
                                std::function<void(const ResponseAnswer &)> done) {
        QCOMPARE(proposed.status, 200);
        QVERIFY(capture->body.startsWith('{'));
        QCOMPARE(capture->answerStatus, 0); // recorded, not answered yet
        QMutexLocker lock(&mutex);
        asked.append(capture->id);
        waiting.append(std::move(done));
    });
    Client c(m_listener->port());
    c.send(post("{}") + post("{\"b\":2}")); // pipelined: the second waits on the first
    QTRY_COMPARE((QMutexLocker(&mutex), waiting.size()), 2);
    QCOMPARE(asked, (QList<quint64>{1, 2})); // numbered as they arrived
    QCOMPARE(c.read(200).status, 0);         // nothing decided, nothing answered
    ResponseAnswer second{201, "text/plain", "second", 0};
    waiting.at(1)(second);
    QCOMPARE(c.read(200).status, 0); // still held back by the first
    ResponseAnswer first{502, "text/plain", "app down", 0};
    waiting.at(0)(first);
    Response r = c.read();
    QCOMPARE(r.status, 502);
    QCOMPARE(r.body, QByteArray("app down"));
    r = c.read();
    QCOMPARE(r.status, 201);
    QTRY_COMPARE(m_captures.size(), 2);
    // Handed over as they were decided, each under the id it was asked with.
    QCOMPARE(m_captures.at(0)->id, 2u);
    QCOMPARE(m_captures.at(0)->answerStatus, 201);
    QCOMPARE(m_captures.at(1)->id, 1u);
    QCOMPARE(m_captures.at(1)->answerStatus, 502);
    m_listener->setAnswerer({});
    c.send(post("{}"));
    QCOMPARE(c.read().status, 200);
}

// While the answerer decides, the journal already holds the delivery, marked as not answered:
// what a restart shows if HookScope stops before the answer. The answer is written in place.
void tst_Listener::journalGetsTheAnswerInPlace()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j.hkj"));
    Journal &journal = *(m_journal = std::make_unique<Journal>());
    QString error;
    QVERIFY2(journal.open(path, &error), qPrintable(error));
    startListener({}, &journal);
    HeldAnswers held(*m_listener);
    Client c(m_listener->port());
    c.send(post(kSeedBody) + post(kSeedBody));
    QTRY_COMPARE(held.count(), 2);
    JournalReadResult read = JournalReader::read(path);
    QCOMPARE(read.captures.size(), 2);
    QCOMPARE(read.captures.at(0)->answerStatus, 0);
    QCOMPARE(read.captures.at(1)->answerStatus, 0);
    const qint64 size = QFileInfo(path).size();
    held.answer(0, ResponseAnswer{202, "text/plain", "later", 0});
    held.answer(1, ResponseAnswer{500, "text/plain", "no", 0});
    QCOMPARE(c.read().status, 202);
    QCOMPARE(c.read().status, 500);
    QTRY_COMPARE(m_captures.size(), 2);
    read = JournalReader::read(path);
    QCOMPARE(read.warning, QString());
    QCOMPARE(read.captures.size(), 2);
    QCOMPARE(read.captures.at(0)->answerStatus, 202);
    QCOMPARE(read.captures.at(1)->answerStatus, 500);
    for (const CapturePtr &shown : std::as_const(m_captures)) {
        const CapturePtr &kept = read.captures.at(qsizetype(shown->id - 1));
        QCOMPARE(kept->id, shown->id);
        QCOMPARE(kept->answerStatus, shown->answerStatus);
        QCOMPARE(kept->journalOffset, shown->journalOffset);
    }
    QCOMPARE(QFileInfo(path).size(), size); // written in place, nothing appended
}

// The journal cut short behind the listener's back: the answer cannot be written into it, which
// is reported, but the delivery still gets its answer.
void tst_Listener::answerGoesOutWhenItsRecordIsGone()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j.hkj"));
    Journal &journal = *(m_journal = std::make_unique<Journal>());
    QString error;
    QVERIFY2(journal.open(path, &error), qPrintable(error));
    startListener({}, &journal);
    QSignalSpy failed(m_listener.get(), &Listener::journalFailed);
    HeldAnswers held(*m_listener);
    Client c(m_listener->port());
    c.send(post(kSeedBody));
    QTRY_COMPARE(held.count(), 1);
    QVERIFY(QFile::resize(path, 16)); // only the file header is left
    held.answer(0, ResponseAnswer{200, "text/plain", "OK", 0});
    QCOMPARE(c.read().status, 200);
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY2(failed.first().first().toString().contains(QStringLiteral("no record")),
             qPrintable(failed.first().first().toString()));
    QTRY_COMPARE(m_captures.size(), 1);
    QCOMPARE(m_captures.first()->answerStatus, 200);
}

// A session switch while an answer is pending: the answer goes into the journal the delivery
// was recorded in, and the capture is not shown among the new session's.
void tst_Listener::answerAfterAJournalSwitch()
{
    QTemporaryDir dir;
    const QString oldPath = dir.filePath(QStringLiteral("old.hkj"));
    const QString newPath = dir.filePath(QStringLiteral("new.hkj"));
    auto oldJournal = std::make_shared<Journal>();
    QString error;
    QVERIFY2(oldJournal->open(oldPath, &error), qPrintable(error));
    m_listener = std::make_unique<Listener>(oldJournal, CaptureIndex{});
    oldJournal.reset(); // the listener's now
    connect(m_listener.get(), &Listener::captured, this,
            [this](const CaptureBatch &b) { m_captures += b; });
    QVERIFY2(m_listener->start(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    HeldAnswers held(*m_listener);
    Client c(m_listener->port());
    c.send(post(kSeedBody));
    QTRY_COMPARE(held.count(), 1);
    auto newJournal = std::make_shared<Journal>();
    QVERIFY2(newJournal->open(newPath, &error), qPrintable(error));
    m_listener->setJournal(newJournal, CaptureRecorder(newJournal.get()));
    newJournal.reset();
    held.answer(0, ResponseAnswer{201, "text/plain", "late", 0});
    QCOMPARE(c.read().status, 201);
    m_listener->setAnswerer({});
    c.send(post(kSeedBody));
    QCOMPARE(c.read().status, 200);
    QTRY_COMPARE(m_captures.size(), 1); // only the new session's
    QCOMPARE(m_captures.first()->answerStatus, 200);
    const JournalReadResult before = JournalReader::read(oldPath);
    QCOMPARE(before.captures.size(), 1);
    QCOMPARE(before.captures.first()->answerStatus, 201);
    const JournalReadResult after = JournalReader::read(newPath);
    QCOMPARE(after.captures.size(), 1);
    QCOMPARE(after.captures.first()->answerStatus, 200);
}

// A delivery the journal cannot take is not acknowledged: 503, so that Hoox retries.
void tst_Listener::unwritableJournalAnswers503()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j.hkj"));
    Journal &journal = *(m_journal = std::make_unique<Journal>());
    QString error;
    QVERIFY2(journal.open(path, &error), qPrintable(error));
    startListener({}, &journal);
    QSignalSpy failed(m_listener.get(), &Listener::journalFailed);
    {
        Client c(m_listener->port());
        c.send(post(kSeedBody));
        QCOMPARE(c.read().status, 200);
    }
    {
        // The file may not grow: as on a full disk.
        rlimit original{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &original), 0);
        const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit tight = original;
        tight.rlim_cur = rlim_t(QFileInfo(path).size() + 10);
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &tight), 0);
        const auto restore = qScopeGuard([&] {
            setrlimit(RLIMIT_FSIZE, &original);
            std::signal(SIGXFSZ, oldHandler);
        });
        Client c(m_listener->port());
        c.send(post(kSeedBody));
        const Response r = c.read();
        QCOMPARE(r.status, 503);
        QVERIFY(r.body.startsWith("journal not writable"));
        QVERIFY(c.closedByServer());
    }
    QTRY_COMPARE(failed.size(), 1);
    Client c(m_listener->port());
    c.send(post(kSeedBody));
    QCOMPARE(c.read().status, 200); // writable again: received and kept
    QTRY_COMPARE(m_captures.size(), 2);
    const JournalReadResult read = JournalReader::read(path);
    QCOMPARE(read.captures.size(), 2);
    QCOMPARE(read.captures.at(1)->id, m_captures.at(1)->id);
    QCOMPARE(read.captures.at(1)->hoox.attempt, 2u); // the refused one left no trace in the group
}

QTEST_GUILESS_MAIN(tst_Listener)
#include "tst_listener.moc"
