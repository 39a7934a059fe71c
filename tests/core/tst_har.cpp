// SPDX-License-Identifier: MIT
#include "InterchangeSamples.h"

#include "capture/Journal.h"
#include "interchange/CaptureImporter.h"
#include "interchange/HarReader.h"
#include "interchange/HarWriter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {
QByteArray fixture(const char *name)
{
    QFile f(QStringLiteral(HOOKSCOPE_SOURCE_DIR "/tests/data/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QJsonObject firstEntry(const QByteArray &har)
{
    return QJsonDocument::fromJson(har)
        .object()
        .value(QStringLiteral("log"))
        .toObject()
        .value(QStringLiteral("entries"))
        .toArray()
        .first()
        .toObject();
}

QString headerValue(const HttpHeaders &headers, QByteArrayView name)
{
    return QString::fromUtf8(headers.value(name));
}
} // namespace

class tst_Har : public QObject {
    Q_OBJECT
private slots:
    void roundTrip_data();
    void roundTrip();
    void entryShape();
    void chromeDevtoolsFile();
    void brokenEntriesAreListed();
    void missingBody_data();
    void missingBody();
    void unusableFile_data();
    void unusableFile();
};

void tst_Har::roundTrip_data()
{
    QTest::addColumn<int>("shape");
    const auto shapes = InterchangeSamples::shapes();
    for (qsizetype i = 0; i < shapes.size(); ++i)
        QTest::newRow(shapes.at(i).first) << int(i);
}

// Each shape twice, so that the second is numbered as a retry of the first on both sides.
void tst_Har::roundTrip()
{
    QFETCH(int, shape);
    const HttpRequest request = InterchangeSamples::shapes().at(shape).second;
    const CaptureBatch original = InterchangeSamples::record({request, request});
    const QByteArray har = HarWriter::toHar(original);

    ImportResult parsed = HarReader::read(har);
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(parsed.problems.size(), 0);
    QTemporaryDir dir;
    Journal journal;
    QString error;
    QVERIFY(journal.open(dir.filePath(QStringLiteral("j.hkj")), &error));
    CaptureRecorder recorder(&journal);
    const CaptureBatch imported = CaptureImporter::record(&parsed, recorder);
    QCOMPARE(imported.size(), original.size());
    const JournalReadResult reread = Journal::read(journal.path());
    QCOMPARE(reread.captures.size(), original.size());
    for (qsizetype i = 0; i < original.size(); ++i) {
        QCOMPARE(imported.at(i)->body, original.at(i)->body);
        QCOMPARE(imported.at(i)->headers, original.at(i)->headers);
        QCOMPARE(imported.at(i)->hoox, original.at(i)->hoox);
        QVERIFY(*imported.at(i) == *original.at(i));
        QVERIFY(*reread.captures.at(i) == *original.at(i));
    }
}

void tst_Har::entryShape()
{
    HttpRequest binary = InterchangeSamples::hooxRequest(InterchangeSamples::allBytes());
    const CaptureBatch captures = InterchangeSamples::record({binary});
    const QByteArray har = HarWriter::toHar(captures);
    const QJsonObject log = QJsonDocument::fromJson(har).object().value(u"log").toObject();
    QCOMPARE(log.value(u"version").toString(), QStringLiteral("1.2"));
    QCOMPARE(log.value(u"creator").toObject().value(u"name").toString(),
             QStringLiteral("HookScope"));
    const QJsonObject entry = firstEntry(har);
    QCOMPARE(entry.value(u"startedDateTime").toString(),
             QStringLiteral("2025-11-27T11:29:16.123Z"));
    const QJsonObject request = entry.value(u"request").toObject();
    QCOMPARE(request.value(u"url").toString(),
             QStringLiteral("http://abc.ngrok.app/webhook/hoox?source=ngrok&x=a%20b"));
    QCOMPARE(request.value(u"httpVersion").toString(), QStringLiteral("HTTP/1.1"));
    QCOMPARE(request.value(u"headersSize").toInt(), -1);
    QCOMPARE(request.value(u"bodySize").toInt(), 260);
    const QJsonArray headers = request.value(u"headers").toArray();
    QCOMPARE(headers.size(), 7);
    QCOMPARE(headers.at(1).toObject().value(u"name").toString(), QStringLiteral("user-agent"));
    const QJsonArray query = request.value(u"queryString").toArray();
    QCOMPARE(query.size(), 2);
    QCOMPARE(query.at(1).toObject().value(u"value").toString(), QStringLiteral("a b"));
    const QJsonObject postData = request.value(u"postData").toObject();
    QCOMPARE(postData.value(u"encoding").toString(), QStringLiteral("base64"));
    QCOMPARE(QByteArray::fromBase64(postData.value(u"text").toString().toLatin1()),
             InterchangeSamples::allBytes());
    QCOMPARE(postData.value(u"mimeType").toString(), QStringLiteral("application/json"));
    QCOMPARE(entry.value(u"response").toObject().value(u"status").toInt(), 200);
    const QJsonObject ext = entry.value(u"_hookscope").toObject();
    QCOMPARE(ext.value(u"id").toInt(), 1);
    QCOMPARE(ext.value(u"peer").toString(), QStringLiteral("127.0.0.1:50312"));
    QCOMPARE(ext.value(u"findings").toArray().first().toString(), QStringLiteral("not_json"));
    // The marks a reader of the file needs: none on a plain, timely delivery.
    QVERIFY(ext.value(u"late_answer_ms").isNull() && ext.value(u"recovered_from").isNull());
    QCOMPARE(ext.value(u"gave_up"), QJsonValue(false));
    for (const char *field : {"cache", "timings", "time"})
        QVERIFY2(entry.contains(QLatin1String(field)), field);
}

void tst_Har::chromeDevtoolsFile()
{
    const ImportResult result = HarReader::read(fixture("chrome-devtools.har"));
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.problems.size(), 0);
    QCOMPARE(result.requests.size(), 3);

    const ImportedRequest &hoox = result.requests.at(0);
    QCOMPARE(hoox.request.method, QByteArray("POST"));
    QCOMPARE(hoox.request.target, QByteArray("/webhook/hoox?source=devtools"));
    QCOMPARE(hoox.request.httpMinor, quint8(1));
    QCOMPARE(hoox.request.headers.size(), 6);
    QCOMPARE(hoox.request.headers.at(0).name, QByteArray("Host"));
    QCOMPARE(headerValue(hoox.request.headers, "user-agent"), QStringLiteral("Hoox-API/1.0"));
    QVERIFY(hoox.request.body.startsWith("{\"task\":\"avatar_edit\""));
    QCOMPARE(hoox.answerStatus, quint16(200));
    QCOMPARE(hoox.receivedAtMs,
             QDateTime::fromString(QStringLiteral("2026-11-27T09:15:02.481Z"), Qt::ISODateWithMs)
                 .toMSecsSinceEpoch());

    // HTTP/2: the pseudo-headers stay out, the path and query come from the url.
    const ImportedRequest &h2 = result.requests.at(1);
    QCOMPARE(h2.request.method, QByteArray("GET"));
    QCOMPARE(h2.request.target, QByteArray("/api/v1/jobs/run_42?expand=result&page=2"));
    for (const HttpHeader &h : h2.request.headers)
        QVERIFY2(!h.name.startsWith(':'), h.name.constData());
    QVERIFY(h2.request.body.isEmpty());
    // An offset time is read as the instant it names.
    QCOMPARE(h2.receivedAtMs, QDateTime::fromString(QStringLiteral("2026-11-27T10:15:03.000+01:00"),
                                                    Qt::ISODateWithMs)
                                  .toMSecsSinceEpoch());

    const ImportedRequest &form = result.requests.at(2);
    QCOMPARE(form.request.body, QByteArray("name=caf%C3%A9&tags=a&tags=b"));
    QCOMPARE(form.answerStatus, quint16(0)); // devtools writes 0 for a request that failed

    // Through the recorder they are classified like live deliveries.
    ImportResult copy = result;
    CaptureRecorder recorder(nullptr);
    const CaptureBatch captures = CaptureImporter::record(&copy, recorder);
    QCOMPARE(captures.size(), 3);
    QCOMPARE(captures.at(0)->hoox.task, HooxTask::AvatarEdit);
    QCOMPARE(captures.at(0)->hoox.key, QStringLiteral("av_7:lk_3"));
    QCOMPARE(captures.at(0)->hoox.findings, QStringList());
    QVERIFY(captures.at(1)->hoox.findings.contains(QStringLiteral("not_post")));
    QCOMPARE(captures.at(2)->id, quint64(3));
}

void tst_Har::brokenEntriesAreListed()
{
    const ImportResult result = HarReader::read(fixture("broken-entries.har"));
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.requests.size(), 2);
    QCOMPARE(result.requests.at(0).request.target, QByteArray("/first"));
    QCOMPARE(result.requests.at(1).request.target, QByteArray("/last"));

    const QList<std::pair<int, const char *>> expected = {
        {1, "request is missing"},
        {2, "request.url is missing"},
        {3, "request.headers[1].value holds control characters"},
        {4, "request.postData.text is not valid base64"},
        {5, "request.method \"GET /x\" is not an HTTP method"},
        {6, "startedDateTime \"yesterday\" is not an ISO 8601 time"},
        {7, "not an object"},
    };
    QCOMPARE(result.problems.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(result.problems.at(i).index, expected.at(i).first);
        QCOMPARE(result.problems.at(i).message,
                 QStringLiteral("log.entries[%1]: ").arg(expected.at(i).first) +
                     QLatin1String(expected.at(i).second));
    }
}

