// SPDX-License-Identifier: MIT
// `hookscope --headless --json` driven by real clients: curl, Python's http.client, Node's fetch.
#include "HeadlessProcess.h"

#include "interchange/JsonLines.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Example {
    const char *name;
    const char *body;
    const char *task;
    const char *status;
    const char *key;
};

// The seed's two examples, and one per remaining task and outcome of its table.
const Example kExamples[] = {
    {"seed success",
     "{\"task\":\"video_generate\",\"job_id\":\"run_01234567890abcdef\",\"status\":\"completed\","
     "\"result\":{\"video_id\":\"video_abcdef1234567890\",\"thumbnail_url\":\"https://"
     "cdn.hoox.video/thumbnails/"
     "video_123.jpg\",\"cost\":5,\"created_at\":\"2024-01-15T10:30:00Z\"}}",
     "video_generate", "completed", "run_01234567890abcdef"},
    {"seed failure",
     "{\"task\":\"video_generate\",\"job_id\":\"run_0fa1\",\"status\":\"failed\",\"error\":{"
     "\"code\":\"INSUFFICIENT_CREDITS\",\"message\":\"Not enough credits to complete video "
     "generation\"}}",
     "video_generate", "failed", "run_0fa1"},
    {"export",
     "{\"task\":\"video_export\",\"job_id\":\"run_exp1\",\"status\":\"completed\",\"result\":{"
     "\"download_url\":\"https://cdn.hoox.video/e.mp4\"}}",
     "video_export", "completed", "run_exp1"},
    {"avatar create",
     "{\"task\":\"avatar_create\",\"avatar_id\":\"av_1\",\"look_id\":\"lk_1\",\"status\":"
     "\"completed\",\"result\":{\"preview_url\":\"https://cdn.hoox.video/a.png\"}}",
     "avatar_create", "completed", "av_1:lk_1"},
    {"avatar edit",
     "{\"task\":\"avatar_edit\",\"avatar_id\":\"av_1\",\"look_id\":\"lk_2\",\"status\":\"failed\","
     "\"error\":{\"code\":\"BAD_IMAGE\",\"message\":\"The image has no face\"}}",
     "avatar_edit", "failed", "av_1:lk_2"},
};

} // namespace

class tst_Headless : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void clients_data();
    void clients();
    void malformedPayloadIsCapturedWithFindings();
    void jsonLineIsTheJsonLinesRecord_data();
    void jsonLineIsTheJsonLinesRecord();
    void versionAndHelp();
    void badArgumentsExitWith2();
    void noWindowWithoutADisplay();
    void takenPortIsExplained();

private:
    QByteArray nextLine();
    QJsonObject nextCapture();
    bool runClient(const QString &program, const QStringList &args);

    QTemporaryDir m_dir;
    QProcess m_app;
    quint16 m_port = 0;
    QByteArray m_stdout;
};

void tst_Headless::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_port = startHeadless(m_app, m_dir.filePath(QStringLiteral("journal.hkj")));
    QVERIFY(m_port != 0);
}

void tst_Headless::cleanupTestCase()
{
    m_app.terminate();
    QVERIFY(m_app.waitForFinished(5000));
    QCOMPARE(m_app.exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_app.exitCode(), 0);
}

// The next line on stdout; empty when none came within 10 s.
QByteArray tst_Headless::nextLine()
{
    const QList<QByteArray> lines = readLines(m_app, &m_stdout, 1);
    return lines.isEmpty() ? QByteArray() : lines.first();
}

QJsonObject tst_Headless::nextCapture()
{
    return QJsonDocument::fromJson(nextLine()).object();
}

bool tst_Headless::runClient(const QString &program, const QStringList &args)
{
    if (QStandardPaths::findExecutable(program).isEmpty()) {
        qWarning("%s is not installed", qPrintable(program));
        return false;
    }
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(30000) || p.exitCode() != 0) {
        qWarning() << program << p.readAllStandardError();
        return false;
    }
    return true;
}

void tst_Headless::clients_data()
{
    QTest::addColumn<QString>("client");
    QTest::addColumn<int>("example");
    for (const char *client : {"curl", "python3", "node"}) {
        for (int i = 0; i < int(std::size(kExamples)); ++i)
            QTest::addRow("%s %s", client, kExamples[i].name) << QString::fromLatin1(client) << i;
    }
}

