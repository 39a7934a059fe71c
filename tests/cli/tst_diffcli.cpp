// SPDX-License-Identifier: MIT
// `hookscope diff`, run as a user runs it, on a journal that a running HookScope holds.
#include "HeadlessProcess.h"

#include "capture/CaptureRecorder.h"
#include "capture/Journal.h"
#include "capture/JournalLock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

HttpRequest request(const QByteArray &body, const QByteArray &requestId)
{
    HttpRequest r;
    r.method = "POST";
    r.target = "/webhook/hoox";
    r.headers.append("Host", "abc.ngrok.app");
    r.headers.append("User-Agent", "Hoox-API/1.0");
    r.headers.append("Content-Type", "application/json");
    r.headers.append("X-Hoox-Webhook", "true");
    r.headers.append("X-Request-Id", requestId);
    r.headers.append("Content-Length", QByteArray::number(body.size()));
    r.body = body;
    return r;
}

// #1 and #2: one delivery and its retry, keys in another order. #3 and #4: a conflicting
// duplicate, completed then failed. #5: not JSON.
const QList<QByteArray> kBodies = {
    R"({"task":"video_generate","job_id":"run_1","status":"completed","result":{"video_url":"https://cdn.example/1.mp4","duration":12.5}})",
    R"({"result":{"duration":12.5,"video_url":"https://cdn.example/1.mp4"},"status":"completed","job_id":"run_1","task":"video_generate"})",
    R"({"task":"video_generate","job_id":"run_2","status":"completed","result":{"video_url":"https://cdn.example/2.mp4"}})",
    R"({"task":"video_generate","job_id":"run_2","status":"failed","error":{"code":"RENDER_FAILED","message":"GPU lost"}})",
    "status=completed&job_id=run_3",
};

} // namespace

class tst_DiffCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void keyOrderOnlyIsEqual();
    void conflictingDuplicate();
    void json();
    void ignore();
    void headersThatAlwaysChange();
    void textBody();
    void badArguments_data();
    void badArguments();
    void help();

private:
    HookScopeRun diff(const QStringList &args) const
    {
        return runHookScope(
            QStringList{QStringLiteral("diff"), QStringLiteral("--journal"), m_journalPath} + args);
    }

    QTemporaryDir m_dir;
    QString m_journalPath;
    // Held open, and so locked, for the whole test: as by a HookScope that is running.
    std::unique_ptr<Journal> m_journal;
};

void tst_DiffCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_journalPath = m_dir.filePath(QStringLiteral("session.hkj"));
    m_journal = std::make_unique<Journal>();
    QString error;
    QVERIFY2(m_journal->open(m_journalPath, &error), qPrintable(error));
    CaptureRecorder recorder(m_journal.get());
    for (qsizetype i = 0; i < kBodies.size(); ++i)
        QVERIFY(recorder.record(request(kBodies.at(i), QByteArray::number(100 + i)),
                                QStringLiteral("127.0.0.1:5000"), 1'764'242'956'123 + i, 200,
                                &error));
    QVERIFY(JournalLock::isHeldElsewhere(m_journalPath));
}

void tst_DiffCli::keyOrderOnlyIsEqual()
{
    const HookScopeRun r = diff({QStringLiteral("1"), QStringLiteral("2")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray());
    // The request ids differ, shown as ignored.
    QVERIFY2(r.err.contains("1 difference ignored"), r.err.constData());
    // "#2", as the table shows it, names the same capture.
    QCOMPARE(diff({QStringLiteral("#2"), QStringLiteral("#1")}).exitCode, 0);
}

void tst_DiffCli::conflictingDuplicate()
{
    const HookScopeRun r = diff({QStringLiteral("3"), QStringLiteral("4")});
    QCOMPARE(r.exitCode, 1);
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0), QByteArray("~ /status: \"completed\" \xe2\x86\x92 \"failed\""));
    QCOMPARE(lines.at(1), QByteArray("- /result: {\"video_url\":\"https://cdn.example/2.mp4\"}"));
    QCOMPARE(lines.at(2), QByteArray("+ /error: {\"code\":\"RENDER_FAILED\",\"message\":\"GPU "
                                     "lost\"}"));
}

