// SPDX-License-Identifier: MIT
// The Timeline tab: a key's attempts against Hoox's schedule, in the real MainWindow.
#include "CaptureTableModel.h"
#include "MainWindow.h"
#include "TimelineChain.h"
#include "TimelineView.h"
#include "capture/CaptureStore.h"
#include "ngrok/NgrokWatcher.h"
#include "session/SessionEngine.h"
#include "session/Settings.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr qint64 kStartMs = 1'767'000'000'000;

// One delivery of key `key`, as the listener would have classified and numbered it.
CapturePtr delivery(quint64 id, const QString &key, quint32 attempt, quint64 firstId, qint64 atMs,
                    quint16 answer)
{
    auto c = std::make_shared<Capture>();
    c->id = id;
    c->receivedAtMs = kStartMs + atMs;
    c->peer = QStringLiteral("127.0.0.1:50000");
    c->method = "POST";
    c->target = "/webhook/hoox";
    c->body = R"({"task":"video_generate","job_id":"run_t","status":"completed"})";
    c->answerStatus = answer;
    c->hoox.task = HooxTask::VideoGenerate;
    c->hoox.taskText = QStringLiteral("video_generate");
    c->hoox.status = HooxStatus::Completed;
    c->hoox.statusText = QStringLiteral("completed");
    c->hoox.key = key;
    c->hoox.attempt = attempt;
    c->hoox.duplicateOf = attempt > 1 ? firstId : 0;
    return c;
}

// Hoox's schedule played out: 500 at 0 s, 500 retried after 1 s, then 2 s later an attempt
// HookScope answered too late (Hoox waited out its 10 s), retried 4 s after that: 200.
CaptureBatch chain()
{
    const QString key = QStringLiteral("run_t");
    return {delivery(1, key, 1, 1, 0, 500), delivery(2, key, 2, 1, 1000, 500),
            delivery(3, key, 3, 1, 3000, 200), delivery(4, key, 4, 1, 17'000, 200)};
}

} // namespace

class tst_Timeline : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void chainOfFourAgainstTheSchedule();
    void offScheduleSaysSo_data();
    void offScheduleSaysSo();
    void marksInOrderInTheTab();
    void clickingAMarkSelectsItsCapture();
    void arrowsStepTheMarks();
    void newAttemptsAndForwardResultsShow();
    void noKeyExplainsItself();

private:
    TimelineView *timeline() const { return m_window->findChild<TimelineView *>(); }
    QTableView *table() const
    {
        return m_window->findChild<QTableView *>(QStringLiteral("captureTable"));
    }
    void selectStoreRow(qsizetype row);
    qsizetype currentStoreRow() const;
    void showTimelineTab();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SessionEngine> m_engine;
    std::unique_ptr<NgrokWatcher> m_ngrok;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void tst_Timeline::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("hookscope-tests"));
}

void tst_Timeline::init()
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
        m_window->captureModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_window->resize(1280, 760);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_Timeline::cleanup()
{
    m_tester.reset();
    m_window.reset();
    m_ngrok.reset();
    m_engine.reset();
    m_dir.reset();
}

void tst_Timeline::selectStoreRow(qsizetype row)
{
    const int shown = m_window->captureModel()->rowOfStoreRow(row);
    QVERIFY(shown >= 0);
    table()->selectionModel()->setCurrentIndex(m_window->captureModel()->index(shown, 0),
                                               QItemSelectionModel::ClearAndSelect |
                                                   QItemSelectionModel::Rows);
}

qsizetype tst_Timeline::currentStoreRow() const
{
    const QModelIndex current = table()->currentIndex();
    return current.isValid() ? m_window->captureModel()->storeRow(current.row()) : -1;
}

void tst_Timeline::showTimelineTab()
{
    auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("sideTabs"));
    QVERIFY(tabs);
    const int index = tabs->indexOf(timeline());
    QVERIFY(index >= 0);
    QCOMPARE(tabs->tabText(index), QStringLiteral("&Timeline")); // Alt+T reaches it
    tabs->setCurrentIndex(index);
}

