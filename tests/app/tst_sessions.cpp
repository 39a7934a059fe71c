// SPDX-License-Identifier: MIT
// Sessions in the window: new, open, recent, import (menu and drop), export, copy as.
#include "CaptureTableModel.h"
#include "MainWindow.h"
#include "Session.h"
#include "capture/CaptureStore.h"
#include "capture/Journal.h"
#include "capture/JournalReader.h"
#include "http/Listener.h"
#include "ngrok/NgrokWatcher.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDropEvent>
#include <QFile>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

namespace {

int deliver(quint16 port, const QByteArray &jobId)
{
    const QByteArray body = "{\"task\":\"video_generate\",\"job_id\":\"" + jobId +
                            "\",\"status\":\"completed\",\"result\":{\"video_id\":\"v\"}}";
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(5000))
        return 0;
    s.write("POST /webhook/hoox HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            "User-Agent: Hoox-API/1.0\r\nX-Hoox-Webhook: true\r\nConnection: close\r\n"
            "Content-Length: " +
            QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QByteArray in;
    while (!in.contains("\r\n\r\n") && s.waitForReadyRead(5000))
        in += s.readAll();
    return in.mid(9, 3).toInt();
}

} // namespace

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
    void retentionKeepsTheNewest();

private:
    int rows() const { return m_window->captureModel()->rowCount(); }

    QTemporaryDir m_dir;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<CaptureStore> m_store;
    std::unique_ptr<Listener> m_listener;
    std::unique_ptr<NgrokWatcher> m_ngrok;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<Session> m_session;
    quint16 m_port = 0;
};

void tst_Sessions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("hookscope-tests"));
}

void tst_Sessions::init()
{
    QSettings().clear();
    m_journal = std::make_unique<Journal>();
    QString error;
    QVERIFY2(m_journal->open(m_dir.filePath(QStringLiteral("first.hkj")), &error),
             qPrintable(error));
    CaptureIndex loaded = m_journal->takeLoaded();
    m_listener = std::make_unique<Listener>(m_journal.get(), loaded);
    m_store = std::make_unique<CaptureStore>();
    m_store->setJournalPath(m_journal->path());
    m_store->appendLoaded(std::move(loaded));
    connect(m_listener.get(), &Listener::captured, m_store.get(), &CaptureStore::append);
    QVERIFY(m_listener->start(QHostAddress::LocalHost, 0, &error));
    m_port = m_listener->port();
    m_ngrok = std::make_unique<NgrokWatcher>();
    m_window = std::make_unique<MainWindow>(m_store.get(), m_listener.get(), m_ngrok.get(),
                                            m_journal->path());
    m_session = std::make_unique<Session>(m_journal.get(), m_store.get(), m_listener.get());
    m_window->setSession(m_session.get());
    m_window->show();
}

void tst_Sessions::cleanup()
{
    m_window.reset();
    m_listener.reset(); // before the journals it writes to
    m_session.reset();
    m_ngrok.reset();
    m_store.reset();
    m_journal.reset();
    QFile::remove(m_dir.filePath(QStringLiteral("first.hkj")));
}

void tst_Sessions::exportThenImportIntoANewSession()
{
    for (const char *id : {"run_1", "run_2", "run_1"})
        QCOMPARE(deliver(m_port, id), 200);
    QTRY_COMPARE(rows(), 3);
    const QString jsonl = m_dir.filePath(QStringLiteral("out.jsonl"));
    const QString har = m_dir.filePath(QStringLiteral("out.har"));
    QString error;
    QVERIFY2(m_window->exportTo(jsonl, false, &error), qPrintable(error));
    QVERIFY2(m_window->exportTo(har, false, &error), qPrintable(error));
    QFile f(jsonl);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll().count('\n'), 3);

    const QString before = m_session->path();
    m_window->findChild<QAction *>(QStringLiteral("newSessionAction"))->trigger();
    QVERIFY(m_session->path() != before);
    QCOMPARE(rows(), 0);
    m_window->importFiles({jsonl});
    QTRY_COMPARE(rows(), 3);
    const QAbstractItemModel *m = m_window->captureModel();
    QCOMPARE(m->index(2, CaptureTableModel::KeyColumn).data().toString(), QStringLiteral("run_1"));
    QVERIFY(m->index(2, CaptureTableModel::AttemptColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("2 of 2")));
    // Imported captures are journaled in the new session like deliveries.
    QTRY_COMPARE(JournalReader::read(m_session->path()).captures.size(), 3);
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("3 entries imported")));
    QVERIFY(m_session->recent().contains(QFileInfo(before).absoluteFilePath()));
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
    QCOMPARE(deliver(m_port, "run_a"), 200);
    QTRY_COMPARE(rows(), 1);
    const QString first = m_session->path();
    QString error;
    QVERIFY(m_session->startNew(&error));
    QCOMPARE(rows(), 0);
    QCOMPARE(deliver(m_port, "run_b"), 200);
    QTRY_COMPARE(rows(), 1);
    QVERIFY(m_session->open(first, &error));
    QCOMPARE(rows(), 1);
    QCOMPARE(deliver(m_port, "run_a"), 200); // numbering and groups go on in that session
    QTRY_COMPARE(rows(), 2);
    const QAbstractItemModel *m = m_window->captureModel();
    QCOMPARE(m->index(1, CaptureTableModel::IdColumn).data().toULongLong(), 2u);
    QVERIFY(m->index(1, CaptureTableModel::AttemptColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("2 of 2")));
    QCOMPARE(m_session->recent().size(), 2);
}

void tst_Sessions::copyAsCurl()
{
    QCOMPARE(deliver(m_port, "run_c"), 200);
    QTRY_COMPARE(rows(), 1);
    m_window->findChild<QTableView *>(QStringLiteral("captureTable"))->selectRow(0);
    m_window->findChild<QAction *>(QStringLiteral("copyCurlAction"))->trigger();
    const QString curl = QApplication::clipboard()->text();
    QVERIFY2(curl.startsWith(QStringLiteral("curl")), qPrintable(curl));
    QVERIFY(curl.contains(QStringLiteral("run_c")));
    m_window->findChild<QAction *>(QStringLiteral("copyPythonAction"))->trigger();
    QVERIFY(QApplication::clipboard()->text().contains(QStringLiteral("requests")));
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
        return Session::retained(CaptureIndex(all), maxCaptures, maxAgeDays, now);
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

QTEST_MAIN(tst_Sessions)
#include "tst_sessions.moc"
