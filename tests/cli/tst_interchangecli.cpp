// SPDX-License-Identifier: MIT
// `hookscope export` and `hookscope import`, run as a user runs them.
#include "HeadlessProcess.h"

#include "capture/CaptureRecorder.h"
#include "capture/Journal.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QByteArray kHooxBody =
    "{\"task\":\"video_generate\",\"job_id\":\"run_7\",\"status\":\"completed\",\"result\":{}}";

HttpRequest request(QByteArray body, bool chunked = false)
{
    HttpRequest r;
    r.method = "POST";
    r.target = "/webhook/hoox";
    r.headers.append("Host", "abc.ngrok.app");
    r.headers.append("User-Agent", "Hoox-API/1.0");
    r.headers.append("Content-Type", "application/json");
    r.headers.append("X-Hoox-Webhook", "true");
    if (chunked)
        r.headers.append("Transfer-Encoding", "chunked");
    else
        r.headers.append("Content-Length", QByteArray::number(body.size()));
    r.chunked = chunked;
    r.body = std::move(body);
    return r;
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray allBytes()
{
    QByteArray b;
    for (int i = 0; i < 256; ++i)
        b.append(char(i));
    return b;
}

// What a headless run receives: the shapes whose bodies and headers are easy to lose on the
// way through a JSON Lines file.
QList<SentRequest> deliveries()
{
    const QByteArray hoox = "{\"task\":\"video_generate\",\"job_id\":\"run_rt\",\"status\":"
                            "\"completed\",\"result\":{\"note\":\"caf\xc3\xa9 \xe2\x9c\x93\"}}";
    QByteArray long_ = "{\"items\":[";
    for (int i = 0; i < 60; ++i)
        long_ += "\"item " + QByteArray::number(i) + "\",";
    long_ += "\"end\"]}";
    SentRequest get{
        "GET", "/status?id=7&x=a%20b", {{"Host", "127.0.0.1"}, {"ACCEPT", "*/*"}}, {}, false};
    return {
        postRequest("/webhook/hoox", hoox,
                    {{"user-agent", "Hoox-API/1.0"},
                     {"Content-Type", "application/json"},
                     {"X-Hoox-Webhook", "true"},
                     {"X-Forwarded-For", "203.0.113.7"},
                     {"x-forwarded-for", "10.0.0.1"}}),
        postRequest("/upload", allBytes(), {{"Content-Type", "application/octet-stream"}}),
        postRequest("/chunked", long_, {{"Content-Type", "application/json"}}, true),
        postRequest("/chunked-binary", allBytes() + allBytes(), {}, true),
        postRequest("/latin1", "{\"name\":\"Jos\xe9\"}", {{"Content-Type", "text/plain"}}),
        postRequest("/empty", {}, {}),
        get,
    };
}

QByteArray recordBody(const QJsonObject &record)
{
    return record.contains(u"body_base64")
               ? QByteArray::fromBase64(record.value(u"body_base64").toString().toLatin1())
               : record.value(u"body").toString().toUtf8();
}

QList<std::pair<QByteArray, QByteArray>> recordHeaders(const QJsonObject &record)
{
    QList<std::pair<QByteArray, QByteArray>> out;
    for (const QJsonValue &pair : record.value(u"headers").toArray()) {
        const QJsonArray p = pair.toArray();
        out.append({p.at(0).toString().toLatin1(), p.at(1).toString().toUtf8()});
    }
    return out;
}

QByteArray withoutBody(const QByteArray &line)
{
    QJsonObject o = QJsonDocument::fromJson(line).object();
    o.remove(QStringLiteral("body"));
    o.remove(QStringLiteral("body_base64"));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
} // namespace

class tst_InterchangeCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void exportHarToStdout_data();
    void exportHarToStdout();
    void exportJsonLinesToFile();
    void exportBadArguments_data();
    void exportBadArguments();
    void exportWithoutJournal();
    void exportWhere_data();
    void exportWhere();
    void import_data();
    void import();
    void importBadArguments_data();
    void importBadArguments();
    void exportImportExportIsStable_data();
    void exportImportExportIsStable();
    void headlessOutputImports();
    void headlessLineWithoutBodyIsReported_data();
    void headlessLineWithoutBodyIsReported();
    void refusedRequestIsNamedNotImported();

private:
    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }
    void listenAndDeliver();

    QTemporaryDir m_dir;
    QString m_journal;
    QList<SentRequest> m_sent;
    QByteArray m_listened; // what `hookscope listen --json` printed for m_sent
};