void tst_Timeline::chainOfFourAgainstTheSchedule()
{
    CaptureStore store;
    store.append(chain());
    const QList<TimelineAttempt> a = TimelineChain::build(store, 2);
    QCOMPARE(a.size(), qsizetype(4));
    const QStringList marks{a[0].markText(), a[1].markText(), a[2].markText(), a[3].markText()};
    QCOMPARE(marks, (QStringList{QStringLiteral("500"), QStringLiteral("500"),
                                 QStringLiteral("timeout"), QStringLiteral("200")}));
    QCOMPARE(a[0].why(), QStringLiteral("answered 500 → Hoox retried after 1.0 s"));
    QCOMPARE(a[1].why(), QStringLiteral("answered 500 → Hoox retried after 2.0 s"));
    QCOMPARE(a[2].why(),
             QStringLiteral("no answer within 10 s → Hoox retried 4.0 s after its timeout"));
    QCOMPARE(a[3].why(), QStringLiteral("answered 200: accepted, Hoox stops"));
    QCOMPARE(a[2].outcome, TimelineAttempt::Outcome::TimedOut);
    QCOMPARE(a[2].answerClass, AnswerClass::Success); // what HookScope answered, too late
    const QList<qint64> gaps{a[0].gapMs, a[1].gapMs, a[2].gapMs, a[3].gapMs};
    QCOMPARE(gaps, (QList<qint64>{-1, 1000, 2000, 14'000}));
    QCOMPARE(a[1].gapText(), QStringLiteral("+1.0 s"));
    // Due when the schedule says: 1 s, then 2 s after the answers, 10 s + 4 s after the timeout.
    const QList<qint64> due{a[0].dueMs, a[1].dueMs, a[2].dueMs, a[3].dueMs};
    QCOMPARE(due, (QList<qint64>{-1, 1000, 3000, 17'000}));
    QCOMPARE(a[0].scheduleText(), QStringLiteral("the delivery"));
    QCOMPARE(a[1].scheduleText(),
             QStringLiteral("due 1.0 s after the attempt before: on schedule"));
    QCOMPARE(a[3].scheduleText(),
             QStringLiteral("due 10 s + 4.0 s after the attempt before: on schedule"));
    QVERIFY(a[2].toolTip().contains(QStringLiteral("HookScope answered 200, too late for Hoox.")));
}

void tst_Timeline::offScheduleSaysSo_data()
{
    QTest::addColumn<qint64>("gapMs");
    QTest::addColumn<QString>("schedule");
    QTest::addRow("on time") << qint64(1100)
                             << QStringLiteral("due 1.0 s after the attempt before: on schedule");
    QTest::addRow("early") << qint64(400)
                           << QStringLiteral("0.6 s earlier than Hoox's schedule (due 1.0 s "
                                             "after the attempt before)");
    QTest::addRow("late") << qint64(2500)
                          << QStringLiteral("1.5 s later than Hoox's schedule (due 1.0 s after "
                                            "the attempt before)");
}

void tst_Timeline::offScheduleSaysSo()
{
    QFETCH(qint64, gapMs);
    QFETCH(QString, schedule);
    CaptureStore store;
    const QString key = QStringLiteral("run_s");
    store.append({delivery(1, key, 1, 1, 0, 503), delivery(2, key, 2, 1, gapMs, 200)});
    const QList<TimelineAttempt> a = TimelineChain::build(store, 0);
    QCOMPARE(a.size(), qsizetype(2));
    QCOMPARE(a[1].scheduleText(), schedule);
}

void tst_Timeline::marksInOrderInTheTab()
{
    m_engine->store()->append(chain());
    QTRY_COMPARE(m_window->captureModel()->rowCount(), 4);
    showTimelineTab();
    selectStoreRow(3);
    TimelineView *view = timeline();
    QCOMPARE(view->attempts().size(), qsizetype(4));
    QCOMPARE(view->currentIndex(), 3);
    for (int i = 1; i < 4; ++i)
        QVERIFY(view->markRect(i).top() > view->markRect(i - 1).top());
    // The longest gap (14 s) is drawn longest.
    QVERIFY(view->markRect(3).top() - view->markRect(2).top() >
            view->markRect(2).top() - view->markRect(1).top());
}

void tst_Timeline::clickingAMarkSelectsItsCapture()
{
    m_engine->store()->append(chain());
    QTRY_COMPARE(m_window->captureModel()->rowCount(), 4);
    showTimelineTab();
    selectStoreRow(3);
    TimelineView *view = timeline();
    QTRY_VERIFY(view->viewport()->isVisible());
    view->verticalScrollBar()->setValue(0);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->markRect(1).center());
    QCOMPARE(currentStoreRow(), qsizetype(1));
    QCOMPARE(view->currentIndex(), 1);
    // Filtered out of the table: the filter gives way, so the capture can be shown.
    m_window->captureModel()->setTimeRange(kStartMs + 10'000, kStartMs + 20'000);
    QCOMPARE(m_window->captureModel()->rowCount(), 1);
    selectStoreRow(3);
    view->verticalScrollBar()->setValue(0);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->markRect(0).center());
    QCOMPARE(m_window->captureModel()->rowCount(), 4);
    QCOMPARE(currentStoreRow(), qsizetype(0));
}

void tst_Timeline::arrowsStepTheMarks()
{
    m_engine->store()->append(chain());
    QTRY_COMPARE(m_window->captureModel()->rowCount(), 4);
    showTimelineTab();
    selectStoreRow(3);
    TimelineView *view = timeline();
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Up);
    QTest::keyClick(view, Qt::Key_Up);
    QCOMPARE(view->currentIndex(), 1);
    QVERIFY(view->accessibleDescription().contains(QStringLiteral("answered 500")));
    QCOMPARE(currentStoreRow(), qsizetype(3)); // stepping only looks
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(currentStoreRow(), qsizetype(1));
    QTest::keyClick(view, Qt::Key_End);
    QCOMPARE(view->currentIndex(), 3);
}

void tst_Timeline::newAttemptsAndForwardResultsShow()
{
    const QString key = QStringLiteral("run_t");
    m_engine->store()->append({delivery(1, key, 1, 1, 0, 502)});
    QTRY_COMPARE(m_window->captureModel()->rowCount(), 1);
    selectStoreRow(0);
    TimelineView *view = timeline();
    QCOMPARE(view->attempts().size(), qsizetype(1));
    QCOMPARE(view->attempts().first().why(),
             QStringLiteral("answered 502 → Hoox retries after 1.0 s"));
    m_window->captureModel()->setForwardResult(1, QStringLiteral("→ http://127.0.0.1:1/: refused"),
                                               QStringLiteral("not reachable"));
    QTRY_COMPARE(view->attempts().first().forward,
                 QStringLiteral("→ http://127.0.0.1:1/: refused"));
    m_engine->store()->append({delivery(2, key, 2, 1, 1000, 200)});
    QCOMPARE(view->attempts().size(), qsizetype(2));
    QCOMPARE(view->attempts().first().why(),
             QStringLiteral("answered 502 → Hoox retried after 1.0 s"));
}

void tst_Timeline::noKeyExplainsItself()
{
    auto c = std::const_pointer_cast<Capture>(delivery(1, {}, 0, 0, 0, 200));
    m_engine->store()->append({c});
    QTRY_COMPARE(m_window->captureModel()->rowCount(), 1);
    selectStoreRow(0);
    QVERIFY(timeline()->attempts().isEmpty());
    QCOMPARE(timeline()->markRect(0), QRect());
}

QTEST_MAIN(tst_Timeline)
#include "tst_timeline.moc"