void tst_DiffCli::json()
{
    const HookScopeRun r =
        diff({QStringLiteral("3"), QStringLiteral("4"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 1);
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(r.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(o.value(u"a").toInt(), 3);
    QCOMPARE(o.value(u"b").toInt(), 4);
    QCOMPARE(o.value(u"equal").toBool(), false);
    QCOMPARE(o.value(u"differences").toInt(), 3);
    QStringList paths;
    for (const QJsonValue &c : o.value(u"changes").toArray())
        paths << c.toObject().value(u"path").toString();
    QCOMPARE(paths, (QStringList{QStringLiteral("/status"), QStringLiteral("/result"),
                                 QStringLiteral("/error"), QStringLiteral("x-request-id")}));
    const QJsonObject status = o.value(u"changes").toArray().at(0).toObject();
    QCOMPARE(status.value(u"before").toArray().at(0).toString(), QStringLiteral("\"completed\""));
    QCOMPARE(status.value(u"after").toArray().at(0).toString(), QStringLiteral("\"failed\""));
    const HookScopeRun same =
        diff({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("--json")});
    QCOMPARE(same.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(same.out).object().value(u"equal").toBool(), true);
}

void tst_DiffCli::ignore()
{
    const HookScopeRun r =
        diff({QStringLiteral("3"), QStringLiteral("4"), QStringLiteral("--ignore"),
              QStringLiteral("/status"), QStringLiteral("--ignore"), QStringLiteral("/res*"),
              QStringLiteral("--ignore"), QStringLiteral("/error")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray());
    QVERIFY2(r.err.contains("4 differences ignored"), r.err.constData());
}

void tst_DiffCli::headersThatAlwaysChange()
{
    const HookScopeRun r =
        diff({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("--all-headers")});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(
        r.out.trimmed(),
        QByteArray("~ header x-request-id: 100 \xe2\x86\x92 101 (changes with every delivery)"));
}

void tst_DiffCli::textBody()
{
    const HookScopeRun r = diff({QStringLiteral("1"), QStringLiteral("5")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.startsWith("~ body line 1: {\"task\""), r.out.constData());
    QVERIFY2(
        r.err.contains("Bodies compared as text: #1 is JSON, #5 is not JSON (line 1, column 1"),
        r.err.constData());
}

void tst_DiffCli::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("message");
    const auto s = [](const char *text) { return QString::fromUtf8(text); };
    QTest::newRow("unknown id") << QStringList{s("1"), s("99")}
                                << QByteArray("it holds #1 to #5. Use an id from the # column.");
    QTest::newRow("not a number") << QStringList{s("0x1"), s("2")}
                                  << QByteArray("\"0x1\" is not a capture id");
    QTest::newRow("one id") << QStringList{s("1")} << QByteArray("Which two captures?");
    QTest::newRow("three ids") << QStringList{s("1"), s("2"), s("3")}
                               << QByteArray("Which two captures?");
    QTest::newRow("unknown option")
        << QStringList{s("1"), s("2"), s("--zip")} << QByteArray("Unknown option 'zip'");
    QTest::newRow("bad ignore") << QStringList{s("1"), s("2"), s("--ignore"), s("result")}
                                << QByteArray("is neither a JSON Pointer");
    QTest::newRow("missing journal")
        << QStringList{s("--journal"), s("/nonexistent/none.hkj"), s("1"), s("2")}
        << QByteArray("No journal at /nonexistent/none.hkj");
}

void tst_DiffCli::badArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, message);
    const HookScopeRun r = diff(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), r.err.constData());
    QCOMPARE(r.out, QByteArray());
}

void tst_DiffCli::help()
{
    const HookScopeRun r = runHookScope({QStringLiteral("diff"), QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("Usage: ") && r.out.contains("diff"), r.out.constData());
    QVERIFY(r.out.contains("--ignore"));
}

QTEST_GUILESS_MAIN(tst_DiffCli)
#include "tst_diffcli.moc"
