// SPDX-License-Identifier: MIT
// The real MainWindow, offscreen, fed over real sockets.
#include "../helpers/TestReceiver.h"
#include "CaptureTableModel.h"
#include "CheckDialog.h"
#include "HeldForwardsView.h"
#include "ListenerBar.h"
#include "MainWindow.h"
#include "PayloadView.h"
#include "ReplayDialog.h"
#include "ResendPanel.h"
#include "WarningColor.h"
#include "capture/CaptureStore.h"
#include "delivery/Forwarder.h"
#include "listener/AccessToken.h"
#include "listener/Listener.h"
#include "ngrok/NgrokWatcher.h"
#include "session/SessionEngine.h"
#include "session/Settings.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>

namespace {

QByteArray payload(const char *task, const char *idFields, const char *status,
                   const QByteArray &tail)
{
    return QByteArray("{\"task\":\"") + task + "\"," + idFields + ",\"status\":\"" + status +
           "\"," + tail + "}";
}

const QByteArray kDone = "\"result\":{\"video_id\":\"v1\"}";
const QByteArray kFail = "\"error\":{\"code\":\"E\",\"message\":\"m\"}";

// Sends one Hoox-like delivery and returns the status HookScope answered.
int deliver(quint16 port, const QByteArray &body, const QByteArray &extraHeaders = {})
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(5000))
        return 0;
    s.write("POST /webhook/hoox HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            "User-Agent: Hoox-API/1.0\r\nX-Hoox-Webhook: true\r\nConnection: close\r\n" +
            extraHeaders + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" +
            body);
    QByteArray in;
    while (!in.contains("\r\n\r\n") && s.waitForReadyRead(5000))
        in += s.readAll();
    return in.mid(9, 3).toInt();
}

// A stand-in for the ngrok agent's local API.
class FakeNgrok : public QTcpServer {
public:
    QByteArray tunnels;
    FakeNgrok()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    if (!s->readAll().contains("\r\n\r\n"))
                        return;
                    s->write(
                        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                        QByteArray::number(tunnels.size()) + "\r\nConnection: close\r\n\r\n" +
                        tunnels);
                    s->disconnectFromHost();
                });
            }
        });
        listen(QHostAddress::LocalHost, 0);
    }
};

} // namespace

class tst_MainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void deliveriesAppearAsRows();
    void filtersCombine_data();
    void filtersCombine();
    void textFilter();
    void filterLanguage();
    void combosWriteTerms();
    void savedFilters();
    void viewerTabsShowTheSelection();
    void duplicatesTintedAndConflictMarked();
    void attemptBadge();
    void sortedIngestKeepsTheSelection();
    void ngrokTunnelGivesTheWebhookUrl();
    void webhookUrlIsOneFieldCopiedAndRemembered();
    void failNextTwoThenRecover();
    void barShowsTheRuleInForce();
    void clearAsksFirst();
    void takenPortIsExplainedInTheBar();
    void forwardResultShowsPerRow();
    void heldTabCountsWhatWaits();
    void slowForwardStandsOut();
    void ctrlFInThePayloadSearchesIt();
    void refusedRowsStandApart();
    void checkAndReplayFromTheMenus();

private:
    void sendSample();
    void forwardTo(const QUrl &url, bool hold);
    template <typename T> T *viewer(const char *name) const
    {
        return m_window->payloadView()->findChild<T *>(QLatin1String(name));
    }
    template <typename T> T *find(const char *name) const
    {
        return m_window->findChild<T *>(QLatin1String(name));
    }

    std::unique_ptr<QTemporaryDir> m_dir; // the session's journal and settings file
    std::unique_ptr<SessionEngine> m_engine;
    Listener *m_listener = nullptr;
    std::unique_ptr<NgrokWatcher> m_ngrok;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    quint16 m_port = 0;
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("hookscope-tests"));
}

void tst_MainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    Settings::useFile(m_dir->filePath(QStringLiteral("hookscope.conf")));
    m_engine = std::make_unique<SessionEngine>();
    SessionOptions options;
    options.journalPath = m_dir->filePath(QStringLiteral("test.hkj"));
    QString error;
    QVERIFY2(m_engine->open(options, &error), qPrintable(error));
    m_listener = m_engine->listener();
    m_ngrok = std::make_unique<NgrokWatcher>();
    m_window = std::make_unique<MainWindow>(m_engine.get(), m_ngrok.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_window->captureModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(m_window->listenerBar()->startListening(QHostAddress::LocalHost, 0));
    m_port = m_listener->port();
    m_window->show();
}

void tst_MainWindow::cleanup()
{
    m_tester.reset();
    m_window.reset();
    m_ngrok.reset();
    m_engine.reset();
    m_dir.reset();
}