void tst_Har::missingBody_data()
{
    QTest::addColumn<QByteArray>("fields"); // after "method" and "url" in request
    QTest::addColumn<QByteArray>("body");   // what is imported, when it is
    QTest::addColumn<QString>("problem");   // else what is said about the entry
    QTest::newRow("get") << QByteArray(",\"bodySize\":0") << QByteArray() << QString();
    QTest::newRow("no size, no postData") << QByteArray() << QByteArray() << QString();
    QTest::newRow("size unknown") << QByteArray(",\"bodySize\":-1") << QByteArray() << QString();
    QTest::newRow("empty text") << QByteArray(",\"bodySize\":0,\"postData\":{\"text\":\"\"}")
                                << QByteArray() << QString();
    QTest::newRow("postData without text, no size")
        << QByteArray(",\"postData\":{\"mimeType\":\"text/plain\"}") << QByteArray() << QString();
    // Devtools leave out large and binary uploads but keep their size.
    QTest::newRow("sized, no postData")
        << QByteArray(",\"bodySize\":12") << QByteArray()
        << QStringLiteral("log.entries[0]: request.bodySize is 12 but request.postData.text is "
                          "missing");
    QTest::newRow("sized, no text")
        << QByteArray(",\"bodySize\":5,\"postData\":{\"mimeType\":\"text/plain\"}") << QByteArray()
        << QStringLiteral("log.entries[0]: request.bodySize is 5 but request.postData.text is "
                          "missing");
    QTest::newRow("params, no text")
        << QByteArray(",\"postData\":{\"params\":[{\"name\":\"a\",\"value\":\"1\"}]}")
        << QByteArray()
        << QStringLiteral("log.entries[0]: request.postData has params but no text");
}

