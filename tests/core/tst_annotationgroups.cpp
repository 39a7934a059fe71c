// SPDX-License-Identifier: MIT
// Annotation records (notes, bookmarks, tombstones, late answers) in journal format version 2
// beside group commit: an annotation made while captures are staged joins their group, in order,
// and is cut off with it; a journal of captures and annotations interleaved reads back into the
// same index the live session built.
#include "capture/CaptureRecorder.h"
#include "capture/CaptureStore.h"
#include "capture/Journal.h"
#include "capture/JournalFormat.h"
#include "capture/JournalReader.h"
#include "listener/AnswerPolicy.h"
#include "listener/Listener.h"
#include "session/SessionEngine.h"

#include "helpers/HooxDelivery.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <cerrno>

namespace F = JournalFormat;

namespace {
// Far below Hoox's 10 s so that the test is quick; far above what an answer without a delay
// takes, even on a loaded machine.
constexpr int LateMs = 300;
constexpr int DelayMs = 800;

Capture captureOf(quint64 id)
{
    Capture c;
    c.id = id;
    c.receivedAtMs = 1'765'000'000'000 + qint64(id) * 1000;
    c.peer = QStringLiteral("127.0.0.1:5000");
    c.method = "POST";
    c.target = "/webhook/hoox";
    c.body = "{\"task\":\"video_generate\",\"job_id\":\"run_" + QByteArray::number(id) + "\"}";
    c.answerStatus = 200;
    c.hoox.task = HooxTask::VideoGenerate;
    c.hoox.key = QStringLiteral("run_%1").arg(id);
    c.hoox.attempt = 1;
    return c;
}

struct Placed {
    quint64 id;
    qint64 offset;
    quint32 size;
};

// Every number of a row that reading the journal must give back as the live session had it.
QString describe(const CaptureIndex &index, qsizetype row)
{
    const CaptureIndex::Row &r = index.row(row);
    QString s = QStringLiteral("id %1 flags %2 answer %3 late %4 attempt %5 offset %6 note '%7'")
                    .arg(r.id)
                    .arg(r.flags)
                    .arg(r.answerStatus)
                    .arg(index.lateAnswerMs(row))
                    .arg(r.attempt)
                    .arg(r.journalOffset)
                    .arg(index.note(row));
    if (r.group >= 0) {
        const CaptureIndex::Group &g = index.group(r.group);
        s += QStringLiteral(" group %1 of %2 succeeded %3 gave up %4")
                 .arg(r.group)
                 .arg(g.count)
                 .arg(g.succeeded)
                 .arg(g.gaveUp());
    }
    return s;
}
} // namespace

class tst_AnnotationGroups : public QObject {
    Q_OBJECT
private slots:
    void init();
    void annotationJoinsTheStagedGroup_data();
    void annotationJoinsTheStagedGroup();
    void annotationWrittenEarlyGroupStaysWhole();
    void recorderAnnotatesWhatItStaged();
    void lateAnswerIsAnAnnotationRecord();
    void readBackEqualsTheLiveSession();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void tst_AnnotationGroups::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("journal.hkj"));
}

void tst_AnnotationGroups::annotationJoinsTheStagedGroup_data()
{
    QTest::addColumn<bool>("synced"); // false: the group's sync fails and cuts it off
    QTest::addRow("committed") << true;
    QTest::addRow("sync failed") << false;
}