// Four tasks, both outcomes, a retry chain, a conflict and a malformed payload.
void tst_MainWindow::sendSample()
{
    const QByteArray bodies[] = {
        payload("video_generate", "\"job_id\":\"run_a\"", "completed", kDone), // 1
        payload("video_export", "\"job_id\":\"run_b\"", "failed", kFail),      // 2
        payload("avatar_create", "\"avatar_id\":\"av\",\"look_id\":\"l1\"", "completed",
                "\"result\":{}"),                                                           // 3
        payload("avatar_edit", "\"avatar_id\":\"av\",\"look_id\":\"l2\"", "failed", kFail), // 4
        payload("video_generate", "\"job_id\":\"run_a\"", "completed", kDone), // 5: retry of 1
        payload("video_generate", "\"job_id\":\"run_a\"", "failed", kFail),    // 6: conflict
        "{not json",                                                           // 7
    };
    for (const QByteArray &b : bodies)
        QCOMPARE(deliver(m_port, b), 200);
    QTRY_COMPARE(m_window->captureModel()->rowCount(), 7);
}

void tst_MainWindow::deliveriesAppearAsRows()
{
    auto *table = find<QTableView>("captureTable");
    QCOMPARE(deliver(m_port, payload("video_generate", "\"job_id\":\"run_x\"", "completed", kDone)),
             200);
    QTRY_COMPARE(table->model()->rowCount(), 1);
    const QAbstractItemModel *m = table->model();
    QCOMPARE(m->index(0, CaptureTableModel::TaskColumn).data().toString(),
             QStringLiteral("video_generate"));
    QCOMPARE(m->index(0, CaptureTableModel::KeyColumn).data().toString(), QStringLiteral("run_x"));
    QCOMPARE(m->index(0, CaptureTableModel::StatusColumn).data().toString(),
             QStringLiteral("completed"));
    QCOMPARE(m->index(0, CaptureTableModel::AnswerColumn).data().toInt(), 200);
    QCOMPARE(m->index(0, CaptureTableModel::PathColumn).data().toString(),
             QStringLiteral("/webhook/hoox"));
    QVERIFY(find<QLabel>("countLabel")->text().contains(QStringLiteral("1 of 1")));
}

void tst_MainWindow::filtersCombine_data()
{
    QTest::addColumn<int>("task");   // index in taskCombo
    QTest::addColumn<int>("status"); // index in statusCombo
    QTest::addColumn<bool>("duplicates");
    QTest::addColumn<bool>("findings");
    QTest::addColumn<QList<qulonglong>>("ids");
    QTest::addRow("all") << 0 << 0 << false << false << QList<qulonglong>{1, 2, 3, 4, 5, 6, 7};
    QTest::addRow("video_generate") << 1 << 0 << false << false << QList<qulonglong>{1, 5, 6};
    QTest::addRow("video_export") << 2 << 0 << false << false << QList<qulonglong>{2};
    QTest::addRow("avatar_create") << 3 << 0 << false << false << QList<qulonglong>{3};
    QTest::addRow("avatar_edit") << 4 << 0 << false << false << QList<qulonglong>{4};
    QTest::addRow("other task") << 5 << 0 << false << false << QList<qulonglong>{7};
    QTest::addRow("completed") << 0 << 1 << false << false << QList<qulonglong>{1, 3, 5};
    QTest::addRow("failed") << 0 << 2 << false << false << QList<qulonglong>{2, 4, 6};
    QTest::addRow("other status") << 0 << 3 << false << false << QList<qulonglong>{7};
    QTest::addRow("duplicates") << 0 << 0 << true << false << QList<qulonglong>{1, 5, 6};
    QTest::addRow("findings") << 0 << 0 << false << true << QList<qulonglong>{6, 7};
    QTest::addRow("generate+failed") << 1 << 2 << false << false << QList<qulonglong>{6};
    QTest::addRow("duplicates+completed") << 0 << 1 << true << false << QList<qulonglong>{1, 5};
    QTest::addRow("failed+findings") << 0 << 2 << false << true << QList<qulonglong>{6};
    QTest::addRow("export+duplicates") << 2 << 0 << true << false << QList<qulonglong>{};
}

void tst_MainWindow::filtersCombine()
{
    QFETCH(int, task);
    QFETCH(int, status);
    QFETCH(bool, duplicates);
    QFETCH(bool, findings);
    QFETCH(QList<qulonglong>, ids);
    sendSample();
    find<QComboBox>("taskCombo")->setCurrentIndex(task);
    find<QComboBox>("statusCombo")->setCurrentIndex(status);
    find<QCheckBox>("duplicatesCheck")->setChecked(duplicates);
    find<QCheckBox>("findingsCheck")->setChecked(findings);
    const QAbstractItemModel *m = m_window->captureModel();
    QList<qulonglong> shown;
    for (int r = 0; r < m->rowCount(); ++r)
        shown << m->index(r, 0).data(CaptureTableModel::CaptureIdRole).toULongLong();
    QCOMPARE(shown, ids);
    QVERIFY(
        find<QLabel>("countLabel")->text().startsWith(QStringLiteral("%1 of 7").arg(ids.size())));
}