// A delivery, its retry, and a chunked binary request.
void tst_InterchangeCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_journal = path("source.hkj");
    Journal journal;
    QString error;
    QVERIFY(journal.open(m_journal, &error));
    CaptureRecorder recorder(&journal);
    QByteArray binary("\x00\xff\xfe{", 4);
    for (HttpRequest r : {request(kHooxBody), request(kHooxBody), request(binary, true)})
        QVERIFY(recorder.record(std::move(r), QStringLiteral("127.0.0.1:5000"), 1'764'242'956'123,
                                200, &error));
    listenAndDeliver();
}

// `hookscope listen --json` receives m_sent over real sockets and is stopped with SIGTERM, the
// way a script ends it.
void tst_InterchangeCli::listenAndDeliver()
{
    m_sent = deliveries();
    QProcess app;
    const quint16 port = startListening(app, {QStringLiteral("listen"), QStringLiteral("--json"),
                                              QStringLiteral("--port"), QStringLiteral("0"),
                                              QStringLiteral("--journal"), path("listened.hkj")});
    QVERIFY(port != 0);
    for (const SentRequest &r : std::as_const(m_sent))
        QCOMPARE(deliver(port, r), 200);
    QByteArray pending;
    const QList<QByteArray> lines = readLines(app, &pending, m_sent.size());
    QCOMPARE(lines.size(), m_sent.size());
    app.terminate();
    QVERIFY(app.waitForFinished(10000));
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QCOMPARE(app.exitCode(), 0);
    QCOMPARE(pending + app.readAllStandardOutput(), QByteArray());
    m_listened = lines.join('\n') + '\n';
}

void tst_InterchangeCli::exportHarToStdout_data()
{
    QTest::addColumn<QStringList>("output");
    QTest::newRow("no -o") << QStringList();
    QTest::newRow("-o -") << QStringList{QStringLiteral("-o"), QStringLiteral("-")};
}

void tst_InterchangeCli::exportHarToStdout()
{
    QFETCH(QStringList, output);
    const HookScopeRun r =
        runHookScope(QStringList{QStringLiteral("export"), QStringLiteral("--journal"), m_journal,
                                 QStringLiteral("--format"), QStringLiteral("har")} +
                     output);
    QCOMPARE(r.exitCode, 0);
    QJsonParseError error;
    const QJsonObject log =
        QJsonDocument::fromJson(r.out, &error).object().value(u"log").toObject();
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonArray entries = log.value(u"entries").toArray();
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.at(1).toObject().value(u"_hookscope").toObject().value(u"attempt").toInt(), 2);
    QCOMPARE(entries.at(2).toObject().value(u"_hookscope").toObject().value(u"chunked").toBool(),
             true);
}

