// SPDX-License-Identifier: MIT
// The window at laptop sizes: the columns that answer "did it arrive, what did we say, what is
// wrong with it" without a sideways scroll, a detail pane that gives way, the header's column
// menu, the first minute of an empty session, and Follow saying when it paused.
#include "CaptureTableModel.h"
#include "ListenerBar.h"
#include "MainWindow.h"
#include "PayloadView.h"
#include "TableColumns.h"
#include "capture/CaptureStore.h"
#include "helpers/HooxDelivery.h"
#include "listener/Listener.h"
#include "ngrok/NgrokWatcher.h"
#include "session/SessionEngine.h"
#include "session/Settings.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDateTime>
#include <QFile>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using M = CaptureTableModel;

class tst_WindowLayout : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void columnsFitALaptop();
    void aMillionCapturesStillFit();
    void detailPaneGivesWay_data();
    void detailPaneGivesWay();
    void headerMenuShowsHidesAndMoves();
    void emptySessionShowsTheWayIn();
    void followSaysWhenItPaused();

private:
    QTableView *table() const
    {
        return m_window->findChild<QTableView *>(QStringLiteral("captureTable"));
    }
    template <typename T> T *find(const char *name) const
    {
        return m_window->findChild<T *>(QLatin1String(name));
    }
    void importDeliveries(int count);
    void verifyColumnsFit() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SessionEngine> m_engine;
    std::unique_ptr<NgrokWatcher> m_ngrok;
    std::unique_ptr<MainWindow> m_window;
};

void tst_WindowLayout::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("hookscope-tests"));
}

void tst_WindowLayout::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    Settings::useFile(m_dir->filePath(QStringLiteral("hookscope.conf")));
    m_engine = std::make_unique<SessionEngine>();
    SessionOptions options;
    options.journalPath = m_dir->filePath(QStringLiteral("layout.hkj"));
    QString error;
    QVERIFY2(m_engine->open(options, &error), qPrintable(error));
    m_ngrok = std::make_unique<NgrokWatcher>();
    m_window = std::make_unique<MainWindow>(m_engine.get(), m_ngrok.get());
    QVERIFY(m_window->listenerBar()->startListening(QHostAddress::LocalHost, 0));
    m_window->resize(1280, 760);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_WindowLayout::cleanup()
{
    m_window.reset();
    m_ngrok.reset();
    m_engine.reset();
    m_dir.reset();
}