void tst_MainWindow::textFilter()
{
    sendSample();
    auto *edit = find<QLineEdit>("filterEdit");
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(edit->hasFocus());
    QTest::keyClicks(edit, QStringLiteral("RUN_A")); // key, any case
    QTRY_COMPARE(m_window->captureModel()->rowCount(), 3);
    edit->clear();
    // Quoted: a word with a colon is a field term (an unknown one here).
    QTest::keyClicks(edit, QStringLiteral("\"av:l\"")); // the avatar key av:l1 / av:l2
    QTRY_COMPARE(m_window->captureModel()->rowCount(), 2);
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("/\"CODE\":\\s*\"E\"/")); // in bodies, any case
    QTRY_COMPARE(m_window->captureModel()->rowCount(), 3);
    find<QComboBox>("taskCombo")->setCurrentIndex(1); // combined with the task
    QTRY_COMPARE(m_window->captureModel()->rowCount(), 1);
    edit->clear(); // the combo's term goes with the rest
    QTRY_COMPARE(m_window->captureModel()->rowCount(), 7);
    QCOMPARE(find<QComboBox>("taskCombo")->currentIndex(), 0);
}

// Typing the language filters the table; a syntax error is shown at its column and the last
// good filter stays in force, the count with it.
void tst_MainWindow::filterLanguage()
{
    sendSample();
    auto *edit = find<QLineEdit>("filterEdit");
    auto *error = find<QLabel>("filterErrorLabel");
    QTest::keyClicks(edit, QStringLiteral("task:video_* status:failed"));
    QTRY_COMPARE(m_window->captureModel()->rowCount(), 2);
    QVERIFY(error->isHidden());
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("task:video_* OR"));
    QTRY_VERIFY(!error->isHidden());
    QVERIFY2(error->text().contains(QStringLiteral("column 14: expected a term after OR")),
             qPrintable(error->text()));
    QCOMPARE(m_window->captureModel()->rowCount(), 2);
    QVERIFY(find<QLabel>("countLabel")->text().startsWith(QStringLiteral("2 of 7")));
    QTest::keyClicks(edit, QStringLiteral(" task:avatar_edit"));
    QTRY_VERIFY(error->isHidden());
    QTRY_COMPARE(m_window->captureModel()->rowCount(), 5); // 1, 2, 4, 5, 6
}

void tst_MainWindow::combosWriteTerms()
{
    sendSample();
    auto *edit = find<QLineEdit>("filterEdit");
    find<QComboBox>("taskCombo")->setCurrentIndex(4);
    QCOMPARE(edit->text(), QStringLiteral("task:avatar_edit"));
    find<QComboBox>("statusCombo")->setCurrentIndex(2);
    QCOMPARE(edit->text(), QStringLiteral("task:avatar_edit status:failed"));
    QCOMPARE(m_window->captureModel()->rowCount(), 1);
    find<QCheckBox>("duplicatesCheck")->setChecked(true);
    QCOMPARE(edit->text(), QStringLiteral("task:avatar_edit status:failed duplicate:yes"));
    find<QComboBox>("taskCombo")->setCurrentIndex(1); // replaces its own term
    QCOMPARE(edit->text(), QStringLiteral("status:failed duplicate:yes task:video_generate"));
    QCOMPARE(m_window->captureModel()->rowCount(), 1); // #6
    find<QCheckBox>("duplicatesCheck")->setChecked(false);
    QCOMPARE(edit->text(), QStringLiteral("status:failed task:video_generate"));
    edit->setText(QStringLiteral("status:failed")); // the user took the task term out
    QTRY_COMPARE(find<QComboBox>("taskCombo")->currentIndex(), 0);
    QCOMPARE(find<QComboBox>("statusCombo")->currentIndex(), 2);
}

void tst_MainWindow::savedFilters()
{
    sendSample();
    Settings::instance().set(Settings::Key::FilterSaved,
                             QVariantMap{{QStringLiteral("failed avatars"),
                                          QStringLiteral("task:avatar_* status:failed")}});
    QMenu *menu = find<QToolButton>("savedFiltersButton")->menu();
    QVERIFY(menu);
    emit menu->aboutToShow();
    QAction *saved = nullptr;
    for (QAction *a : menu->actions()) {
        if (a->text() == QStringLiteral("failed avatars"))
            saved = a;
    }
    QVERIFY(saved);
    saved->trigger();
    QCOMPARE(find<QLineEdit>("filterEdit")->text(), QStringLiteral("task:avatar_* status:failed"));
    QCOMPARE(m_window->captureModel()->rowCount(), 1);
}

