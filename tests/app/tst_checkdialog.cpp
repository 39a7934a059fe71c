// SPDX-License-Identifier: MIT
// The Check endpoint dialog, driven offscreen through its widgets against local receivers: the
// scorecard, each scenario's requests and answers, JUnit export, and URLs that cannot be checked.
#include "../helpers/ExpressReceiver.h"
#include "../helpers/TestReceiver.h"
#include "CheckDialog.h"
#include "delivery/CheckReport.h"

#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

constexpr int kVerdictColumn = 0;
constexpr int kScenarioColumn = 1;

// The waits of Hoox's pace, shortened: the retry 1 s later comes after 30 ms.
CheckOptions fastOptions()
{
    CheckOptions o;
    o.retryGapMs = 30;
    o.latencyCount = 3;
    o.concurrency = 4;
    o.timeoutMs = 5000;
    return o;
}

struct JunitCounts {
    int testcases = 0;
    int failures = 0;
    int declaredTests = -1;
    int declaredFailures = -1;
    QStringList failed;
    QString error;
};

JunitCounts readJunit(const QString &file)
{
    JunitCounts c;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        c.error = f.errorString();
        return c;
    }
    QXmlStreamReader x(&f);
    QString current;
    while (!x.atEnd()) {
        if (x.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (x.name() == QLatin1String("testsuite")) {
            c.declaredTests = x.attributes().value(QStringLiteral("tests")).toInt();
            c.declaredFailures = x.attributes().value(QStringLiteral("failures")).toInt();
        } else if (x.name() == QLatin1String("testcase")) {
            ++c.testcases;
            current = x.attributes().value(QStringLiteral("name")).toString();
        } else if (x.name() == QLatin1String("failure")) {
            ++c.failures;
            c.failed << current;
        }
    }
    if (x.hasError())
        c.error = x.errorString();
    return c;
}

} // namespace

class TestCheckDialog : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void startsWithTheTargetAndNothingToExport();
    void refusesAUrlItCannotCheck_data();
    void refusesAUrlItCannotCheck();
    void healthyEndpoint_data();
    void healthyEndpoint();
    void failingEndpointListsFailuresAndExportsJunit();
    void endpointThatCannotBeChecked_data();
    void endpointThatCannotBeChecked();
    void selectingARowShowsItsRequestsAndAnswers();
    void cancelStopsCleanly();
    void exportFailureIsSaidInWords();
    void hooxPageReceiverFailsOnlyTextPlain();

private:
    template <typename T> T *find(const char *name)
    {
        T *w = m_dialog->findChild<T *>(QLatin1String(name));
        if (!w)
            qFatal("no widget named %s", name);
        return w;
    }
    void setUrl(const QString &url)
    {
        auto *edit = find<QLineEdit>("checkUrl");
        edit->clear();
        QTest::keyClicks(edit, url);
    }
    void click(const char *button) { QTest::mouseClick(find<QPushButton>(button), Qt::LeftButton); }
    // Runs the check against `url` and waits for its end.
    bool runAgainst(const QUrl &url, int timeoutMs = 30'000)
    {
        setUrl(url.toString());
        QSignalSpy finished(m_dialog.get(), &CheckDialog::checkFinished);
        click("runCheckButton");
        return finished.wait(timeoutMs);
    }
    QTableWidget *table() { return find<QTableWidget>("scorecardTable"); }
    QString summary() { return find<QLabel>("checkSummary")->text(); }
    int rowsWithVerdict(const QString &verdict)
    {
        int n = 0;
        for (int row = 0; row < table()->rowCount(); ++row)
            n += table()->item(row, kVerdictColumn)->text() == verdict ? 1 : 0;
        return n;
    }

    std::unique_ptr<CheckDialog> m_dialog;
    QTemporaryDir m_dir;
};

void TestCheckDialog::init()
{
    m_dialog = std::make_unique<CheckDialog>(QUrl(QStringLiteral("http://localhost:3000/hook")));
    m_dialog->setCheckOptions(fastOptions());
    m_dialog->show();
}

