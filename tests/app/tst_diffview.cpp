// SPDX-License-Identifier: MIT
// The Diff tab on the real MainWindow, offscreen, fed over real sockets.
#include "CaptureTableModel.h"
#include "DiffModel.h"
#include "DiffView.h"
#include "MainWindow.h"
#include "listener/Listener.h"
#include "ngrok/NgrokWatcher.h"
#include "session/JobRunner.h"
#include "session/SessionEngine.h"
#include "session/Settings.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

namespace {

// #1 a delivery, #2 its retry with the keys in another order, #3 a conflicting duplicate
// (failed), #4 another job whose result differs in two fields.
const QByteArray kBodies[] = {
    R"({"task":"video_generate","job_id":"run_a","status":"completed","result":{"video_id":"v1","created_at":"2026-01-01T10:00:00Z"}})",
    R"({"job_id":"run_a","task":"video_generate","result":{"created_at":"2026-01-01T10:00:00Z","video_id":"v1"},"status":"completed"})",
    R"({"task":"video_generate","job_id":"run_a","status":"failed","error":{"code":"E","message":"m"}})",
    R"({"task":"video_generate","job_id":"run_b","status":"completed","result":{"video_id":"v2","created_at":"2026-01-01T11:00:00Z"}})",
};

int deliver(quint16 port, const QByteArray &body, int requestId)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(5000))
        return 0;
    s.write("POST /webhook/hoox HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            "User-Agent: Hoox-API/1.0\r\nX-Hoox-Webhook: true\r\nConnection: close\r\n"
            "X-Request-Id: " +
            QByteArray::number(requestId) +
            "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QByteArray in;
    while (!in.contains("\r\n\r\n") && s.waitForReadyRead(5000))
        in += s.readAll();
    return in.mid(9, 3).toInt();
}

} // namespace

class tst_DiffView : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void twoSelectedCaptures();
    void olderIsBefore();
    void keyOrderOnlyIsNoDifference();
    void headersThatChangeWithEveryDelivery();
    void compareWithPreviousAttempt();
    void conflictLinksToItsDiff();
    void payloadTabLinksAConflictToItsDiff();
    void ignoreThisPathIsRemembered();
    void marksAndColours_data();
    void marksAndColours();
    void readAndComparedAsJobs();
    void waitsUntilShown();

private:
    template <typename T> T *find(const char *name) const
    {
        return m_window->findChild<T *>(QLatin1String(name));
    }
    DiffView *diff() const { return m_window->diffView(); }
    // Selects the table rows (arrival order: row = id - 1) and shows the Diff tab.
    void select(const QList<int> &rows, bool showTab = true);
    // Waits for the comparison of `before` and `after` to be shown.
    bool compared(quint64 before, quint64 after) const;
    QStringList paths() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SessionEngine> m_engine;
    std::unique_ptr<NgrokWatcher> m_ngrok;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void tst_DiffView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("hookscope-tests"));
}

void tst_DiffView::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    Settings::useFile(m_dir->filePath(QStringLiteral("hookscope.conf")));
    m_engine = std::make_unique<SessionEngine>();
    SessionOptions options;
    options.journalPath = m_dir->filePath(QStringLiteral("test.hkj"));
    QString error;
    QVERIFY2(m_engine->open(options, &error), qPrintable(error));
    m_ngrok = std::make_unique<NgrokWatcher>();
    m_window = std::make_unique<MainWindow>(m_engine.get(), m_ngrok.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        diff()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(m_engine->startListening(QHostAddress::LocalHost, 0, &error));
    m_window->show();
    int requestId = 100;
    for (const QByteArray &body : kBodies)
        QCOMPARE(deliver(m_engine->listener()->port(), body, requestId++), 200);
    QTRY_COMPARE(m_window->captureModel()->rowCount(), 4);
}

void tst_DiffView::cleanup()
{
    m_tester.reset();
    m_window.reset();
    m_ngrok.reset();
    m_engine.reset();
    m_dir.reset();
}

