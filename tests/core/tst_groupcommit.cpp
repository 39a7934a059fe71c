// SPDX-License-Identifier: MIT
// Group commit: an answer goes out only once its record is synced, one sync per event-loop pass,
// run beside the network thread while it stages the next group.
// The sync is replaced by one the test holds or fails; clients are real sockets on 127.0.0.1.
#include "capture/Journal.h"
#include "capture/JournalReader.h"
#include "listener/Listener.h"

#include <QFileInfo>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cerrno>

#include <sys/ioctl.h>

namespace {

const QByteArray kBody =
    QByteArrayLiteral("{\"task\":\"video_generate\",\"job_id\":\"run_1\",\"status\":\"completed\","
                      "\"result\":{\"video_id\":\"video_1\"}}");

QByteArray post(const QByteArray &body = kBody)
{
    return "POST /webhook/hoox HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
           "User-Agent: Hoox-API/1.0\r\nX-Hoox-Webhook: true\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// Bytes the kernel holds for `fd` that nobody has read: an answer the listener wrote.
int unread(int fd)
{
    int n = -1;
    return ::ioctl(fd, FIONREAD, &n) == 0 ? n : -1;
}

// A blocking client that reads Content-Length framed answers.
class Client {
public:
    explicit Client(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_socket.waitForConnected(5000);
    }
    int fd() const { return int(m_socket.socketDescriptor()); }
    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }
    // The status of the next answer and its body; status 0 when none came within the time.
    std::pair<int, QByteArray> read(int timeoutMs = 10000)
    {
        QDeadlineTimer deadline(timeoutMs);
        qsizetype end = -1;
        while ((end = m_buffer.indexOf("\r\n\r\n")) < 0 ||
               m_buffer.size() < end + 4 + contentLength(end)) {
            if (!m_socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
                return {0, {}};
            m_buffer += m_socket.readAll();
        }
        const int status = m_buffer.mid(9, 3).toInt();
        const qsizetype length = contentLength(end);
        const QByteArray body = m_buffer.mid(end + 4, length);
        m_buffer.remove(0, end + 4 + length);
        return {status, body};
    }

private:
    qsizetype contentLength(qsizetype headEnd) const
    {
        const QByteArray head = m_buffer.left(headEnd).toLower();
        const qsizetype at = head.indexOf("content-length:");
        return at < 0 ? 0 : head.mid(at + 15, head.indexOf('\r', at) - at - 15).trimmed().toInt();
    }
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

// A sync the test holds: each call announces itself, notes what the watched client had received
// when it began and when it was let go, and waits for a permit from the test.
class GatedSync {
public:
    Journal::SyncFunction function()
    {
        return [this](int fd) {
            const int received = m_watched >= 0 ? unread(m_watched) : 0;
            m_calls.fetch_add(1);
            m_entered.release();
            m_permits.acquire();
            m_receivedDuringSyncs.fetch_add(received + (m_watched >= 0 ? unread(m_watched) : 0));
            m_returned.fetch_add(1);
            const int failure = m_failWith.exchange(0);
            return failure != 0 ? failure : Journal::dataSync(fd);
        };
    }
    void watch(int fd) { m_watched = fd; }
    bool waitEntered() { return m_entered.tryAcquire(1, 30000); }
    void letGo(int n = 1) { m_permits.release(n); }
    void failNext(int code) { m_failWith = code; }
    int calls() const { return m_calls; }
    int returned() const { return m_returned; }
    int receivedDuringSyncs() const { return m_receivedDuringSyncs; }

private:
    QSemaphore m_entered;
    QSemaphore m_permits;
    std::atomic<int> m_watched{-1};
    std::atomic<int> m_calls{0};
    std::atomic<int> m_returned{0};
    std::atomic<int> m_receivedDuringSyncs{0};
    std::atomic<int> m_failWith{0};
};

Capture captureNumbered(quint64 id)
{
    Capture c;
    c.id = id;
    c.method = "POST";
    c.target = "/webhook/hoox";
    c.body = kBody;
    return c;
}

} // namespace

class tst_GroupCommit : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void stagedRecordsAreWrittenAndSyncedByCommit();
    void failedSyncCutsTheGroupOff();
    void noAnswerBeforeItsRecordIsSynced_data();
    void noAnswerBeforeItsRecordIsSynced();
    void requestsOfOnePassShareOneSync();
    void nextGroupIsStagedWhileASyncRuns();
    void failedSyncAlsoRefusesTheGroupStagedAfterIt();
    void failedSyncAnswers503_data();
    void failedSyncAnswers503();

private:
    void start();
    QString m_path;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<GatedSync> m_sync;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<Listener> m_listener;
};

void tst_GroupCommit::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(QStringLiteral("j.hkj"));
    m_sync = std::make_unique<GatedSync>();
    m_journal = std::make_unique<Journal>();
    QString error;
    QVERIFY2(m_journal->open(m_path, &error), qPrintable(error));
    m_journal->setSync(m_sync->function());
}

