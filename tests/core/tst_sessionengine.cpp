// SPDX-License-Identifier: MIT
// The session engine: one journal with one writer, sessions switched as jobs while the
// listener runs, import and export as jobs.
#include "capture/CaptureStore.h"
#include "capture/Journal.h"
#include "capture/JournalReader.h"
#include "helpers/HooxDelivery.h"
#include "listener/Listener.h"
#include "session/JobRunner.h"
#include "session/SessionEngine.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

class tst_SessionEngine : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void aJournalInUseIsRefused();
    void sessionsSwitchWhileListening();
    void aFailedOpenKeepsTheSession();
    void beginListensWhileTheJournalIsRead();
    void aJournalUnreadableAtStartIsSaid();
    void cancellingTheFirstOpenIsSaid();
    void importThenExportRoundTrip();
    void cancelledExportReportsNothing();
    void withoutAStoreNothingIsKept();
    void reopeningTheOpenJournalChangesNothing();
    void aLargeImportArrivesInSlices();
    void backAndForthAtOnce();

private:
    bool openEngine(const QString &name, bool keep = true);
    CaptureStore *store() const { return m_engine->store(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SessionEngine> m_engine;
    quint16 m_port = 0;
};

void tst_SessionEngine::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_engine = std::make_unique<SessionEngine>();
}

void tst_SessionEngine::cleanup()
{
    m_engine.reset();
    m_dir.reset();
}

