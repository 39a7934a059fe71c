// SPDX-License-Identifier: MIT
// Hostile and broken clients against the listener, over real sockets on 127.0.0.1, port 0:
// slow heads, a thousand concurrent deliveries, floods past the connection limit, bodies far
// over the limit, half-open and idle sockets. The listener runs on its own thread; the clients
// here run on the test's event loop, so that hundreds of them are in flight at once.
#include "listener/Listener.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <functional>
#include <limits>
#include <memory>
#include <vector>

#include <sys/resource.h>
#include <sys/socket.h>

namespace {

const QByteArray kSeedBody = QByteArrayLiteral(
    "{\"task\":\"video_generate\",\"job_id\":\"run_01234567890abcdef\",\"status\":\"completed\","
    "\"result\":{\"video_id\":\"video_abcdef1234567890\",\"cost\":5}}");

QByteArray post(const QByteArray &body, const QByteArray &target = "/webhook/hoox")
{
    return "POST " + target +
           " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
           "User-Agent: Hoox-API/1.0\r\nX-Hoox-Webhook: true\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// One client on the test's event loop: connects, optionally sends, and notes the status of the
// first answer and when the server closed.
class AsyncClient {
public:
    AsyncClient(quint16 port, QByteArray request, QElapsedTimer *clock)
        : m_clock(clock)
    {
        QObject::connect(&socket, &QTcpSocket::connected, &socket, [this, request] {
            if (!request.isEmpty())
                socket.write(request);
        });
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [this] { onReadyRead(); });
        QObject::connect(&socket, &QTcpSocket::disconnected, &socket, [this] { closed = true; });
        QObject::connect(&socket, &QTcpSocket::errorOccurred, &socket,
                         [this](QAbstractSocket::SocketError e) {
                             if (e == QAbstractSocket::RemoteHostClosedError)
                                 closed = true;
                         });
        socket.connectToHost(QHostAddress::LocalHost, port);
    }

    QTcpSocket socket;
    QByteArray received;
    int status = 0;
    qint64 answeredAtMs = -1;
    bool closed = false;

private:
    void onReadyRead()
    {
        received += socket.readAll();
        if (status == 0 && received.contains("\r\n\r\n")) {
            status = received.mid(9, 3).toInt();
            answeredAtMs = m_clock->elapsed();
        }
    }
    QElapsedTimer *m_clock;
};

using Clients = std::vector<std::unique_ptr<AsyncClient>>;

int countIf(const Clients &clients, const std::function<bool(const AsyncClient &)> &pred)
{
    int n = 0;
    for (const auto &c : clients)
        n += pred(*c) ? 1 : 0;
    return n;
}

// Each connection here costs two descriptors (client and server side) in this one process.
bool raiseFileLimit(rlim_t wanted)
{
    rlimit rl{};
    if (::getrlimit(RLIMIT_NOFILE, &rl) != 0)
        return false;
    if (rl.rlim_cur >= wanted)
        return true;
    rl.rlim_cur = qMin(wanted, rl.rlim_max);
    return ::setrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur >= wanted;
}

} // namespace

class tst_HostileClients : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void slowlorisIsCutWithoutDelayingOthers();
    void thousandConcurrentDeliveries();
    void pastTheConnectionLimit();
    void bodyFarOverTheLimit_data();
    void bodyFarOverTheLimit();
    void halfOpenAndIdleSocketsAreReaped();
    void accessToken_data();
    void accessToken();
    void accessTokenCheckedBeforeTheBody_data();
    void accessTokenCheckedBeforeTheBody();

private:
    void startListener(const HttpLimits &limits = {});
    std::unique_ptr<Listener> m_listener;
    CaptureBatch m_captures;
    QElapsedTimer m_clock;
};

void tst_HostileClients::init()
{
    m_captures.clear();
    m_clock.start();
}

void tst_HostileClients::cleanup()
{
    m_listener.reset();
}

void tst_HostileClients::startListener(const HttpLimits &limits)
{
    m_listener = std::make_unique<Listener>(nullptr, CaptureIndex{}, limits);
    connect(m_listener.get(), &Listener::captured, this,
            [this](const CaptureBatch &b) { m_captures += b; });
    QString error;
    QVERIFY2(m_listener->start(QHostAddress::LocalHost, 0, &error), qPrintable(error));
}

