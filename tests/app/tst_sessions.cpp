// SPDX-License-Identifier: MIT
// Sessions in the window: new, open, recent, import (menu and drop), export, copy as.
#include "CaptureTableModel.h"
#include "MainWindow.h"
#include "PayloadView.h"
#include "capture/CaptureStore.h"
#include "capture/JournalReader.h"
#include "helpers/HooxDelivery.h"
#include "listener/Listener.h"
#include "ngrok/NgrokWatcher.h"
#include "session/JobRunner.h"
#include "session/SessionEngine.h"
#include "session/Settings.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

class tst_Sessions : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void exportThenImportIntoANewSession();
    void dropImportsAFile();
    void brokenEntriesAreReported();
    void openBringsASessionBack();
    void copyAsCurl();
    void jobsShowInTheStatusBarAndCancel();
    void theWindowShowsWhileItsJournalIsRead();
    void textSearchIsAJobThatCancels();
    void retentionKeepsTheNewest();
    void retentionKeepsTheJournalsNumbering();

private:
    int rows() const { return m_window->captureModel()->rowCount(); }
    QStringList recent() const
    {
        return Settings::instance().get(Settings::Key::SessionRecent).toStringList();
    }
    // Opens `path` through the window as a job and waits until the view shows it.
    void openAndWait(const QString &path);

    QTemporaryDir m_dir;
    std::unique_ptr<SessionEngine> m_engine;
    std::unique_ptr<NgrokWatcher> m_ngrok;
    std::unique_ptr<MainWindow> m_window;
    quint16 m_port = 0;
};

void tst_Sessions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("hookscope-tests"));
}

void tst_Sessions::init()
{
    const QString settings = m_dir.filePath(QStringLiteral("hookscope.conf"));
    QFile::remove(settings);
    Settings::useFile(settings);
    m_engine = std::make_unique<SessionEngine>();
    SessionOptions options;
    options.journalPath = m_dir.filePath(QStringLiteral("first.hkj"));
    QString error;
    QVERIFY2(m_engine->open(options, &error), qPrintable(error));
    QVERIFY(m_engine->startListening(QHostAddress::LocalHost, 0, &error));
    m_port = m_engine->listener()->port();
    m_ngrok = std::make_unique<NgrokWatcher>();
    m_window = std::make_unique<MainWindow>(m_engine.get(), m_ngrok.get());
    m_window->show();
}

void tst_Sessions::cleanup()
{
    m_window.reset();
    m_ngrok.reset();
    m_engine.reset();
    QFile::remove(m_dir.filePath(QStringLiteral("first.hkj")));
}

void tst_Sessions::openAndWait(const QString &path)
{
    QSignalSpy opened(m_engine.get(), &SessionEngine::opened);
    m_window->openJournal(path);
    QVERIFY(opened.wait(10'000));
}

void tst_Sessions::exportThenImportIntoANewSession()
{
    for (const char *id : {"run_1", "run_2", "run_1"})
        QCOMPARE(deliverHoox(m_port, id), 200);
    QTRY_COMPARE(rows(), 3);
    const QString jsonl = m_dir.filePath(QStringLiteral("out.jsonl"));
    const QString har = m_dir.filePath(QStringLiteral("out.har"));
    QSignalSpy exported(m_engine.get(), &SessionEngine::exported);
    m_window->exportTo(jsonl, false);
    m_window->exportTo(har, false);
    QTRY_COMPARE(exported.size(), 2);
    QVERIFY(exported.at(0).at(2).toBool());
    QVERIFY(exported.at(1).at(2).toBool());
    // The status bar says what was written.
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("3 captures")),
             qPrintable(m_window->statusBar()->currentMessage()));
    QFile f(jsonl);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll().count('\n'), 3);

    const QString before = m_engine->journalPath();
    QSignalSpy opened(m_engine.get(), &SessionEngine::opened);
    m_window->findChild<QAction *>(QStringLiteral("newSessionAction"))->trigger();
    QVERIFY(opened.wait(10'000));
    QVERIFY(m_engine->journalPath() != before);
    QCOMPARE(rows(), 0);
    m_window->importFiles({jsonl});
    QTRY_COMPARE(rows(), 3);
    const QAbstractItemModel *m = m_window->captureModel();
    QCOMPARE(m->index(2, CaptureTableModel::KeyColumn).data().toString(), QStringLiteral("run_1"));
    QVERIFY(m->index(2, CaptureTableModel::AttemptColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("2/2")));
    // Imported captures are journaled in the new session like deliveries.
    QTRY_COMPARE(JournalReader::read(m_engine->journalPath()).captures.size(), 3);
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("3 entries imported")),
             qPrintable(m_window->statusBar()->currentMessage()));
    QVERIFY(recent().contains(QFileInfo(before).absoluteFilePath()));
}