void tst_Headless::clients()
{
    QFETCH(QString, client);
    QFETCH(int, example);
    const Example &e = kExamples[example];
    const QString url = QStringLiteral("http://127.0.0.1:%1/webhook/hoox").arg(m_port);
    const QString body = QString::fromUtf8(e.body);
    QStringList args;
    if (client == QLatin1String("curl")) {
        args = {QStringLiteral("-sf"),
                QStringLiteral("-X"),
                QStringLiteral("POST"),
                url,
                QStringLiteral("-H"),
                QStringLiteral("Content-Type: application/json"),
                QStringLiteral("-H"),
                QStringLiteral("User-Agent: Hoox-API/1.0"),
                QStringLiteral("-H"),
                QStringLiteral("X-Hoox-Webhook: true"),
                QStringLiteral("--data-binary"),
                body};
    } else if (client == QLatin1String("python3")) {
        args = {QStringLiteral("-c"),
                QStringLiteral(
                    "import http.client,sys\n"
                    "c=http.client.HTTPConnection('127.0.0.1',%1)\n"
                    "c.request('POST','/webhook/hoox',body=sys.argv[1].encode(),headers={"
                    "'Content-Type':'application/json','User-Agent':'Hoox-API/"
                    "1.0','X-Hoox-Webhook':'true'})\n"
                    "r=c.getresponse(); sys.exit(0 if r.status==200 and r.read()==b'OK' else 1)")
                    .arg(m_port),
                body};
    } else {
        args = {QStringLiteral("-e"),
                QStringLiteral(
                    "fetch(process.argv[1],{method:'POST',body:process.argv[2],headers:{"
                    "'Content-Type':'application/json','User-Agent':'Hoox-API/"
                    "1.0','X-Hoox-Webhook':'true'}})"
                    ".then(async r=>process.exit(r.status===200&&(await r.text())==='OK'?0:1))"
                    ".catch(e=>{console.error(e);process.exit(1)})"),
                url, body};
    }
    QVERIFY(runClient(client, args));
    const QJsonObject c = nextCapture();
    QCOMPARE(c.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
    QCOMPARE(c.value(QStringLiteral("target")).toString(), QStringLiteral("/webhook/hoox"));
    QCOMPARE(c.value(QStringLiteral("task")).toString(), QString::fromLatin1(e.task));
    QCOMPARE(c.value(QStringLiteral("status")).toString(), QString::fromLatin1(e.status));
    QCOMPARE(c.value(QStringLiteral("key")).toString(), QString::fromLatin1(e.key));
    QCOMPARE(c.value(QStringLiteral("answer")).toInt(), 200);
    QCOMPARE(c.value(QStringLiteral("findings")).toArray(), QJsonArray());
    QVERIFY(c.value(QStringLiteral("id")).toInteger() > 0);
    QVERIFY(c.value(QStringLiteral("received_at")).toString().endsWith(u'Z'));
    // The same example arrives once per client: the later ones are retries of the first.
    const qint64 attempt = c.value(QStringLiteral("attempt")).toInteger();
    QCOMPARE(attempt, client == QLatin1String("curl")      ? 1
                      : client == QLatin1String("python3") ? 2
                                                           : 3);
    QCOMPARE(c.value(QStringLiteral("duplicate_of")).isNull(), attempt == 1);
}

void tst_Headless::malformedPayloadIsCapturedWithFindings()
{
    QVERIFY(
        runClient(QStringLiteral("curl"),
                  {QStringLiteral("-sf"), QStringLiteral("http://127.0.0.1:%1/other").arg(m_port),
                   QStringLiteral("--data-binary"), QStringLiteral("{not json")}));
    const QJsonObject c = nextCapture();
    QVERIFY(c.value(QStringLiteral("task")).isNull());
    QVERIFY(c.value(QStringLiteral("status")).isNull());
    QVERIFY(c.value(QStringLiteral("key")).isNull());
    QVERIFY(c.value(QStringLiteral("duplicate_of")).isNull());
    QVERIFY(c.value(QStringLiteral("attempt")).isNull());
    const QJsonArray findings = c.value(QStringLiteral("findings")).toArray();
    QVERIFY(findings.contains(QStringLiteral("not_json")));
    QVERIFY(findings.contains(QStringLiteral("not_hoox_user_agent")));
    QVERIFY(findings.contains(QStringLiteral("missing_hoox_header")));
    QCOMPARE(c.value(QStringLiteral("answer")).toInt(), 200);
}

void tst_Headless::jsonLineIsTheJsonLinesRecord_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("bodyField");
    QTest::newRow("utf-8 body")
        << QByteArray("{\"task\":\"video_export\",\"job_id\":\"run_record\",\"status\":"
                      "\"completed\",\"note\":\"caf\xc3\xa9 \xe2\x9c\x93\"}")
        << QStringLiteral("body");
    QTest::newRow("non-utf-8 body") << QByteArrayLiteral("{\"note\":\"\xc3\x28\xff\x00\xfe\"}")
                                    << QStringLiteral("body_base64");
    QTest::newRow("empty body") << QByteArray() << QStringLiteral("body");
}

