// SPDX-License-Identifier: MIT
// `hookscope listen` forwarding to the Hoox page's own Express receiver, routing, holding and
// changing its answer, all over real sockets, with real senders: curl, Python's urllib, Node's
// fetch, and `hookscope send --like-hoox`, which retries as Hoox does.
#include "../helpers/ExpressReceiver.h"
#include "HeadlessProcess.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

namespace {

QByteArray hooxBody(const QByteArray &task, const QByteArray &jobId)
{
    return "{\"task\":\"" + task + "\",\"job_id\":\"" + jobId +
           "\",\"status\":\"completed\",\"result\":{\"video_id\":\"v\",\"avatar_id\":\"a\"}}";
}

SentRequest hooxRequest(const QByteArray &task, const QByteArray &jobId)
{
    return postRequest("/webhook/hoox", hooxBody(task, jobId),
                       {{"Content-Type", "application/json"},
                        {"User-Agent", "Hoox-API/1.0"},
                        {"X-Hoox-Webhook", "true"}});
}

QJsonObject record(const QByteArray &line)
{
    return QJsonDocument::fromJson(line).object();
}

QJsonObject forwardOf(const QByteArray &line)
{
    return record(line).value(QStringLiteral("forward")).toObject();
}

// The statuses of `hookscope send --json`'s attempts, one JSON object per line.
QList<int> attemptStatuses(const QByteArray &out)
{
    QList<int> statuses;
    for (const QByteArray &line : out.split('\n')) {
        if (!line.trimmed().isEmpty())
            statuses.append(record(line).value(QStringLiteral("status")).toInt());
    }
    return statuses;
}

} // namespace

class tst_ListenForward : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void forwardsToTheExpressReceiver_data();
    void forwardsToTheExpressReceiver();
    void appDownGives502AndHooxRetries();
    void answerRuleAnswers200Regardless();
    void routesSendTasksToTwoApps();
    void holdAnswersAtOnceAndReleasesOnStdin();
    void holdSurvivesARestart();
    void failNextMakesHooxRetryTwice();
    void slowHandlerIsNamed();
    void badArgumentsExit2BeforeListening_data();
    void badArgumentsExit2BeforeListening();

private:
    // `hookscope listen --json --port 0 --journal J` plus `args`; false when it did not listen.
    bool listen(const QStringList &args);
    QList<QByteArray> lines(qsizetype count) { return readLines(m_app, &m_pending, count); }
    QUrl hookscopeUrl() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/webhook/hoox").arg(m_port));
    }
    HookScopeRun hooxSends(const QStringList &extra);

    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess m_app;
    quint16 m_port = 0;
    QByteArray m_pending;
    QString m_said;
};

void tst_ListenForward::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_pending.clear();
    m_said.clear();
}