void tst_InterchangeCli::exportJsonLinesToFile()
{
    // Without --format the extension decides.
    const HookScopeRun r = runHookScope({QStringLiteral("export"), QStringLiteral("--journal"),
                                         m_journal, QStringLiteral("-o"), path("out.jsonl")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("Exported 3 captures"), r.err.constData());
    const QList<QByteArray> lines = fileBytes(path("out.jsonl")).trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QCOMPARE(QJsonDocument::fromJson(lines.at(2)).object().value(u"body_base64").toString(),
             QStringLiteral("AP/+ew=="));
}

void tst_InterchangeCli::exportBadArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("unknown format")
        << QStringList{QStringLiteral("--format"), QStringLiteral("xml")}
        << QByteArray("--format needs har or jsonl, not \"xml\"");
    QTest::newRow("no format for stdout") << QStringList() << QByteArray("--format is needed");
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("--format"), QStringLiteral("har"), QStringLiteral("--zip")}
        << QByteArray("Unknown option 'zip'");
    QTest::newRow("stray argument")
        << QStringList{QStringLiteral("--format"), QStringLiteral("har"), QStringLiteral("x.har")}
        << QByteArray("Unexpected argument \"x.har\"");
    QTest::newRow("missing value")
        << QStringList{QStringLiteral("--format")} << QByteArray("Missing value after '--format'");
    QTest::newRow("--where syntax error")
        << QStringList{QStringLiteral("--format"), QStringLiteral("har"), QStringLiteral("--where"),
                       QStringLiteral("task:x OR")}
        << QByteArray("--where does not parse:\ntask:x OR\n       ^ column 8: expected a term "
                      "after OR");
    QTest::newRow("--where unknown field")
        << QStringList{QStringLiteral("--format"), QStringLiteral("har"), QStringLiteral("--where"),
                       QStringLiteral("task:x colour:red")}
        << QByteArray("^ column 8: unknown field \"colour\"; the fields are: task, status");
}

void tst_InterchangeCli::exportBadArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, message);
    const HookScopeRun r = runHookScope(
        QStringList{QStringLiteral("export"), QStringLiteral("--journal"), m_journal} + args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void tst_InterchangeCli::exportWithoutJournal()
{
    const HookScopeRun r =
        runHookScope({QStringLiteral("export"), QStringLiteral("--journal"), path("missing.hkj"),
                      QStringLiteral("--format"), QStringLiteral("jsonl")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("No journal at"), r.err.constData());
    QVERIFY(!QFile::exists(path("missing.hkj")));
}

void tst_InterchangeCli::exportWhere_data()
{
    QTest::addColumn<QString>("where");
    QTest::addColumn<QList<int>>("ids");
    QTest::newRow("task") << QStringLiteral("task:video_*") << QList<int>{1, 2};
    QTest::newRow("retry") << QStringLiteral("attempt:>1") << QList<int>{2};
    QTest::newRow("no status") << QStringLiteral("status:\"\"") << QList<int>{3};
    QTest::newRow("duplicates") << QStringLiteral("duplicate:yes") << QList<int>{1, 2};
    QTest::newRow("header and body")
        << QStringLiteral("header:x-hoox-webhook=true body.job_id:run_7 -attempt:2")
        << QList<int>{1};
    QTest::newRow("none") << QStringLiteral("task:avatar_* status:failed") << QList<int>{};
}

// Exactly the matching captures, and the count says so.
void tst_InterchangeCli::exportWhere()
{
    QFETCH(QString, where);
    QFETCH(QList<int>, ids);
    const QString out = path("where.jsonl");
    const HookScopeRun r =
        runHookScope({QStringLiteral("export"), QStringLiteral("--journal"), m_journal,
                      QStringLiteral("--where"), where, QStringLiteral("-o"), out});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains(QByteArray("Exported " + QByteArray::number(ids.size()) +
                                       (ids.size() == 1 ? " capture " : " captures "))),
             r.err.constData());
    QList<int> exported;
    for (const QByteArray &line : fileBytes(out).split('\n')) {
        if (!line.isEmpty())
            exported << QJsonDocument::fromJson(line).object().value(u"id").toInt();
    }
    QCOMPARE(exported, ids);
}

void tst_InterchangeCli::import_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("out");
    QTest::addColumn<QByteArrayList>("err");
    const QString data = QStringLiteral(HOOKSCOPE_SOURCE_DIR "/tests/data/");
    QTest::newRow("devtools har") << data + QStringLiteral("chrome-devtools.har") << 0
                                  << QByteArray("Imported 3 captures") << QByteArrayList();
    QTest::newRow("broken entries")
        << data + QStringLiteral("broken-entries.har") << 1 << QByteArray("Imported 2 captures")
        << QByteArrayList{"broken-entries.har: log.entries[1]: request is missing",
                          "log.entries[3]: request.headers[1].value holds control characters",
                          "log.entries[7]: not an object"};
    QVERIFY(writeFile(path("lines.txt"), "{\"method\":\"GET\",\"target\":\"/a\",\"body\":\"\"}\n"
                                         "{\"method\":\"GET\"}\n"));
    QTest::newRow("bad line") << path("lines.txt") << 1 << QByteArray("Imported 1 capture into")
                              << QByteArrayList{"lines.txt: line 2: \"target\" is missing"};
    QVERIFY(writeFile(path("garbage.har"), "<html>"));
    QTest::newRow("not a har") << path("garbage.har") << 1 << QByteArray()
                               << QByteArrayList{"garbage.har: not a HAR file"};
    QTest::newRow("unreadable") << path("nowhere.har") << 1 << QByteArray()
                                << QByteArrayList{"Cannot read", "nowhere.har"};
}