void tst_MainWindow::viewerTabsShowTheSelection()
{
    sendSample();
    auto *table = find<QTableView>("captureTable");
    table->setFocus();
    table->selectRow(0);
    QTest::keyClick(table, Qt::Key_Down); // to #2, video_export failed
    QCOMPARE(m_window->payloadView()->capture()->id, 2u);
    const QString pretty = viewer<QPlainTextEdit>("prettyEdit")->toPlainText();
    QVERIFY(pretty.contains(QStringLiteral("\n    \"error\": {")));
    const auto show = [this](const char *tab) {
        viewer<QTabWidget>("tabs")->setCurrentWidget(viewer<QWidget>(tab));
    };
    show("treeTab");
    const QAbstractItemModel *tree = viewer<QTreeView>("jsonTree")->model();
    QCOMPARE(tree->rowCount(), 1);
    QCOMPARE(tree->rowCount(tree->index(0, 0)), 4); // task, job_id, status, error: as sent
    show("headersTab");
    auto *headers = viewer<QTableWidget>("headersTable");
    QVERIFY(headers->rowCount() >= 5);
    QCOMPARE(headers->item(1, 0)->text(), QStringLiteral("Content-Type"));
    show("rawTab");
    QVERIFY(viewer<QPlainTextEdit>("rawEdit")->toPlainText().startsWith(
        QStringLiteral("{\"task\":\"video_export\"")));
    show("findingsTab");
    QVERIFY(viewer<QPlainTextEdit>("findingsEdit")
                ->toPlainText()
                .contains(QStringLiteral("No findings")));
    QTest::keyClick(table, Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(m_window->payloadView()->capture()->id, 7u);
    QVERIFY(
        viewer<QPlainTextEdit>("findingsEdit")->toPlainText().contains(QStringLiteral("not_json")));
    show("treeTab");
    QCOMPARE(viewer<QTreeView>("jsonTree")->model()->rowCount(), 0);
    // Ctrl+C copies the payload.
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("{not json"));
}

void tst_MainWindow::duplicatesTintedAndConflictMarked()
{
    sendSample();
    const QAbstractItemModel *m = m_window->captureModel();
    auto bg = [m](int row) { return m->index(row, 0).data(Qt::BackgroundRole); };
    QVERIFY(bg(0).isValid()); // run_a, delivered three times
    QCOMPARE(bg(0), bg(4));
    QCOMPARE(bg(0), bg(5));
    QVERIFY(!bg(1).isValid()); // delivered once
    const QModelIndex conflict = m->index(5, CaptureTableModel::AttemptColumn);
    QVERIFY(conflict.data(Qt::DecorationRole).isValid());
    QVERIFY(conflict.data(Qt::ToolTipRole).toString().contains(QStringLiteral("#1")));
    QVERIFY(!m->index(4, CaptureTableModel::AttemptColumn).data(Qt::DecorationRole).isValid());
    QVERIFY(m->index(6, CaptureTableModel::FindingsColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("not_json")));
}

void tst_MainWindow::attemptBadge()
{
    sendSample();
    const QAbstractItemModel *m = m_window->captureModel();
    QVERIFY(m->index(0, CaptureTableModel::AttemptColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("1/3")));
    const QString third = m->index(5, CaptureTableModel::AttemptColumn).data().toString();
    QVERIFY2(third.startsWith(QStringLiteral("3/3 +")), qPrintable(third));
    QVERIFY(m->index(5, CaptureTableModel::AttemptColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("sooner than Hoox retries"))); // sent back to back
    // Context menu: all deliveries of this key, and the first one.
    auto *table = find<QTableView>("captureTable");
    table->selectRow(5);
    m_window->findChild<QAction *>(QStringLiteral("showKeyAction"))->trigger();
    QCOMPARE(m->rowCount(), 3);
    QCOMPARE(find<QLineEdit>("filterEdit")->text(), QStringLiteral("key:\"run_a\"")); // readable
    m_window->findChild<QAction *>(QStringLiteral("jumpToFirstAction"))->trigger();
    QCOMPARE(m_window->payloadView()->capture()->id, 1u);
}

