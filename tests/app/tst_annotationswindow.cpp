// SPDX-License-Identifier: MIT
// Bookmarks, notes and deletions in the window: keys on the table, what the table shows, undo,
// export, and all of it again after a restart on the same journal.
#include "CaptureTableModel.h"
#include "MainWindow.h"
#include "capture/CaptureStore.h"
#include "helpers/HooxDelivery.h"
#include "listener/Listener.h"
#include "ngrok/NgrokWatcher.h"
#include "session/SessionEngine.h"
#include "session/Settings.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QFile>
#include <QIcon>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

class tst_AnnotationsWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void ctrlBStarsTheSelectedRows();
    void noteShowsInTheKeyCell();
    void deleteHidesAndUndoRestores();
    void survivesARestart();
    void exportLeavesDeletedOutAndCarriesNotes();
    void clearSaysWhatItDoes();
    void filterFollowsStarsAndNotes();

private:
    void start();
    void stop();
    int rows() const { return m_window->captureModel()->rowCount(); }
    QTableView *table() const
    {
        return m_window->findChild<QTableView *>(QStringLiteral("captureTable"));
    }
    QModelIndex keyCell(int row) const
    {
        return m_window->captureModel()->index(row, CaptureTableModel::KeyColumn);
    }
    CaptureStore *store() const { return m_engine->store(); }
    // Delivers run_0 … run_<n - 1> and waits until the table shows them.
    void deliver(int n);
    void select(int row);
    void writeNote(const QString &text);

    QTemporaryDir m_dir;
    QString m_journal;
    std::unique_ptr<SessionEngine> m_engine;
    std::unique_ptr<NgrokWatcher> m_ngrok;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void tst_AnnotationsWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("hookscope-tests"));
}

void tst_AnnotationsWindow::init()
{
    const QString settings = m_dir.filePath(QStringLiteral("hookscope.conf"));
    QFile::remove(settings);
    Settings::useFile(settings);
    m_journal = m_dir.filePath(QStringLiteral("annotated.hkj"));
    QFile::remove(m_journal);
    start();
}

