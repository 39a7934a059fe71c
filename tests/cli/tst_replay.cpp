// SPDX-License-Identifier: MIT
// `hookscope replay` sending a journal's captures to the Hoox page's Express receiver: their
// spacing, scaled, reproducible chaos, a journal another HookScope writes to, and bad input.
#include "../helpers/ExpressReceiver.h"
#include "HeadlessProcess.h"

#include <algorithm>

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class tst_Replay : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void spacingIsReproduced();
    void speedDividesTheSpacing();
    void sameSeedSameChaos();
    void filterAndIdsSelect();
    void likeHooxRetriesAndReports();
    void journalInUseIsStillRead();
    void unreachableAppIsSaid();
    void badArguments_data();
    void badArguments();

private:
    // A journal of captures received at these offsets (ms), each a video_generate result with
    // job ids run_0, run_1, …; avatar results where `avatar` says so.
    QString journalWith(const QString &name, const QList<qint64> &offsets,
                        const QList<bool> &avatar = {});
    // The gaps between the arrivals the receiver saw, in ms.
    QString spacingProblem(const QList<QJsonObject> &received, int speed) const;
    static QString toString(const QList<qint64> &values);

    QTemporaryDir m_dir;
    QString m_spaced; // 5 captures, 0.5–2 s apart
    const QList<qint64> m_offsets{0, 500, 1700, 2500, 4500};
};

QString tst_Replay::journalWith(const QString &name, const QList<qint64> &offsets,
                                const QList<bool> &avatar)
{
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 60'000;
    QByteArray lines;
    for (qsizetype i = 0; i < offsets.size(); ++i) {
        const bool isAvatar = i < avatar.size() && avatar.at(i);
        const QByteArray body =
            isAvatar ? QByteArray("{\"task\":\"avatar_create\",\"avatar_id\":\"av_" +
                                  QByteArray::number(i) +
                                  "\",\"look_id\":\"lk\",\"status\":\"completed\",\"result\":{}}")
                     : QByteArray("{\"task\":\"video_generate\",\"job_id\":\"run_" +
                                  QByteArray::number(i) +
                                  "\",\"status\":\"completed\",\"result\":{\"video_id\":\"v\"}}");
        const QJsonObject record{
            {QStringLiteral("received_at"),
             QDateTime::fromMSecsSinceEpoch(t0 + offsets.at(i), Qt::UTC)
                 .toString(Qt::ISODateWithMs)},
            {QStringLiteral("method"), QStringLiteral("POST")},
            {QStringLiteral("target"), QStringLiteral("/webhook/hoox")},
            {QStringLiteral("headers"),
             QJsonArray{
                 QJsonArray{QStringLiteral("Content-Type"), QStringLiteral("application/json")},
                 QJsonArray{QStringLiteral("User-Agent"), QStringLiteral("Hoox-API/1.0")},
                 QJsonArray{QStringLiteral("X-Hoox-Webhook"), QStringLiteral("true")}}},
            {QStringLiteral("body"), QString::fromUtf8(body)},
        };
        lines += QJsonDocument(record).toJson(QJsonDocument::Compact) + '\n';
    }
    const QString file = m_dir.filePath(name + QStringLiteral(".jsonl"));
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly) || f.write(lines) != lines.size())
        return {};
    f.close();
    const QString journal = m_dir.filePath(name + QStringLiteral(".hkj"));
    const HookScopeRun r =
        runHookScope({QStringLiteral("import"), QStringLiteral("--journal"), journal, file});
    return r.exitCode == 0 ? journal : QString();
}

// Each arrival against its capture's offset divided by `speed`, both counted from the first
// delivery, up to one shift that all share: on a loaded machine one request now and then goes
// out late and the schedule then catches up, so a single gap says little, while a spacing not
// divided by the speed (or not kept at all) moves the arrivals apart from one another. Empty
// when every arrival is within 150 ms of its place; else the arrivals and their places.
QString tst_Replay::spacingProblem(const QList<QJsonObject> &received, int speed) const
{
    if (received.size() != m_offsets.size())
        return QStringLiteral("%1 deliveries arrived, not %2")
            .arg(received.size())
            .arg(m_offsets.size());
    const qint64 first = received.first().value(QStringLiteral("at_ms")).toInteger();
    QList<qint64> arrived, expected, offBy;
    for (qsizetype i = 0; i < received.size(); ++i) {
        arrived << received.at(i).value(QStringLiteral("at_ms")).toInteger() - first;
        expected << m_offsets.at(i) / speed;
        offBy << arrived.last() - expected.last();
    }
    QList<qint64> sorted = offBy;
    std::sort(sorted.begin(), sorted.end());
    const qint64 shift = sorted.at(sorted.size() / 2);
    for (const qint64 d : offBy) {
        if (qAbs(d - shift) > 150)
            return QStringLiteral("at speed %1, arrived at %2 ms, expected %3 ms (± 150, shifted "
                                  "by %4)")
                .arg(speed)
                .arg(toString(arrived), toString(expected))
                .arg(shift);
    }
    return {};
}