// Sorted by status, arriving deliveries take their places without a reset: the row being read
// stays selected and current, and the payload view keeps showing it.
void tst_MainWindow::sortedIngestKeepsTheSelection()
{
    sendSample();
    auto *table = find<QTableView>("captureTable");
    const QAbstractItemModel *m = table->model();
    QTest::mouseClick(
        table->horizontalHeader()->viewport(), Qt::LeftButton, {},
        QPoint(table->horizontalHeader()->sectionViewportPosition(CaptureTableModel::StatusColumn) +
                   5,
               5));
    QCOMPARE(table->horizontalHeader()->sortIndicatorSection(), CaptureTableModel::StatusColumn);
    const auto idAt = [m](int row) {
        return m->index(row, 0).data(CaptureTableModel::CaptureIdRole).toULongLong();
    };
    int row = 0;
    while (idAt(row) != 2) // video_export, failed
        ++row;
    table->selectRow(row);
    QCOMPARE(m_window->payloadView()->capture()->id, 2u);

    QSignalSpy resets(m, &QAbstractItemModel::modelAboutToBeReset);
    QCOMPARE(deliver(m_port, payload("video_generate", "\"job_id\":\"run_c\"", "completed", kDone)),
             200);
    QCOMPARE(deliver(m_port, payload("video_export", "\"job_id\":\"run_b\"", "failed", kFail)),
             200); // a retry of the selected one
    QCOMPARE(deliver(m_port, payload("video_export", "\"job_id\":\"run_d\"", "failed", kFail)),
             200);
    QTRY_COMPARE(m->rowCount(), 10);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(idAt(table->currentIndex().row()), 2u);
    const QModelIndexList selected = table->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(idAt(selected.first().row()), 2u);
    QCOMPARE(m_window->payloadView()->capture()->id, 2u);
    QVERIFY(viewer<QPlainTextEdit>("prettyEdit")->toPlainText().contains(QStringLiteral("run_b")));
    QVERIFY(m->index(table->currentIndex().row(), CaptureTableModel::AttemptColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("1/2")));
    QStringList statuses;
    for (int r = 0; r < m->rowCount(); ++r)
        statuses << m->index(r, CaptureTableModel::StatusColumn).data().toString();
    QStringList sorted = statuses;
    std::stable_sort(sorted.begin(), sorted.end());
    QCOMPARE(statuses, sorted);
}

void tst_MainWindow::ngrokTunnelGivesTheWebhookUrl()
{
    FakeNgrok agent;
    agent.tunnels = "{\"tunnels\":[{\"name\":\"other\",\"public_url\":\"https://other.ngrok.app\","
                    "\"proto\":\"https\",\"config\":{\"addr\":\"http://localhost:3000\"}}]}";
    m_ngrok->setApiUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(agent.serverPort())));
    m_ngrok->setInterval(50);
    m_ngrok->start();
    auto *url = find<QLineEdit>("webhookUrlEdit");
    QTRY_VERIFY(m_ngrok->status().contains(QStringLiteral("no https tunnel")));
    QCOMPARE(url->text(), QString()); // a tunnel to another port is not ours
    agent.tunnels =
        QByteArray("{\"tunnels\":[{\"name\":\"http\",\"public_url\":\"http://ab.ngrok.app\","
                   "\"proto\":\"http\",\"config\":{\"addr\":\"http://localhost:") +
        QByteArray::number(m_port) +
        "\"}},{\"name\":\"https\",\"public_url\":\"https://ab.ngrok.app\","
        "\"proto\":\"https\",\"config\":{\"addr\":\"http://localhost:" +
        QByteArray::number(m_port) + "\"}}]}";
    QTRY_COMPARE(url->text(), QStringLiteral("https://ab.ngrok.app/webhook/hoox"));
    QVERIFY(m_window->listenerBar()->hooxCurl().contains(
        QStringLiteral("\"webhook_url\":\"https://ab.ngrok.app/webhook/hoox\"")));
    // A path the developer chose survives ngrok coming back with another address.
    url->setText(QStringLiteral("https://ab.ngrok.app/hooks"));
    agent.tunnels = "{\"tunnels\":[]}";
    QTRY_VERIFY(m_ngrok->status().contains(QStringLiteral("went away")));
    QCOMPARE(url->text(), QStringLiteral("https://ab.ngrok.app/hooks"));
    agent.tunnels = "{\"tunnels\":[{\"name\":\"https\",\"public_url\":\"https://cd.ngrok.app\","
                    "\"proto\":\"https\",\"config\":{\"addr\":\"http://localhost:" +
                    QByteArray::number(m_port) + "\"}}]}";
    QTRY_COMPARE(url->text(), QStringLiteral("https://cd.ngrok.app/hooks"));
}

// One field takes a pasted URL as it comes; Copy says it worked; the next window has it.
void tst_MainWindow::webhookUrlIsOneFieldCopiedAndRemembered()
{
    auto *url = find<QLineEdit>("webhookUrlEdit");
    auto *copy = find<QPushButton>("copyUrlButton");
    QVERIFY(!url->isReadOnly());
    QVERIFY(url->placeholderText().contains(QStringLiteral("ngrok http %1").arg(m_port)));
    QVERIFY(!copy->isEnabled());
    url->setFocus();
    QTest::keyClicks(url, QStringLiteral("ef.ngrok-free.app"));
    QTest::keyClick(url, Qt::Key_Return);
    QCOMPARE(url->text(), QStringLiteral("https://ef.ngrok-free.app/webhook/hoox"));
    QVERIFY(copy->isEnabled());
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), url->text());
    QVERIFY(copy->text().contains(QStringLiteral("Copied")));
    QTRY_COMPARE(copy->text(), QStringLiteral("Copy"));
    MainWindow next(m_engine.get(), m_ngrok.get());
    QCOMPARE(next.listenerBar()->webhookUrl(),
             QStringLiteral("https://ef.ngrok-free.app/webhook/hoox"));
}

