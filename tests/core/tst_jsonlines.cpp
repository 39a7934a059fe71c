// SPDX-License-Identifier: MIT
#include "InterchangeSamples.h"

#include "capture/Journal.h"
#include "interchange/CaptureImporter.h"
#include "interchange/JsonLines.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class tst_JsonLines : public QObject {
    Q_OBJECT
private slots:
    void roundTrip_data();
    void roundTrip();
    void lineShape();
    void badLinesAreListed();
    void body_data();
    void body();
    void refusedCaptureIsMarkedAndNotImported();
    void loneSurrogatesReadBackUnchanged();
    void marksAreWritten();
    void sniffing_data();
    void sniffing();
};

void tst_JsonLines::roundTrip_data()
{
    QTest::addColumn<int>("shape");
    const auto shapes = InterchangeSamples::shapes();
    for (qsizetype i = 0; i < shapes.size(); ++i)
        QTest::newRow(shapes.at(i).first) << int(i);
}

// Each shape twice, so that the second is numbered as a retry of the first on both sides.
void tst_JsonLines::roundTrip()
{
    QFETCH(int, shape);
    const HttpRequest request = InterchangeSamples::shapes().at(shape).second;
    const CaptureBatch original = InterchangeSamples::record({request, request});
    const QByteArray text = JsonLines::write(original);
    QCOMPARE(text.count('\n'), 2);

    ImportResult parsed = CaptureImporter::parse(text, QStringLiteral("captures.txt"));
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
    // Exporting the imported captures gives the same text.
    QCOMPARE(JsonLines::write(imported), text);
}

void tst_JsonLines::lineShape()
{
    const HttpRequest hoox = InterchangeSamples::hooxRequest();
    const CaptureBatch captures = InterchangeSamples::record(
        {hoox, hoox, InterchangeSamples::hooxRequest(InterchangeSamples::allBytes())});
    const QJsonObject retry = QJsonDocument::fromJson(JsonLines::line(*captures.at(1))).object();
    QCOMPARE(retry.value(u"id").toInt(), 2);
    QCOMPARE(retry.value(u"received_at").toString(), QStringLiteral("2025-11-27T11:29:17.124Z"));
    QCOMPARE(retry.value(u"http_version").toString(), QStringLiteral("HTTP/1.1"));
    QCOMPARE(retry.value(u"answer").toInt(), 500);
    QCOMPARE(retry.value(u"task").toString(), QStringLiteral("video_generate"));
    QCOMPARE(retry.value(u"key").toString(), QStringLiteral("run_01234567890abcdef"));
    QCOMPARE(retry.value(u"attempt").toInt(), 2);
    QCOMPARE(retry.value(u"duplicate_of").toInt(), 1);
    QCOMPARE(retry.value(u"body").toString().toUtf8(), InterchangeSamples::kHooxBody);
    QVERIFY(!retry.contains(u"body_base64"));
    const QJsonArray headers = retry.value(u"headers").toArray();
    QCOMPARE(headers.at(1).toArray(),
             (QJsonArray{QStringLiteral("user-agent"), QStringLiteral("Hoox-API/1.0")}));
    QCOMPARE(headers.at(5).toArray().at(1).toString(), QStringLiteral("10.0.0.1"));

    const QJsonObject binary = QJsonDocument::fromJson(JsonLines::line(*captures.at(2))).object();
    QVERIFY(!binary.contains(u"body"));
    QCOMPARE(QByteArray::fromBase64(binary.value(u"body_base64").toString().toLatin1()),
             InterchangeSamples::allBytes());
    QVERIFY(binary.value(u"task").isNull());
    QVERIFY(binary.value(u"attempt").isNull());
}

void tst_JsonLines::badLinesAreListed()
{
    const QByteArray good =
        JsonLines::line(*InterchangeSamples::record({InterchangeSamples::hooxRequest()}).first());
    const QByteArray text =
        good + "\n" +                                                                      // 1
        "{\"method\":\"POST\",\"target\":\"/x\"\n" +                                       // 2
        "{\"target\":\"/x\"}\n" +                                                          // 3
        "[1,2]\n" +                                                                        // 4
        "\n" +                                                                             // 5
        "{\"method\":\"POST\",\"target\":\"/x\",\"body_base64\":\"*\"}\n" +                // 6
        "{\"method\":\"POST\",\"target\":\"/x\",\"headers\":[[\"Bad Name\",\"v\"]]}\r\n" + // 7
        "{\"method\":\"POST\",\"target\":\"/a b\"}\n" +                                    // 8
        good + "\r\n";                                                                     // 9
    const ImportResult result = JsonLines::read(text);
    QVERIFY(result.error.isEmpty());
    QCOMPARE(result.requests.size(), 2);
    const QList<std::pair<int, QString>> expected = {
        {2, QStringLiteral("line 2: not JSON: ")},
        {3, QStringLiteral("line 3: \"method\" is missing")},
        {4, QStringLiteral("line 4: not a JSON object")},
        {6, QStringLiteral("line 6: \"body_base64\" is not valid base64")},
        {7, QStringLiteral("line 7: \"headers\"[0]: \"Bad Name\" is not a header name")},
        {8, QStringLiteral("line 8: \"target\" holds spaces or control characters")},
    };
    QCOMPARE(result.problems.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(result.problems.at(i).index, expected.at(i).first);
        // Qt words the JSON parser's errors; the rest is ours.
        QVERIFY2(result.problems.at(i).message.startsWith(expected.at(i).second),
                 qPrintable(result.problems.at(i).message));
    }
}