void tst_ListenForward::cleanup()
{
    if (m_app.state() != QProcess::NotRunning) {
        m_app.terminate();
        if (!m_app.waitForFinished(10'000))
            m_app.kill();
        m_app.waitForFinished();
    }
    m_dir.reset();
}

bool tst_ListenForward::listen(const QStringList &args)
{
    m_port = startListening(m_app,
                            QStringList{QStringLiteral("listen"), QStringLiteral("--json"),
                                        QStringLiteral("--port"), QStringLiteral("0"),
                                        QStringLiteral("--journal"),
                                        m_dir->filePath(QStringLiteral("j.hkj"))} +
                                args,
                            &m_said);
    if (m_port == 0)
        qWarning() << m_app.readAllStandardError();
    return m_port != 0;
}

// `hookscope send --like-hoox` with a short schedule: Hoox's retries, quicker.
HookScopeRun tst_ListenForward::hooxSends(const QStringList &extra)
{
    return runHookScope(QStringList{QStringLiteral("send"), QStringLiteral("--like-hoox"),
                                    QStringLiteral("--schedule"), QStringLiteral("100,100,100"),
                                    QStringLiteral("--json"), QStringLiteral("--template"),
                                    QStringLiteral("video_generate.completed"),
                                    QStringLiteral("--to"), hookscopeUrl().toString()} +
                        extra);
}

void tst_ListenForward::forwardsToTheExpressReceiver_data()
{
    QTest::addColumn<QString>("client");
    for (const char *client : {"curl", "python3", "node"})
        QTest::newRow(client) << QString::fromLatin1(client);
}

// The delivery reaches the app byte for byte with Hoox's headers, Hoox gets the app's answer,
// and the line says where it went and what came back.
void tst_ListenForward::forwardsToTheExpressReceiver()
{
    QFETCH(QString, client);
    ExpressReceiver app;
    QVERIFY2(app.start(), qPrintable(app.error()));
    QVERIFY(listen({QStringLiteral("--forward-to"), app.url().toString()}));
    QVERIFY2(m_said.contains(QStringLiteral("Forwarding to %1").arg(app.url().toString())),
             qPrintable(m_said));

    const QByteArray body = hooxBody("video_generate", "run_" + client.toUtf8());
    const QString url = hookscopeUrl().toString();
    QStringList args;
    if (client == QLatin1String("curl")) {
        args = {QStringLiteral("-sf"),
                url,
                QStringLiteral("-H"),
                QStringLiteral("Content-Type: application/json"),
                QStringLiteral("-H"),
                QStringLiteral("User-Agent: Hoox-API/1.0"),
                QStringLiteral("-H"),
                QStringLiteral("X-Hoox-Webhook: true"),
                QStringLiteral("--data-binary"),
                QString::fromUtf8(body)};
    } else if (client == QLatin1String("python3")) {
        args = {QStringLiteral("-c"),
                QStringLiteral("import sys,urllib.request\n"
                               "r=urllib.request.Request(sys.argv[1],data=sys.argv[2].encode(),"
                               "headers={'Content-Type':'application/json','User-Agent':'Hoox-API/"
                               "1.0','X-Hoox-Webhook':'true'})\n"
                               "a=urllib.request.urlopen(r,timeout=10)\n"
                               "sys.exit(0 if a.status==200 and a.read()==b'OK' else 1)"),
                url, QString::fromUtf8(body)};
    } else {
        args = {QStringLiteral("-e"),
                QStringLiteral("fetch(process.argv[1],{method:'POST',body:process.argv[2],headers:{"
                               "'Content-Type':'application/json','User-Agent':'Hoox-API/1.0',"
                               "'X-Hoox-Webhook':'true'}}).then(async r=>process.exit("
                               "r.status===200&&(await r.text())==='OK'?0:1))"
                               ".catch(e=>{console.error(e);process.exit(1)})"),
                url, QString::fromUtf8(body)};
    }
    QVERIFY2(!QStandardPaths::findExecutable(client).isEmpty(),
             qPrintable(client + QStringLiteral(" is not installed")));
    QProcess sender;
    sender.start(client, args);
    QVERIFY(sender.waitForFinished(30'000));
    QVERIFY2(sender.exitCode() == 0, sender.readAllStandardError().constData());

    QVERIFY(app.waitForRequests(1));
    const QJsonObject got = app.received().first();
    QCOMPARE(got.value(QStringLiteral("task")).toString(), QStringLiteral("video_generate"));
    QCOMPARE(got.value(QStringLiteral("raw_body_length")).toInt(), body.size());
    const QJsonObject headers = got.value(QStringLiteral("headers")).toObject();
    QCOMPARE(headers.value(QStringLiteral("x-hoox-webhook")).toString(), QStringLiteral("true"));
    QCOMPARE(headers.value(QStringLiteral("user-agent")).toString(),
             QStringLiteral("Hoox-API/1.0"));

    const QList<QByteArray> out = lines(1);
    QCOMPARE(out.size(), 1);
    const QJsonObject forward = forwardOf(out.first());
    QCOMPARE(record(out.first()).value(QStringLiteral("answer")).toInt(), 200);
    QCOMPARE(forward.value(QStringLiteral("state")).toString(), QStringLiteral("sent"));
    QCOMPARE(forward.value(QStringLiteral("target")).toString(), app.url().toString());
    QCOMPARE(forward.value(QStringLiteral("status")).toInt(), 200);
    QVERIFY(forward.value(QStringLiteral("latency_ms")).toInt() >= 0);
    QVERIFY(forward.value(QStringLiteral("error")).isNull());
    QVERIFY(forward.value(QStringLiteral("slow")).isNull());
}

// The app is stopped: Hoox gets 502 with the reason, and retries, as it would for the app.
void tst_ListenForward::appDownGives502AndHooxRetries()
{
    ExpressReceiver app;
    QVERIFY2(app.start(), qPrintable(app.error()));
    const QUrl url = app.url();
    app.stop();
    QVERIFY(listen({QStringLiteral("--forward-to"), url.toString()}));
    const HookScopeRun hoox = hooxSends({});
    QCOMPARE(attemptStatuses(hoox.out), (QList<int>{502, 502, 502, 502}));
    const QList<QByteArray> out = lines(4);
    QCOMPARE(out.size(), 4);
    for (const QByteArray &line : out) {
        const QJsonObject forward = forwardOf(line);
        QCOMPARE(record(line).value(QStringLiteral("answer")).toInt(), 502);
        QCOMPARE(forward.value(QStringLiteral("error")).toString(),
                 QStringLiteral("connection refused"));
        QVERIFY2(forward.value(QStringLiteral("summary"))
                     .toString()
                     .contains(QStringLiteral("your app is not reachable")),
                 line.constData());
    }
    // The retries are one delivery to HookScope too: attempts 1 to 4 of one key.
    QCOMPARE(record(out.last()).value(QStringLiteral("attempt")).toInt(), 4);
}

void tst_ListenForward::answerRuleAnswers200Regardless()
{
    ExpressReceiver app;
    QVERIFY2(app.start({QStringLiteral("failing"), 500}), qPrintable(app.error()));
    QVERIFY(listen({QStringLiteral("--forward-to"), app.url().toString(),
                    QStringLiteral("--answer"), QStringLiteral("rule")}));
    const HookScopeRun hoox = hooxSends({});
    QCOMPARE(attemptStatuses(hoox.out), QList<int>{200});
    QVERIFY(app.waitForRequests(1));
    const QList<QByteArray> out = lines(1);
    QCOMPARE(out.size(), 1);
    QCOMPARE(record(out.first()).value(QStringLiteral("answer")).toInt(), 200);
    QCOMPARE(forwardOf(out.first()).value(QStringLiteral("status")).toInt(), 500);
}

// Avatar deliveries to one app, video deliveries to another; a route to an app that is down
// says so on its capture's line.
void tst_ListenForward::routesSendTasksToTwoApps()
{
    ExpressReceiver avatars;
    ExpressReceiver videos;
    ExpressReceiver down;
    QVERIFY2(avatars.start({QStringLiteral("avatars"), 200, 0, {QStringLiteral("/avatars")}}),
             qPrintable(avatars.error()));
    QVERIFY2(videos.start({QStringLiteral("videos"), 200, 0, {QStringLiteral("/videos")}}),
             qPrintable(videos.error()));
    QVERIFY2(down.start(), qPrintable(down.error()));
    const QUrl downUrl = down.url(QStringLiteral("/exports"));
    down.stop();
    QVERIFY(listen(
        {QStringLiteral("--route"),
         QStringLiteral("task:avatar_*=") + avatars.url(QStringLiteral("/avatars")).toString(),
         QStringLiteral("--route"), QStringLiteral("task:video_export=") + downUrl.toString(),
         QStringLiteral("--route"),
         QStringLiteral("task:video_*=") + videos.url(QStringLiteral("/videos")).toString()}));
    QCOMPARE(deliver(m_port, hooxRequest("avatar_create", "a1")), 200);
    QCOMPARE(deliver(m_port, hooxRequest("video_generate", "v1")), 200);
    QCOMPARE(deliver(m_port, hooxRequest("avatar_edit", "a2")), 200);
    QCOMPARE(deliver(m_port, hooxRequest("video_export", "e1")), 502);
    // Matches no route and there is no --forward-to: answered per the rule.
    QCOMPARE(deliver(m_port, hooxRequest("something_new", "x1")), 200);
    QVERIFY(avatars.waitForRequests(2));
    QVERIFY(videos.waitForRequests(1));
    QCOMPARE(avatars.received().at(0).value(QStringLiteral("task")).toString(),
             QStringLiteral("avatar_create"));
    QCOMPARE(avatars.received().at(1).value(QStringLiteral("task")).toString(),
             QStringLiteral("avatar_edit"));
    QCOMPARE(videos.received().size(), 1);
    QCOMPARE(videos.received().first().value(QStringLiteral("path")).toString(),
             QStringLiteral("/videos"));

    QList<QByteArray> out = lines(5);
    QCOMPARE(out.size(), 5);
    std::sort(out.begin(), out.end(), [](const QByteArray &a, const QByteArray &b) {
        return record(a).value(QStringLiteral("id")).toInt() <
               record(b).value(QStringLiteral("id")).toInt();
    });
    QCOMPARE(forwardOf(out.at(0)).value(QStringLiteral("target")).toString(),
             avatars.url(QStringLiteral("/avatars")).toString());
    QCOMPARE(forwardOf(out.at(1)).value(QStringLiteral("target")).toString(),
             videos.url(QStringLiteral("/videos")).toString());
    QCOMPARE(forwardOf(out.at(3)).value(QStringLiteral("target")).toString(), downUrl.toString());
    QCOMPARE(forwardOf(out.at(3)).value(QStringLiteral("error")).toString(),
             QStringLiteral("connection refused"));
    QCOMPARE(forwardOf(out.at(4)).value(QStringLiteral("state")).toString(),
             QStringLiteral("not_routed"));
}

// Held: Hoox is answered at once, the app gets the delivery only on `release`, `drop` discards.
void tst_ListenForward::holdAnswersAtOnceAndReleasesOnStdin()
{
    ExpressReceiver app;
    QVERIFY2(app.start(), qPrintable(app.error()));
    QVERIFY(
        listen({QStringLiteral("--forward-to"), app.url().toString(), QStringLiteral("--hold")}));
    qint64 fastest = std::numeric_limits<qint64>::max();
    for (const QByteArray job : {"j1", "j2", "j3"}) {
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(deliver(m_port, hooxRequest("video_generate", job)), 200);
        fastest = std::min(fastest, clock.elapsed());
    }
    qInfo("fastest held answer: %lld ms", fastest);
    QVERIFY2(fastest < 50, qPrintable(QString::number(fastest)));
    const QList<QByteArray> held = lines(3);
    QCOMPARE(held.size(), 3);
    for (const QByteArray &line : held)
        QCOMPARE(forwardOf(line).value(QStringLiteral("state")).toString(), QStringLiteral("held"));
    QTest::qWait(200);
    QCOMPARE(app.received().size(), 0);

    m_app.write("release 2\n");
    QVERIFY(app.waitForRequests(1));
    QCOMPARE(app.received().first().value(QStringLiteral("job_id")).toString(),
             QStringLiteral("j2"));
    QList<QByteArray> out = lines(1);
    QCOMPARE(out.size(), 1);
    QCOMPARE(record(out.first()).value(QStringLiteral("id")).toInt(), 2);
    QCOMPARE(forwardOf(out.first()).value(QStringLiteral("state")).toString(),
             QStringLiteral("sent"));
    QCOMPARE(forwardOf(out.first()).value(QStringLiteral("status")).toInt(), 200);

    m_app.write("drop\n"); // the oldest: #1
    out = lines(1);
    QCOMPARE(out.size(), 1);
    QCOMPARE(record(out.first()).value(QStringLiteral("id")).toInt(), 1);
    QCOMPARE(forwardOf(out.first()).value(QStringLiteral("state")).toString(),
             QStringLiteral("dropped"));
    m_app.write("release all\n");
    QVERIFY(app.waitForRequests(2));
    QCOMPARE(app.received().at(1).value(QStringLiteral("job_id")).toString(), QStringLiteral("j3"));
    QCOMPARE(lines(1).size(), 1);
    m_app.write("release\n");
    QTest::qWait(300);
    QCOMPARE(app.received().size(), 2); // #1 was dropped, never sent
}

// Stopped with a forward held; started again on the same journal, it is still held and is
// released to the app.
void tst_ListenForward::holdSurvivesARestart()
{
    ExpressReceiver app;
    QVERIFY2(app.start(), qPrintable(app.error()));
    const QStringList args{QStringLiteral("--forward-to"), app.url().toString(),
                           QStringLiteral("--hold")};
    QVERIFY(listen(args));
    QCOMPARE(deliver(m_port, hooxRequest("avatar_create", "a1")), 200);
    QCOMPARE(lines(1).size(), 1);
    m_app.terminate();
    QVERIFY(m_app.waitForFinished(10'000));
    m_pending.clear();

    QVERIFY(listen(args));
    QVERIFY2(m_said.contains(QStringLiteral("Held since an earlier run: #1")), qPrintable(m_said));
    QCOMPARE(app.received().size(), 0);
    m_app.write("release all\n");
    QVERIFY(app.waitForRequests(1));
    QCOMPARE(app.received().first().value(QStringLiteral("task")).toString(),
             QStringLiteral("avatar_create"));
    const QList<QByteArray> out = lines(1);
    QCOMPARE(out.size(), 1);
    QCOMPARE(record(out.first()).value(QStringLiteral("id")).toInt(), 1);
    QCOMPARE(forwardOf(out.first()).value(QStringLiteral("state")).toString(),
             QStringLiteral("sent"));
}

void tst_ListenForward::failNextMakesHooxRetryTwice()
{
    QVERIFY(listen({QStringLiteral("--fail-next"), QStringLiteral("2:500")}));
    const HookScopeRun hoox = hooxSends({});
    QCOMPARE(hoox.exitCode, 0);
    QCOMPARE(attemptStatuses(hoox.out), (QList<int>{500, 500, 200}));
    const QList<QByteArray> out = lines(3);
    QCOMPARE(out.size(), 3);
    QCOMPARE(record(out.at(2)).value(QStringLiteral("attempt")).toInt(), 3);
    QCOMPARE(record(out.at(2)).value(QStringLiteral("answer")).toInt(), 200);
}

// The app takes longer than Hoox's 10 s: Hoox gets HookScope's 502 within its 10 s, and the
// capture's line names the handler's real latency and what Hoox would have done.
void tst_ListenForward::slowHandlerIsNamed()
{
    ExpressReceiver app;
    QVERIFY2(app.start({QStringLiteral("slow"), 200, 10'300}), qPrintable(app.error()));
    QVERIFY(listen({QStringLiteral("--forward-to"), app.url().toString()}));
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(deliver(m_port, hooxRequest("video_generate", "slow1")), 502);
    QVERIFY2(clock.elapsed() < 10'000, qPrintable(QString::number(clock.elapsed())));
    QList<QByteArray> out;
    QDeadlineTimer deadline(15'000);
    while (out.isEmpty() && !deadline.hasExpired())
        out = lines(1);
    QCOMPARE(out.size(), 1);
    const QJsonObject forward = forwardOf(out.first());
    QCOMPARE(forward.value(QStringLiteral("status")).toInt(), 200);
    QVERIFY(forward.value(QStringLiteral("latency_ms")).toInt() >= 10'300);
    const QString slow = forward.value(QStringLiteral("slow")).toString();
    QVERIFY2(slow.startsWith(QStringLiteral("your app answered 200 in 10.")), qPrintable(slow));
    QVERIFY2(
        slow.endsWith(QStringLiteral("s: Hoox would have timed out at 10 s and retried after 1 s")),
        qPrintable(slow));
}

void tst_ListenForward::badArgumentsExit2BeforeListening_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("named");
    const auto row = [](const char *name, QStringList args, const char *named) {
        QTest::newRow(name) << args << QString::fromUtf8(named);
    };
    row("route without url", {QStringLiteral("--route"), QStringLiteral("task:avatar_*")},
        "task:avatar_*");
    row("route unknown field",
        {QStringLiteral("--route"), QStringLiteral("tsk:avatar_*=http://127.0.0.1:1/a")}, "tsk");
    row("route bad url", {QStringLiteral("--route"), QStringLiteral("task:x=http://")},
        "task:x=http://");
    row("forward-to not a url", {QStringLiteral("--forward-to"), QStringLiteral("localhost:3000")},
        "--forward-to");
    row("forward-to ftp", {QStringLiteral("--forward-to"), QStringLiteral("ftp://127.0.0.1/x")},
        "ftp://127.0.0.1/x");
    row("status too low", {QStringLiteral("--status"), QStringLiteral("99")}, "--status");
    row("status too high", {QStringLiteral("--status"), QStringLiteral("600")}, "--status");
    row("fail-next without count", {QStringLiteral("--fail-next")}, "fail-next");
    row("fail-next bad count", {QStringLiteral("--fail-next"), QStringLiteral(":500")},
        "--fail-next");
    row("fail-next bad status", {QStringLiteral("--fail-next"), QStringLiteral("2:700")},
        "--fail-next");
    row("delay-next zero", {QStringLiteral("--delay-next"), QStringLiteral("0")}, "--delay-next");
    row("answer unknown",
        {QStringLiteral("--forward-to"), QStringLiteral("http://127.0.0.1:1/"),
         QStringLiteral("--answer"), QStringLiteral("maybe")},
        "--answer");
    row("hold without target", {QStringLiteral("--hold")}, "--hold");
}

void tst_ListenForward::badArgumentsExit2BeforeListening()
{
    QFETCH(QStringList, args);
    QFETCH(QString, named);
    const HookScopeRun r = runHookScope(
        QStringList{QStringLiteral("listen"), QStringLiteral("--port"), QStringLiteral("0"),
                    QStringLiteral("--journal"), m_dir->filePath(QStringLiteral("j.hkj"))} +
        args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(named), r.err.constData());
    QVERIFY2(!r.err.contains("Listening"), r.err.constData());
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("j.hkj"))));
}

QTEST_GUILESS_MAIN(tst_ListenForward)
#include "tst_listenforward.moc"