void tst_HostileClients::slowlorisIsCutWithoutDelayingOthers()
{
    HttpLimits limits;
    limits.headTimeoutMs = 8000; // its half bounds a quick answer on a loaded, sanitized machine
    startListener(limits);
    constexpr int kSlow = 200;
    Clients slow;
    for (int i = 0; i < kSlow; ++i)
        slow.push_back(std::make_unique<AsyncClient>(m_listener->port(),
                                                     "POST /webhook/hoox HTTP/1.1\r\n", &m_clock));
    // Each slow client keeps its head alive with a header line every 100 ms, and never ends it.
    QTimer trickle;
    connect(&trickle, &QTimer::timeout, this, [&slow] {
        for (auto &c : slow) {
            if (c->socket.state() == QAbstractSocket::ConnectedState)
                c->socket.write("X-Slow: 1\r\n");
        }
    });
    trickle.start(100);
    QTRY_COMPARE(m_listener->connectionCount(), kSlow);
    // Deliveries meanwhile, all at once, are answered at once: the slow heads hold no one up.
    Clients quick;
    const qint64 quickSentAt = m_clock.elapsed();
    for (int i = 0; i < 20; ++i)
        quick.push_back(
            std::make_unique<AsyncClient>(m_listener->port(), post(kSeedBody), &m_clock));
    QTRY_COMPARE(countIf(quick, [](const AsyncClient &c) { return c.status == 200; }), 20);
    qint64 slowestQuick = 0;
    for (const auto &c : quick)
        slowestQuick = qMax(slowestQuick, c->answeredAtMs - quickSentAt);
    QTRY_VERIFY_WITH_TIMEOUT(countIf(slow, [](const AsyncClient &c) { return c.closed; }) == kSlow,
                             limits.headTimeoutMs + 10'000);
    QCOMPARE(countIf(slow, [](const AsyncClient &c) { return c.status == 408; }), kSlow);
    qint64 firstCut = std::numeric_limits<qint64>::max();
    for (const auto &c : slow)
        firstCut = qMin(firstCut, c->answeredAtMs);
    // Every quick delivery came through without waiting for the slow heads to be cut: well
    // within the head timeout, however long setting up 200 slow clients took on this machine.
    QVERIFY2(slowestQuick < limits.headTimeoutMs / 2,
             qPrintable(QStringLiteral("the slowest quick delivery took %1 ms").arg(slowestQuick)));
    QVERIFY(firstCut >= limits.headTimeoutMs); // and the slow ones were cut at their deadline
    QCOMPARE(m_captures.size(), 20);
}

void tst_HostileClients::thousandConcurrentDeliveries()
{
    constexpr int kClients = 1000;
    if (!raiseFileLimit(2 * kClients + 200))
        QSKIP("RLIMIT_NOFILE too low for 1,000 connections in one process");
    startListener(); // the default limit: 1,000 connections
    Clients clients;
    for (int i = 0; i < kClients; ++i)
        clients.push_back(
            std::make_unique<AsyncClient>(m_listener->port(), post(kSeedBody), &m_clock));
    QTRY_VERIFY_WITH_TIMEOUT(
        countIf(clients, [](const AsyncClient &c) { return c.status != 0; }) == kClients, 120'000);
    QCOMPARE(countIf(clients, [](const AsyncClient &c) { return c.status == 200; }), kClients);
    QTRY_COMPARE(m_captures.size(), kClients);
    QSet<quint64> ids;
    for (const CapturePtr &c : std::as_const(m_captures))
        ids.insert(c->id);
    QCOMPARE(ids.size(), kClients);
}

void tst_HostileClients::pastTheConnectionLimit()
{
    HttpLimits limits;
    limits.maxConnections = 50;
    startListener(limits);
    Clients held;
    for (int i = 0; i < limits.maxConnections; ++i)
        held.push_back(std::make_unique<AsyncClient>(m_listener->port(), QByteArray(), &m_clock));
    QTRY_COMPARE(m_listener->connectionCount(), limits.maxConnections);
    // Twice the limit again, all at once: each is answered 503 and closed, or at worst (past
    // twice the limit) closed outright; none is left hanging.
    Clients extra;
    for (int i = 0; i < 2 * limits.maxConnections; ++i)
        extra.push_back(
            std::make_unique<AsyncClient>(m_listener->port(), post(kSeedBody), &m_clock));
    QTRY_VERIFY_WITH_TIMEOUT(
        countIf(extra, [](const AsyncClient &c) { return c.closed; }) == int(extra.size()), 10'000);
    QCOMPARE(countIf(extra, [](const AsyncClient &c) { return c.status != 0 && c.status != 503; }),
             0);
    QVERIFY(countIf(extra, [](const AsyncClient &c) { return c.status == 503; }) >=
            limits.maxConnections);
    QVERIFY(extra.front()->received.contains("Connection: close"));
    QCOMPARE(m_captures.size(), 0);
    // The connections within the limit still deliver.
    held.front()->socket.write(post(kSeedBody));
    QTRY_COMPARE(held.front()->status, 200);
    QTRY_COMPARE(m_listener->connectionCount(), limits.maxConnections);
}

void tst_HostileClients::bodyFarOverTheLimit_data()
{
    QTest::addColumn<bool>("chunked");
    QTest::addRow("content-length") << false;
    QTest::addRow("chunked") << true;
}

// A 1 GiB body against a 1 MiB limit: refused as soon as the head (Content-Length) or the chunk
// sizes show it, while the client has sent only a sliver of it.
void tst_HostileClients::bodyFarOverTheLimit()
{
    QFETCH(bool, chunked);
    HttpLimits limits;
    limits.maxBodyBytes = 1024 * 1024;
    startListener(limits);
    constexpr qint64 kDeclared = qint64(1024) * 1024 * 1024;
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, m_listener->port());
    QVERIFY(s.waitForConnected(5000));
    s.write("POST /webhook/hoox HTTP/1.1\r\nHost: x\r\n" +
            (chunked ? QByteArray("Transfer-Encoding: chunked\r\n")
                     : "Content-Length: " + QByteArray::number(kDeclared) + "\r\n") +
            "\r\n");
    const QByteArray piece(64 * 1024, 'x');
    const QByteArray chunk = "10000\r\n" + piece + "\r\n";
    qint64 sent = 0;
    QByteArray answer;
    while (sent < kDeclared && !answer.contains("\r\n\r\n")) {
        if (s.state() != QAbstractSocket::ConnectedState)
            break; // the server may close right after answering
        s.write(chunked ? chunk : piece);
        s.waitForBytesWritten(5000);
        sent += piece.size();
        if (s.waitForReadyRead(0) || s.bytesAvailable() > 0)
            answer += s.readAll();
    }
    for (QDeadlineTimer d(5000); !answer.contains("\r\n\r\n") && !d.hasExpired();) {
        if (s.waitForReadyRead(100))
            answer += s.readAll();
    }
    QVERIFY2(answer.startsWith("HTTP/1.1 413 "), answer.left(80).constData());
    QVERIFY2(sent < 16 * limits.maxBodyBytes, QByteArray::number(sent).constData());
    QCOMPARE(m_captures.size(), 0);
}

void tst_HostileClients::halfOpenAndIdleSocketsAreReaped()
{
    HttpLimits limits;
    limits.headTimeoutMs = 500;
    limits.idleTimeoutMs = 500;
    startListener(limits);
    const quint16 port = m_listener->port();
    Clients clients;
    // Connects and says nothing; answered, then silent; half a head, then shuts its side;
    // a head and half a body, then silent; half a body, then shuts its side.
    clients.push_back(std::make_unique<AsyncClient>(port, QByteArray(), &m_clock));
    clients.push_back(std::make_unique<AsyncClient>(port, post(kSeedBody), &m_clock));
    clients.push_back(std::make_unique<AsyncClient>(port, "POST / HTTP/1.1\r\nHo", &m_clock));
    clients.push_back(std::make_unique<AsyncClient>(port, post(kSeedBody).chopped(10), &m_clock));
    clients.push_back(std::make_unique<AsyncClient>(port, post(kSeedBody).chopped(10), &m_clock));
    QTRY_COMPARE(m_listener->connectionCount(), 5);
    for (int half : {2, 4}) {
        QTRY_VERIFY(clients[half]->socket.bytesToWrite() == 0);
        ::shutdown(int(clients[half]->socket.socketDescriptor()), SHUT_WR);
    }
    QTRY_VERIFY_WITH_TIMEOUT(countIf(clients, [](const AsyncClient &c) { return c.closed; }) == 5,
                             10'000);
    QTRY_COMPARE(m_listener->connectionCount(), 0);
    QCOMPARE(clients[1]->status, 200);
    QCOMPARE(clients[3]->status, 408); // a stalled body is told why
    QCOMPARE(m_captures.size(), 1);
}

void tst_HostileClients::accessToken_data()
{
    QTest::addColumn<bool>("headerOnly");
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    const QByteArray token = "s3cr3t-T0ken_x";
    QTest::addRow("none") << false << post(kSeedBody) << 401;
    QTest::addRow("path") << false << post(kSeedBody, "/webhook/hoox/" + token) << 200;
    QTest::addRow("path and query")
        << false << post(kSeedBody, "/webhook/hoox/" + token + "?a=1") << 200;
    QTest::addRow("wrong path") << false << post(kSeedBody, "/webhook/hoox/" + token + "x") << 401;
    QTest::addRow("in the query only")
        << false << post(kSeedBody, "/webhook/hoox?t=/" + token) << 401;
    QByteArray withHeader = post(kSeedBody);
    withHeader.replace("Host:", QByteArray("X-HookScope-Token: " + token + "\r\nHost:"));
    QTest::addRow("header") << false << withHeader << 200;
    QTest::addRow("header only, header") << true << withHeader << 200;
    QTest::addRow("header only, path") << true << post(kSeedBody, "/webhook/hoox/" + token) << 401;
    QByteArray twice = withHeader;
    twice.replace("Host:", "X-HookScope-Token: other\r\nHost:");
    QTest::addRow("header twice") << false << twice << 401;
}

void tst_HostileClients::accessToken()
{
    QFETCH(bool, headerOnly);
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    startListener();
    m_listener->setAccessToken(
        AccessToken("s3cr3t-T0ken_x", headerOnly ? AccessToken::Place::HeaderOnly
                                                 : AccessToken::Place::PathOrHeader));
    AsyncClient c(m_listener->port(), request, &m_clock);
    QTRY_COMPARE(c.status, status);
    QTRY_COMPARE(m_captures.size(), 1);
    const Capture &cap = *m_captures.first();
    QCOMPARE(cap.refused, status == 401);
    QCOMPARE(cap.answerStatus, status);
    // Shown as received, to tell what was turned away; a refused body was never read.
    QCOMPARE(cap.body, status == 401 ? QByteArray() : kSeedBody);
    QCOMPARE(cap.hoox.key.isEmpty(), status == 401); // and kept out of the job's retry chain
    if (status == 401) {
        QTRY_VERIFY(c.received.endsWith('\n'));
        const QByteArray body = c.received.mid(c.received.indexOf("\r\n\r\n") + 4);
        QCOMPARE(body.count('\n'), 1);
        QVERIFY(c.closed || c.received.contains("Connection: close"));
    }
}

void tst_HostileClients::accessTokenCheckedBeforeTheBody_data()
{
    QTest::addColumn<qint64>("maxBodyBytes");
    QTest::addColumn<QByteArray>("extra");
    // Under the default limit the head alone would have drawn a 413; under a limit above the
    // body, the listener would have waited for the body.
    QTest::addRow("default limit") << HttpLimits{}.maxBodyBytes << QByteArray();
    QTest::addRow("limit above the body") << qint64(2) * 1024 * 1024 * 1024 << QByteArray();
    QTest::addRow("expect 100-continue")
        << qint64(2) * 1024 * 1024 * 1024 << QByteArray("Expect: 100-continue\r\n");
}

// A client without the token declares 1 GiB and sends only the head: it gets 401 at once (not a
// 413, a 100 Continue or a wait for the body) and the connection closes.
void tst_HostileClients::accessTokenCheckedBeforeTheBody()
{
    QFETCH(qint64, maxBodyBytes);
    QFETCH(QByteArray, extra);
    HttpLimits limits;
    limits.maxBodyBytes = maxBodyBytes;
    limits.idleTimeoutMs = 60'000; // a stalled body would not be cut within the test's wait
    startListener(limits);
    m_listener->setAccessToken(AccessToken("s3cr3t-T0ken_x", AccessToken::Place::PathOrHeader));
    const QByteArray head = "POST /webhook/hoox HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra +
                            "Content-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n";
    AsyncClient c(m_listener->port(), head, &m_clock);
    QTRY_VERIFY(c.status != 0);
    QCOMPARE(c.status, 401);
    QVERIFY(c.received.contains("Connection: close"));
    QTRY_VERIFY(c.received.endsWith('\n'));
    QVERIFY(c.received.contains("access token"));
    QTRY_VERIFY(c.closed);
    QTRY_COMPARE(m_captures.size(), 1);
    QVERIFY(m_captures.first()->refused);
    QCOMPARE(m_captures.first()->headers.value("content-length"), QByteArray("1073741824"));
    QVERIFY(m_captures.first()->body.isEmpty());
}

QTEST_GUILESS_MAIN(tst_HostileClients)
#include "tst_hostileclients.moc"