void tst_JsonLines::body_data()
{
    QTest::addColumn<QByteArray>("fields"); // after "method" and "target"
    QTest::addColumn<QByteArray>("body");   // what is imported, when it is
    QTest::addColumn<QString>("problem");   // else what is said about line 1
    const QString noBody = QStringLiteral("line 1: no \"body\" or \"body_base64\"");
    const QString refused =
        QStringLiteral("line 1: a refused request (no access token) is not imported");
    QTest::newRow("empty body") << QByteArray(",\"body\":\"\"") << QByteArray() << QString();
    QTest::newRow("empty base64") << QByteArray(",\"body_base64\":\"\"") << QByteArray()
                                  << QString();
    QTest::newRow("text") << QByteArray(",\"body\":\"caf\\u00e9\"") << QByteArray("caf\xc3\xa9")
                          << QString();
    QTest::newRow("base64") << QByteArray(",\"body_base64\":\"AP8=\"") << QByteArray("\x00\xff", 2)
                            << QString();
    // A summary (the body's size, not the body) is no record to import.
    QTest::newRow("no body") << QByteArray(",\"body_bytes\":229") << QByteArray() << noBody;
    QTest::newRow("null body") << QByteArray(",\"body\":null") << QByteArray()
                               << QStringLiteral("line 1: \"body\" is not a string");
    QTest::newRow("both") << QByteArray(",\"body\":\"a\",\"body_base64\":\"YQ==\"") << QByteArray()
                          << QStringLiteral("line 1: both \"body\" and \"body_base64\"");
    QTest::newRow("refused") << QByteArray(",\"body\":\"{}\",\"refused\":true") << QByteArray()
                             << refused;
    QTest::newRow("refused, no body") << QByteArray(",\"refused\":true") << QByteArray() << refused;
    QTest::newRow("not refused") << QByteArray(",\"body\":\"{}\",\"refused\":false")
                                 << QByteArray("{}") << QString();
    QTest::newRow("refused not a bool")
        << QByteArray(",\"body\":\"{}\",\"refused\":\"yes\"") << QByteArray()
        << QStringLiteral("line 1: \"refused\" is neither true nor false");
}

void tst_JsonLines::body()
{
    QFETCH(QByteArray, fields);
    QFETCH(QByteArray, body);
    QFETCH(QString, problem);
    const ImportResult result =
        JsonLines::read("{\"method\":\"POST\",\"target\":\"/x\"" + fields + "}\n");
    QVERIFY(result.error.isEmpty());
    if (problem.isEmpty()) {
        QCOMPARE(result.problems.size(), 0);
        QCOMPARE(result.requests.size(), 1);
        QCOMPARE(result.requests.first().request.body, body);
    } else {
        QCOMPARE(result.requests.size(), 0);
        QCOMPARE(result.problems.size(), 1);
        QCOMPARE(result.problems.first().index, 1);
        QVERIFY2(result.problems.first().message.startsWith(problem),
                 qPrintable(result.problems.first().message));
    }
}

// What the listener prints for a request without the access token: the whole record, marked,
// which an import names and leaves out (refused requests are never journaled).
void tst_JsonLines::refusedCaptureIsMarkedAndNotImported()
{
    const CaptureBatch captures = InterchangeSamples::record(
        {InterchangeSamples::hooxRequest(), InterchangeSamples::hooxRequest()});
    Capture refused = *captures.at(1);
    refused.refused = true;
    const QByteArray admittedLine = JsonLines::line(*captures.at(0));
    const QByteArray refusedLine = JsonLines::line(refused);
    QVERIFY(!QJsonDocument::fromJson(admittedLine).object().contains(u"refused"));
    const QJsonObject o = QJsonDocument::fromJson(refusedLine).object();
    QCOMPARE(o.value(u"refused"), QJsonValue(true));
    QCOMPARE(o.value(u"body").toString().toUtf8(), InterchangeSamples::kHooxBody);

    const ImportResult result = JsonLines::read(refusedLine + '\n' + admittedLine + '\n');
    QCOMPARE(result.requests.size(), 1);
    QCOMPARE(result.requests.first().request.body, InterchangeSamples::kHooxBody);
    QCOMPARE(result.problems.size(), 1);
    QCOMPARE(result.problems.first().message,
             QStringLiteral("line 1: a refused request (no access token) is not imported"));
}

