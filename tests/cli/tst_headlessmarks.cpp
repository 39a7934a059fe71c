// SPDX-License-Identifier: MIT
// The headless line's markings: a retry chain Hoox gave up on, deliveries recovered from ngrok,
// an answer that went out after Hoox's timeout.
#include "HeadlessPrinter.h"
#include "HeadlessProcess.h"
#include "helpers/FakeNgrokAgent.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class tst_HeadlessMarks : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void lastFailedAttemptSaysHooxGaveUp();
    void recoveredDeliveriesArePrintedOnce();
    void lateAnswerLine_data();
    void lateAnswerLine();

private:
    QStringList waitForLines(int count);

    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess m_app;
    QByteArray m_out;
};

void tst_HeadlessMarks::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_out.clear();
}

void tst_HeadlessMarks::cleanup()
{
    if (m_app.state() != QProcess::NotRunning) {
        m_app.terminate();
        QVERIFY(m_app.waitForFinished(10'000));
    }
}

// Waits with the event loop running: the fake agent answers from this process.
QStringList tst_HeadlessMarks::waitForLines(int count)
{
    const auto lines = [this] { return QString::fromUtf8(m_out).split(u'\n', Qt::SkipEmptyParts); };
    QDeadlineTimer deadline(30'000);
    while (lines().size() < count && !deadline.hasExpired()) {
        QTest::qWait(50);
        m_out += m_app.readAllStandardOutput();
    }
    return lines();
}

void tst_HeadlessMarks::lastFailedAttemptSaysHooxGaveUp()
{
    const quint16 port = startListening(
        m_app, {QStringLiteral("--headless"), QStringLiteral("--port"), QStringLiteral("0"),
                QStringLiteral("--journal"), m_dir->filePath(QStringLiteral("j.hkj")),
                QStringLiteral("--fail-next"), QStringLiteral("4:503")});
    QVERIFY(port != 0);
    const QByteArray body = R"({"task":"video_generate","job_id":"run_gone","status":"completed",)"
                            R"("result":{"video_id":"v"}})";
    for (int i = 0; i < 4; ++i)
        QCOMPARE(deliver(port, postRequest("/webhook/hoox", body,
                                           {{"Content-Type", "application/json"}})),
                 503);
    const QStringList lines = waitForLines(4);
    QCOMPARE(lines.size(), 4);
    const QString gaveUp = QStringLiteral("Hoox gave up: this job's webhook will not come again");
    for (int i = 0; i < 3; ++i)
        QVERIFY2(!lines.at(i).contains(gaveUp), qPrintable(lines.at(i)));
    QVERIFY2(lines.at(3).contains(QStringLiteral("attempt 4")), qPrintable(lines.at(3)));
    QVERIFY2(lines.at(3).contains(gaveUp), qPrintable(lines.at(3)));
}

void tst_HeadlessMarks::recoveredDeliveriesArePrintedOnce()
{
    using namespace FakeNgrok;
    FakeNgrokAgent agent;
    agent.setRequests(
        requestList({entry(QStringLiteral("airt_2"), hooxRequest("run_r"), ngrokError502(), 502,
                           QStringLiteral("2026-12-01T10:00:02Z")),
                     entry(QStringLiteral("airt_1"), hooxRequest("run_r"), ngrokError502(), 502,
                           QStringLiteral("2026-12-01T10:00:00Z"))}));
    // The agent is told the port once HookScope listens; its next poll finds the tunnel.
    QString said;
    const quint16 port =
        startListening(m_app,
                       {QStringLiteral("--headless"), QStringLiteral("--port"), QStringLiteral("0"),
                        QStringLiteral("--journal"), m_dir->filePath(QStringLiteral("j.hkj")),
                        QStringLiteral("--ngrok-api"), agent.url().toString()},
                       &said);
    QVERIFY(port != 0);
    agent.setPort(port);
    const QStringList lines = waitForLines(2);
    QCOMPARE(lines.size(), 2);
    const QString mark =
        QStringLiteral("RECOVERED recovered from ngrok: ngrok answered 502: HookScope was not "
                       "running");
    for (const QString &line : lines)
        QVERIFY2(line.contains(mark), qPrintable(line));
    QVERIFY(lines.at(0).contains(QStringLiteral("key=run_r attempt 1")));
    QVERIFY(lines.at(1).contains(QStringLiteral("key=run_r attempt 2")));
    // Later polls find nothing new.
    const int polls = agent.hits("/api/requests/http");
    QTRY_VERIFY_WITH_TIMEOUT(agent.hits("/api/requests/http") >= polls + 2, 30'000);
    m_out += m_app.readAllStandardOutput();
    QCOMPARE(QString::fromUtf8(m_out).split(u'\n', Qt::SkipEmptyParts).size(), 2);
    QVERIFY(QString::fromUtf8(m_app.readAllStandardError())
                .contains(QStringLiteral("Recovered 2 deliveries")));
}

void tst_HeadlessMarks::lateAnswerLine_data()
{
    QTest::addColumn<quint32>("attempt");
    QTest::addColumn<QString>("words");
    QTest::addRow("a retry follows") << 1u
                                     << QStringLiteral("LATE answered 200 after 11.2 s; Hoox had "
                                                       "already timed out and retries");
    QTest::addRow("the last attempt")
        << 4u
        << QStringLiteral("LATE answered 200 after 11.2 s; Hoox had already timed out GAVE UP "
                          "Hoox gave up: this job's webhook will not come again");
}

void tst_HeadlessMarks::lateAnswerLine()
{
    QFETCH(quint32, attempt);
    QFETCH(QString, words);
    Capture c;
    c.id = 7;
    c.method = "POST";
    c.target = "/webhook/hoox";
    c.answerStatus = 200;
    c.lateAnswerMs = 11'200;
    c.hoox.key = QStringLiteral("run_1");
    c.hoox.attempt = attempt;
    const QByteArray line = HeadlessPrinter(false).line(c, nullptr);
    QVERIFY2(QString::fromUtf8(line).contains(words), line.constData());
}

QTEST_GUILESS_MAIN(tst_HeadlessMarks)
#include "tst_headlessmarks.moc"