// `count` deliveries of two tasks, a second apart, through a JSON Lines import.
void tst_WindowLayout::importDeliveries(int count)
{
    QByteArray lines;
    for (int i = 0; i < count; ++i) {
        const QJsonObject o{
            {QStringLiteral("method"), QStringLiteral("POST")},
            {QStringLiteral("target"), QStringLiteral("/webhook/hoox")},
            {QStringLiteral("received_at"),
             QDateTime::fromMSecsSinceEpoch(1'700'000'000'000 + i * 1000, Qt::UTC)
                 .toString(Qt::ISODateWithMs)},
            {QStringLiteral("answer"), 200},
            {QStringLiteral("body"),
             QStringLiteral(R"({"task":"video_generate","job_id":"run_%1","status":"completed",)"
                            R"("result":{"video_id":"v","cost":1}})")
                 .arg(i)}};
        lines += QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    }
    QFile file(m_dir->filePath(QStringLiteral("in.jsonl")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(lines);
    file.close();
    QSignalSpy imported(m_engine.get(), &SessionEngine::imported);
    m_window->importFiles({file.fileName()});
    QVERIFY(imported.wait(10'000));
    QTRY_COMPARE(m_window->captureModel()->rowCount(), count);
}

// At 1280 × 760 every default column is in view, the last with room for its words.
// Every visible column ends inside the table's viewport, Forwarded keeps room for its words,
// and there is no sideways scroll.
void tst_WindowLayout::verifyColumnsFit() const
{
    const QHeaderView *header = table()->horizontalHeader();
    const int viewport = table()->viewport()->width();
    for (int c : TableColumns::visibleInOrder(header)) {
        const int right = header->sectionViewportPosition(c) + header->sectionSize(c);
        QVERIFY2(right <= viewport,
                 qPrintable(
                     QStringLiteral("column %1 ends at %2 of %3").arg(c).arg(right).arg(viewport)));
    }
    QVERIFY2(header->sectionSize(M::ForwardColumn) >= 60,
             qPrintable(QString::number(header->sectionSize(M::ForwardColumn))));
    QCOMPARE(table()->horizontalScrollBar()->maximum(), 0);
}

void tst_WindowLayout::columnsFitALaptop()
{
    importDeliveries(3);
    QHeaderView *header = table()->horizontalHeader();
    QCOMPARE(TableColumns::visibleInOrder(header),
             (QList<int>{M::IdColumn, M::TimeColumn, M::TaskColumn, M::KeyColumn, M::StatusColumn,
                         M::AttemptColumn, M::AnswerColumn, M::FindingsColumn, M::ForwardColumn}));
    verifyColumnsFit();
}

// A journal of a million captures: seven-digit ids show whole, counts read with their
// thousands, and the vertical scroll bar takes no column out of sight.
void tst_WindowLayout::aMillionCapturesStillFit()
{
    CaptureBatch batch;
    for (int i = 0; i < 1200; ++i) {
        auto c = std::make_shared<Capture>();
        c->id = 1'234'500 + quint64(i);
        c->receivedAtMs = 1'700'000'000'000 + i * 1000;
        c->method = "POST";
        c->target = "/webhook/hoox";
        c->answerStatus = 200;
        c->hoox.task = HooxTask::VideoGenerate;
        c->hoox.taskText = QStringLiteral("video_generate");
        c->hoox.status = HooxStatus::Completed;
        c->hoox.statusText = QStringLiteral("completed");
        c->hoox.key = QStringLiteral("run_01234567890abcdef%1").arg(i);
        c->hoox.attempt = 1;
        batch.append(c);
    }
    m_engine->store()->append(batch);
    QTRY_COMPARE(m_window->captureModel()->rowCount(), 1200);
    QTRY_VERIFY(table()->verticalScrollBar()->isVisible());
    QHeaderView *header = table()->horizontalHeader();
    const QString id = table()->model()->index(1199, M::IdColumn).data().toString();
    QCOMPARE(id, QStringLiteral("1235699"));
    QTRY_VERIFY2(header->sectionSize(M::IdColumn) >=
                     table()->fontMetrics().horizontalAdvance(id) + 8,
                 qPrintable(QString::number(header->sectionSize(M::IdColumn))));
    verifyColumnsFit();
    const QString count = QLocale().toString(1200);
    QCOMPARE(find<QLabel>("countLabel")->text(),
             count + QStringLiteral(" of ") + count + QStringLiteral(" shown"));
}

void tst_WindowLayout::detailPaneGivesWay_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("small laptop") << QSize(1024, 640);
    QTest::newRow("laptop") << QSize(1280, 760);
    QTest::newRow("desktop") << QSize(1920, 1080);
}

// The table keeps at least 55 % of the width, and every detail tab fits the room it has.
void tst_WindowLayout::detailPaneGivesWay()
{
    QFETCH(QSize, size);
    importDeliveries(3);
    m_window->resize(size);
    QTRY_COMPARE(m_window->size(), size);
    auto *stack = find<QStackedWidget>("tableStack");
    QTRY_VERIFY2(stack->width() >= size.width() * 55 / 100,
                 qPrintable(QStringLiteral("%1 of %2").arg(stack->width()).arg(size.width())));
    auto *tabs = find<QTabWidget>("sideTabs");
    for (int i = 0; i < tabs->count(); ++i) {
        QWidget *page = tabs->widget(i);
        QVERIFY2(page->minimumSizeHint().width() <= tabs->width(),
                 qPrintable(QStringLiteral("%1 needs %2 of %3")
                                .arg(tabs->tabText(i))
                                .arg(page->minimumSizeHint().width())
                                .arg(tabs->width())));
    }
    QVERIFY(m_window->statusBar()->width() <= size.width());
}

void tst_WindowLayout::headerMenuShowsHidesAndMoves()
{
    QHeaderView *header = table()->horizontalHeader();
    QVERIFY(header->isSectionHidden(M::PathColumn));
    std::unique_ptr<QMenu> menu(TableColumns::menu(table(), M::TaskColumn));
    const auto item = [&menu](const QString &text) -> QAction * {
        for (QAction *a : menu->actions())
            if (a->text() == text)
                return a;
        return nullptr;
    };
    QVERIFY(item(QStringLiteral("Path")) && !item(QStringLiteral("Path"))->isChecked());
    QVERIFY(!item(QStringLiteral("#"))->isEnabled()); // what every message names a capture by
    item(QStringLiteral("Path"))->trigger();
    QVERIFY(!header->isSectionHidden(M::PathColumn));
    const int was = header->visualIndex(M::TaskColumn);
    item(QStringLiteral("Move \"Task\" right"))->trigger();
    QCOMPARE(header->visualIndex(M::TaskColumn), was + 1);
    item(QStringLiteral("Restore default columns"))->trigger();
    QVERIFY(header->isSectionHidden(M::PathColumn));
    QCOMPARE(header->visualIndex(M::TaskColumn), was);
}

// An empty session says what to do next; the sample button brings a real, selected row.
void tst_WindowLayout::emptySessionShowsTheWayIn()
{
    auto *stack = find<QStackedWidget>("tableStack");
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("emptyState"));
    const quint16 port = m_engine->listener()->port();
    QCOMPARE(find<QLabel>("ngrokCommand")->text(), QStringLiteral("ngrok http %1").arg(port));
    QVERIFY(
        find<QLabel>("emptyWebhookUrl")->text().startsWith(QStringLiteral("waiting for ngrok")));
    m_window->listenerBar()->setWebhookUrl(QStringLiteral("https://ab.ngrok-free.app"));
    QCOMPARE(find<QLabel>("emptyWebhookUrl")->text(),
             QStringLiteral("https://ab.ngrok-free.app/webhook/hoox"));

    QTest::mouseClick(find<QPushButton>("sendSampleButton"), Qt::LeftButton);
    QTRY_COMPARE(m_window->captureModel()->rowCount(), 1);
    QTRY_COMPARE(stack->currentWidget(), static_cast<QWidget *>(table()));
    QTRY_COMPARE(table()->currentIndex().row(), 0);
    QTRY_VERIFY(m_window->payloadView()->capture());
    const CapturePtr sample = m_window->payloadView()->capture();
    QCOMPARE(sample->headers.value("X-Hoox-Webhook"), QByteArray("true"));
    QCOMPARE(sample->hoox.taskText, QStringLiteral("video_generate"));
    QCOMPARE(sample->hoox.statusText, QStringLiteral("completed"));
}

// Reading older rows pauses Follow, and the box says so; checking it again jumps to the newest.
void tst_WindowLayout::followSaysWhenItPaused()
{
    importDeliveries(200);
    auto *follow = find<QCheckBox>("followCheck");
    QVERIFY(follow->isChecked());
    table()->scrollToTop();
    QCOMPARE(deliverHoox(m_engine->listener()->port(), "run_new"), 200);
    QTRY_COMPARE(m_window->captureModel()->rowCount(), 201);
    QTRY_VERIFY(!follow->isChecked());
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("Follow paused")));
    QCOMPARE(table()->verticalScrollBar()->value(), 0); // the row being read stays in view
    follow->setChecked(true);
    QCOMPARE(table()->verticalScrollBar()->value(), table()->verticalScrollBar()->maximum());
    QCOMPARE(deliverHoox(m_engine->listener()->port(), "run_newer"), 200);
    QTRY_COMPARE(m_window->captureModel()->rowCount(), 202);
    QTRY_COMPARE(table()->verticalScrollBar()->value(), table()->verticalScrollBar()->maximum());
    QVERIFY(follow->isChecked());
}

QTEST_MAIN(tst_WindowLayout)
#include "tst_windowlayout.moc"
