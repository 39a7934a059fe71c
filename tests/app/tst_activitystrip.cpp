// SPDX-License-Identifier: MIT
// The activity strip: buckets counted as batches arrive, and a dragged range that filters the
// real MainWindow's table.
#include "ActivityStrip.h"
#include "CaptureTableModel.h"
#include "MainWindow.h"
#include "TableFilter.h"
#include "capture/CaptureStore.h"
#include "ngrok/NgrokWatcher.h"
#include "session/SessionEngine.h"
#include "session/Settings.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr qint64 kStartMs = 1'767'000'000'000;

CapturePtr capture(quint64 id, qint64 atMs, quint16 answer, bool refused = false)
{
    auto c = std::make_shared<Capture>();
    c->id = id;
    c->receivedAtMs = kStartMs + atMs;
    c->method = "POST";
    c->target = "/webhook/hoox";
    c->answerStatus = answer;
    c->refused = refused;
    return c;
}

using Counts = ActivityBuckets::Counts;

} // namespace

class tst_ActivityStrip : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void answerClasses_data();
    void answerClasses();
    void bucketsCountAsBatchesArrive();
    void earlierCapturesAndLongSessions();
    void clearedWithTheStore();
    void dragSelectsARangeThatFiltersTheTable();
    void clearFiltersClearsTheRange();

private:
    ActivityStrip *openWindowWithTenSeconds();
    void drag(ActivityStrip *strip, int fromX, int toX);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SessionEngine> m_engine;
    std::unique_ptr<NgrokWatcher> m_ngrok;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void tst_ActivityStrip::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("hookscope-tests"));
}

void tst_ActivityStrip::cleanup()
{
    m_tester.reset();
    m_window.reset();
    m_ngrok.reset();
    m_engine.reset();
    m_dir.reset();
}

void tst_ActivityStrip::answerClasses_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("refused");
    QTest::addColumn<int>("kind");
    QTest::addRow("200") << 200 << false << int(AnswerClass::Success);
    QTest::addRow("204") << 204 << false << int(AnswerClass::Success);
    QTest::addRow("404") << 404 << false << int(AnswerClass::ClientError);
    QTest::addRow("500") << 500 << false << int(AnswerClass::ServerError);
    QTest::addRow("503") << 503 << false << int(AnswerClass::ServerError);
    QTest::addRow("not answered") << 0 << false << int(AnswerClass::None);
    QTest::addRow("302") << 302 << false << int(AnswerClass::None);
    QTest::addRow("refused") << 401 << true << int(AnswerClass::None);
}

void tst_ActivityStrip::answerClasses()
{
    QFETCH(int, status);
    QFETCH(bool, refused);
    QFETCH(int, kind);
    QCOMPARE(int(AnswerClass::of(quint16(status), refused)), kind);
}

void tst_ActivityStrip::bucketsCountAsBatchesArrive()
{
    CaptureStore store;
    ActivityStrip strip(&store);
    store.append({capture(1, 0, 200), capture(2, 300, 500), capture(3, 1500, 404),
                  capture(4, 1600, 401, true)});
    const ActivityBuckets &b = strip.buckets();
    QCOMPARE(b.size(), qsizetype(2));
    QCOMPARE(b.widthMs(), qint64(1000));
    QCOMPARE(b.originMs(), kStartMs);
    QCOMPARE(b.sum(0, 1), (Counts{1, 0, 1, 0}));
    QCOMPARE(b.sum(1, 2), (Counts{0, 1, 0, 1}));
    store.append({capture(5, 5200, 200), capture(6, 5900, 200), capture(7, 1999, 502)});
    QCOMPARE(b.size(), qsizetype(6));
    QCOMPARE(b.total(), qint64(7));
    QCOMPARE(b.sum(1, 2), (Counts{0, 1, 1, 1}));
    QCOMPARE(b.sum(2, 5), (Counts{0, 0, 0, 0}));
    QCOMPARE(b.sum(5, 6), (Counts{2, 0, 0, 0}));
    QCOMPARE(b.sum(0, 6), (Counts{3, 1, 2, 1}));
}