void tst_GroupCommit::cleanup()
{
    m_sync->letGo(1000); // a failed test must not leave the network thread waiting
    m_listener.reset();
    m_journal.reset();
    m_sync.reset();
    m_dir.reset();
}

void tst_GroupCommit::start()
{
    m_listener = std::make_unique<Listener>(m_journal.get(), CaptureIndex{});
    QString error;
    QVERIFY2(m_listener->start(QHostAddress::LocalHost, 0, &error), qPrintable(error));
}

void tst_GroupCommit::stagedRecordsAreWrittenAndSyncedByCommit()
{
    m_sync->letGo(1000);
    const qint64 empty = QFileInfo(m_path).size();
    QString error;
    for (quint64 id = 1; id <= 3; ++id)
        QVERIFY2(m_journal->stage(captureNumbered(id), &error), qPrintable(error));
    QCOMPARE(QFileInfo(m_path).size(), empty); // staged: nothing written yet
    QVERIFY(m_journal->hasStaged());
    QVERIFY2(m_journal->commit(&error), qPrintable(error));
    QCOMPARE(m_sync->calls(), 1);
    QCOMPARE(JournalReader::read(m_path).captures.size(), 3);
    QVERIFY2(m_journal->commit(&error), qPrintable(error)); // nothing new: no sync
    QCOMPARE(m_sync->calls(), 1);
}

void tst_GroupCommit::failedSyncCutsTheGroupOff()
{
    m_sync->letGo(1000);
    QString error;
    QVERIFY(m_journal->stage(captureNumbered(1), &error));
    QVERIFY(m_journal->commit(&error));
    const qint64 kept = QFileInfo(m_path).size();
    QVERIFY(m_journal->stage(captureNumbered(2), &error));
    QVERIFY(m_journal->stage(captureNumbered(3), &error));
    m_sync->failNext(EIO);
    QVERIFY(!m_journal->commit(&error));
    QVERIFY2(error.contains(qt_error_string(EIO)), qPrintable(error));
    QVERIFY2(error.contains(m_path), qPrintable(error));
    QCOMPARE(QFileInfo(m_path).size(), kept);
    QCOMPARE(m_journal->nextId(), quint64(2));
    QVERIFY(m_journal->stage(captureNumbered(2), &error));
    QVERIFY2(m_journal->commit(&error), qPrintable(error));
    const JournalReadResult read = JournalReader::read(m_path);
    QCOMPARE(read.warning, QString());
    QCOMPARE(read.captures.size(), 2);
    QCOMPARE(read.captures.last()->id, quint64(2));
}

void tst_GroupCommit::noAnswerBeforeItsRecordIsSynced_data()
{
    QTest::addColumn<int>("delayMs");
    QTest::addColumn<bool>("answerer");
    QTest::addRow("the rule's answer") << 0 << false;
    QTest::addRow("the rule's answer after a delay") << 50 << false;
    QTest::addRow("an answerer's answer") << 0 << true;
}

// While the sync of its record runs, not one byte of the answer has reached the client, and an
// answerer (a forward) has not even been asked.
void tst_GroupCommit::noAnswerBeforeItsRecordIsSynced()
{
    QFETCH(int, delayMs);
    QFETCH(bool, answerer);
    start();
    ResponseRule rule;
    rule.delayMs = delayMs;
    m_listener->policy()->setRule(rule);
    std::atomic<int> askedBeforeSync{-1};
    if (answerer) {
        m_listener->setAnswerer([&](const CapturePtr &, const ResponseAnswer &proposed,
                                    std::function<void(const ResponseAnswer &)> done) {
            askedBeforeSync = m_sync->returned() == 0 ? 1 : 0;
            done(ResponseAnswer{202, proposed.contentType, "forwarded", 0});
        });
    }
    Client c(m_listener->port());
    m_sync->watch(c.fd());
    c.send(post());
    QVERIFY(m_sync->waitEntered()); // the record is written and being synced
    QCOMPARE(unread(c.fd()), 0);
    QCOMPARE(JournalReader::read(m_path).captures.size(), 1);
    m_sync->letGo();
    QCOMPARE(c.read().first, answerer ? 202 : 200);
    QCOMPARE(m_sync->receivedDuringSyncs(), 0);
    if (answerer)
        QCOMPARE(askedBeforeSync.load(), 0);
}