bool tst_SessionEngine::openEngine(const QString &name, bool keep)
{
    SessionOptions options;
    options.journalPath = m_dir->filePath(name);
    options.keepCaptures = keep;
    QString error;
    if (!m_engine->open(options, &error) ||
        !m_engine->startListening(QHostAddress::LocalHost, 0, &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    m_port = m_engine->listener()->port();
    return true;
}

void tst_SessionEngine::aJournalInUseIsRefused()
{
    Journal other;
    QString error;
    QVERIFY(other.open(m_dir->filePath(QStringLiteral("held.hkj")), &error));
    SessionOptions options;
    options.journalPath = other.path();
    QVERIFY(!m_engine->open(options, &error));
    QVERIFY2(error.contains(QStringLiteral("in use by another HookScope")), qPrintable(error));
    QVERIFY(error.contains(QStringLiteral("process %1").arg(QCoreApplication::applicationPid())));
    // The window's start refuses it at once too, before there is anything to show.
    error.clear();
    QVERIFY(!m_engine->begin(options, &error));
    QVERIFY2(error.contains(QStringLiteral("in use by another HookScope")), qPrintable(error));
    QVERIFY(!m_engine->listener());
}

void tst_SessionEngine::sessionsSwitchWhileListening()
{
    QVERIFY(openEngine(QStringLiteral("a.hkj")));
    const QString a = m_engine->journalPath();
    QCOMPARE(deliverHoox(m_port, "run_1"), 200);
    QCOMPARE(deliverHoox(m_port, "run_2"), 200);
    QTRY_COMPARE(store()->size(), 2);

    QSignalSpy opened(m_engine.get(), &SessionEngine::opened);
    m_engine->openJournal(m_dir->filePath(QStringLiteral("b.hkj")));
    QVERIFY(opened.wait());
    QCOMPARE(store()->size(), 0);
    QCOMPARE(deliverHoox(m_port, "run_1"), 200); // the same listener, the new journal
    QTRY_COMPARE(store()->size(), 1);
    QCOMPARE(store()->row(0).id, 1u);
    QCOMPARE(store()->row(0).attempt, 1u); // a new session knows nothing of run_1

    m_engine->openJournal(a);
    QVERIFY(opened.wait());
    QCOMPARE(store()->size(), 2);
    QCOMPARE(deliverHoox(m_port, "run_1"), 200); // numbering and groups go on where a stopped
    QTRY_COMPARE(store()->size(), 3);
    QCOMPARE(store()->row(2).id, 3u);
    QCOMPARE(store()->row(2).attempt, 2u);
    QCOMPARE(store()->row(2).duplicateOf, 1u);
    QTRY_COMPARE(JournalReader::read(m_dir->filePath(QStringLiteral("b.hkj"))).captures.size(), 1);
    QTRY_COMPARE(JournalReader::read(a).captures.size(), 3);
}

void tst_SessionEngine::aFailedOpenKeepsTheSession()
{
    QVERIFY(openEngine(QStringLiteral("kept.hkj")));
    QCOMPARE(deliverHoox(m_port, "run_1"), 200);
    QTRY_COMPARE(store()->size(), 1);
    const QString notAJournal = m_dir->filePath(QStringLiteral("notes.txt"));
    QFile f(notAJournal);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a journal at all, and long enough to have a header\n");
    f.close();
    QSignalSpy failed(m_engine.get(), &SessionEngine::openFailed);
    m_engine->openJournal(notAJournal);
    QVERIFY(failed.wait());
    QVERIFY(!failed.first().at(1).toString().isEmpty());
    QCOMPARE(m_engine->journalPath(), m_dir->filePath(QStringLiteral("kept.hkj")));
    QCOMPARE(deliverHoox(m_port, "run_2"), 200);
    QTRY_COMPARE(store()->size(), 2);
}

// The window starts on begin(): it shows an empty store marked opening and a listener whose
// port is bound at once, while the journal is read as a job. A delivery that comes meanwhile
// waits, and is answered once the journal is open, numbered and grouped after what it held.
void tst_SessionEngine::beginListensWhileTheJournalIsRead()
{
    QVERIFY(openEngine(QStringLiteral("start.hkj")));
    QCOMPARE(deliverHoox(m_port, "run_1"), 200);
    QCOMPARE(deliverHoox(m_port, "run_2"), 200);
    QTRY_COMPARE(store()->size(), 2);
    m_engine = std::make_unique<SessionEngine>();

    SessionOptions options;
    options.journalPath = m_dir->filePath(QStringLiteral("start.hkj"));
    QSignalSpy opened(m_engine.get(), &SessionEngine::opened);
    QString error;
    QVERIFY2(m_engine->begin(options, &error), qPrintable(error));
    QVERIFY(!m_engine->hasJournal());
    QCOMPARE(m_engine->journalPath(), options.journalPath);
    QVERIFY(store()->isOpening());
    QCOMPARE(store()->size(), 0);
    QVERIFY2(m_engine->startListening(QHostAddress::LocalHost, 0, &error), qPrintable(error));

    // Sent before the job's result reaches this thread (it needs this thread's event loop).
    QTcpSocket early;
    early.connectToHost(QHostAddress::LocalHost, m_engine->listener()->port());
    QVERIFY(early.waitForConnected(5000));
    const QByteArray body = R"({"task":"video_generate","job_id":"run_1","status":"completed"})";
    early.write("POST /webhook/hoox HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                "Content-Length: " +
                QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QVERIFY(early.waitForBytesWritten(5000));
    QVERIFY(opened.wait());
    QVERIFY(m_engine->hasJournal());
    QVERIFY(!store()->isOpening());
    QTRY_VERIFY(early.bytesAvailable() > 0 || early.waitForReadyRead(50));
    QVERIFY(early.readAll().startsWith("HTTP/1.1 200"));
    QTRY_COMPARE(store()->size(), 3);
    QCOMPARE(store()->row(2).id, 3u);
    QCOMPARE(store()->row(2).attempt, 2u);
    QCOMPARE(store()->row(2).duplicateOf, 1u);
    QCOMPARE(JournalReader::read(options.journalPath).captures.size(), 3);
}

// A journal that cannot be read is said once the window shows (the session has none then), and
// a new session makes the listener take deliveries.
void tst_SessionEngine::aJournalUnreadableAtStartIsSaid()
{
    const QString notAJournal = m_dir->filePath(QStringLiteral("notes.txt"));
    QFile f(notAJournal);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a journal at all, and long enough to have a header\n");
    f.close();
    SessionOptions options;
    options.journalPath = notAJournal;
    QSignalSpy failed(m_engine.get(), &SessionEngine::openFailed);
    QSignalSpy opened(m_engine.get(), &SessionEngine::opened);
    QString error;
    QVERIFY2(m_engine->begin(options, &error), qPrintable(error));
    QVERIFY2(m_engine->startListening(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    QVERIFY(failed.wait());
    QCOMPARE(failed.first().at(0).toString(), notAJournal);
    QVERIFY(!failed.first().at(1).toString().isEmpty());
    QVERIFY(!m_engine->hasJournal());
    QVERIFY(!store()->isOpening());

    m_engine->openJournal(m_dir->filePath(QStringLiteral("fresh.hkj")));
    QVERIFY(opened.wait());
    QCOMPARE(deliverHoox(m_engine->listener()->port(), "run_1"), 200);
    QTRY_COMPARE(store()->size(), 1);
    QCOMPARE(JournalReader::read(m_dir->filePath(QStringLiteral("fresh.hkj"))).captures.size(), 1);
}

// Cancelling the first open leaves the session without a journal: said as a failure.
void tst_SessionEngine::cancellingTheFirstOpenIsSaid()
{
    SessionOptions options;
    options.journalPath = m_dir->filePath(QStringLiteral("cancelled.hkj"));
    QSignalSpy failed(m_engine.get(), &SessionEngine::openFailed);
    QSignalSpy opened(m_engine.get(), &SessionEngine::opened);
    QSignalSpy started(m_engine->jobs(), &JobRunner::started);
    QString error;
    QVERIFY2(m_engine->begin(options, &error), qPrintable(error));
    QCOMPARE(started.size(), 1);
    m_engine->jobs()->cancel(started.first().at(0).toULongLong());
    QVERIFY(failed.wait());
    QVERIFY(failed.first().at(1).toString().contains(QStringLiteral("cancelled")));
    QCOMPARE(opened.size(), 0);
    QVERIFY(!m_engine->hasJournal());
    QVERIFY(!store()->isOpening());
}

void tst_SessionEngine::importThenExportRoundTrip()
{
    QVERIFY(openEngine(QStringLiteral("io.hkj")));
    QSignalSpy imported(m_engine.get(), &SessionEngine::imported);
    m_engine->importFile(QStringLiteral(HOOKSCOPE_SOURCE_DIR "/tests/data/chrome-devtools.har"));
    QVERIFY(imported.wait());
    QVERIFY2(imported.first().at(2).toBool(), qPrintable(imported.first().at(1).toString()));
    QTRY_VERIFY(store()->size() > 0);
    const qsizetype rows = store()->size();

    QSignalSpy exported(m_engine.get(), &SessionEngine::exported);
    const QString out = m_dir->filePath(QStringLiteral("out.jsonl"));
    m_engine->exportCaptures(out, Interchange::Format::JsonLines, {}, true);
    QVERIFY(exported.wait());
    QVERIFY2(exported.first().at(2).toBool(), qPrintable(exported.first().at(1).toString()));
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll().count('\n'), rows);

    // Only the rows asked for, in the order asked.
    const QString some = m_dir->filePath(QStringLiteral("some.jsonl"));
    m_engine->exportCaptures(some, Interchange::Format::JsonLines, {rows - 1, 0}, false);
    QVERIFY(exported.wait());
    QFile g(some);
    QVERIFY(g.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = g.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const auto idOf = [](const QByteArray &line) {
        return QJsonDocument::fromJson(line).object().value(QStringLiteral("id")).toInteger();
    };
    QCOMPARE(quint64(idOf(lines.at(0))), store()->row(rows - 1).id);
    QCOMPARE(quint64(idOf(lines.at(1))), store()->row(0).id);
}

void tst_SessionEngine::cancelledExportReportsNothing()
{
    QVERIFY(openEngine(QStringLiteral("cancel.hkj")));
    for (int i = 0; i < 20; ++i)
        QCOMPARE(deliverHoox(m_port, "run_" + QByteArray::number(i)), 200);
    QTRY_COMPARE(store()->size(), 20);
    QSignalSpy exported(m_engine.get(), &SessionEngine::exported);
    QSignalSpy finished(m_engine->jobs(), &JobRunner::finished);
    const quint64 id = m_engine->exportCaptures(m_dir->filePath(QStringLiteral("x.har")),
                                                Interchange::Format::Har, {}, true);
    m_engine->jobs()->cancel(id);
    QVERIFY(finished.wait());
    QCOMPARE(finished.first().at(1).toBool(), true);
    QCOMPARE(exported.size(), 0);
}

void tst_SessionEngine::withoutAStoreNothingIsKept()
{
    QVERIFY(openEngine(QStringLiteral("cli.hkj"), false));
    QVERIFY(!m_engine->store());
    QSignalSpy captured(m_engine->listener(), &Listener::captured);
    QCOMPARE(deliverHoox(m_port, "run_1"), 200);
    QVERIFY(captured.wait());
    QCOMPARE(JournalReader::read(m_engine->journalPath()).captures.size(), 1);
}

void tst_SessionEngine::reopeningTheOpenJournalChangesNothing()
{
    QVERIFY(openEngine(QStringLiteral("same.hkj")));
    QCOMPARE(deliverHoox(m_port, "run_1"), 200);
    QTRY_COMPARE(store()->size(), 1);
    QSignalSpy opened(m_engine.get(), &SessionEngine::opened);
    QSignalSpy failed(m_engine.get(), &SessionEngine::openFailed);
    QCOMPARE(m_engine->openJournal(m_engine->journalPath()), 0u);
    QVERIFY(opened.wait());
    QCOMPARE(failed.size(), 0);
    QCOMPARE(store()->size(), 1);
}

void tst_SessionEngine::aLargeImportArrivesInSlices()
{
    QVERIFY(openEngine(QStringLiteral("large.hkj")));
    const QString file = m_dir->filePath(QStringLiteral("many.jsonl"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    constexpr int kEntries = 2000;
    for (int i = 0; i < kEntries; ++i) {
        f.write("{\"method\":\"POST\",\"target\":\"/webhook/hoox\",\"headers\":[],\"body\":"
                "\"{\\\"task\\\":\\\"video_generate\\\",\\\"job_id\\\":\\\"run_" +
                QByteArray::number(i) + "\\\"}\",\"answer\":200}\n");
    }
    f.close();
    QSignalSpy batches(m_engine->listener(), &Listener::captured);
    QSignalSpy imported(m_engine.get(), &SessionEngine::imported);
    m_engine->importFile(file);
    QVERIFY(imported.wait());
    QVERIFY2(imported.first().at(2).toBool(), qPrintable(imported.first().at(1).toString()));
    QTRY_COMPARE(store()->size(), kEntries);
    // Several batches, not one of 2,000: live deliveries and the table go on meanwhile.
    QVERIFY2(batches.size() >= 4, qPrintable(QString::number(batches.size())));
    for (qsizetype i = 0; i < kEntries; ++i)
        QCOMPARE(store()->row(i).id, quint64(i + 1));
    QCOMPARE(store()->key(kEntries - 1), QStringLiteral("run_1999"));
}

// Back to the journal just left, while the network thread may still hold it: it waits for
// that instead of calling the journal "in use".
void tst_SessionEngine::backAndForthAtOnce()
{
    QVERIFY(openEngine(QStringLiteral("first.hkj")));
    const QString first = m_engine->journalPath();
    QSignalSpy opened(m_engine.get(), &SessionEngine::opened);
    QSignalSpy failed(m_engine.get(), &SessionEngine::openFailed);
    for (int round = 0; round < 5; ++round) {
        connect(m_engine.get(), &SessionEngine::opened, this, [&, round] {
            m_engine->disconnect(this);
            m_engine->openJournal(first); // at once, from the slot that heard of the switch
        });
        m_engine->openJournal(m_dir->filePath(QStringLiteral("second-%1.hkj").arg(round)));
        QTRY_COMPARE(opened.size() + failed.size(), 2 * (round + 1));
        QVERIFY2(failed.isEmpty(),
                 qPrintable(failed.isEmpty() ? QString() : failed.first().at(1).toString()));
        QCOMPARE(m_engine->journalPath(), first);
    }
}

QTEST_GUILESS_MAIN(tst_SessionEngine)
#include "tst_sessionengine.moc"