void tst_Sessions::dropImportsAFile()
{
    const QString har = QStringLiteral(HOOKSCOPE_SOURCE_DIR "/tests/data/chrome-devtools.har");
    auto *mime = new QMimeData;
    mime->setUrls({QUrl::fromLocalFile(har)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    QTRY_VERIFY(rows() > 0);
    delete mime;
}

void tst_Sessions::brokenEntriesAreReported()
{
    m_window->importFiles({QStringLiteral(HOOKSCOPE_SOURCE_DIR "/tests/data/broken-entries.har")});
    QTRY_COMPARE(rows(), 2); // the good entries
    const QString message = m_window->statusBar()->currentMessage();
    QVERIFY2(message.contains(QStringLiteral("entries[")) ||
                 message.contains(QStringLiteral("entry")),
             qPrintable(message));
}

void tst_Sessions::openBringsASessionBack()
{
    QCOMPARE(deliverHoox(m_port, "run_a"), 200);
    QTRY_COMPARE(rows(), 1);
    const QString first = m_engine->journalPath();
    openAndWait(SessionEngine::newSessionPath());
    QCOMPARE(rows(), 0);
    QCOMPARE(deliverHoox(m_port, "run_b"), 200);
    QTRY_COMPARE(rows(), 1);
    openAndWait(first);
    QCOMPARE(rows(), 1);
    QCOMPARE(deliverHoox(m_port, "run_a"), 200); // numbering and groups go on in that session
    QTRY_COMPARE(rows(), 2);
    const QAbstractItemModel *m = m_window->captureModel();
    QCOMPARE(m->index(1, CaptureTableModel::IdColumn).data().toULongLong(), 2u);
    QVERIFY(m->index(1, CaptureTableModel::AttemptColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("2/2")));
    QCOMPARE(recent().size(), 2);
}

void tst_Sessions::copyAsCurl()
{
    QCOMPARE(deliverHoox(m_port, "run_c"), 200);
    QTRY_COMPARE(rows(), 1);
    m_window->findChild<QTableView *>(QStringLiteral("captureTable"))->selectRow(0);
    m_window->findChild<QAction *>(QStringLiteral("copyCurlAction"))->trigger();
    const QString curl = QApplication::clipboard()->text();
    QVERIFY2(curl.startsWith(QStringLiteral("curl")), qPrintable(curl));
    QVERIFY(curl.contains(QStringLiteral("run_c")));
    m_window->findChild<QAction *>(QStringLiteral("copyPythonAction"))->trigger();
    QVERIFY(QApplication::clipboard()->text().contains(QStringLiteral("requests")));
}

void tst_Sessions::jobsShowInTheStatusBarAndCancel()
{
    for (const char *id : {"run_1", "run_2"})
        QCOMPARE(deliverHoox(m_port, id), 200);
    QTRY_COMPARE(rows(), 2);
    auto *indicator = m_window->findChild<QWidget *>(QStringLiteral("jobIndicator"));
    auto *cancel = m_window->findChild<QAbstractButton *>(QStringLiteral("cancelJobButton"));
    QVERIFY(indicator && cancel);
    QVERIFY(!indicator->isVisible());

    QSignalSpy finished(m_engine->jobs(), &JobRunner::finished);
    QSignalSpy exported(m_engine.get(), &SessionEngine::exported);
    const QString file = m_dir.filePath(QStringLiteral("cancelled.har"));
    m_window->exportTo(file, false);
    QVERIFY(indicator->isVisible()); // at once: what runs, and Cancel
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(finished.wait());
    QCOMPARE(finished.first().at(1).toBool(), true);
    QTRY_VERIFY(!indicator->isVisible());
    QCOMPARE(exported.size(), 0); // nothing claims to be written

    m_window->exportTo(file, false);
    QVERIFY(exported.wait());
    QVERIFY(exported.first().at(2).toBool());
    QVERIFY(m_window->statusBar()->currentMessage().startsWith(
        QStringLiteral("Exported 2 captures to ")));
    QTRY_VERIFY(!indicator->isVisible());
}

// main.cpp starts the engine with begin(): the window is built while the journal is read, and
// says so (the job with its Cancel, no count, the table rather than the first-minute page).
void tst_Sessions::theWindowShowsWhileItsJournalIsRead()
{
    for (const char *job : {"run_1", "run_2", "run_1"})
        QCOMPARE(deliverHoox(m_port, job), 200);
    QTRY_COMPARE(rows(), 3);
    const QString path = m_engine->journalPath();
    m_window.reset();
    m_engine = std::make_unique<SessionEngine>();
    SessionOptions options;
    options.journalPath = path;
    QString error;
    QVERIFY2(m_engine->begin(options, &error), qPrintable(error));
    m_window = std::make_unique<MainWindow>(m_engine.get(), m_ngrok.get());
    m_window->show();
    auto *indicator = m_window->findChild<QWidget *>(QStringLiteral("jobIndicator"));
    QVERIFY(indicator->isVisibleTo(m_window.get()));
    QVERIFY(indicator->findChild<QLabel *>()->text().startsWith(QStringLiteral("Opening ")));
    auto *stack = m_window->findChild<QStackedWidget *>(QStringLiteral("tableStack"));
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("captureTable"));
    const auto labels = m_window->statusBar()->findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.begin(), labels.end(), [](const QLabel *l) {
        return l->text() == QStringLiteral("Reading the journal…");
    }));

    QTRY_COMPARE(rows(), 3);
    QTRY_VERIFY(!indicator->isVisibleTo(m_window.get()));
    QVERIFY(std::any_of(labels.begin(), labels.end(), [](const QLabel *l) {
        return l->text().startsWith(QStringLiteral("3 capture")); // no translation loaded here
    }));
    QCOMPARE(recent().value(0), QFileInfo(path).absoluteFilePath());
}