// Requests completed in one pass are synced together: eight pipelined on one connection, then
// four from four connections that arrived while the previous sync ran.
void tst_GroupCommit::requestsOfOnePassShareOneSync()
{
    start();
    Client pipelining(m_listener->port());
    pipelining.send(post() + post() + post() + post() + post() + post() + post() + post());
    QVERIFY(m_sync->waitEntered());
    m_sync->letGo();
    for (int i = 0; i < 8; ++i)
        QCOMPARE(pipelining.read().first, 200);
    QCOMPARE(m_sync->calls(), 1);

    Client first(m_listener->port());
    first.send(post());
    QVERIFY(m_sync->waitEntered());
    std::vector<std::unique_ptr<Client>> others;
    for (int i = 0; i < 4; ++i) {
        others.push_back(std::make_unique<Client>(m_listener->port()));
        others.back()->send(post());
    }
    QTRY_COMPARE(m_listener->stagedCount(), 4);
    m_sync->letGo();
    QCOMPARE(first.read().first, 200);
    QVERIFY(m_sync->waitEntered());
    m_sync->letGo();
    for (const auto &c : others)
        QCOMPARE(c->read().first, 200);
    QCOMPARE(m_sync->calls(), 3);
    QCOMPARE(JournalReader::read(m_path).captures.size(), 13);
}

// The sync runs beside the network thread: while one group's sync is held, the requests that
// arrive are read, parsed and staged as the next group, which is written only once that sync
// returned and answered only once its own did.
void tst_GroupCommit::nextGroupIsStagedWhileASyncRuns()
{
    start();
    Client first(m_listener->port());
    m_sync->watch(first.fd());
    first.send(post());
    QVERIFY(m_sync->waitEntered());
    Client second(m_listener->port());
    second.send(post() + post());
    QTRY_COMPARE(m_listener->stagedCount(), 2); // the network thread is not held by the sync
    QCOMPARE(m_listener->connectionCount(), 2);
    QCOMPARE(unread(first.fd()), 0);
    QCOMPARE(unread(second.fd()), 0);
    QCOMPARE(JournalReader::read(m_path).captures.size(), 1); // staged, not written yet

    m_sync->watch(second.fd());
    m_sync->letGo();
    QCOMPARE(first.read().first, 200);
    QVERIFY(m_sync->waitEntered()); // the second group's own sync
    QCOMPARE(unread(second.fd()), 0);
    QCOMPARE(JournalReader::read(m_path).captures.size(), 3);
    m_sync->letGo();
    QCOMPARE(second.read().first, 200);
    QCOMPARE(second.read().first, 200);
    QCOMPARE(m_sync->calls(), 2);
    QCOMPARE(m_sync->receivedDuringSyncs(), 0);
}

// A failed sync cuts off the group staged after it too (its records were placed after the
// group's): both are answered 503, and neither is kept.
void tst_GroupCommit::failedSyncAlsoRefusesTheGroupStagedAfterIt()
{
    start();
    QSignalSpy failed(m_listener.get(), &Listener::journalFailed);
    Client first(m_listener->port());
    first.send(post());
    QVERIFY(m_sync->waitEntered());
    Client second(m_listener->port());
    second.send(post());
    QTRY_COMPARE(m_listener->stagedCount(), 1);
    m_sync->failNext(EIO);
    m_sync->letGo(1000);
    QCOMPARE(first.read().first, 503);
    QCOMPARE(second.read().first, 503);
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(JournalReader::read(m_path).captures.size(), 0);
    Client third(m_listener->port());
    third.send(post());
    QCOMPARE(third.read().first, 200);
    const JournalReadResult read = JournalReader::read(m_path);
    QCOMPARE(read.captures.size(), 1);
    QCOMPARE(read.warning, QString());
}

void tst_GroupCommit::failedSyncAnswers503_data()
{
    QTest::addColumn<int>("code");
    QTest::addRow("EIO") << EIO;
    QTest::addRow("ENOSPC") << ENOSPC;
}

// A group whose sync fails is not acknowledged: 503 with the reason, reported like a failed
// write, not shown and not kept; the next delivery is the first attempt of its key again.
void tst_GroupCommit::failedSyncAnswers503()
{
    QFETCH(int, code);
    start();
    CaptureBatch shown;
    connect(m_listener.get(), &Listener::captured, this,
            [&shown](const CaptureBatch &b) { shown += b; });
    QSignalSpy failed(m_listener.get(), &Listener::journalFailed);
    m_sync->letGo(1000);
    m_sync->failNext(code);
    {
        Client c(m_listener->port());
        c.send(post());
        const auto [status, body] = c.read();
        QCOMPARE(status, 503);
        QVERIFY2(body.contains("journal not writable") &&
                     body.contains(qt_error_string(code).toUtf8()),
                 body.constData());
    }
    QTRY_VERIFY(failed.size() >= 1);
    QVERIFY2(failed.first().first().toString().contains(qt_error_string(code)),
             qPrintable(failed.first().first().toString()));
    QCOMPARE(JournalReader::read(m_path).captures.size(), 0);
    Client c(m_listener->port());
    c.send(post());
    QCOMPARE(c.read().first, 200);
    QTRY_COMPARE(shown.size(), 1);
    QCOMPARE(shown.first()->hoox.attempt, 1u);
    const JournalReadResult read = JournalReader::read(m_path);
    QCOMPARE(read.captures.size(), 1);
    QCOMPARE(read.captures.first()->id, shown.first()->id);
}

QTEST_GUILESS_MAIN(tst_GroupCommit)
#include "tst_groupcommit.moc"