void TestCheckDialog::cleanup()
{
    m_dialog.reset();
}

void TestCheckDialog::startsWithTheTargetAndNothingToExport()
{
    QCOMPARE(find<QLineEdit>("checkUrl")->text(), QStringLiteral("http://localhost:3000/hook"));
    QVERIFY(!find<QCheckBox>("senderCheck")->isChecked());
    QVERIFY(find<QPushButton>("runCheckButton")->isEnabled());
    QVERIFY(!find<QPushButton>("cancelCheckButton")->isEnabled());
    QVERIFY(!find<QPushButton>("exportJunitButton")->isEnabled());
    QCOMPARE(table()->rowCount(), 0);
    QString error;
    QVERIFY(!m_dialog->exportJunit(m_dir.filePath(QStringLiteral("none.xml")), &error));
    QVERIFY2(error.startsWith(QStringLiteral("Nothing to export")), qPrintable(error));
}

void TestCheckDialog::refusesAUrlItCannotCheck_data()
{
    QTest::addColumn<QString>("url");
    QTest::addRow("empty") << QString();
    QTest::addRow("no scheme") << QStringLiteral("localhost:3000/hook");
    QTest::addRow("ftp") << QStringLiteral("ftp://example.com/hook");
    QTest::addRow("no host") << QStringLiteral("http:///hook");
}

void TestCheckDialog::refusesAUrlItCannotCheck()
{
    QFETCH(QString, url);
    setUrl(url);
    QSignalSpy finished(m_dialog.get(), &CheckDialog::checkFinished);
    click("runCheckButton");
    QVERIFY(!m_dialog->isRunning());
    QCOMPARE(finished.size(), 0);
    QVERIFY2(summary().startsWith(QStringLiteral("The endpoint needs an http:// or https:// URL")),
             qPrintable(summary()));
    QVERIFY(find<QPushButton>("runCheckButton")->isEnabled());
}

void TestCheckDialog::healthyEndpoint_data()
{
    QTest::addColumn<bool>("senderCheck");
    QTest::addColumn<int>("failures");
    // An endpoint that takes everything passes the contract, and fails the sender check.
    QTest::addRow("contract") << false << 0;
    QTest::addRow("with the sender check") << true << 2;
}