void tst_Har::missingBody()
{
    QFETCH(QByteArray, fields);
    QFETCH(QByteArray, body);
    QFETCH(QString, problem);
    const ImportResult result = HarReader::read(
        "{\"log\":{\"entries\":[{\"request\":{\"method\":\"POST\",\"url\":\"http://h/x\"" + fields +
        "}}]}}");
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    if (problem.isEmpty()) {
        QCOMPARE(result.problems.size(), 0);
        QCOMPARE(result.requests.size(), 1);
        QCOMPARE(result.requests.first().request.body, body);
    } else {
        QCOMPARE(result.requests.size(), 0);
        QCOMPARE(result.problems.size(), 1);
        QCOMPARE(result.problems.first().message, problem);
    }
}

void tst_Har::unusableFile_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("not a HAR file: ");
    QTest::newRow("truncated") << QByteArray("{\"log\":{\"entries\":[{}")
                               << QStringLiteral("not a HAR file: ");
    QTest::newRow("no log") << QByteArray("{\"entries\":[]}")
                            << QStringLiteral("not a HAR file: log.entries is missing");
    QTest::newRow("entries not array") << QByteArray("{\"log\":{\"entries\":{}}}")
                                       << QStringLiteral("not a HAR file: log.entries is missing");
}

void tst_Har::unusableFile()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, error);
    const ImportResult result = HarReader::read(data);
    QVERIFY2(result.error.startsWith(error), qPrintable(result.error));
    QVERIFY(result.requests.isEmpty());
}

QTEST_GUILESS_MAIN(tst_Har)
#include "tst_har.moc"
