// SPDX-License-Identifier: MIT
// Recovery from the ngrok agent's request list: the parser on its own, then the whole path
// against a fake agent: polled, recorded through the listener, journaled, recovered once.
#include "capture/CaptureStore.h"
#include "capture/JournalReader.h"
#include "helpers/FakeNgrokAgent.h"
#include "listener/Listener.h"
#include "ngrok/NgrokRequests.h"
#include "ngrok/NgrokWatcher.h"
#include "session/NgrokRecovery.h"
#include "session/SessionEngine.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace FakeNgrok;

namespace {
QJsonObject missed(const QString &id, const QByteArray &jobId, int second = 0)
{
    return entry(id, hooxRequest(jobId), ngrokError502(), 502,
                 QStringLiteral("2026-12-01T10:00:0%1.123456789Z").arg(second));
}

QJsonObject withField(QJsonObject o, const QString &name, const QJsonValue &value)
{
    if (value.isUndefined())
        o.remove(name);
    else
        o.insert(name, value);
    return o;
}

QJsonObject withRaw(QJsonObject o, const QJsonValue &raw)
{
    QJsonObject request = o.value(QStringLiteral("request")).toObject();
    request.insert(QStringLiteral("raw"), raw);
    o.insert(QStringLiteral("request"), request);
    return o;
}

// Three deliveries ngrok answered itself, one HookScope answered, one to another tunnel.
QJsonArray threeMissed()
{
    return {missed(QStringLiteral("airt_3"), "job_1", 3),
            missed(QStringLiteral("airt_2"), "job_1", 2),
            entry(QStringLiteral("airt_h"), hooxRequest("job_2"), hookScopeAnswer(), 200),
            withField(missed(QStringLiteral("airt_o"), "job_3"), QStringLiteral("tunnel_name"),
                      QStringLiteral("other")),
            missed(QStringLiteral("airt_1"), "job_1", 1)};
}
} // namespace

class tst_NgrokRecovery : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void parseReportsBrokenEntries_data();
    void parseReportsBrokenEntries();
    void parseBoundsTheAnswer();
    void fate_data();
    void fate();
    void startKeepsMilliseconds();
    void missedDeliveriesAreRecoveredOnce();
    void brokenEntriesAreReportedOnce();
    void unansweredRequestsWaitForTheListener();
    void nothingIsPolledBeforeTheJournalSaysWhatWasRecovered();

private:
    bool start(FakeNgrokAgent &agent);
    void stop();
    bool waitForPolls(int polls);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SessionEngine> m_engine;
    std::unique_ptr<NgrokWatcher> m_watcher;
};

void tst_NgrokRecovery::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

void tst_NgrokRecovery::cleanup()
{
    stop();
    m_dir.reset();
}