void tst_InterchangeCli::import()
{
    QFETCH(QString, file);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, out);
    QFETCH(QByteArrayList, err);
    const QString journal =
        m_dir.filePath(QStringLiteral("import-%1.hkj").arg(QLatin1String(QTest::currentDataTag())));
    const HookScopeRun r =
        runHookScope({QStringLiteral("import"), file, QStringLiteral("--journal"), journal});
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.out.contains(out), r.out.constData());
    for (const QByteArray &line : err)
        QVERIFY2(r.err.contains(line), r.err.constData());
    const qsizetype imported = out.isEmpty() ? 0 : out.split(' ').at(1).toInt();
    QCOMPARE(Journal::read(journal).captures.size(), imported);
}

void tst_InterchangeCli::importBadArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("no file") << QStringList() << QByteArray("Which file?");
    QTest::newRow("two files") << QStringList{QStringLiteral("a.har"), QStringLiteral("b.har")}
                               << QByteArray("\"b.har\" is one too many");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("a.har"), QStringLiteral("-x")}
                                    << QByteArray("Unknown option 'x'");
}

void tst_InterchangeCli::importBadArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, message);
    const HookScopeRun r = runHookScope(
        QStringList{QStringLiteral("import"), QStringLiteral("--journal"), path("never.hkj")} +
        args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), r.err.constData());
    QVERIFY(!QFile::exists(path("never.hkj")));
}

void tst_InterchangeCli::exportImportExportIsStable_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("har") << QStringLiteral("har");
    QTest::newRow("jsonl") << QStringLiteral("jsonl");
}

// Ids, times, peers, bytes and classification all survive, so the second export is the first.
void tst_InterchangeCli::exportImportExportIsStable()
{
    QFETCH(QString, format);
    const QString first = m_dir.filePath(QStringLiteral("first.") + format);
    const QString copy = m_dir.filePath(QStringLiteral("copy-%1.hkj").arg(format));
    const QStringList exportArgs = {QStringLiteral("export"), QStringLiteral("--format"), format};
    HookScopeRun r = runHookScope(exportArgs + QStringList{QStringLiteral("--journal"), m_journal,
                                                           QStringLiteral("-o"), first});
    QCOMPARE(r.exitCode, 0);
    r = runHookScope({QStringLiteral("import"), first, QStringLiteral("--journal"), copy});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("Imported 3 captures"), r.out.constData());
    r = runHookScope(exportArgs + QStringList{QStringLiteral("--journal"), copy});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, fileBytes(first));
}

// The file a headless run printed imports whole: exported again, every header and body byte is
// what went over the socket, and the records are the ones it printed.
void tst_InterchangeCli::headlessOutputImports()
{
    QVERIFY(writeFile(path("listened.out"), m_listened));
    const QString journal = path("from-listen.hkj");
    HookScopeRun r = runHookScope(
        {QStringLiteral("import"), path("listened.out"), QStringLiteral("--journal"), journal});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("Imported 7 captures"), r.out.constData());
    r = runHookScope({QStringLiteral("export"), QStringLiteral("--journal"), journal,
                      QStringLiteral("--format"), QStringLiteral("jsonl")});
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), m_sent.size());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QJsonObject record = QJsonDocument::fromJson(lines.at(i)).object();
        const SentRequest &sent = m_sent.at(i);
        QCOMPARE(record.value(u"method").toString().toLatin1(), sent.method);
        QCOMPARE(record.value(u"target").toString().toUtf8(), sent.target);
        QCOMPARE(record.value(u"chunked").toBool(), sent.chunked);
        QCOMPARE(recordHeaders(record), sent.headers);
        QCOMPARE(recordBody(record), sent.body);
    }
    QCOMPARE(r.out, m_listened);
}

