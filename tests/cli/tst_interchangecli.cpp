// SPDX-License-Identifier: MIT
// `hookscope export` and `hookscope import`, run as a user runs them.
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

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run hookscope(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(HOOKSCOPE_BINARY), args);
    Run r;
    if (!p.waitForFinished(30000))
        return r;
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
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
    void import_data();
    void import();
    void importBadArguments_data();
    void importBadArguments();
    void exportImportExportIsStable_data();
    void exportImportExportIsStable();

private:
    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

    QTemporaryDir m_dir;
    QString m_journal;
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
    const Run r =
        hookscope(QStringList{QStringLiteral("export"), QStringLiteral("--journal"), m_journal,
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
    const Run r = hookscope({QStringLiteral("export"), QStringLiteral("--journal"), m_journal,
                             QStringLiteral("-o"), path("out.jsonl")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("Exported 3 capture(s)"), r.err.constData());
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
}

void tst_InterchangeCli::exportBadArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, message);
    const Run r = hookscope(
        QStringList{QStringLiteral("export"), QStringLiteral("--journal"), m_journal} + args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void tst_InterchangeCli::exportWithoutJournal()
{
    const Run r =
        hookscope({QStringLiteral("export"), QStringLiteral("--journal"), path("missing.hkj"),
                   QStringLiteral("--format"), QStringLiteral("jsonl")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("No journal at"), r.err.constData());
    QVERIFY(!QFile::exists(path("missing.hkj")));
}

void tst_InterchangeCli::import_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("out");
    QTest::addColumn<QByteArrayList>("err");
    const QString data = QStringLiteral(HOOKSCOPE_SOURCE_DIR "/tests/data/");
    QTest::newRow("devtools har") << data + QStringLiteral("chrome-devtools.har") << 0
                                  << QByteArray("Imported 3 capture(s)") << QByteArrayList();
    QTest::newRow("broken entries")
        << data + QStringLiteral("broken-entries.har") << 1 << QByteArray("Imported 2 capture(s)")
        << QByteArrayList{"broken-entries.har: log.entries[1]: request is missing",
                          "log.entries[3]: request.headers[1].value holds control characters",
                          "log.entries[7]: not an object"};
    QVERIFY(writeFile(path("lines.txt"), "{\"method\":\"GET\",\"target\":\"/a\",\"body\":\"\"}\n"
                                         "{\"method\":\"GET\"}\n"));
    QTest::newRow("bad line") << path("lines.txt") << 1 << QByteArray("Imported 1 capture(s)")
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
    const Run r = hookscope({QStringLiteral("import"), file, QStringLiteral("--journal"), journal});
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
    const Run r = hookscope(
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
    Run r = hookscope(exportArgs + QStringList{QStringLiteral("--journal"), m_journal,
                                               QStringLiteral("-o"), first});
    QCOMPARE(r.exitCode, 0);
    r = hookscope({QStringLiteral("import"), first, QStringLiteral("--journal"), copy});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("Imported 3 capture(s)"), r.out.constData());
    r = hookscope(exportArgs + QStringList{QStringLiteral("--journal"), copy});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, fileBytes(first));
}

QTEST_GUILESS_MAIN(tst_InterchangeCli)
#include "tst_interchangecli.moc"