// "\ud800" in a file reads as a lone surrogate, which UTF-8 cannot carry; written as UTF-8 it
// came back as U+FFFD, so an exported file no longer said what the imported one did.
void tst_JsonLines::loneSurrogatesReadBackUnchanged()
{
    const QByteArray line = R"({"method":"POST","target":"/x","body":"a",)"
                            R"("received_at":"2026-11-27T09:00:01.000Z",)"
                            R"("peer":"[::1\u0000\ud800x","note":"\udc00 and \ud83d\ude00"})";
    const ImportResult first = JsonLines::read(line);
    QCOMPARE(first.problems.size(), 0);
    QCOMPARE(first.requests.size(), 1);
    const ImportedRequest &in = first.requests.first();
    QCOMPARE(in.peer, QStringLiteral("[::1") + QChar(0) + QChar(0xd800) + u'x');
    QCOMPARE(in.note, QString(QChar(0xdc00)) + QStringLiteral(u" and \U0001F600"));

    HttpRequest copy = in.request;
    auto capture = CaptureRecorder::build(std::move(copy), 1, in.peer, in.receivedAtMs, 0);
    capture->note = in.note;
    const QByteArray written = JsonLines::line(*capture);
    const QByteArray escaped = "\\ud800x\"";
    QVERIFY2(written.contains(escaped), written.constData());
    QVERIFY2(written.contains("\xf0\x9f\x98\x80"), written.constData()); // a pair stays UTF-8
    const ImportResult again = JsonLines::read(written);
    QCOMPARE(again.requests.size(), 1);
    QCOMPARE(again.requests.first().peer, in.peer);
    QCOMPARE(again.requests.first().note, in.note);
}

// A late answer and a delivery recovered from ngrok say so in the file; reading it back
// takes the request and leaves the marks, which belong to the session that saw them.
void tst_JsonLines::marksAreWritten()
{
    auto capture = CaptureRecorder::build(HttpRequest(InterchangeSamples::hooxRequest()), 7,
                                          QStringLiteral("127.0.0.1:5"), 1'700'000'000'000, 502);
    capture->lateAnswerMs = 11'200;
    capture->recovered = true;
    capture->source = QStringLiteral("ngrok:airt_1");
    const QByteArray line = JsonLines::line(*capture);
    const QJsonObject o = QJsonDocument::fromJson(line).object();
    QCOMPARE(o.value(u"late_answer_ms").toInt(), 11'200);
    QCOMPARE(o.value(u"recovered_from").toString(), QStringLiteral("ngrok:airt_1"));
    QCOMPARE(o.value(u"gave_up"), QJsonValue(false));
    const ImportResult back = JsonLines::read(line);
    QCOMPARE(back.problems.size(), 0);
    QCOMPARE(back.requests.size(), 1);
    QCOMPARE(back.requests.first().request.body, capture->body);
}

void tst_JsonLines::sniffing_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<bool>("har");
    const QByteArray line = "{\"method\":\"GET\",\"target\":\"/\"}\n";
    const QByteArray har = "{\n  \"log\": {\"entries\": []}\n}\n";
    QTest::newRow("jsonl by content") << line << QStringLiteral("dump.txt") << false;
    QTest::newRow("har by content") << har << QStringLiteral("dump.txt") << true;
    QTest::newRow("one-line har") << QByteArray("{\"log\":{\"entries\":[]}}")
                                  << QStringLiteral("dump") << true;
    QTest::newRow("har by extension") << line << QStringLiteral("dump.HAR") << true;
    QTest::newRow("jsonl by extension") << har << QStringLiteral("dump.ndjson") << false;
    QTest::newRow("leading blank lines") << "\n\n" + line << QStringLiteral("x") << false;
}

void tst_JsonLines::sniffing()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, fileName);
    QFETCH(bool, har);
    QCOMPARE(CaptureImporter::sniff(data, fileName) == Interchange::Format::Har, har);
}

QTEST_GUILESS_MAIN(tst_JsonLines)
#include "tst_jsonlines.moc"