void tst_InterchangeCli::headlessLineWithoutBodyIsReported_data()
{
    QTest::addColumn<int>("line"); // from 1
    QTest::newRow("first") << 1;
    QTest::newRow("base64 body") << 2;
    QTest::newRow("last") << int(deliveries().size());
}

// A line without its body (cut, or edited by a script) is named and left out; the good lines
// around it still go in.
void tst_InterchangeCli::headlessLineWithoutBodyIsReported()
{
    QFETCH(int, line);
    QList<QByteArray> lines = m_listened.trimmed().split('\n');
    lines[line - 1] = withoutBody(lines.at(line - 1));
    const QString file = m_dir.filePath(QStringLiteral("no-body-%1.out").arg(line));
    QVERIFY(writeFile(file, lines.join('\n') + '\n'));
    const QString journal = m_dir.filePath(QStringLiteral("no-body-%1.hkj").arg(line));
    const HookScopeRun r =
        runHookScope({QStringLiteral("import"), file, QStringLiteral("--journal"), journal});
    QCOMPARE(r.exitCode, 1);
    const QByteArray problem =
        "line " + QByteArray::number(line) + ": no \"body\" or \"body_base64\"";
    QVERIFY2(r.err.contains(problem), r.err.constData());
    QVERIFY2(r.out.contains("Imported 6 captures"), r.out.constData());
    const QList<CapturePtr> imported = Journal::read(journal).captures;
    QCOMPARE(imported.size(), m_sent.size() - 1);
    for (qsizetype i = 0, sent = 0; i < imported.size(); ++i, ++sent) {
        if (sent == line - 1)
            ++sent;
        QCOMPARE(imported.at(i)->body, m_sent.at(sent).body);
    }
}

// With --token, a request without it is printed as refused; an import names it and leaves it
// out, as the listener kept it out of its journal.
void tst_InterchangeCli::refusedRequestIsNamedNotImported()
{
    QProcess app;
    const quint16 port = startListening(app, {QStringLiteral("listen"), QStringLiteral("--json"),
                                              QStringLiteral("--token"), QStringLiteral("s3cret"),
                                              QStringLiteral("--port"), QStringLiteral("0"),
                                              QStringLiteral("--journal"), path("token.hkj")});
    QVERIFY(port != 0);
    const SentRequest refused = postRequest("/webhook/hoox", "{\"a\":1}", {});
    const SentRequest admitted =
        postRequest("/webhook/hoox", "{\"b\":2}", {{"X-HookScope-Token", "s3cret"}});
    QCOMPARE(deliver(port, refused), 401);
    QCOMPARE(deliver(port, admitted), 200);
    QByteArray pending;
    const QList<QByteArray> lines = readLines(app, &pending, 2);
    app.terminate();
    QVERIFY(app.waitForFinished(10000));
    QCOMPARE(lines.size(), 2);
    QCOMPARE(QJsonDocument::fromJson(lines.at(0)).object().value(u"refused"), QJsonValue(true));
    QVERIFY(!QJsonDocument::fromJson(lines.at(1)).object().contains(u"refused"));

    QVERIFY(writeFile(path("token.out"), lines.join('\n') + '\n'));
    const HookScopeRun r = runHookScope({QStringLiteral("import"), path("token.out"),
                                         QStringLiteral("--journal"), path("token-copy.hkj")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("line 1: a refused request (no access token) is not imported"),
             r.err.constData());
    const QList<CapturePtr> imported = Journal::read(path("token-copy.hkj")).captures;
    QCOMPARE(imported.size(), 1);
    QCOMPARE(imported.first()->body, admitted.body);
}

QTEST_GUILESS_MAIN(tst_InterchangeCli)
#include "tst_interchangecli.moc"
