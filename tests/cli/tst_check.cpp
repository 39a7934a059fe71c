// SPDX-License-Identifier: MIT
// `hookscope check` grading real local receivers: the Hoox page's Express receiver, one that
// sleeps past Hoox's timeout, one that redirects, and a port nobody listens on.
#include "../helpers/ExpressReceiver.h"
#include "HeadlessProcess.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

QMap<QString, QJsonObject> byScenario(const QByteArray &out)
{
    QMap<QString, QJsonObject> records;
    for (const QByteArray &line : out.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        records.insert(o.value(QStringLiteral("scenario")).toString(), o);
    }
    return records;
}

QString verdictOf(const QJsonObject &o)
{
    return o.value(QStringLiteral("verdict")).toString();
}

} // namespace

class tst_Check : public QObject {
    Q_OBJECT
private slots:
    void expressReceiverPassesButCrashesOnTextPlain();
    void junitIsXmlWithOneTestcasePerScenario();
    void sleepingReceiverFailsLatencyInWords();
    void unreachableExits2();
    void redirectExits2();
    void badArguments_data();
    void badArguments();

private:
    QTemporaryDir m_dir;
};

// The page's receiver, exactly as written: every delivery, duplicate and order scenario passes;
// JSON sent as text/plain leaves req.body undefined and the handler's destructuring throws: 500.
void tst_Check::expressReceiverPassesButCrashesOnTextPlain()
{
    ExpressReceiver app;
    QVERIFY2(app.start(), qPrintable(app.error()));
    const HookScopeRun r = runHookScope(
        {QStringLiteral("check"), QStringLiteral("--to"), app.url().toString(),
         QStringLiteral("--json"), QStringLiteral("--only"),
         QStringLiteral("deliveries,duplicates,order,unknown-task,malformed,concurrency")});
    QCOMPARE(r.exitCode, 1);
    const QMap<QString, QJsonObject> scenarios = byScenario(r.out);
    QCOMPARE(scenarios.size(), 8 + 1 + 2 + 1 + 5 + 1);
    for (const QString &name : scenarios.keys()) {
        if (name == QLatin1String("malformed/text-plain"))
            continue;
        QVERIFY2(
            verdictOf(scenarios.value(name)) == QLatin1String("pass"),
            qPrintable(name + u' ' +
                       QString::fromUtf8(
                           QJsonDocument(scenarios.value(name)).toJson(QJsonDocument::Compact))));
    }
    const QJsonObject plain = scenarios.value(QStringLiteral("malformed/text-plain"));
    QCOMPARE(verdictOf(plain), QStringLiteral("fail"));
    QCOMPARE(plain.value(QStringLiteral("answer")).toString(), QStringLiteral("500"));
    QVERIFY2(plain.value(QStringLiteral("reason"))
                 .toString()
                 .startsWith(QStringLiteral(
                     "answered 500: your handler fails on this body instead of refusing it")),
             qPrintable(plain.value(QStringLiteral("reason")).toString()));
    // The duplicate and its retry 1 s later reached the app: three requests, one job.
    const QJsonObject dup = scenarios.value(QStringLiteral("duplicates"));
    QCOMPARE(dup.value(QStringLiteral("requests")).toArray().size(), 3);
    QVERIFY(r.err.contains("1 failed"));
}