bool tst_NgrokRecovery::start(FakeNgrokAgent &agent)
{
    m_engine = std::make_unique<SessionEngine>();
    SessionOptions options;
    options.journalPath = m_dir->filePath(QStringLiteral("journal.hkj"));
    QString error;
    if (!m_engine->open(options, &error) ||
        !m_engine->startListening(QHostAddress::LocalHost, 0, &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    agent.setPort(m_engine->listener()->port());
    m_watcher = std::make_unique<NgrokWatcher>();
    m_watcher->setApiUrl(agent.url());
    m_watcher->setInterval(50);
    m_engine->watchNgrok(m_watcher.get());
    m_watcher->setPort(m_engine->listener()->port());
    m_watcher->start();
    return true;
}

void tst_NgrokRecovery::stop()
{
    m_watcher.reset();
    m_engine.reset();
}

bool tst_NgrokRecovery::waitForPolls(int polls)
{
    QSignalSpy spy(m_engine->ngrokRecovery(), &NgrokRecovery::pollFinished);
    while (spy.size() < polls) {
        if (!spy.wait(20'000))
            return false;
    }
    return true;
}

void tst_NgrokRecovery::parseReportsBrokenEntries_data()
{
    QTest::addColumn<QJsonValue>("broken");
    QTest::addColumn<QString>("words");
    const QJsonObject good = missed(QStringLiteral("airt_x"), "job_x");
    QTest::addRow("not an object") << QJsonValue(42) << QStringLiteral("not a JSON object");
    QTest::addRow("no id") << QJsonValue(withField(good, QStringLiteral("id"), QJsonValue()))
                           << QStringLiteral("no usable id");
    QTest::addRow("id a number") << QJsonValue(withField(good, QStringLiteral("id"), 7))
                                 << QStringLiteral("no usable id");
    QTest::addRow("no start") << QJsonValue(withField(good, QStringLiteral("start"), QJsonValue()))
                              << QStringLiteral("RFC 3339");
    QTest::addRow("start a number")
        << QJsonValue(withField(good, QStringLiteral("start"), 1)) << QStringLiteral("RFC 3339");
    QTest::addRow("no request") << QJsonValue(
                                       withField(good, QStringLiteral("request"), QJsonValue()))
                                << QStringLiteral("no request.raw");
    QTest::addRow("raw a number") << QJsonValue(withRaw(good, 12))
                                  << QStringLiteral("no request.raw");
    QTest::addRow("raw not base64") << QJsonValue(withRaw(good, QStringLiteral("%%% not base64")))
                                    << QStringLiteral("not base64");
    QTest::addRow("response a string")
        << QJsonValue(withField(good, QStringLiteral("response"), QStringLiteral("502")))
        << QStringLiteral("neither an object nor null");
    QTest::addRow("status a string")
        << QJsonValue(
               withField(good, QStringLiteral("response"),
                         QJsonObject{{QStringLiteral("status_code"), QStringLiteral("502")}}))
        << QStringLiteral("no status_code");
}

void tst_NgrokRecovery::parseReportsBrokenEntries()
{
    QFETCH(QJsonValue, broken);
    QFETCH(QString, words);
    const NgrokRequestList list =
        NgrokRequests::parse(requestList({missed(QStringLiteral("airt_1"), "job_1"), broken}));
    QVERIFY(list.error.isEmpty());
    QCOMPARE(list.entries.size(), 1);
    QCOMPARE(list.entries.at(0).id, QStringLiteral("airt_1"));
    QCOMPARE(list.entries.at(0).raw, hooxRequest("job_1"));
    QCOMPARE(list.problems.size(), 1);
    QVERIFY2(list.problems.at(0).message.contains(words), qPrintable(list.problems.at(0).message));
    // The same broken entry has the same key in the next poll, so it is reported once.
    QCOMPARE(NgrokRequests::parse(requestList({broken})).problems.at(0).key,
             list.problems.at(0).key);
}

void tst_NgrokRecovery::parseBoundsTheAnswer()
{
    NgrokRequests::Limits limits;
    limits.maxEntries = 2;
    limits.maxRawBytes = 100;
    QJsonArray entries{missed(QStringLiteral("a"), "job_1"),
                       entry(QStringLiteral("b"), QByteArray(200, 'x'), {}, 0),
                       missed(QStringLiteral("c"), "job_1")};
    NgrokRequestList list = NgrokRequests::parse(requestList(entries), limits);
    QCOMPARE(list.entries.size(), 0); // "a" is larger than 100 bytes too
    QCOMPARE(list.problems.size(), 3);
    QVERIFY(list.problems.at(0).message.contains(QStringLiteral("reads the first 2")));

    limits.maxAnswerBytes = 10;
    list = NgrokRequests::parse(requestList(entries), limits);
    QVERIFY(list.error.contains(QStringLiteral("more than HookScope reads")));
    for (const QByteArray &junk :
         {QByteArray("<html>"), QByteArray("{\"requests\":{}}"), QByteArray("[]"), QByteArray()}) {
        list = NgrokRequests::parse(junk);
        QVERIFY(!list.error.isEmpty());
        QVERIFY(list.entries.isEmpty());
    }
}

void tst_NgrokRecovery::fate_data()
{
    using F = NgrokRequests::Fate;
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("fate");
    QTest::addRow("ngrok's 502 page") << ngrokError502() << 502 << int(F::AnsweredByNgrok);
    QTest::addRow("HookScope's answer") << hookScopeAnswer() << 200 << int(F::AnsweredByHookScope);
    QTest::addRow("HookScope's 503")
        << QByteArray("HTTP/1.1 503 Service Unavailable\r\nServer: HookScope\r\n\r\n") << 503
        << int(F::AnsweredByHookScope);
    QTest::addRow("no answer") << QByteArray() << 0 << int(F::NoAnswer);
    QTest::addRow("502 without bytes") << QByteArray() << 502 << int(F::AnsweredByNgrok);
    QTest::addRow("another server") << QByteArray("HTTP/1.1 200 OK\r\nServer: nginx\r\n\r\nhi")
                                    << 200 << int(F::AnsweredByOther);
}

void tst_NgrokRecovery::fate()
{
    QFETCH(QByteArray, response);
    QFETCH(int, status);
    QFETCH(int, fate);
    const NgrokRequestList list = NgrokRequests::parse(
        requestList({entry(QStringLiteral("a"), hooxRequest("j"), response, status)}));
    QCOMPARE(list.entries.size(), 1);
    QCOMPARE(int(NgrokRequests::fate(list.entries.at(0))), fate);
}

void tst_NgrokRecovery::startKeepsMilliseconds()
{
    const NgrokRequestList list = NgrokRequests::parse(
        requestList({entry(QStringLiteral("a"), hooxRequest("j"), {}, 0,
                           QStringLiteral("2026-12-01T11:00:00.123456789+01:00"))}));
    QCOMPARE(list.entries.size(), 1);
    QCOMPARE(list.entries.at(0).startMs,
             QDateTime::fromString(QStringLiteral("2026-12-01T10:00:00.123Z"), Qt::ISODateWithMs)
                 .toMSecsSinceEpoch());
}

void tst_NgrokRecovery::missedDeliveriesAreRecoveredOnce()
{
    FakeNgrokAgent agent;
    agent.setRequests(requestList(threeMissed()));
    QVERIFY(start(agent));
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->store()->size(), 3, 20'000);
    QVERIFY(waitForPolls(2));
    QCOMPARE(m_engine->store()->size(), 3);
    const JournalReadResult read = JournalReader::read(m_engine->journalPath());
    QCOMPARE(read.captures.size(), 3);
    const QStringList ids{QStringLiteral("airt_1"), QStringLiteral("airt_2"),
                          QStringLiteral("airt_3")};
    for (int i = 0; i < 3; ++i) {
        const Capture &c = *read.captures.at(i);
        QVERIFY(c.recovered);
        QCOMPARE(c.source, QStringLiteral("ngrok:") + ids.at(i));
        QCOMPARE(c.answerStatus, quint16(502));
        QCOMPARE(c.peer, QStringLiteral("203.0.113.7 via ngrok"));
        QCOMPARE(c.hoox.attempt, quint32(i + 1));
        // The bytes ngrok kept: the same head fields and body.
        const QByteArray raw = hooxRequest("job_1");
        QCOMPARE(c.body, raw.mid(raw.indexOf("\r\n\r\n") + 4));
        QByteArray head = c.method + ' ' + c.target + " HTTP/1.1\r\n";
        for (const HttpHeader &h : c.headers)
            head += h.name + ": " + h.value + "\r\n";
        QCOMPARE(head + "\r\n" + c.body, raw);
        QCOMPARE(c.receivedAt().toString(Qt::ISODateWithMs),
                 QStringLiteral("2026-12-01T10:00:0%1.123Z").arg(i + 1));
    }
    QCOMPARE(m_engine->store()->row(0).flags & CaptureStore::Recovered, CaptureStore::Recovered);

    // A restart on the same journal finds them recovered already.
    stop();
    QVERIFY(start(agent));
    QCOMPARE(m_engine->store()->size(), 3);
    QVERIFY(waitForPolls(3));
    QCOMPARE(m_engine->store()->size(), 3);
    QCOMPARE(JournalReader::read(m_engine->journalPath()).captures.size(), 3);
}

// At start the journal is read while the window shows: until it says which ngrok requests were
// recovered already, a poll would take them again. None is made.
void tst_NgrokRecovery::nothingIsPolledBeforeTheJournalSaysWhatWasRecovered()
{
    FakeNgrokAgent agent;
    agent.setRequests(requestList(threeMissed()));
    Listener listener;
    NgrokRecovery recovery(&listener);
    QSignalSpy finished(&recovery, &NgrokRecovery::pollFinished);
    const QStringList tunnels{QStringLiteral("command_line")};
    recovery.waitForRecovered();
    recovery.poll(agent.url(), tunnels);
    QTest::qWait(200);
    QCOMPARE(agent.hits("/api/requests/http"), 0);
    QCOMPARE(finished.size(), 0);
    recovery.setRecovered({});
    recovery.poll(agent.url(), tunnels);
    QVERIFY(finished.wait(10'000));
    QCOMPARE(agent.hits("/api/requests/http"), 1);
}

void tst_NgrokRecovery::brokenEntriesAreReportedOnce()
{
    FakeNgrokAgent agent;
    const QJsonObject good = missed(QStringLiteral("airt_1"), "job_1");
    agent.setRequests(requestList(
        {good, withRaw(missed(QStringLiteral("b64"), "job_2"), QStringLiteral("@@not base64@@")),
         withRaw(missed(QStringLiteral("http"), "job_2"),
                 QString::fromLatin1(QByteArray("hello, not HTTP\r\n\r\n").toBase64())),
         withField(missed(QStringLiteral("types"), "job_2"), QStringLiteral("start"), 17),
         withField(good, QStringLiteral("id"), QJsonValue()), QJsonValue(QStringLiteral("x")),
         missed(QStringLiteral("airt_2"), "job_2")}));
    QVERIFY(start(agent));
    QSignalSpy problems(m_engine.get(), &SessionEngine::ngrokProblem);
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->store()->size(), 2, 20'000);
    QVERIFY(waitForPolls(3));
    QCOMPARE(m_engine->store()->size(), 2);
    QCOMPARE(problems.size(), 5);
    QStringList words;
    for (const QList<QVariant> &p : std::as_const(problems))
        words << p.at(0).toString();
    QVERIFY2(words.join(u'\n').contains(QStringLiteral("ngrok request http: its raw bytes are not "
                                                       "a request HookScope accepts")),
             qPrintable(words.join(u'\n')));
    QVERIFY(words.join(u'\n').contains(QStringLiteral("ngrok request b64: its request.raw is not "
                                                      "base64")));
}

void tst_NgrokRecovery::unansweredRequestsWaitForTheListener()
{
    // No answer yet may be a delivery HookScope is still answering: left alone within the grace.
    FakeNgrokAgent agent;
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    agent.setRequests(
        requestList({entry(QStringLiteral("pending"), hooxRequest("job_9"), {}, 0, now)}));
    QVERIFY(start(agent));
    QVERIFY(waitForPolls(2));
    QCOMPARE(m_engine->store()->size(), 0);
    m_engine->ngrokRecovery()->setPendingGraceMs(0);
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->store()->size(), 1, 20'000);
    QCOMPARE(m_engine->store()->row(0).answerStatus, quint16(0));
}

QTEST_GUILESS_MAIN(tst_NgrokRecovery)
#include "tst_ngrokrecovery.moc"
