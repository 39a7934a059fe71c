// SPDX-License-Identifier: MIT
#include "CaptureLoader.h"
#include "capture/CaptureRecorder.h"
#include "capture/CaptureStore.h"
#include "capture/Journal.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace Qt::StringLiterals;

namespace {

HttpRequest delivery(QByteArray body)
{
    HttpRequest r;
    r.method = "POST";
    r.target = "/webhook/hoox";
    r.httpMinor = 1;
    r.body = std::move(body);
    r.headers.append("Content-Type", "application/json");
    return r;
}

} // namespace

// Selecting a row reads its capture back from the journal: a small record at once, a large
// one off the GUI thread, and only the newest request is answered.
class TestCaptureLoader : public QObject {
    Q_OBJECT
private slots:
    void init();
    void smallRecordIsReadAtOnce();
    void largeRecordIsReadOffTheGuiThread();
    void onlyTheNewestRequestIsAnswered();
    void noRowAnswersNothing();
    void aJournalThatIsGoneSaysSo();

private:
    qsizetype largeRow() const { return 1; }

    QTemporaryDir m_dir;
    std::unique_ptr<CaptureStore> m_store;
    QByteArray m_large;
};

void TestCaptureLoader::init()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(u"loader.hkj"_s);
    QFile::remove(path);
    Journal journal;
    QString error;
    QVERIFY2(journal.open(path, &error), qPrintable(error));
    CaptureRecorder recorder(&journal);
    m_large = "\"" + QByteArray(8 * 1024 * 1024, 'a') + "\"";
    CaptureBatch batch;
    for (const QByteArray &body :
         {QByteArray(R"({"status":"completed"})"), m_large, QByteArray(R"({"status":"failed"})")}) {
        CapturePtr c = recorder.record(delivery(body), u"127.0.0.1:1"_s, 1000, 200, &error);
        QVERIFY2(c, qPrintable(error));
        batch.append(std::move(c));
    }
    m_store = std::make_unique<CaptureStore>();
    m_store->setJournalPath(path);
    m_store->append(batch);
    QVERIFY(m_store->row(largeRow()).recordSize > CaptureLoader::kSyncLimit);
}

void TestCaptureLoader::smallRecordIsReadAtOnce()
{
    CaptureLoader loader(m_store.get());
    QSignalSpy loaded(&loader, &CaptureLoader::loaded);
    loader.load(0);
    QCOMPARE(loaded.size(), 1); // no event loop turn needed
    QVERIFY(!loader.isLoading());
    QCOMPARE(loaded.at(0).at(0).value<qsizetype>(), 0);
    const auto c = loaded.at(0).at(1).value<CapturePtr>();
    QVERIFY(c);
    QCOMPARE(c->body, QByteArray(R"({"status":"completed"})"));
}

void TestCaptureLoader::largeRecordIsReadOffTheGuiThread()
{
    CaptureLoader loader(m_store.get());
    QSignalSpy loaded(&loader, &CaptureLoader::loaded);
    loader.load(largeRow());
    QCOMPARE(loaded.size(), 0); // the GUI thread went on
    QVERIFY(loader.isLoading());
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 30'000);
    QVERIFY(!loader.isLoading());
    const auto c = loaded.at(0).at(1).value<CapturePtr>();
    QVERIFY(c);
    QCOMPARE(c->body, m_large);
    QVERIFY(loaded.at(0).at(2).toString().isEmpty());
}

void TestCaptureLoader::onlyTheNewestRequestIsAnswered()
{
    CaptureLoader loader(m_store.get());
    QSignalSpy loaded(&loader, &CaptureLoader::loaded);
    loader.load(largeRow());
    loader.load(2); // the user moved on before the large one was read
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.at(0).at(0).value<qsizetype>(), 2);
    // The large read still finishes on its thread; its answer is dropped.
    QTest::qWait(0);
    QThreadPool::globalInstance()->waitForDone(30'000);
    QCoreApplication::processEvents();
    QCOMPARE(loaded.size(), 1);
}

void TestCaptureLoader::noRowAnswersNothing()
{
    CaptureLoader loader(m_store.get());
    QSignalSpy loaded(&loader, &CaptureLoader::loaded);
    loader.load(-1);
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.at(0).at(0).value<qsizetype>(), -1);
    QVERIFY(!loaded.at(0).at(1).value<CapturePtr>());
}

void TestCaptureLoader::aJournalThatIsGoneSaysSo()
{
    QVERIFY(QFile::remove(m_store->journalPath()));
    CaptureLoader loader(m_store.get());
    QSignalSpy loaded(&loader, &CaptureLoader::loaded);
    loader.load(largeRow());
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 30'000);
    QVERIFY(!loaded.at(0).at(1).value<CapturePtr>());
    const QString error = loaded.at(0).at(2).toString();
    QVERIFY2(error.contains(u"Cannot read capture #2"_s), qPrintable(error));
}

QTEST_MAIN(TestCaptureLoader)
#include "tst_captureloader.moc"