void tst_Check::junitIsXmlWithOneTestcasePerScenario()
{
    ExpressReceiver app;
    QVERIFY2(app.start(), qPrintable(app.error()));
    const QString junit = m_dir.filePath(QStringLiteral("check.xml"));
    const HookScopeRun r = runHookScope(
        {QStringLiteral("check"), QStringLiteral("--to"), app.url().toString(),
         QStringLiteral("--junit"), junit, QStringLiteral("--only"),
         QStringLiteral("deliveries/video_generate.completed,malformed,unknown-task")});
    QCOMPARE(r.exitCode, 1);
    // The human scorecard: one line per scenario, the failure's reason indented below it.
    QVERIFY2(r.out.contains("FAIL  malformed/text-plain"), r.out.constData());
    QVERIFY(r.out.contains("PASS  unknown-task"));

    QFile f(junit);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QXmlStreamReader x(&f);
    int testcases = 0;
    int failures = 0;
    int declaredTests = -1;
    int declaredFailures = -1;
    QStringList failed;
    QString current;
    while (!x.atEnd()) {
        if (x.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (x.name() == QLatin1String("testsuite")) {
            declaredTests = x.attributes().value(QStringLiteral("tests")).toInt();
            declaredFailures = x.attributes().value(QStringLiteral("failures")).toInt();
        } else if (x.name() == QLatin1String("testcase")) {
            ++testcases;
            current = x.attributes().value(QStringLiteral("name")).toString();
        } else if (x.name() == QLatin1String("failure")) {
            ++failures;
            failed << current;
            QVERIFY(!x.attributes().value(QStringLiteral("message")).isEmpty());
        }
    }
    QVERIFY2(!x.hasError(), qPrintable(x.errorString()));
    QCOMPARE(testcases, 1 + 5 + 1);
    QCOMPARE(declaredTests, testcases);
    QCOMPARE(failures, 1);
    QCOMPARE(declaredFailures, 1);
    QCOMPARE(failed, QStringList{QStringLiteral("malformed/text-plain")});
}

// An app that takes 12 s: Hoox gives up on each delivery at 10 s and retries; the scorecard says
// so, and the latency scenario stops at the first such delivery.
void tst_Check::sleepingReceiverFailsLatencyInWords()
{
    ExpressReceiver app;
    QVERIFY2(app.start({QStringLiteral("sleepy"), 200, 12'000}), qPrintable(app.error()));
    QElapsedTimer clock;
    clock.start();
    const HookScopeRun r = runHookScope({QStringLiteral("check"), QStringLiteral("--to"),
                                         app.url().toString(), QStringLiteral("--json"),
                                         QStringLiteral("--only"), QStringLiteral("latency")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(clock.elapsed() < 20'000, qPrintable(QString::number(clock.elapsed())));
    const QJsonObject latency = byScenario(r.out).value(QStringLiteral("latency"));
    QCOMPARE(verdictOf(latency), QStringLiteral("fail"));
    QCOMPARE(latency.value(QStringLiteral("requests")).toArray().size(), 1);
    QCOMPARE(latency.value(QStringLiteral("reason")).toString(),
             QStringLiteral("no answer within 10 s: Hoox counts that as a failure and retries "
                            "after 1 s, 2 s and 4 s, then gives up; each retry is the same "
                            "delivery again, processed again if your handler got that far"));
}

void tst_Check::unreachableExits2()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const QString url = QStringLiteral("http://127.0.0.1:%1/webhook/hoox").arg(probe.serverPort());
    probe.close();
    const HookScopeRun r = runHookScope({QStringLiteral("check"), QStringLiteral("--to"), url});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QByteArray("Cannot reach " + url.toUtf8() + ": connection refused")),
             r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void tst_Check::redirectExits2()
{
    ExpressReceiver app;
    QVERIFY2(app.start({QStringLiteral("moved"), 301}), qPrintable(app.error()));
    const HookScopeRun r =
        runHookScope({QStringLiteral("check"), QStringLiteral("--to"), app.url().toString()});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("answers with a redirect"), r.err.constData());
    QVERIFY(r.err.contains("Hoox does not follow redirects"));
}

void tst_Check::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("named");
    QTest::newRow("no --to") << QStringList{} << QStringLiteral("--to URL is needed");
    QTest::newRow("bad url") << QStringList{QStringLiteral("--to"), QStringLiteral("localhost")}
                             << QStringLiteral("--to needs");
    QTest::newRow("unknown scenario")
        << QStringList{QStringLiteral("--to"), QStringLiteral("http://127.0.0.1:1/"),
                       QStringLiteral("--only"), QStringLiteral("speed")}
        << QStringLiteral("\"speed\"");
    QTest::newRow("timeout 0") << QStringList{QStringLiteral("--to"),
                                              QStringLiteral("http://127.0.0.1:1/"),
                                              QStringLiteral("--timeout"), QStringLiteral("0")}
                               << QStringLiteral("--timeout");
}

void tst_Check::badArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QString, named);
    const HookScopeRun r = runHookScope(QStringList{QStringLiteral("check")} + args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(named), r.err.constData());
}

QTEST_GUILESS_MAIN(tst_Check)
#include "tst_check.moc"
