// SPDX-License-Identifier: MIT
// Answers that go out after Hoox stopped waiting, and retry chains Hoox gave up on: measured on
// the listener's sockets, journaled after the answer, shown on the store's rows.
#include "capture/CaptureStore.h"
#include "capture/JournalReader.h"
#include "helpers/HooxDelivery.h"
#include "listener/AnswerPolicy.h"
#include "listener/Listener.h"
#include "session/SessionEngine.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
// Far below Hoox's 10 s, so that the test takes a fraction of a second; far above what an
// answer without a delay takes, even on a loaded machine.
constexpr int LateMs = 300;
constexpr int DelayMs = 800;

Capture delivery(quint64 id, quint32 attempt, quint16 answer)
{
    Capture c;
    c.id = id;
    c.method = "POST";
    c.answerStatus = answer;
    c.hoox.key = QStringLiteral("job_1");
    c.hoox.attempt = attempt;
    c.hoox.duplicateOf = attempt > 1 ? 1 : 0;
    return c;
}
} // namespace

class tst_LateAnswer : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void givingUp_data();
    void givingUp();
    void slowRuleAnswerIsRecordedAsLate();
    void lateLastAttemptMeansHooxGaveUp();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SessionEngine> m_engine;
    quint16 m_port = 0;
};

void tst_LateAnswer::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_engine = std::make_unique<SessionEngine>();
    SessionOptions options;
    options.journalPath = m_dir->filePath(QStringLiteral("journal.hkj"));
    QString error;
    QVERIFY2(m_engine->open(options, &error), qPrintable(error));
    QVERIFY2(m_engine->startListening(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    m_port = m_engine->listener()->port();
    m_engine->listener()->setLateAnswerMs(LateMs);
}

void tst_LateAnswer::cleanup()
{
    m_engine.reset();
    m_dir.reset();
}

void tst_LateAnswer::givingUp_data()
{
    QTest::addColumn<QList<int>>("answers");
    QTest::addColumn<bool>("gaveUp");
    QTest::addRow("four failures") << QList<int>{500, 500, 502, 503} << true;
    QTest::addRow("three failures, no more yet") << QList<int>{500, 500, 500} << false;
    QTest::addRow("the last one taken") << QList<int>{500, 500, 500, 200} << false;
    QTest::addRow("the first one taken") << QList<int>{200, 500, 500, 500} << false;
    QTest::addRow("never answered") << QList<int>{0, 0, 0, 0} << true;
    QTest::addRow("a resend after giving up") << QList<int>{500, 500, 500, 500, 500} << true;
}

void tst_LateAnswer::givingUp()
{
    QFETCH(QList<int>, answers);
    QFETCH(bool, gaveUp);
    CaptureStore store;
    CaptureBatch batch;
    for (qsizetype i = 0; i < answers.size(); ++i)
        batch.append(std::make_shared<Capture>(
            delivery(quint64(i + 1), quint32(i + 1), quint16(answers.at(i)))));
    store.append(batch);
    QCOMPARE(store.group(0).gaveUp(), gaveUp);
    // Retention can leave the first attempts out: the last one's number still says it all.
    CaptureStore tail;
    tail.appendLoaded(store.index().tail(answers.size() - 1));
    QCOMPARE(tail.group(0).gaveUp(), answers.size() >= 4 && answers.last() / 100 != 2);
}

void tst_LateAnswer::slowRuleAnswerIsRecordedAsLate()
{
    QSignalSpy late(m_engine.get(), &SessionEngine::answeredLate);
    QSignalSpy changed(m_engine->store(), &CaptureStore::rowChanged);
    m_engine->policy()->armDelayNext(1, DelayMs);
    QCOMPARE(deliverHoox(m_port, "job_late"), 200);
    QVERIFY(late.wait(10'000));
    QCOMPARE(late.first().at(0).toULongLong(), 1u);
    QCOMPARE(late.first().at(1).value<quint16>(), quint16(200));
    const quint32 afterMs = late.first().at(2).value<quint32>();
    QVERIFY2(afterMs >= quint32(DelayMs), qPrintable(QString::number(afterMs)));
    QTRY_COMPARE(changed.size(), 1);
    const CaptureStore &store = *m_engine->store();
    QCOMPARE(store.row(0).flags & CaptureStore::LateAnswer, CaptureStore::LateAnswer);
    QCOMPARE(store.index().lateAnswerMs(0), afterMs);

    // An answer without a delay is in time.
    QCOMPARE(deliverHoox(m_port, "job_quick"), 200);
    QTRY_COMPARE(store.size(), 2);
    QCOMPARE(store.row(1).flags & CaptureStore::LateAnswer, 0);
    QCOMPARE(late.size(), 1);

    // The journal has it after the capture, read back on the next start.
    const JournalReadResult read = JournalReader::read(m_engine->journalPath());
    QCOMPARE(read.captures.size(), 2);
    QCOMPARE(read.captures.at(0)->lateAnswerMs, afterMs);
    QCOMPARE(read.captures.at(1)->lateAnswerMs, 0u);
    const QString path = m_engine->journalPath();
    m_engine.reset();
    SessionEngine again;
    SessionOptions options;
    options.journalPath = path;
    QString error;
    QVERIFY2(again.open(options, &error), qPrintable(error));
    QCOMPARE(again.store()->index().lateAnswerMs(0), afterMs);
}

void tst_LateAnswer::lateLastAttemptMeansHooxGaveUp()
{
    m_engine->policy()->armFailNext(3, 500);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(deliverHoox(m_port, "job_1"), 500);
    QTRY_COMPARE(m_engine->store()->size(), 3);
    QVERIFY(!m_engine->store()->group(0).gaveUp());

    // Hoox's fourth and last attempt is answered 200, but after it stopped waiting.
    QSignalSpy changed(m_engine->store(), &CaptureStore::rowChanged);
    m_engine->policy()->armDelayNext(1, DelayMs);
    QCOMPARE(deliverHoox(m_port, "job_1"), 200);
    QVERIFY(changed.wait(10'000));
    const CaptureStore &store = *m_engine->store();
    QCOMPARE(store.size(), 4);
    QCOMPARE(store.row(3).attempt, 4u);
    QVERIFY(store.group(0).gaveUp());
}

QTEST_GUILESS_MAIN(tst_LateAnswer)
#include "tst_lateanswer.moc"