void tst_Sessions::textSearchIsAJobThatCancels()
{
    for (const char *id : {"run_1", "run_2"})
        QCOMPARE(deliverHoox(m_port, id), 200);
    QTRY_COMPARE(rows(), 2);
    auto *indicator = m_window->findChild<QWidget *>(QStringLiteral("jobIndicator"));
    auto *cancel = m_window->findChild<QAbstractButton *>(QStringLiteral("cancelJobButton"));
    auto *filter = m_window->findChild<QLineEdit *>(QStringLiteral("filterEdit"));
    QSignalSpy finished(m_engine->jobs(), &JobRunner::finished);
    QTest::keyClicks(filter, QStringLiteral("run_2"));
    QVERIFY(finished.wait()); // debounced, then searched as a job
    QCOMPARE(finished.first().at(1).toBool(), false);
    QTRY_COMPARE(rows(), 1);

    m_window->captureModel()->setQuery(Query::parse(QStringLiteral("run_")));
    QVERIFY(indicator->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(filter->text().isEmpty()); // the filter box says what is applied: nothing
    QCOMPARE(rows(), 2);
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("cancelled")));
    QTRY_VERIFY(!indicator->isVisible());
}

void tst_Sessions::retentionKeepsTheNewest()
{
    CaptureIndex all;
    for (int i = 0; i < 10; ++i) {
        Capture c;
        c.id = quint64(i + 1);
        c.receivedAtMs = qint64(i) * 86'400'000;          // one a day
        c.hoox.key = QStringLiteral("run_%1").arg(i % 2); // two retry chains
        all.append(c);
    }
    const auto retained = [&all](int maxCaptures, int maxAgeDays, qint64 now) {
        return SessionEngine::retained(CaptureIndex(all), maxCaptures, maxAgeDays, now);
    };
    QCOMPARE(retained(0, 0, 0).size(), 10);
    const CaptureIndex newest = retained(3, 0, 0);
    QCOMPARE(newest.row(0).id, 8u);
    // Regrouped over what is kept: ids 8 and 10 share a key, 9 is alone in its chain.
    QCOMPARE(newest.group(newest.row(0).group).count, 2);
    QCOMPARE(newest.row(2).previous, 0);
    QCOMPARE(newest.group(newest.row(1).group).count, 1);
    QCOMPARE(newest.key(1), QStringLiteral("run_0"));
    const qint64 now = 9 * qint64(86'400'000);
    QCOMPARE(retained(0, 2, now).size(), 3); // days 7, 8 and 9
    QCOMPARE(retained(2, 5, now).size(), 2);
}

// A session reopened under retention shows the last attempts of a chain as such, and "Jump to
// first" says the first is not loaded instead of jumping to the earliest row shown.
void tst_Sessions::retentionKeepsTheJournalsNumbering()
{
    for (int i = 0; i < 5; ++i)
        QCOMPARE(deliverHoox(m_port, "run_r"), 200);
    QTRY_COMPARE(rows(), 5);
    const QString first = m_engine->journalPath();
    openAndWait(SessionEngine::newSessionPath());
    // Once a delivery lands in the new session, the listener has let go of the first journal.
    QCOMPARE(deliverHoox(m_port, "run_x"), 200);
    QTRY_COMPARE(rows(), 1);
    m_engine->setRetention(2, 0);
    openAndWait(first);
    QCOMPARE(rows(), 2);
    const QAbstractItemModel *m = m_window->captureModel();
    const auto attempt = [m](int row) {
        return m->index(row, CaptureTableModel::AttemptColumn).data().toString();
    };
    QCOMPARE(attempt(0), QStringLiteral("4/5"));
    QVERIFY2(attempt(1).startsWith(QStringLiteral("5/5")), qPrintable(attempt(1)));

    auto *table = m_window->findChild<QTableView *>(QStringLiteral("captureTable"));
    table->selectRow(1);
    m_window->findChild<QAction *>(QStringLiteral("jumpToFirstAction"))->trigger();
    const QString message = m_window->statusBar()->currentMessage();
    QVERIFY2(message.contains(QStringLiteral("#1")) &&
                 message.contains(QStringLiteral("not loaded")),
             qPrintable(message));
    QCOMPARE(table->currentIndex().row(), 1);
    QCOMPARE(m_window->payloadView()->capture()->id, 5u);

    // The listener goes on with the journal's numbering.
    QCOMPARE(deliverHoox(m_port, "run_r"), 200);
    QTRY_COMPARE(rows(), 3);
    QVERIFY2(attempt(2).startsWith(QStringLiteral("6/6")), qPrintable(attempt(2)));
    QCOMPARE(attempt(0), QStringLiteral("4/6"));
}

QTEST_MAIN(tst_Sessions)
#include "tst_sessions.moc"