void tst_ActivityStrip::earlierCapturesAndLongSessions()
{
    ActivityBuckets b;
    b.add(kStartMs + 10'000, AnswerClass::Success);
    b.add(kStartMs + 7'500, AnswerClass::ServerError); // earlier: an import, a late answer
    QCOMPARE(b.originMs(), kStartMs + 7'000);
    QCOMPARE(b.size(), qsizetype(4));
    QCOMPARE(b.sum(0, 1), (Counts{0, 0, 1, 0}));
    QCOMPARE(b.sum(3, 4), (Counts{1, 0, 0, 0}));
    // A day later: buckets widen so that there are never more than kMaxBuckets of them.
    b.add(kStartMs + 86'400'000, AnswerClass::ClientError);
    QVERIFY(b.size() <= ActivityBuckets::kMaxBuckets);
    QCOMPARE(b.widthMs(), qint64(2000));
    QCOMPARE(b.total(), qint64(3));
    QCOMPARE(b.sum(0, b.size()), (Counts{1, 1, 1, 0}));
    QCOMPARE(b.sum(b.size() - 1, b.size()), (Counts{0, 1, 0, 0}));
    QVERIFY(b.originMs() <= kStartMs + 7'500);
}

void tst_ActivityStrip::clearedWithTheStore()
{
    CaptureStore store;
    ActivityStrip strip(&store);
    store.append({capture(1, 0, 200)});
    QSignalSpy cleared(&strip, &ActivityStrip::rangeChanged);
    strip.showRange(kStartMs, kStartMs + 1000);
    store.clear();
    QVERIFY(strip.buckets().isEmpty());
    QVERIFY(!strip.hasRange());
    QCOMPARE(cleared.size(), qsizetype(1)); // the table forgets the old session's range too
}

// A window whose session holds one capture a second for ten seconds.
ActivityStrip *tst_ActivityStrip::openWindowWithTenSeconds()
{
    m_dir = std::make_unique<QTemporaryDir>();
    Settings::useFile(m_dir->filePath(QStringLiteral("hookscope.conf")));
    m_engine = std::make_unique<SessionEngine>();
    SessionOptions options;
    options.journalPath = m_dir->filePath(QStringLiteral("test.hkj"));
    QString error;
    if (!m_engine->open(options, &error))
        qFatal("%s", qPrintable(error));
    m_ngrok = std::make_unique<NgrokWatcher>();
    m_window = std::make_unique<MainWindow>(m_engine.get(), m_ngrok.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_window->captureModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_window->resize(1280, 760);
    m_window->show();
    CaptureBatch batch;
    for (int i = 0; i < 10; ++i)
        batch << capture(quint64(i + 1), i * 1000 + 200, i % 3 == 0 ? 500 : 200);
    m_engine->store()->append(batch);
    return m_window->findChild<ActivityStrip *>(QStringLiteral("activityStrip"));
}

void tst_ActivityStrip::drag(ActivityStrip *strip, int fromX, int toX)
{
    const int y = strip->barsRect().center().y();
    QTest::mousePress(strip, Qt::LeftButton, {}, QPoint(fromX, y));
    QTest::mouseMove(strip, QPoint((fromX + toX) / 2, y));
    QTest::mouseMove(strip, QPoint(toX, y));
    QTest::mouseRelease(strip, Qt::LeftButton, {}, QPoint(toX, y));
}

void tst_ActivityStrip::dragSelectsARangeThatFiltersTheTable()
{
    ActivityStrip *strip = openWindowWithTenSeconds();
    QVERIFY(strip);
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    CaptureTableModel *model = m_window->captureModel();
    QTRY_COMPARE(model->rowCount(), 10);
    QCOMPARE(strip->height(), 40);
    // From inside second 2 to inside second 5: seconds 2, 3, 4 and 5.
    const int x2 = strip->xOf(kStartMs + 2000) + 1;
    const int x5 = strip->xOf(kStartMs + 5000) + 1;
    QVERIFY(x5 - x2 >= 6);
    QSignalSpy changed(strip, &ActivityStrip::rangeChanged);
    drag(strip, x2, x5);
    QCOMPARE(changed.size(), qsizetype(1));
    QCOMPARE(strip->sinceMs(), kStartMs + 2000);
    QCOMPARE(strip->untilMs(), kStartMs + 6000);
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(model->data(model->index(0, CaptureTableModel::IdColumn)).toULongLong(), 3ull);
    QCOMPARE(model->tableFilter().sinceMs(), kStartMs + 2000);
    // A click clears it.
    QTest::mouseClick(strip, Qt::LeftButton, {}, QPoint(x2, strip->barsRect().center().y()));
    QCOMPARE(model->rowCount(), 10);
    QVERIFY(!strip->hasRange());
    // So does Esc.
    drag(strip, x2, x5);
    QCOMPARE(model->rowCount(), 4);
    QTest::keyClick(strip, Qt::Key_Escape);
    QCOMPARE(model->rowCount(), 10);
    QVERIFY(!model->tableFilter().hasTimeRange());
}

void tst_ActivityStrip::clearFiltersClearsTheRange()
{
    ActivityStrip *strip = openWindowWithTenSeconds();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    CaptureTableModel *model = m_window->captureModel();
    QTRY_COMPARE(model->rowCount(), 10);
    drag(strip, strip->xOf(kStartMs) + 1, strip->xOf(kStartMs + 1000) + 1);
    QCOMPARE(model->rowCount(), 2);
    // Rows arriving in the range show; others wait outside it.
    m_engine->store()->append({capture(11, 1500, 200), capture(12, 9500, 200)});
    QCOMPARE(model->rowCount(), 3);
    auto *clearFilters = m_window->findChild<QAction *>(QStringLiteral("clearFiltersAction"));
    QVERIFY(clearFilters);
    clearFilters->trigger();
    QCOMPARE(model->rowCount(), 12);
    QVERIFY(!strip->hasRange()); // the strip follows the table's filter
}

QTEST_MAIN(tst_ActivityStrip)
#include "tst_activitystrip.moc"