void tst_MainWindow::failNextTwoThenRecover()
{
    find<QSpinBox>("failNextSpin")->setValue(2);
    find<QSpinBox>("failStatusSpin")->setValue(503);
    QTest::mouseClick(find<QPushButton>("failNextButton"), Qt::LeftButton);
    QVERIFY(find<QLabel>("ruleStateLabel")->text().contains(QStringLiteral("next 2 with 503")));
    // A new rule applied meanwhile takes over once the countdown ends, not before.
    find<QSpinBox>("answerStatusSpin")->setValue(202);
    QTest::mouseClick(find<QPushButton>("applyRuleButton"), Qt::LeftButton);
    const QByteArray body = payload("video_generate", "\"job_id\":\"run_r\"", "completed", kDone);
    QList<int> statuses;
    for (int i = 0; i < 3; ++i)
        statuses << deliver(m_port, body);
    QCOMPARE(statuses, (QList<int>{503, 503, 202}));
    QTRY_COMPARE(m_window->captureModel()->rowCount(), 3);
    QTRY_COMPARE(find<QLabel>("ruleStateLabel")->text(), QString());
    QCOMPARE(m_window->captureModel()
                 ->index(2, CaptureTableModel::AttemptColumn)
                 .data()
                 .toString()
                 .left(3),
             QStringLiteral("3/3"));
}

// A rule set elsewhere (the preferences, the command line) shows in the bar's fields.
void tst_MainWindow::barShowsTheRuleInForce()
{
    ResponseRule rule;
    rule.status = 418;
    rule.body = "teapot";
    rule.delayMs = 1500;
    m_engine->policy()->setRule(rule);
    m_window->listenerBar()->showRule();
    QCOMPARE(find<QSpinBox>("answerStatusSpin")->value(), 418);
    QCOMPARE(find<QLineEdit>("answerBodyEdit")->text(), QStringLiteral("teapot"));
    QCOMPARE(find<QSpinBox>("answerDelaySpin")->value(), 1500);
    // A bar made afterwards starts from the rule in force, not from its form's defaults.
    ListenerBar other(m_listener, m_ngrok.get());
    QCOMPARE(other.findChild<QSpinBox *>(QStringLiteral("answerStatusSpin"))->value(), 418);
}

void tst_MainWindow::clearAsksFirst()
{
    sendSample();
    bool asked = false;
    m_window->setConfirmClear([&] {
        asked = true;
        return false;
    });
    m_window->findChild<QAction *>(QStringLiteral("clearAction"))->trigger();
    QVERIFY(asked);
    QCOMPARE(m_window->captureModel()->rowCount(), 7);
    m_window->setConfirmClear([] { return true; });
    m_window->findChild<QAction *>(QStringLiteral("clearAction"))->trigger();
    QCOMPARE(m_window->captureModel()->rowCount(), 0);
}

void tst_MainWindow::takenPortIsExplainedInTheBar()
{
    Listener other;
    QString error;
    QVERIFY(other.start(QHostAddress::LocalHost, 0, &error));
    QVERIFY(!m_window->listenerBar()->startListening(QHostAddress::LocalHost, other.port()));
    QVERIFY(m_window->listenerBar()->stateText().contains(QStringLiteral("already in use")));
    QCOMPARE(find<QPushButton>("startStopButton")->text(), QStringLiteral("Start"));
}