void tst_DiffView::select(const QList<int> &rows, bool showTab)
{
    auto *table = find<QTableView>("captureTable");
    table->clearSelection();
    for (int row : rows) {
        table->selectionModel()->setCurrentIndex(
            table->model()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    if (showTab)
        find<QTabWidget>("sideTabs")->setCurrentWidget(diff());
}

bool tst_DiffView::compared(quint64 before, quint64 after) const
{
    return QTest::qWaitFor(
        [&] {
            return !diff()->isComparing() && diff()->beforeId() == before &&
                   diff()->afterId() == after;
        },
        20000);
}

QStringList tst_DiffView::paths() const
{
    QStringList out;
    const DiffModel *m = diff()->model();
    for (int r = 0; r < m->rowCount(); ++r)
        out << m->change(r).path;
    return out;
}

void tst_DiffView::twoSelectedCaptures()
{
    select({0, 2});
    QVERIFY(compared(1, 3));
    QCOMPARE(paths(), (QStringList{QStringLiteral("/status"), QStringLiteral("/result"),
                                   QStringLiteral("/error")}));
    const DiffModel *m = diff()->model();
    QCOMPARE(m->index(0, DiffModel::BeforeColumn).data().toString(),
             QStringLiteral("\"completed\""));
    QCOMPARE(m->index(0, DiffModel::AfterColumn).data().toString(), QStringLiteral("\"failed\""));
    QVERIFY(m->index(1, DiffModel::BeforeColumn).data().toString().contains(u"created_at"));
    QVERIFY(m->index(1, DiffModel::AfterColumn).data().toString().isEmpty());
    QVERIFY(find<QLabel>("diffSummaryLabel")
                ->text()
                .startsWith(QStringLiteral("3 difference(s) · 2 ignored")));
    QVERIFY(find<QLabel>("diffTitleLabel")
                ->text()
                .startsWith(QStringLiteral("#1 (before) → #3 (after)")));
}

void tst_DiffView::olderIsBefore()
{
    select({3, 0});
    QVERIFY(compared(1, 4));
    QCOMPARE(paths(), (QStringList{QStringLiteral("/job_id"), QStringLiteral("/result/video_id"),
                                   QStringLiteral("/result/created_at")}));
}

void tst_DiffView::keyOrderOnlyIsNoDifference()
{
    select({0, 1});
    QVERIFY(compared(1, 2));
    QCOMPARE(diff()->model()->rowCount(), 0);
    QCOMPARE(find<QLabel>("diffSummaryLabel")->text(),
             QStringLiteral("No differences · 1 ignored"));
}

void tst_DiffView::headersThatChangeWithEveryDelivery()
{
    select({0, 1});
    QVERIFY(compared(1, 2));
    auto *check = find<QCheckBox>("volatileHeadersCheck");
    QVERIFY(check->isChecked());
    check->setChecked(false);
    QCOMPARE(paths(), QStringList{QStringLiteral("x-request-id")});
    QCOMPARE(find<QLabel>("diffSummaryLabel")->text(), QStringLiteral("1 difference(s)"));
    QCOMPARE(Settings::instance().get(Settings::Key::DiffIgnoreVolatileHeaders).toBool(), false);
    find<QCheckBox>("showIgnoredCheck")->setChecked(true);
    check->setChecked(true);
    QCOMPARE(paths(), QStringList{QStringLiteral("x-request-id")});
    QVERIFY(diff()->model()->index(0, 0).data(DiffModel::IgnoredRole).toBool());
}

void tst_DiffView::compareWithPreviousAttempt()
{
    select({2}, false);
    auto *action = find<QAction>("compareWithPreviousAction");
    QVERIFY(action->isEnabled());
    action->trigger();
    QCOMPARE(find<QTabWidget>("sideTabs")->currentWidget(), diff());
    QVERIFY(compared(2, 3));
    QVERIFY(find<QLabel>("diffTitleLabel")->text().contains(u"#3 is a later attempt of #2"));
    select({3}, false); // run_b: delivered once
    QVERIFY(!action->isEnabled());
}

void tst_DiffView::conflictLinksToItsDiff()
{
    select({1}, false);
    auto *action = find<QAction>("compareWithConflictAction");
    QVERIFY(!action->isEnabled()); // a retry that agrees
    select({2}, false);
    QVERIFY(action->isEnabled());
    action->trigger();
    QVERIFY(compared(1, 3));
    QVERIFY(find<QLabel>("diffTitleLabel")->text().contains(u"#3 conflicts with #1"));
    // Selected alone, the conflicting duplicate is compared with what it contradicts.
    find<QTabWidget>("sideTabs")->setCurrentIndex(0);
    select({1}, false);
    select({2});
    QVERIFY(compared(1, 3));
}

// The Payload tab says which delivery a conflicting duplicate contradicts, and its button
// opens the pair in the Diff tab; a delivery that agrees shows no such line.
void tst_DiffView::payloadTabLinksAConflictToItsDiff()
{
    auto *tabs = find<QTabWidget>("sideTabs");
    tabs->setCurrentIndex(0);
    auto *button = find<QPushButton>("conflictButton");
    select({1}, false);
    QVERIFY(button->isHidden());
    select({2}, false);
    QVERIFY(!button->isHidden());
    QVERIFY2(button->text().contains(u"#1"), qPrintable(button->text()));
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(tabs->currentWidget(), diff());
    QVERIFY(compared(1, 3));
}

void tst_DiffView::ignoreThisPathIsRemembered()
{
    select({0, 3});
    QVERIFY(compared(1, 4));
    auto *table = find<QTableView>("diffTable");
    table->selectRow(2);
    QCOMPARE(diff()->model()->change(2).path, QStringLiteral("/result/created_at"));
    auto *ignore = find<QAction>("ignorePathAction");
    QVERIFY(ignore->isEnabled());
    ignore->trigger();
    QCOMPARE(paths(), (QStringList{QStringLiteral("/job_id"), QStringLiteral("/result/video_id")}));
    QCOMPARE(Settings::instance().get(Settings::Key::DiffIgnoredPaths).toStringList(),
             QStringList{QStringLiteral("/result/created_at")});
    QCOMPARE(find<QLabel>("diffSummaryLabel")->text(),
             QStringLiteral("2 difference(s) · 2 ignored"));
    // Remembered: another window (as after a restart) ignores it too.
    m_tester.reset();
    m_window = std::make_unique<MainWindow>(m_engine.get(), m_ngrok.get());
    m_window->show();
    select({0, 3});
    QVERIFY(compared(1, 4));
    QCOMPARE(paths(), (QStringList{QStringLiteral("/job_id"), QStringLiteral("/result/video_id")}));
    // Shown on demand, greyed, and reset.
    find<QCheckBox>("showIgnoredCheck")->setChecked(true);
    QCOMPARE(diff()->model()->rowCount(), 4);
    auto *reset = find<QPushButton>("resetIgnoredButton");
    QVERIFY(reset->isEnabled());
    reset->click();
    QVERIFY(Settings::instance().get(Settings::Key::DiffIgnoredPaths).toStringList().isEmpty());
    find<QCheckBox>("showIgnoredCheck")->setChecked(false);
    QCOMPARE(diff()->model()->rowCount(), 3);
    QVERIFY(!reset->isEnabled());
}

void tst_DiffView::marksAndColours_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<bool>("viewOnly"); // the palette set on the view, not the application
    QTest::newRow("light") << false << false;
    QTest::newRow("dark") << true << false;
    QTest::newRow("dark view in a light application") << true << true;
}

void tst_DiffView::marksAndColours()
{
    QFETCH(bool, dark);
    QFETCH(bool, viewOnly);
    const QPalette original = QApplication::palette();
    QPalette palette = original;
    palette.setColor(QPalette::Base, dark ? QColor(0x1e, 0x1e, 0x1e) : QColor(Qt::white));
    palette.setColor(QPalette::Text, dark ? QColor(Qt::white) : QColor(Qt::black));
    if (viewOnly)
        diff()->findChild<QTableView *>()->setPalette(palette);
    else
        QApplication::setPalette(palette);
    select({0, 2});
    QVERIFY(compared(1, 3));
    const DiffModel *m = diff()->model();
    QStringList marks;
    QList<QColor> backgrounds;
    for (int r = 0; r < 3; ++r) {
        marks << m->index(r, DiffModel::MarkColumn).data().toString();
        backgrounds << m->index(r, DiffModel::WhereColumn).data(Qt::BackgroundRole).value<QColor>();
    }
    QApplication::setPalette(original);
    // Readable without colour.
    QCOMPARE(marks,
             (QStringList{QStringLiteral("~"), QStringLiteral("\u2212"), QStringLiteral("+")}));
    // A tint of the base: light stays light, dark stays dark, and each kind has its own.
    for (const QColor &c : backgrounds)
        QCOMPARE(c.lightness() > 128, !dark);
    QVERIFY(backgrounds.at(0) != backgrounds.at(1));
    QVERIFY(backgrounds.at(1) != backgrounds.at(2));
}

void tst_DiffView::readAndComparedAsJobs()
{
    QSignalSpy started(m_engine->jobs(), &JobRunner::started);
    select({0, 2});
    QVERIFY(compared(1, 3));
    QStringList titles;
    for (const QList<QVariant> &args : std::as_const(started))
        titles << args.at(1).toString();
    QCOMPARE(titles, (QStringList{QStringLiteral("Reading 2 capture(s)"),
                                  QStringLiteral("Comparing #1 and #3")}));
}

void tst_DiffView::waitsUntilShown()
{
    QSignalSpy started(m_engine->jobs(), &JobRunner::started);
    select({0, 2}, false);
    QCOMPARE(started.size(), 0);
    QVERIFY(find<QLabel>("diffTitleLabel")->text().contains(u"compared when this tab is shown"));
    find<QTabWidget>("sideTabs")->setCurrentWidget(diff());
    QVERIFY(compared(1, 3));
    QCOMPARE(diff()->model()->rowCount(), 3);
}

QTEST_MAIN(tst_DiffView)
#include "tst_diffview.moc"
