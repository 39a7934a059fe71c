// SPDX-License-Identifier: MIT
// `hookscope send` against local receivers: exit codes, one line per attempt, JSON lines.
#include "helpers/TestReceiver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Result {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs the command while this thread's event loop keeps serving the receivers.
Result send(const QStringList &args, const QByteArray &stdinBytes = {})
{
    QProcess p;
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(QStringLiteral(HOOKSCOPE_BINARY), QStringList{QStringLiteral("send")} + args);
    if (!p.waitForStarted())
        return {};
    p.write(stdinBytes);
    p.closeWriteChannel();
    if (!finished.wait(30'000))
        p.kill();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QStringList lines(const QByteArray &out)
{
    return QString::fromUtf8(out).split(u'\n', Qt::SkipEmptyParts);
}

} // namespace

class TestSendCli : public QObject {
    Q_OBJECT
private slots:
    void deliveredExits0();
    void failedOnceExits1();
    void likeHooxRetriesThenGivesUp();
    void jsonLines();
    void connectionRefused();
    void bodyFromStdinIsByteExact();
    void badArgumentsExit2_data();
    void badArgumentsExit2();
};

void TestSendCli::deliveredExits0()
{
    TestReceiver app;
    const Result r = send({QStringLiteral("--to"), app.url().toString(),
                           QStringLiteral("--template"), QStringLiteral("avatar_edit.failed"),
                           QStringLiteral("--header"), QStringLiteral("X-Trace: abc")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(lines(r.out).size(), 1);
    QVERIFY(r.out.startsWith("attempt 1: 200 in "));
    QCOMPARE(app.requests().size(), 1);
    QVERIFY(app.requests().first().body.contains("\"avatar_edit\""));
    QCOMPARE(app.requests().first().header("X-Trace"), QByteArray("abc"));
    QCOMPARE(app.requests().first().header("X-Hoox-Webhook"), QByteArray("true"));
}

void TestSendCli::failedOnceExits1()
{
    TestReceiver app({ReceiverStep{500, 0, false, {}, {}}});
    const Result r =
        send({QStringLiteral("--to"), app.url().toString(), QStringLiteral("--template"),
              QStringLiteral("video_generate.completed")});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(lines(r.out).size(), 1); // without --like-hoox: once
    QVERIFY(r.out.startsWith("attempt 1: 500 in "));
    QCOMPARE(app.requests().size(), 1);
}

void TestSendCli::likeHooxRetriesThenGivesUp()
{
    TestReceiver app({ReceiverStep{503, 0, false, {}, {}}});
    const Result r =
        send({QStringLiteral("--to"), app.url().toString(), QStringLiteral("--like-hoox"),
              QStringLiteral("--schedule"), QStringLiteral("10,20,30"),
              QStringLiteral("--template"), QStringLiteral("video_export.failed")});
    QCOMPARE(r.exitCode, 1);
    const QStringList out = lines(r.out);
    QCOMPARE(out.size(), 4);
    for (int i = 0; i < 4; ++i)
        QVERIFY(out.at(i).startsWith(QStringLiteral("attempt %1: 503").arg(i + 1)));
    QCOMPARE(app.requests().size(), 4);
    QVERIFY(r.err.contains("Not delivered after 4 attempt"));
}

void TestSendCli::jsonLines()
{
    TestReceiver app({ReceiverStep{500, 0, false, {}, {}}, ReceiverStep{200, 0, false, {}, {}}});
    const Result r = send({QStringLiteral("--to"), app.url().toString(), QStringLiteral("--json"),
                           QStringLiteral("--like-hoox"), QStringLiteral("--schedule=5,5,5"),
                           QStringLiteral("--template"), QStringLiteral("video_export.completed")});
    QCOMPARE(r.exitCode, 0);
    const QStringList out = lines(r.out);
    QCOMPARE(out.size(), 2);
    const QJsonObject first = QJsonDocument::fromJson(out.at(0).toUtf8()).object();
    const QJsonObject second = QJsonDocument::fromJson(out.at(1).toUtf8()).object();
    QCOMPARE(first.value(QLatin1String("attempt")).toInt(), 1);
    QCOMPARE(first.value(QLatin1String("status")).toInt(), 500);
    QCOMPARE(first.value(QLatin1String("delivered")).toBool(), false);
    QVERIFY(first.value(QLatin1String("error")).isNull());
    QVERIFY(first.value(QLatin1String("latency_ms")).toInt() >= 0);
    QCOMPARE(second.value(QLatin1String("status")).toInt(), 200);
    QCOMPARE(second.value(QLatin1String("delivered")).toBool(), true);
}

void TestSendCli::connectionRefused()
{
    const Result r = send({QStringLiteral("--to"), TestReceiver::closedPortUrl().toString(),
                           QStringLiteral("--json"), QStringLiteral("--template"),
                           QStringLiteral("video_generate.failed")});
    QCOMPARE(r.exitCode, 1);
    const QJsonObject o = QJsonDocument::fromJson(lines(r.out).value(0).toUtf8()).object();
    QVERIFY(o.value(QLatin1String("status")).isNull());
    QCOMPARE(o.value(QLatin1String("error")).toString(), QStringLiteral("connection refused"));
}

void TestSendCli::bodyFromStdinIsByteExact()
{
    TestReceiver app;
    const QByteArray body = "{ \"task\" : \"video_generate\" }\r\n\t";
    const Result r =
        send({QStringLiteral("--to"), app.url().toString(), QStringLiteral("-")}, body);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(app.requests().first().body, body);
}

void TestSendCli::badArgumentsExit2_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    const QString to = QStringLiteral("http://127.0.0.1:9/webhook");
    const QString t = QStringLiteral("--template=video_generate.completed");
    QTest::addRow("no --to") << QStringList{t} << "--to";
    QTest::addRow("ftp URL") << QStringList{QStringLiteral("--to=ftp://127.0.0.1/x"), t} << "http";
    QTest::addRow("no host") << QStringList{QStringLiteral("--to=http://"), t} << "--to";
    QTest::addRow("no payload") << QStringList{QStringLiteral("--to"), to} << "payload";
    QTest::addRow("two payloads") << QStringList{QStringLiteral("--to"), to, t, QStringLiteral("-")}
                                  << "exactly one";
    QTest::addRow("unknown template")
        << QStringList{QStringLiteral("--to"), to, QStringLiteral("--template=nope")} << "nope";
    QTest::addRow("bad header") << QStringList{QStringLiteral("--to"), to, t,
                                               QStringLiteral("--header=NoColon")}
                                << "--header";
    QTest::addRow("bad timeout") << QStringList{QStringLiteral("--to"), to, t,
                                                QStringLiteral("--timeout=soon")}
                                 << "--timeout";
    QTest::addRow("four retries") << QStringList{QStringLiteral("--to"), to, t,
                                                 QStringLiteral("--schedule=1,2,3,4")}
                                  << "--schedule";
    QTest::addRow("missing file") << QStringList{QStringLiteral("--to"), to,
                                                 QStringLiteral("/nonexistent/payload.json")}
                                  << "/nonexistent/payload.json";
    QTest::addRow("unknown option") << QStringList{QStringLiteral("--frobnicate")} << "frobnicate";
}

void TestSendCli::badArgumentsExit2()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const Result r = send(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(mentions), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestSendCli)
#include "tst_sendcli.moc"