void tst_MainWindow::forwardResultShowsPerRow()
{
    sendSample();
    emit m_window->resendPanel()->forwarded(5, QStringLiteral("forwarded → 502 in 3 ms"),
                                            QStringLiteral("502"), false, 502);
    const QAbstractItemModel *m = m_window->captureModel();
    // The app's status in the cell, the sentence in its tooltip.
    QCOMPARE(m->index(4, CaptureTableModel::ForwardColumn).data().toString(),
             QStringLiteral("502"));
    QCOMPARE(m->index(4, CaptureTableModel::ForwardColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("forwarded → 502 in 3 ms"));
    QVERIFY(!m->index(4, CaptureTableModel::ForwardColumn).data(Qt::ForegroundRole).isValid());
    QVERIFY(!m->index(4, CaptureTableModel::ForwardColumn).data(Qt::DecorationRole).isValid());
    find<QTableView>("captureTable")->selectRow(4);
    QCOMPARE(viewer<QLabel>("forwardLabel")->text(),
             QStringLiteral("Forward: forwarded → 502 in 3 ms"));
    find<QTableView>("captureTable")->selectRow(3);
    QVERIFY(viewer<QLabel>("forwardLabel")->isHidden());
    QCOMPARE(m->index(3, CaptureTableModel::ForwardColumn).data().toString(), QString());
    // The delivery panel follows the selection.
    find<QTableView>("captureTable")->selectRow(1);
    QVERIFY(m_window->resendPanel()->body().contains("video_export"));
    // What the app answered is a filter term.
    QTest::keyClicks(find<QLineEdit>("filterEdit"), QStringLiteral("forward:5xx"));
    QTRY_COMPARE(m->rowCount(), 1);
    QCOMPARE(m->index(0, 0).data(CaptureTableModel::CaptureIdRole).toULongLong(), 5u);
}

void tst_MainWindow::forwardTo(const QUrl &url, bool hold)
{
    ResendPanel *panel = m_window->resendPanel();
    QLineEdit *edit = panel->findChild<QComboBox *>(QStringLiteral("targetUrl"))->lineEdit();
    edit->clear();
    QTest::keyClicks(edit, url.toString());
    panel->findChild<QCheckBox *>(QStringLiteral("holdToggle"))->setChecked(hold);
    panel->findChild<QCheckBox *>(QStringLiteral("forwardToggle"))->setChecked(true);
    QVERIFY(m_engine->forwarder()->isActive());
}

// Held forwards wait in a tab of their own whose title counts them; picking one shows its
// capture in the table.
void tst_MainWindow::heldTabCountsWhatWaits()
{
    TestReceiver app;
    forwardTo(app.url(), true);
    auto *tabs = find<QTabWidget>("sideTabs");
    const int heldTab = tabs->indexOf(m_window->heldView());
    QVERIFY(heldTab >= 0);
    QCOMPARE(tabs->tabText(heldTab), QStringLiteral("He&ld"));
    QCOMPARE(deliver(m_port, payload("video_generate", "\"job_id\":\"run_1\"", "completed", kDone)),
             200);
    QCOMPARE(deliver(m_port, payload("avatar_edit", "\"avatar_id\":\"a\",\"look_id\":\"l\"",
                                     "failed", kFail)),
             200);
    QTRY_COMPARE(tabs->tabText(heldTab), QStringLiteral("He&ld (2)"));
    const QAbstractItemModel *m = m_window->captureModel();
    QTRY_COMPARE(m->index(1, CaptureTableModel::ForwardColumn).data().toString(),
                 QStringLiteral("held"));
    QVERIFY(m->index(1, CaptureTableModel::ForwardColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .startsWith(QStringLiteral("held for ")));
    auto *held = m_window->heldView()->findChild<QTreeWidget *>(QStringLiteral("heldList"));
    held->topLevelItem(1)->setSelected(true);
    QCOMPARE(find<QTableView>("captureTable")->currentIndex().row(), 1);
    QCOMPARE(app.requests().size(), 0);

    QTest::mouseClick(
        m_window->heldView()->findChild<QPushButton *>(QStringLiteral("releaseAllButton")),
        Qt::LeftButton);
    QTRY_COMPARE(app.requests().size(), 2);
    QTRY_COMPARE(tabs->tabText(heldTab), QStringLiteral("He&ld"));
    QTRY_COMPARE(m->index(1, CaptureTableModel::ForwardColumn).data().toString(),
                 QStringLiteral("200"));
    QVERIFY(
        m->index(1, CaptureTableModel::ForwardColumn)
            .data(Qt::ToolTipRole)
            .toString()
            .startsWith(QStringLiteral("→ ") + app.url().toString() + QStringLiteral(": 200 in ")));
}

// An app slower than Hoox waits: the Forwarded cell says so in the warning colour, with an icon
// and the whole sentence as its tooltip, and so does the payload header.
void tst_MainWindow::slowForwardStandsOut()
{
    TestReceiver app({ReceiverStep{200, 0, true, {}, {}}}); // never answers
    m_engine->forwarder()->setTimeouts(200, 300);
    forwardTo(app.url(), false);
    QCOMPARE(deliver(m_port, payload("video_generate", "\"job_id\":\"run_s\"", "completed", kDone)),
             502); // HookScope answered in the app's stead
    QTRY_COMPARE(m_window->captureModel()->rowCount(), 1);
    find<QTableView>("captureTable")->selectRow(0);
    const QModelIndex cell = m_window->captureModel()->index(0, CaptureTableModel::ForwardColumn);
    const QString warning = QStringLiteral("your app did not answer within 300 ms: Hoox would "
                                           "have timed out at 10 s and retried after 1 s");
    // The cell says it in a few words; the tooltip says it whole.
    QTRY_COMPARE(cell.data().toString(), QStringLiteral("timed out"));
    QCOMPARE(cell.data(Qt::ToolTipRole).toString(),
             QStringLiteral("→ ") + app.url().toString() + QStringLiteral(": ") + warning);
    QCOMPARE(cell.data(Qt::ForegroundRole).value<QColor>(), warningColor(QApplication::palette()));
    QVERIFY(cell.data(Qt::DecorationRole).isValid());
    // The row was selected before the outcome came: the header followed.
    auto *header = viewer<QLabel>("forwardLabel");
    QVERIFY(header->isVisible());
    QCOMPARE(header->text(), QStringLiteral("Forward: ") + cell.data(Qt::ToolTipRole).toString());
    QCOMPARE(header->palette().color(QPalette::WindowText), warningColor(header->palette()));
    QVERIFY(header->font().bold());
}

void tst_MainWindow::ctrlFInThePayloadSearchesIt()
{
    sendSample();
    find<QTableView>("captureTable")->selectRow(0);
    auto *pretty = viewer<QPlainTextEdit>("prettyEdit");
    pretty->setFocus();
    QTRY_VERIFY(pretty->hasFocus());
    QTest::keyClick(pretty, Qt::Key_F, Qt::ControlModifier);
    auto *findEdit = viewer<QLineEdit>("findEdit");
    QTRY_VERIFY(findEdit->hasFocus());
    QTest::keyClicks(findEdit, QStringLiteral("video_id"));
    QCOMPARE(pretty->textCursor().selectedText(), QStringLiteral("video_id"));
    QTest::keyClicks(findEdit, QStringLiteral("zzz"));
    QCOMPARE(viewer<QLabel>("findStatus")->text(), QStringLiteral("Not found"));
}

void tst_MainWindow::refusedRowsStandApart()
{
    m_listener->setAccessToken(AccessToken("s3cret", AccessToken::Place::PathOrHeader));
    const QByteArray body = payload("video_generate", "\"job_id\":\"run_t\"", "completed", kDone);
    QCOMPARE(deliver(m_port, body), 401);
    QCOMPARE(deliver(m_port, body, "X-HookScope-Token: s3cret\r\n"), 200);
    QTRY_COMPARE(m_window->captureModel()->rowCount(), 2);
    const QAbstractItemModel *m = m_window->captureModel();
    QCOMPARE(m->index(0, CaptureTableModel::AttemptColumn).data().toString(),
             QStringLiteral("refused"));
    QVERIFY(m->index(0, CaptureTableModel::AttemptColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("no access token")));
    QVERIFY(m->index(0, 0).data(Qt::ForegroundRole).isValid());
    QCOMPARE(m->index(0, CaptureTableModel::AnswerColumn).data().toInt(), 401);
    QVERIFY(!m->index(1, 0).data(Qt::ForegroundRole).isValid());
    // The refused one is no attempt of the real job: the admitted delivery is its first.
    QVERIFY(m->index(1, CaptureTableModel::AttemptColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("1/1")));
}

QTEST_MAIN(tst_MainWindow)
// Capture → Check endpoint… grades the Deliver tab's target; File → Replay… sends the selected
// captures there, read back from the journal.
void tst_MainWindow::checkAndReplayFromTheMenus()
{
    QCOMPARE(
        deliver(m_port, payload("video_generate", "\"job_id\":\"run_r1\"", "completed", kDone)),
        200);
    QCOMPARE(deliver(m_port, payload("avatar_create", "\"avatar_id\":\"av_1\",\"look_id\":\"lk_1\"",
                                     "completed", kDone)),
             200);
    auto *table = find<QTableView>("captureTable");
    QTRY_COMPARE(table->model()->rowCount(), 2);
    TestReceiver app;
    QLineEdit *edit = find<QComboBox>("targetUrl")->lineEdit();
    edit->setText(app.url().toString());

    m_window->findChild<QAction *>(QStringLiteral("checkEndpointAction"))->trigger();
    CheckDialog *check = m_window->findChild<CheckDialog *>();
    QVERIFY(check);
    QCOMPARE(check->targetUrl(), app.url());
    check->close();

    table->selectRow(1);
    m_window->findChild<QAction *>(QStringLiteral("replayAction"))->trigger();
    ReplayDialog *replay = m_window->findChild<ReplayDialog *>();
    QVERIFY(replay);
    QVERIFY(replay->findChild<QRadioButton *>(QStringLiteral("scopeSelection"))->isEnabled());
    replay->findChild<QRadioButton *>(QStringLiteral("scopeSelection"))->setChecked(true);
    QSignalSpy finished(replay, &ReplayDialog::replayFinished);
    replay->start();
    QVERIFY(finished.wait(10'000));
    QCOMPARE(finished.first().first().value<ReplayReport>().delivered, 1);
    QCOMPARE(app.requests().size(), 1);
    QVERIFY(app.requests().first().body.contains("av_1"));
    replay->close();

    // A filter: the window reads every capture back as a job and keeps those that match.
    m_window->findChild<QAction *>(QStringLiteral("replayAction"))->trigger();
    replay = m_window->findChild<ReplayDialog *>();
    QVERIFY(replay);
    replay->findChild<QLineEdit *>(QStringLiteral("filterEdit"))
        ->setText(QStringLiteral("task:video_*"));
    replay->findChild<QRadioButton *>(QStringLiteral("scopeFilter"))->setChecked(true);
    QSignalSpy filtered(replay, &ReplayDialog::replayFinished);
    replay->start();
    QVERIFY(filtered.wait(10'000));
    QCOMPARE(filtered.first().first().value<ReplayReport>().delivered, 1);
    QCOMPARE(app.requests().size(), 2);
    QVERIFY(app.requests().at(1).body.contains("run_r1"));
    replay->close();
}

#include "tst_mainwindow.moc"