// Captures 2 and 3 are staged, capture 2 gets a note and capture 1 a late answer, capture 4 is
// staged after them; nothing reaches the file before commit(), and every offset handed out
// while staging is where the record is once written.
void tst_AnnotationGroups::annotationJoinsTheStagedGroup()
{
    QFETCH(bool, synced);
    QString error;
    QList<Placed> placed;
    qint64 committedEnd = 0;
    {
        Journal journal;
        QVERIFY2(journal.open(m_path, &error), qPrintable(error));
        QVERIFY(journal.append(captureOf(1), &error));
        QVERIFY(journal.commit(&error));
        committedEnd = QFileInfo(m_path).size();
        for (quint64 id : {2, 3}) {
            QVERIFY(journal.stage(captureOf(id), &error));
            placed.append({id, journal.lastRecordOffset(), journal.lastRecordSize()});
        }
        QVERIFY2(
            journal.appendAnnotation(Annotation::note(2, QStringLiteral("staged note")), &error),
            qPrintable(error));
        QVERIFY(journal.appendLateAnswer(1, 200, 10'500, &error));
        QVERIFY(!journal.appendAnnotation(Annotation::note(5, QStringLiteral("no such")), &error));
        QVERIFY(journal.stage(captureOf(4), &error));
        placed.append({4, journal.lastRecordOffset(), journal.lastRecordSize()});
        QCOMPARE(QFileInfo(m_path).size(), committedEnd); // all of it waits for commit()
        if (!synced)
            journal.setSync([](int) { return EIO; });
        QCOMPARE(journal.commit(&error), synced);
    }
    const JournalIndexResult read = JournalReader::readIndex(m_path);
    QVERIFY2(read.error.isEmpty() && read.warning.isEmpty(), qPrintable(read.warning));
    if (!synced) {
        // Cut off whole: the captures, and what was said of them or of capture 1 meanwhile.
        QCOMPARE(read.index.size(), 1);
        QVERIFY(read.annotations.isEmpty());
        QCOMPARE(read.index.lateAnswerMs(0), 0u);
        QCOMPARE(read.validEnd, committedEnd);
        return;
    }
    QCOMPARE(read.index.size(), 4);
    for (const Placed &p : std::as_const(placed)) {
        const qsizetype row = read.index.rowOfId(p.id);
        QCOMPARE(read.index.row(row).journalOffset, p.offset);
        QCOMPARE(read.index.row(row).recordSize, p.size);
    }
    QCOMPARE(read.index.note(1), QStringLiteral("staged note"));
    QCOMPARE(read.index.lateAnswerMs(0), 10'500u);
    QCOMPARE(read.annotations.size(), 2);
    QCOMPARE(read.lastId, 4u);
    // The full read agrees, and so does a writer that opens it again.
    const JournalReadResult full = JournalReader::read(m_path);
    QCOMPARE(full.captures.at(1)->note, QStringLiteral("staged note"));
    QCOMPARE(full.captures.at(0)->lateAnswerMs, 10'500u);
    Journal again;
    QVERIFY(again.open(m_path, &error));
    QVERIFY(again.warning().isEmpty());
    QCOMPARE(again.nextId(), 5u);
}

// A group written early (it outgrew its buffer) is still open: an annotation joins it rather
// than closing it, so that a failed sync still cuts off every capture of the group.
void tst_AnnotationGroups::annotationWrittenEarlyGroupStaysWhole()
{
    QString error;
    {
        Journal journal;
        QVERIFY(journal.open(m_path, &error));
        QVERIFY(journal.append(captureOf(1), &error));
        QVERIFY(journal.commit(&error));
        Capture big = captureOf(2);
        big.body = QByteArray(2 * 1024 * 1024, 'x'); // past the group's buffer: written at once
        QVERIFY(journal.stage(big, &error));
        QVERIFY(!journal.hasStaged());
        QVERIFY(journal.appendAnnotation(Annotation::bookmark(2, true), &error));
        journal.setSync([](int) { return EIO; });
        QVERIFY(!journal.commit(&error));
    }
    const JournalIndexResult read = JournalReader::readIndex(m_path);
    QVERIFY2(read.warning.isEmpty(), qPrintable(read.warning));
    QCOMPARE(read.index.size(), 1);
    QVERIFY(read.annotations.isEmpty());
}

// The recorder stages imports with their note and star, and annotations made before its commit
// join the group; reopened, the journal has them all.
void tst_AnnotationGroups::recorderAnnotatesWhatItStaged()
{
    QString error;
    {
        Journal journal;
        QVERIFY(journal.open(m_path, &error));
        CaptureRecorder recorder(&journal);
        ImportedRequest imported;
        imported.request.method = "POST";
        imported.request.target = "/webhook/hoox";
        imported.note = QStringLiteral("from the file");
        imported.bookmarked = true;
        const CapturePtr first = recorder.stage(imported, &error);
        QVERIFY2(first && error.isEmpty(), qPrintable(error));
        QCOMPARE(first->note, imported.note);
        QVERIFY(first->bookmarked);
        imported.note = QString(70 * 1024, QLatin1Char('n')); // too long for the journal
        const CapturePtr second = recorder.stage(imported, &error);
        QVERIFY(second);
        QVERIFY(!error.isEmpty());
        QVERIFY(second->note.isEmpty());
        QVERIFY(second->bookmarked); // the star went first and was taken
        error.clear();
        Annotations more{Annotation::deletion(first->id, true),
                         Annotation::note(second->id, QStringLiteral("short"))};
        QVERIFY(recorder.annotate(&more, &error));
        QVERIFY2(recorder.commit(&error), qPrintable(error));
    }
    const JournalIndexResult read = JournalReader::readIndex(m_path);
    QVERIFY2(read.warning.isEmpty(), qPrintable(read.warning));
    QCOMPARE(read.index.size(), 2);
    QCOMPARE(read.index.note(0), QStringLiteral("from the file"));
    QCOMPARE(read.index.row(0).flags & (CaptureIndex::Bookmarked | CaptureIndex::Deleted),
             CaptureIndex::Bookmarked | CaptureIndex::Deleted);
    QCOMPARE(read.index.note(1), QStringLiteral("short"));
    QVERIFY(read.index.row(1).flags & CaptureIndex::Bookmarked);
}

// One framing for everything that is not a capture: the late answer is an annotation record.
void tst_AnnotationGroups::lateAnswerIsAnAnnotationRecord()
{
    QString error;
    {
        Journal journal;
        QVERIFY(journal.open(m_path, &error));
        QVERIFY(journal.append(captureOf(1), &error));
        QVERIFY(journal.appendLateAnswer(1, 204, 12'345, &error));
    }
    const JournalIndexResult read = JournalReader::readIndex(m_path);
    QCOMPARE(read.annotations.size(), 1);
    const Annotation &a = read.annotations.first();
    QCOMPARE(a.kind, Annotation::Kind::LateAnswer);
    quint16 status = 0;
    quint32 afterMs = 0;
    QVERIFY(a.lateAnswer(&status, &afterMs));
    QCOMPARE(status, quint16(204));
    QCOMPARE(afterMs, 12'345u);
    QCOMPARE(read.index.row(0).answerStatus, quint16(204));
    QCOMPARE(read.index.row(0).flags & CaptureIndex::LateAnswer, CaptureIndex::LateAnswer);
    // Its record carries the annotation marker, like a note's.
    const JournalReadResult full = JournalReader::read(m_path);
    const qint64 at = full.captures.at(0)->journalOffset + full.captures.at(0)->journalRecordSize;
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.seek(at));
    const QByteArray header = file.read(4);
    QVERIFY(qFromLittleEndian<quint32>(header.constData()) & F::AnnotationMarker);
}

// Deliveries (retries, late answers) and the user's notes, stars and deletions, interleaved in
// one live session: the journal read back gives the index the session showed, row by row and
// group by group.
void tst_AnnotationGroups::readBackEqualsTheLiveSession()
{
    SessionEngine engine;
    SessionOptions options;
    options.journalPath = m_path;
    QString error;
    QVERIFY2(engine.open(options, &error), qPrintable(error));
    QVERIFY(engine.startListening(QHostAddress::LocalHost, 0, &error));
    const quint16 port = engine.listener()->port();
    engine.listener()->setLateAnswerMs(LateMs);
    CaptureStore *store = engine.store();
    QSignalSpy annotated(store, &CaptureStore::annotated);
    QSignalSpy late(store, &CaptureStore::rowChanged);
    const auto id = [store](qsizetype row) { return store->row(row).id; };

    QCOMPARE(deliverHoox(port, "job_a"), 200); // row 0
    engine.policy()->armFailNext(3, 500);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(deliverHoox(port, "job_b"), 500); // rows 1-3
    QTRY_COMPARE(store->size(), 4);
    engine.annotate({Annotation::note(id(0), QStringLiteral("first")),
                     Annotation::bookmark(id(2), true), Annotation::deletion(id(1), true)});
    // Hoox's last attempt at job_b is answered 200, but late: Hoox gave up on it.
    engine.policy()->armDelayNext(1, DelayMs);
    QCOMPARE(deliverHoox(port, "job_b"), 200); // row 4
    QTRY_COMPARE(late.size(), 1);
    QTRY_COMPARE(annotated.size(), 1);
    engine.annotate({Annotation::note(id(4), QStringLiteral("answered late")),
                     Annotation::deletion(id(3), true), Annotation::bookmark(id(2), false)});
    QCOMPARE(deliverHoox(port, "job_a"), 200); // row 5, a retry of job_a
    engine.policy()->armDelayNext(1, DelayMs);
    QCOMPARE(deliverHoox(port, "job_c"), 200); // row 6, late too
    QTRY_COMPARE(late.size(), 2);
    engine.annotate({Annotation::deletion(id(1), false), Annotation::note(id(0), QString()),
                     Annotation::bookmark(id(6), true),
                     Annotation::note(id(6), QStringLiteral("c"))});
    QTRY_COMPARE(annotated.size(), 3);
    QTRY_COMPARE(store->size(), 7);

    const CaptureIndex &live = store->index();
    QVERIFY(live.group(live.row(4).group).gaveUp());
    QVERIFY(store->isDeleted(3) && !store->isDeleted(1));
    const JournalIndexResult read = JournalReader::readIndex(m_path);
    QVERIFY2(read.error.isEmpty() && read.warning.isEmpty(), qPrintable(read.warning));
    QCOMPARE(read.annotations.size(), 12); // 10 of the user's, 2 late answers
    QCOMPARE(read.index.size(), live.size());
    QCOMPARE(read.index.groupCount(), live.groupCount());
    for (qsizetype row = 0; row < live.size(); ++row)
        QCOMPARE(describe(read.index, row), describe(live, row));
    QCOMPARE(read.index.notes(), live.notes());
}

QTEST_GUILESS_MAIN(tst_AnnotationGroups)
#include "tst_annotationgroups.moc"