// What --json prints is the record `hookscope export --format jsonl` writes: the reader takes
// it back with every header and body byte.
void tst_Headless::jsonLineIsTheJsonLinesRecord()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, bodyField);
    const SentRequest sent = postRequest("/webhook/hoox?from=record", body,
                                         {{"user-agent", "Hoox-API/1.0"},
                                          {"Content-Type", "application/json"},
                                          {"X-Hoox-Webhook", "true"},
                                          {"x-forwarded-for", "203.0.113.7"},
                                          {"X-Forwarded-For", "10.0.0.1"}});
    QCOMPARE(deliver(m_port, sent), 200);
    const QByteArray line = nextLine();
    const QJsonObject record = QJsonDocument::fromJson(line).object();
    QStringList fields = {QStringLiteral("id"),
                          QStringLiteral("received_at"),
                          QStringLiteral("peer"),
                          QStringLiteral("method"),
                          QStringLiteral("target"),
                          QStringLiteral("http_version"),
                          QStringLiteral("chunked"),
                          QStringLiteral("headers"),
                          QStringLiteral("trailers"),
                          QStringLiteral("answer"),
                          QStringLiteral("task"),
                          QStringLiteral("status"),
                          QStringLiteral("key"),
                          QStringLiteral("duplicate_of"),
                          QStringLiteral("attempt"),
                          QStringLiteral("findings"),
                          QStringLiteral("note"),
                          QStringLiteral("bookmarked"),
                          QStringLiteral("late_answer_ms"),
                          QStringLiteral("recovered_from"),
                          QStringLiteral("gave_up"),
                          bodyField};
    fields.sort();
    QCOMPARE(record.keys(), fields);

    const ImportResult read = JsonLines::read(line);
    QCOMPARE(read.problems.size(), 0);
    QCOMPARE(read.requests.size(), 1);
    const HttpRequest &r = read.requests.first().request;
    QCOMPARE(r.method, sent.method);
    QCOMPARE(r.target, sent.target);
    QCOMPARE(r.body, body);
    HttpHeaders headers;
    for (const auto &[name, value] : sent.headers)
        headers.append(name, value);
    QCOMPARE(r.headers, headers);
    QCOMPARE(read.requests.first().answerStatus, quint16(200));
}

void tst_Headless::versionAndHelp()
{
    QProcess p;
    p.start(QStringLiteral(HOOKSCOPE_BINARY), {QStringLiteral("--version")});
    QVERIFY(p.waitForFinished());
    QCOMPARE(p.exitCode(), 0);
    QVERIFY(p.readAllStandardOutput().contains(HOOKSCOPE_VERSION));
    p.start(QStringLiteral(HOOKSCOPE_BINARY), {QStringLiteral("--help")});
    QVERIFY(p.waitForFinished());
    QCOMPARE(p.exitCode(), 0);
    const QByteArray help = p.readAllStandardOutput();
    for (const char *option : {"--headless", "--port", "--bind", "--journal", "--json",
                               "--forward-to", "--route", "--hold", "--fail-next"})
        QVERIFY2(help.contains(option), option);
    // Every command is listed with a line of its own, and its help names it in the usage line.
    for (const char *command : {"listen", "send", "check", "replay", "diff", "export", "import"}) {
        QVERIFY2(help.contains(QByteArray("\n  " + QByteArray(command) + ' ')), command);
        p.start(QStringLiteral(HOOKSCOPE_BINARY),
                {QString::fromLatin1(command), QStringLiteral("--help")});
        QVERIFY(p.waitForFinished());
        QCOMPARE(p.exitCode(), 0);
        const QByteArray usage = p.readAllStandardOutput().split('\n').first();
        QVERIFY2(usage.startsWith("Usage: ") &&
                     usage.contains(QByteArray(" " + QByteArray(command) + " ")),
                 usage.constData());
    }
}

// These tests run with no display: the window's command line still gets answers, never an abort.
void tst_Headless::noWindowWithoutADisplay()
{
    HookScopeRun r = runHookScope({QStringLiteral("merge"), QStringLiteral("--no-such-option")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("Unknown command \"merge\""), r.err.constData());
    r = runHookScope({QStringLiteral("--no-such-option")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("no-such-option"), r.err.constData());
    r = runHookScope({QStringLiteral("--port"), QStringLiteral("0")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("The window needs a display"), r.err.constData());
}

void tst_Headless::badArgumentsExitWith2()
{
    QProcess p;
    p.start(QStringLiteral(HOOKSCOPE_BINARY),
            {QStringLiteral("--headless"), QStringLiteral("--port"), QStringLiteral("http")});
    QVERIFY(p.waitForFinished());
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(p.readAllStandardError().contains("--port"));
    const HookScopeRun r = runHookScope(
        {QStringLiteral("listen"), QStringLiteral("--sync"), QStringLiteral("--no-sync")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--sync and --no-sync"), r.err.constData());
}

void tst_Headless::takenPortIsExplained()
{
    QProcess p;
    p.start(QStringLiteral(HOOKSCOPE_BINARY),
            {QStringLiteral("--headless"), QStringLiteral("--port"), QString::number(m_port),
             QStringLiteral("--journal"), m_dir.filePath(QStringLiteral("second.hkj"))});
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitCode(), 1);
    const QByteArray err = p.readAllStandardError();
    QVERIFY2(err.contains("already in use"), err.constData());
}

QTEST_GUILESS_MAIN(tst_Headless)
#include "tst_headless.moc"
