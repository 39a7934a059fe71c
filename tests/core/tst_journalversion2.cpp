// SPDX-License-Identifier: MIT
// Journal format version 2: recovered captures with their source, late-answer annotation records
// appended after late answers, and version 1 files read and carried on.
#include "capture/CaptureIndex.h"
#include "capture/Journal.h"
#include "capture/JournalFormat.h"
#include "capture/JournalReader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

namespace F = JournalFormat;

namespace {
Capture makeCapture(quint64 id, quint32 attempt = 1)
{
    Capture c;
    c.id = id;
    c.receivedAtMs = 1'765'000'000'000 + qint64(id) * 1000;
    c.peer = QStringLiteral("127.0.0.1:5000");
    c.method = "POST";
    c.target = "/webhook/hoox";
    c.headers.append("Content-Type", "application/json");
    c.body = "{\"task\":\"video_generate\",\"job_id\":\"job_" + QByteArray::number(id) + "\"}";
    c.answerStatus = 200;
    c.hoox.task = HooxTask::VideoGenerate;
    c.hoox.taskText = QStringLiteral("video_generate");
    c.hoox.key = QStringLiteral("job_1");
    c.hoox.attempt = attempt;
    c.hoox.duplicateOf = attempt > 1 ? 1 : 0;
    return c;
}

Capture recoveredCapture(quint64 id, quint32 attempt)
{
    Capture c = makeCapture(id, attempt);
    c.peer = QStringLiteral("ngrok");
    c.answerStatus = 502;
    c.recovered = true;
    c.source = QStringLiteral("ngrok:airt_%1").arg(id);
    return c;
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray record(const Capture &c)
{
    QByteArray out;
    QString error;
    if (!F::appendRecord(&out, c, &error))
        qFatal("%s", qPrintable(error));
    return out;
}

// A late-answer annotation record written when the journal's last id was `after`.
QByteArray lateAnswer(quint64 id, quint64 after)
{
    QByteArray out;
    QString error;
    if (!F::appendAnnotation(&out, Annotation::lateAnswer(id, 200, 11'000, 1'765'000'100'000),
                             after, &error))
        qFatal("%s", qPrintable(error));
    return out;
}

QByteArray versionOneHeader()
{
    QByteArray header = F::fileHeader();
    qToLittleEndian(quint32(1), header.data() + sizeof(F::Magic));
    return header;
}
} // namespace

class tst_JournalVersion2 : public QObject {
    Q_OBJECT
private slots:
    void init();
    void recoveredCaptureRoundTrips();
    void answerRecordsApplyToTheirCapture_data();
    void answerRecordsApplyToTheirCapture();
    void versionOneFileIsReadAndUpgraded();
    void damagedAnswerRecordIsSkipped();
    void answerRecordForAnUnknownCaptureIsDamage();
    void lateAnswerTakesBackAGroupsSuccess();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void tst_JournalVersion2::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("journal.hkj"));
}

void tst_JournalVersion2::recoveredCaptureRoundTrips()
{
    {
        Journal journal;
        QString error;
        QVERIFY2(journal.open(m_path, &error), qPrintable(error));
        QVERIFY(journal.append(makeCapture(1), &error));
        QVERIFY(journal.append(recoveredCapture(2, 2), &error));
    }
    const JournalReadResult read = JournalReader::read(m_path);
    QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
    QCOMPARE(read.version, F::Version);
    QCOMPARE(read.captures.size(), 2);
    Capture expected = recoveredCapture(2, 2);
    Capture got = *read.captures.at(1);
    QCOMPARE(got, expected);
    QVERIFY(!read.captures.at(0)->recovered);
    QVERIFY(read.captures.at(0)->source.isEmpty());

    const JournalIndexResult index = JournalReader::readIndex(m_path);
    QCOMPARE(index.index.size(), 2);
    QCOMPARE(index.index.row(1).flags & CaptureIndex::Recovered, CaptureIndex::Recovered);
    QCOMPARE(index.index.source(1), QStringLiteral("ngrok:airt_2"));
    QCOMPARE(index.index.row(0).flags & CaptureIndex::Recovered, 0);
    QCOMPARE(index.index.sources().size(), 1);
}

void tst_JournalVersion2::answerRecordsApplyToTheirCapture_data()
{
    QTest::addColumn<bool>("reopen"); // appended across a restart, after more captures
    QTest::addRow("same session") << false;
    QTest::addRow("after reopening") << true;
}

void tst_JournalVersion2::answerRecordsApplyToTheirCapture()
{
    QFETCH(bool, reopen);
    QString error;
    {
        Journal journal;
        QVERIFY(journal.open(m_path, &error));
        QVERIFY(journal.append(makeCapture(1), &error));
        QVERIFY(journal.append(makeCapture(2, 2), &error));
        if (!reopen)
            QVERIFY2(journal.appendLateAnswer(1, 200, 11'200, &error), qPrintable(error));
        QVERIFY(!journal.appendLateAnswer(3, 200, 11'200, &error)); // not journaled yet
    }
    if (reopen) {
        Journal journal;
        QVERIFY(journal.open(m_path, &error));
        QVERIFY(journal.warning().isEmpty());
        QVERIFY(journal.appendLateAnswer(1, 200, 11'200, &error));
        QVERIFY(journal.append(makeCapture(3, 3), &error));
    }
    const JournalReadResult read = JournalReader::read(m_path);
    QVERIFY(read.warning.isEmpty());
    QCOMPARE(read.captures.size(), reopen ? 3 : 2);
    QCOMPARE(read.captures.at(0)->lateAnswerMs, 11'200u);
    QCOMPARE(read.captures.at(1)->lateAnswerMs, 0u);

    Journal again;
    QVERIFY(again.open(m_path, &error));
    QVERIFY2(again.warning().isEmpty(), qPrintable(again.warning()));
    QCOMPARE(again.nextId(), reopen ? 4u : 3u);
    const CaptureIndex index = again.takeLoaded();
    QCOMPARE(index.row(0).flags & CaptureIndex::LateAnswer, CaptureIndex::LateAnswer);
    QCOMPARE(index.lateAnswerMs(0), 11'200u);
    QCOMPARE(index.lateAnswerMs(1), 0u);
    // Retention keeps it: the tail of an index carries the late answer along.
    QCOMPARE(index.tail(0).lateAnswerMs(0), 11'200u);
}

void tst_JournalVersion2::versionOneFileIsReadAndUpgraded()
{
    // Version 1 wrote the same capture records, without recovered captures or answers.
    QVERIFY(
        writeFile(m_path, versionOneHeader() + record(makeCapture(1)) + record(makeCapture(2))));
    const JournalReadResult before = JournalReader::read(m_path);
    QVERIFY2(before.error.isEmpty(), qPrintable(before.error));
    QCOMPARE(before.version, 1u);
    QCOMPARE(before.captures.size(), 2);
    QCOMPARE(*before.captures.at(1), makeCapture(2));

    QString error;
    {
        Journal journal;
        QVERIFY2(journal.open(m_path, &error), qPrintable(error));
        QCOMPARE(journal.takeLoaded().size(), 2);
        QVERIFY(journal.append(recoveredCapture(3, 3), &error));
        QVERIFY(journal.appendLateAnswer(2, 200, 12'000, &error));
    }
    const QByteArray bytes = fileBytes(m_path);
    QCOMPARE(F::versionOf(reinterpret_cast<const uchar *>(bytes.constData())), F::Version);
    const JournalReadResult after = JournalReader::read(m_path);
    QVERIFY(after.warning.isEmpty() && after.error.isEmpty());
    QCOMPARE(after.captures.size(), 3);
    QCOMPARE(*after.captures.at(0), makeCapture(1));
    QVERIFY(after.captures.at(2)->recovered);
    QCOMPARE(after.captures.at(1)->lateAnswerMs, 12'000u);
}

void tst_JournalVersion2::damagedAnswerRecordIsSkipped()
{
    QByteArray answer = lateAnswer(1, 1);
    // The value's afterMs changed: the checksum no longer matches.
    answer[answer.size() - 1] = 0x7f;
    QVERIFY(writeFile(m_path,
                      F::fileHeader() + record(makeCapture(1)) + answer + record(makeCapture(2))));
    const JournalIndexResult read = JournalReader::readIndex(m_path);
    QVERIFY(read.error.isEmpty());
    QCOMPARE(read.skippedRecords, 1);
    QCOMPARE(read.index.size(), 2);
    QCOMPARE(read.index.row(0).flags & CaptureIndex::LateAnswer, 0);
    QVERIFY(read.annotations.isEmpty());
}

void tst_JournalVersion2::answerRecordForAnUnknownCaptureIsDamage()
{
    // An answer must follow the capture it names: one naming a later id than the journal's last
    // when it was written is no record.
    QVERIFY(writeFile(m_path, F::fileHeader() + record(makeCapture(1)) + lateAnswer(5, 1) +
                                  record(makeCapture(2))));
    const JournalIndexResult read = JournalReader::readIndex(m_path);
    QCOMPARE(read.skippedRecords, 1);
    QCOMPARE(read.index.size(), 2);
    QCOMPARE(read.lastId, 2u);
}

void tst_JournalVersion2::lateAnswerTakesBackAGroupsSuccess()
{
    CaptureIndex index;
    for (quint32 attempt = 1; attempt <= 3; ++attempt) {
        Capture c = makeCapture(attempt, attempt);
        c.answerStatus = 500;
        index.append(c);
    }
    index.append(makeCapture(4, 4)); // answered 200: Hoox stops here
    QVERIFY(index.group(0).succeeded);
    QVERIFY(!index.group(0).gaveUp());
    QCOMPARE(index.setLateAnswer(4, 200, 11'200), 3);
    QVERIFY(!index.group(0).succeeded);
    QVERIFY(index.group(0).gaveUp());
    QCOMPARE(index.setLateAnswer(99, 200, 11'200), -1);
}

QTEST_GUILESS_MAIN(tst_JournalVersion2)
#include "tst_journalversion2.moc"