QString tst_Replay::toString(const QList<qint64> &values)
{
    QStringList parts;
    for (const qint64 v : values)
        parts << QString::number(v);
    return parts.join(QStringLiteral(", "));
}

void tst_Replay::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_spaced = journalWith(QStringLiteral("spaced"), m_offsets);
    QVERIFY(!m_spaced.isEmpty());
}

void tst_Replay::spacingIsReproduced()
{
    ExpressReceiver app;
    QVERIFY2(app.start(), qPrintable(app.error()));
    const HookScopeRun r = runHookScope({QStringLiteral("replay"), QStringLiteral("--journal"),
                                         m_spaced, QStringLiteral("--to"), app.url().toString()});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(app.waitForRequests(5));
    const QList<QJsonObject> got = app.received();
    for (int i = 0; i < 5; ++i)
        QCOMPARE(got.at(i).value(QStringLiteral("job_id")).toString(),
                 QStringLiteral("run_%1").arg(i));
    const QString spacing = spacingProblem(got, 1);
    QVERIFY2(spacing.isEmpty(), qPrintable(spacing));
    QVERIFY2(r.out.contains("5 sent, 5 answered 2xx, 0 not, 0 timed out"), r.out.constData());
}

void tst_Replay::speedDividesTheSpacing()
{
    ExpressReceiver app;
    QVERIFY2(app.start(), qPrintable(app.error()));
    const HookScopeRun r = runHookScope({QStringLiteral("replay"), QStringLiteral("--journal"),
                                         m_spaced, QStringLiteral("--to"), app.url().toString(),
                                         QStringLiteral("--speed"), QStringLiteral("10")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(app.waitForRequests(5));
    const QString spacing = spacingProblem(app.received(), 10);
    QVERIFY2(spacing.isEmpty(), qPrintable(spacing));
}

// Duplicates, reordering and drops from one seed: the same deliveries in the same order, twice.
void tst_Replay::sameSeedSameChaos()
{
    QList<qint64> offsets;
    for (int i = 0; i < 20; ++i)
        offsets.append(i * 10);
    const QString journal = journalWith(QStringLiteral("chaos"), offsets);
    QVERIFY(!journal.isEmpty());
    QList<QStringList> runs;
    for (int run = 0; run < 2; ++run) {
        ExpressReceiver app;
        QVERIFY2(app.start(), qPrintable(app.error()));
        const HookScopeRun r = runHookScope(
            {QStringLiteral("replay"), QStringLiteral("--journal"), journal, QStringLiteral("--to"),
             app.url().toString(), QStringLiteral("--back-to-back"), QStringLiteral("--seed"),
             QStringLiteral("42"), QStringLiteral("--duplicate"), QStringLiteral("0.3"),
             QStringLiteral("--reorder"), QStringLiteral("4"), QStringLiteral("--drop"),
             QStringLiteral("0.2"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(r.out.trimmed().split('\n').last())
                                       .object()
                                       .value(QStringLiteral("report"))
                                       .toObject();
        const int sent = report.value(QStringLiteral("sent")).toInt();
        QVERIFY(app.waitForRequests(sent));
        QStringList jobs;
        for (const QJsonObject &o : app.received())
            jobs << o.value(QStringLiteral("job_id")).toString();
        runs.append(jobs);
        QVERIFY(report.value(QStringLiteral("dropped")).toInt() > 0);
        QVERIFY(report.value(QStringLiteral("duplicated")).toInt() > 0);
        QCOMPARE(sent, 20 - report.value(QStringLiteral("dropped")).toInt() +
                           report.value(QStringLiteral("duplicated")).toInt());
    }
    QCOMPARE(runs.at(0), runs.at(1));
    QStringList inOrder = runs.at(0);
    inOrder.removeDuplicates();
    QStringList sorted = inOrder;
    std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) {
        return a.mid(4).toInt() < b.mid(4).toInt();
    });
    QVERIFY2(inOrder != sorted, qPrintable(inOrder.join(u' '))); // reordered
    QVERIFY(runs.at(0).size() > inOrder.size());                 // duplicated
}

void tst_Replay::filterAndIdsSelect()
{
    const QString journal =
        journalWith(QStringLiteral("mixed"), {0, 10, 20, 30}, {false, true, false, true});
    QVERIFY(!journal.isEmpty());
    ExpressReceiver app;
    QVERIFY2(app.start(), qPrintable(app.error()));
    HookScopeRun r =
        runHookScope({QStringLiteral("replay"), QStringLiteral("--journal"), journal,
                      QStringLiteral("--to"), app.url().toString(), QStringLiteral("--filter"),
                      QStringLiteral("task:avatar_*"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(app.waitForRequests(2));
    QCOMPARE(app.received().at(0).value(QStringLiteral("task")).toString(),
             QStringLiteral("avatar_create"));
    QCOMPARE(app.received().at(1).value(QStringLiteral("task")).toString(),
             QStringLiteral("avatar_create"));
    r = runHookScope({QStringLiteral("replay"), QStringLiteral("--journal"), journal,
                      QStringLiteral("--to"), app.url().toString(), QStringLiteral("--ids"),
                      QStringLiteral("1,3-3")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(app.waitForRequests(4));
    QCOMPARE(app.received().at(2).value(QStringLiteral("job_id")).toString(),
             QStringLiteral("run_0"));
    QCOMPARE(app.received().at(3).value(QStringLiteral("job_id")).toString(),
             QStringLiteral("run_2"));
}

void tst_Replay::likeHooxRetriesAndReports()
{
    ExpressReceiver app;
    QVERIFY2(app.start({QStringLiteral("failing"), 500}), qPrintable(app.error()));
    const HookScopeRun r = runHookScope(
        {QStringLiteral("replay"), QStringLiteral("--journal"), m_spaced, QStringLiteral("--to"),
         app.url().toString(), QStringLiteral("--ids"), QStringLiteral("1,2"),
         QStringLiteral("--back-to-back"), QStringLiteral("--like-hoox"),
         QStringLiteral("--schedule"), QStringLiteral("20,20,20")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(app.waitForRequests(8)); // 1 + 3 retries each
    QVERIFY2(r.out.contains("2 sent, 0 answered 2xx, 2 not"), r.out.constData());
    QVERIFY2(r.out.contains("not delivered: #1 → 500 in"), r.out.constData());
    QVERIFY(r.out.contains("after 4 attempts"));
}

// Replay only reads: a journal another HookScope is writing to still replays.
void tst_Replay::journalInUseIsStillRead()
{
    QProcess listener;
    QVERIFY(startListening(listener, {QStringLiteral("listen"), QStringLiteral("--port"),
                                      QStringLiteral("0"), QStringLiteral("--journal"), m_spaced}));
    ExpressReceiver app;
    QVERIFY2(app.start(), qPrintable(app.error()));
    const HookScopeRun r = runHookScope({QStringLiteral("replay"), QStringLiteral("--journal"),
                                         m_spaced, QStringLiteral("--to"), app.url().toString(),
                                         QStringLiteral("--back-to-back")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(app.waitForRequests(5));
    listener.terminate();
    QVERIFY(listener.waitForFinished(10'000));
}

void tst_Replay::unreachableAppIsSaid()
{
    ExpressReceiver app;
    QVERIFY2(app.start(), qPrintable(app.error()));
    const QUrl url = app.url();
    app.stop();
    const HookScopeRun r =
        runHookScope({QStringLiteral("replay"), QStringLiteral("--journal"), m_spaced,
                      QStringLiteral("--to"), url.toString(), QStringLiteral("--back-to-back")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("Nothing reached your app (connection refused)"), r.err.constData());
}

void tst_Replay::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("said");
    const QString to = QStringLiteral("http://127.0.0.1:1/");
    const auto row = [&](const char *name, const QStringList &extra, int code, const char *said) {
        QTest::newRow(name) << (QStringList{QStringLiteral("--to"), to} + extra) << code
                            << QString::fromUtf8(said);
    };
    row("speed 0", {QStringLiteral("--speed"), QStringLiteral("0")}, 2, "--speed");
    row("duplicate 2", {QStringLiteral("--duplicate"), QStringLiteral("2")}, 2, "--duplicate");
    row("drop negative", {QStringLiteral("--drop"), QStringLiteral("-0.1")}, 2, "--drop");
    row("reorder 1", {QStringLiteral("--reorder"), QStringLiteral("1")}, 2, "--reorder");
    row("ids garbage", {QStringLiteral("--ids"), QStringLiteral("a-b")}, 2, "--ids");
    row("filter unknown field", {QStringLiteral("--filter"), QStringLiteral("colour:red")}, 2,
        "colour");
    row("filter syntax error", {QStringLiteral("--filter"), QStringLiteral("(task:x")}, 2,
        "--filter does not parse:\n(task:x\n       ^ column 8: expected \")\" to close the \"(\" "
        "at column 1");
    row("empty selection", {QStringLiteral("--ids"), QStringLiteral("99")}, 2, "Nothing to replay");
    row("speed and back-to-back",
        {QStringLiteral("--speed"), QStringLiteral("2"), QStringLiteral("--back-to-back")}, 2,
        "exclude");
    QTest::newRow("no journal") << QStringList{QStringLiteral("--to"), to,
                                               QStringLiteral("--journal"),
                                               QStringLiteral("/nonexistent/j.hkj")}
                                << 1 << QStringLiteral("No journal at /nonexistent/j.hkj");
    QTest::newRow("no --to") << QStringList{} << 2 << QStringLiteral("--to URL is needed");
}

void tst_Replay::badArguments()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, said);
    if (!args.contains(QStringLiteral("--journal")))
        args << QStringLiteral("--journal") << m_spaced;
    const HookScopeRun r = runHookScope(QStringList{QStringLiteral("replay")} + args);
    QCOMPARE(r.exitCode, code);
    QVERIFY2(QString::fromUtf8(r.err).contains(said), r.err.constData());
}

QTEST_GUILESS_MAIN(tst_Replay)
#include "tst_replay.moc"