void tst_AnnotationsWindow::start()
{
    m_engine = std::make_unique<SessionEngine>();
    SessionOptions options;
    options.journalPath = m_journal;
    QString error;
    QVERIFY2(m_engine->open(options, &error), qPrintable(error));
    QVERIFY(m_engine->startListening(QHostAddress::LocalHost, 0, &error));
    m_ngrok = std::make_unique<NgrokWatcher>();
    m_window = std::make_unique<MainWindow>(m_engine.get(), m_ngrok.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_window->captureModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    table()->setFocus();
}

void tst_AnnotationsWindow::stop()
{
    m_tester.reset();
    m_window.reset();
    m_ngrok.reset();
    m_engine.reset();
}

void tst_AnnotationsWindow::cleanup()
{
    stop();
}

void tst_AnnotationsWindow::deliver(int n)
{
    for (int i = 0; i < n; ++i)
        QCOMPARE(deliverHoox(m_engine->listener()->port(), "run_" + QByteArray::number(i)), 200);
    QTRY_COMPARE(rows(), n);
}

// Selects `row` alone, and gives the table the keyboard in an active window (a dialog that
// closed leaves none active).
void tst_AnnotationsWindow::select(int row)
{
    table()->selectionModel()->setCurrentIndex(m_window->captureModel()->index(row, 0),
                                               QItemSelectionModel::ClearAndSelect |
                                                   QItemSelectionModel::Rows);
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    table()->setFocus();
}

void tst_AnnotationsWindow::writeNote(const QString &text)
{
    QTest::keyClick(table(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    QInputDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<QInputDialog *>(QStringLiteral("noteDialog"))));
    dialog->setTextValue(text);
    dialog->accept();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void tst_AnnotationsWindow::ctrlBStarsTheSelectedRows()
{
    deliver(3);
    QVERIFY(keyCell(1).data(Qt::DecorationRole).isNull());
    select(1);
    QTest::keyClick(table(), Qt::Key_B, Qt::ControlModifier);
    QTRY_VERIFY(store()->isBookmarked(1));
    QVERIFY(!store()->isBookmarked(0));
    QVERIFY(!keyCell(1).data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(keyCell(1).data(Qt::ToolTipRole).toString().contains(QStringLiteral("Bookmarked")));
    // The key is still the cell's text.
    QCOMPARE(keyCell(1).data().toString(), QStringLiteral("run_1"));
    // With one of two selected rows starred, Ctrl+B stars both; again, it unstars both.
    table()->selectAll();
    QTest::keyClick(table(), Qt::Key_B, Qt::ControlModifier);
    QTRY_VERIFY(store()->isBookmarked(0) && store()->isBookmarked(2));
    QTest::keyClick(table(), Qt::Key_B, Qt::ControlModifier);
    QTRY_VERIFY(!store()->isBookmarked(0) && !store()->isBookmarked(1));
}

void tst_AnnotationsWindow::noteShowsInTheKeyCell()
{
    deliver(2);
    select(0);
    writeNote(QStringLiteral("app answered 500: missing job_id handler"));
    QTRY_COMPARE(store()->note(0), QStringLiteral("app answered 500: missing job_id handler"));
    QVERIFY(keyCell(0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("missing job_id")));
    QVERIFY(!keyCell(0).data(Qt::DecorationRole).value<QIcon>().isNull());
    // The free-text filter finds it by its note.
    m_window->findChild<QLineEdit *>(QStringLiteral("filterEdit"))
        ->setText(QStringLiteral("JOB_ID HANDLER"));
    QTRY_COMPARE(rows(), 1);
    m_window->findChild<QLineEdit *>(QStringLiteral("filterEdit"))->clear();
    QTRY_COMPARE(rows(), 2);
    // The dialog opens on the note, and an empty one removes it.
    select(0);
    QTest::keyClick(table(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    QInputDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<QInputDialog *>(QStringLiteral("noteDialog"))));
    QCOMPARE(dialog->textValue(), QStringLiteral("app answered 500: missing job_id handler"));
    dialog->setTextValue(QStringLiteral("  "));
    dialog->accept();
    select(0);
    QTRY_VERIFY(store()->note(0).isEmpty());
    QVERIFY(keyCell(0).data(Qt::DecorationRole).isNull());
}

void tst_AnnotationsWindow::deleteHidesAndUndoRestores()
{
    deliver(4);
    select(1);
    table()->selectionModel()->select(keyCell(2),
                                      QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QTest::keyClick(table(), Qt::Key_Delete);
    QTRY_COMPARE(rows(), 2);
    QCOMPARE(keyCell(1).data().toString(), QStringLiteral("run_3"));
    QCOMPARE(store()->size(), 4); // hidden, not gone
    auto *undo = m_window->findChild<QPushButton *>(QStringLiteral("undoDeleteButton"));
    QVERIFY(undo && undo->isVisible());
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("Deleted 2")));
    // A new delivery is shown beside them; Ctrl+Z brings the deleted ones back.
    QCOMPARE(deliverHoox(m_engine->listener()->port(), "run_4"), 200);
    QTRY_COMPARE(rows(), 3);
    QTest::keyClick(table(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(rows(), 5);
    QVERIFY(!undo->isVisible());
    // Deleted again, and undone from the status bar this time.
    select(0);
    QTest::keyClick(table(), Qt::Key_Delete);
    QTRY_COMPARE(rows(), 4);
    QVERIFY(undo->isVisible());
    undo->click();
    QTRY_COMPARE(rows(), 5);
}

void tst_AnnotationsWindow::survivesARestart()
{
    deliver(4);
    select(0);
    QTest::keyClick(table(), Qt::Key_B, Qt::ControlModifier);
    writeNote(QStringLiteral("look at this one"));
    select(2);
    QTest::keyClick(table(), Qt::Key_Delete);
    QTRY_COMPARE(rows(), 3);
    select(2); // run_3
    QTest::keyClick(table(), Qt::Key_Delete);
    QTRY_COMPARE(rows(), 2);
    QTest::keyClick(table(), Qt::Key_Z, Qt::ControlModifier); // run_3 back
    QTRY_COMPARE(rows(), 3);
    QTRY_COMPARE(store()->note(0), QStringLiteral("look at this one"));

    stop();
    start();
    QCOMPARE(rows(), 3);
    QCOMPARE(store()->size(), 4);
    QVERIFY(store()->isBookmarked(0));
    QCOMPARE(store()->note(0), QStringLiteral("look at this one"));
    QVERIFY(store()->isDeleted(2));
    QVERIFY(!store()->isDeleted(3));
    QCOMPARE(keyCell(2).data().toString(), QStringLiteral("run_3"));
    QVERIFY(keyCell(0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("look at")));
    // The earlier session's deletions are not undone from here: nothing to undo.
    QTest::keyClick(table(), Qt::Key_Z, Qt::ControlModifier);
    QTest::qWait(0);
    QCOMPARE(rows(), 3);
}

void tst_AnnotationsWindow::exportLeavesDeletedOutAndCarriesNotes()
{
    deliver(3);
    select(2);
    writeNote(QStringLiteral("exported note"));
    QTest::keyClick(table(), Qt::Key_B, Qt::ControlModifier);
    select(0);
    QTest::keyClick(table(), Qt::Key_Delete);
    QTRY_COMPARE(rows(), 2);
    QTRY_VERIFY(store()->isBookmarked(2) && !store()->note(2).isEmpty());
    const QString file = m_dir.filePath(QStringLiteral("annotated.jsonl"));
    QSignalSpy exported(m_engine.get(), &SessionEngine::exported);
    m_window->exportTo(file, false);
    QVERIFY(exported.wait(10'000));
    QVERIFY2(exported.at(0).at(2).toBool(), qPrintable(exported.at(0).at(1).toString()));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QJsonObject first = QJsonDocument::fromJson(lines.at(0)).object();
    const QJsonObject last = QJsonDocument::fromJson(lines.at(1)).object();
    QCOMPARE(first.value(u"key").toString(), QStringLiteral("run_1"));
    QVERIFY(first.value(u"note").isNull());
    QCOMPARE(last.value(u"note").toString(), QStringLiteral("exported note"));
    QCOMPARE(last.value(u"bookmarked").toBool(), true);
}

void tst_AnnotationsWindow::clearSaysWhatItDoes()
{
    deliver(2);
    auto *clear = m_window->findChild<QAction *>(QStringLiteral("clearAction"));
    QVERIFY(clear->text().contains(QStringLiteral("view")));
    m_window->setConfirmClear([] { return true; });
    clear->trigger();
    QCOMPARE(rows(), 0);
    // Only the view was emptied: the journal brings them back.
    stop();
    start();
    QCOMPARE(rows(), 2);
}

// Under `bookmarked` or `note:`, starring or noting a row shows it at once; a deleted one is
// shown by no filter.
void tst_AnnotationsWindow::filterFollowsStarsAndNotes()
{
    deliver(3);
    CaptureTableModel *model = m_window->captureModel();
    model->setQuery(Query::parse(QStringLiteral("bookmarked OR note:*urgent*")));
    QTRY_COMPARE(rows(), 0);
    m_engine->annotate({Annotation::bookmark(store()->row(2).id, true)});
    QTRY_COMPARE(rows(), 1);
    m_engine->annotate({Annotation::note(store()->row(0).id, QStringLiteral("Urgent: retry"))});
    QTRY_COMPARE(rows(), 2);
    m_engine->annotate({Annotation::deletion(store()->row(2).id, true)});
    QTRY_COMPARE(rows(), 1);
    model->setQuery(Query::parse(QStringLiteral("retry"))); // free text finds the note
    QTRY_COMPARE(rows(), 1);
    model->setQuery(Query());
    QTRY_COMPARE(rows(), 2);
}

QTEST_MAIN(tst_AnnotationsWindow)
#include "tst_annotationswindow.moc"