void TestCheckDialog::healthyEndpoint()
{
    QFETCH(bool, senderCheck);
    QFETCH(int, failures);
    TestReceiver app;
    find<QCheckBox>("senderCheck")->setChecked(senderCheck);
    auto *progress = find<QProgressBar>("checkProgress");
    QSignalSpy finished(m_dialog.get(), &CheckDialog::checkFinished);
    setUrl(app.url().toString());
    click("runCheckButton");
    QVERIFY(m_dialog->isRunning());
    QVERIFY(!find<QPushButton>("runCheckButton")->isEnabled());
    QVERIFY(find<QPushButton>("cancelCheckButton")->isEnabled());
    QVERIFY(finished.wait(30'000));

    const int total = int(EndpointCheck::catalogue(senderCheck).size());
    QCOMPARE(table()->rowCount(), total);
    QCOMPARE(progress->maximum(), total);
    QCOMPARE(progress->value(), total);
    QCOMPARE(rowsWithVerdict(QStringLiteral("Fail")), failures);
    QCOMPARE(rowsWithVerdict(QStringLiteral("Pass")), total - failures);
    for (int row = 0; row < total; ++row) {
        QVERIFY(!table()->item(row, kVerdictColumn)->icon().isNull());
        QCOMPARE(table()->item(row, kScenarioColumn)->text(), m_dialog->results().at(row).name);
    }
    QCOMPARE(summary(), CheckReport::summary(m_dialog->results(), app.url()));
    QVERIFY2(
        summary().startsWith(
            QStringLiteral("%1 passed, 0 warned, %2 failed").arg(total - failures).arg(failures)),
        qPrintable(summary()));
    QVERIFY(find<QPushButton>("exportJunitButton")->isEnabled());
    QVERIFY(find<QPushButton>("runCheckButton")->isEnabled());
    QVERIFY(!find<QPushButton>("cancelCheckButton")->isEnabled());
}

void TestCheckDialog::failingEndpointListsFailuresAndExportsJunit()
{
    TestReceiver app({ReceiverStep{500, 0, false, {}, "boom"}});
    QVERIFY(runAgainst(app.url()));
    const QList<CheckResult> results = m_dialog->results();
    QVERIFY(!results.isEmpty());
    QCOMPARE(table()->rowCount(), results.size());
    // Every scenario expects a 2xx, or at least no 5xx: all of them fail.
    QCOMPARE(rowsWithVerdict(QStringLiteral("Fail")), table()->rowCount());
    QVERIFY2(
        summary().startsWith(QStringLiteral("0 passed, 0 warned, %1 failed").arg(results.size())),
        qPrintable(summary()));
    const int reasonColumn = table()->columnCount() - 1;
    QVERIFY2(table()->item(0, reasonColumn)->text().startsWith(QStringLiteral("answered 500")),
             qPrintable(table()->item(0, reasonColumn)->text()));

    const QString file = m_dir.filePath(QStringLiteral("check.xml"));
    QString error;
    QVERIFY2(m_dialog->exportJunit(file, &error), qPrintable(error));
    const JunitCounts junit = readJunit(file);
    QVERIFY2(junit.error.isEmpty(), qPrintable(junit.error));
    QCOMPARE(junit.testcases, table()->rowCount());
    QCOMPARE(junit.declaredTests, table()->rowCount());
    QCOMPARE(junit.failures, CheckReport::failures(results));
    QCOMPARE(junit.declaredFailures, junit.failures);
    QCOMPARE(junit.failed.first(), table()->item(0, kScenarioColumn)->text());
}

void TestCheckDialog::endpointThatCannotBeChecked_data()
{
    QTest::addColumn<int>("status"); // 0: nobody listens
    QTest::addColumn<QString>("said");
    QTest::addRow("unreachable") << 0 << QStringLiteral("Cannot reach http://127.0.0.1:");
    QTest::addRow("redirect") << 302
                              << QStringLiteral("answers with a redirect (redirect not "
                                                "followed (302 to https://elsewhere/");
}

void TestCheckDialog::endpointThatCannotBeChecked()
{
    QFETCH(int, status);
    QFETCH(QString, said);
    TestReceiver redirecting(
        {ReceiverStep{302, 0, false, "https://elsewhere/webhook/hoox", "moved"}});
    const QUrl url = status == 0 ? TestReceiver::closedPortUrl() : redirecting.url();
    QSignalSpy finished(m_dialog.get(), &CheckDialog::checkFinished);
    QVERIFY(runAgainst(url));
    QVERIFY2(summary().contains(said), qPrintable(summary()));
    QVERIFY(!finished.isEmpty());
    QVERIFY(!finished.constFirst().at(1).toString().isEmpty()); // unreachable, in words
    QCOMPARE(table()->rowCount(), 0);
    QVERIFY(!find<QPushButton>("exportJunitButton")->isEnabled());
    QVERIFY(find<QPushButton>("runCheckButton")->isEnabled());
}

void TestCheckDialog::selectingARowShowsItsRequestsAndAnswers()
{
    TestReceiver app({ReceiverStep{202, 0, false, {}, "queued"}});
    QVERIFY(runAgainst(app.url()));
    auto *detail = find<QPlainTextEdit>("scenarioDetail");
    QVERIFY(detail->toPlainText().isEmpty());
    const QList<CheckResult> results = m_dialog->results();
    // The duplicates scenario: three requests, each with its answer.
    int row = -1;
    for (int i = 0; i < results.size(); ++i)
        row = results.at(i).name == QLatin1String("duplicates") ? i : row;
    QVERIFY(row >= 0);
    table()->scrollToItem(table()->item(row, kScenarioColumn));
    const QRect cell = table()->visualItemRect(table()->item(row, kScenarioColumn));
    QTest::mouseClick(table()->viewport(), Qt::LeftButton, {}, cell.center());
    const QString text = detail->toPlainText();
    const CheckResult &r = results.at(row);
    QCOMPARE(r.shots.size(), 3);
    QVERIFY2(text.startsWith(QStringLiteral("duplicates: Pass")), qPrintable(text));
    for (const CheckShot &s : r.shots) {
        QVERIFY2(text.contains(s.label), qPrintable(s.label));
        const QString pretty =
            QString::fromUtf8(QJsonDocument::fromJson(s.body).toJson(QJsonDocument::Indented))
                .trimmed();
        QVERIFY2(text.contains(pretty), qPrintable(text));
    }
    QCOMPARE(text.count(QStringLiteral("Answer: 202 in ")), 3);
    QVERIFY(text.contains(QStringLiteral("X-Hoox-Webhook: true")));
    QVERIFY(text.contains(QStringLiteral("POST ") + app.url().toString()));
    QVERIFY(text.contains(QStringLiteral("queued"))); // the answer's body
    // No selection, no detail.
    table()->clearSelection();
    QVERIFY(detail->toPlainText().isEmpty());
}

void TestCheckDialog::cancelStopsCleanly()
{
    ReceiverStep slowly;
    slowly.delayMs = 400;
    TestReceiver slow({slowly});
    setUrl(slow.url().toString());
    QSignalSpy finished(m_dialog.get(), &CheckDialog::checkFinished);
    click("runCheckButton");
    QTRY_COMPARE_WITH_TIMEOUT(table()->rowCount(), 1, 10'000);
    click("cancelCheckButton");
    QCOMPARE(finished.size(), 1);
    QVERIFY(!m_dialog->isRunning());
    QCOMPARE(table()->rowCount(), 1);
    QVERIFY2(summary().endsWith(QStringLiteral("(cancelled after 1 of %1 scenarios)")
                                    .arg(EndpointCheck::catalogue(false).size())),
             qPrintable(summary()));
    QVERIFY(find<QPushButton>("runCheckButton")->isEnabled());
    QVERIFY(!find<QPushButton>("cancelCheckButton")->isEnabled());
    QVERIFY(find<QPushButton>("exportJunitButton")->isEnabled()); // what ran can be exported
    // Closing while a check runs stops it too.
    click("runCheckButton");
    QVERIFY(m_dialog->isRunning());
    m_dialog->reject();
    QVERIFY(!m_dialog->isRunning());
    QVERIFY(!m_dialog->isVisible());
    // Destroyed while a check runs: nothing is left to call back into it.
    m_dialog->show();
    click("runCheckButton");
    QVERIFY(m_dialog->isRunning());
    m_dialog.reset();
}

void TestCheckDialog::exportFailureIsSaidInWords()
{
    TestReceiver app;
    QVERIFY(runAgainst(app.url()));
    QString error;
    const QString file = m_dir.filePath(QStringLiteral("missing/dir/check.xml"));
    QVERIFY(!m_dialog->exportJunit(file, &error));
    QVERIFY2(error.startsWith(QStringLiteral("Cannot write ") + file + QStringLiteral(": ")),
             qPrintable(error));
}

// The Hoox page's own Express receiver, as written: it takes every delivery but throws on JSON
// sent as text/plain. The scorecard says so, and that scenario's request shows the 500.
void TestCheckDialog::hooxPageReceiverFailsOnlyTextPlain()
{
    ExpressReceiver app;
    QVERIFY2(app.start(), qPrintable(app.error()));
    QVERIFY(runAgainst(app.url()));
    QCOMPARE(rowsWithVerdict(QStringLiteral("Fail")), 1);
    int row = -1;
    for (int i = 0; i < table()->rowCount(); ++i)
        row = table()->item(i, kVerdictColumn)->text() == QLatin1String("Fail") ? i : row;
    QCOMPARE(table()->item(row, kScenarioColumn)->text(), QStringLiteral("malformed/text-plain"));
    table()->selectRow(row);
    const QString text = find<QPlainTextEdit>("scenarioDetail")->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("Content-Type: text/plain")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Answer: 500 in ")), qPrintable(text));
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TestCheckDialog test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_checkdialog.moc"
