// SPDX-License-Identifier: MIT
// Notes, bookmarks and deletions: appended to the journal as annotation records, read back
// with the last of a kind winning, never taken for damage nor damage for them, and carried
// through export and import.
#include "capture/CaptureRecorder.h"
#include "capture/CaptureStore.h"
#include "capture/Journal.h"
#include "capture/JournalFormat.h"
#include "capture/JournalReader.h"
#include "capture/TextMatcher.h"
#include "interchange/HarReader.h"
#include "interchange/HarWriter.h"
#include "interchange/JsonLines.h"
#include "listener/Listener.h"
#include "query/Query.h"
#include "session/SessionEngine.h"

#include "helpers/HooxDelivery.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <csignal>
#include <unistd.h>

namespace F = JournalFormat;
using Kind = Annotation::Kind;

namespace {
Capture captureOf(quint64 id)
{
    Capture c;
    c.id = id;
    c.receivedAtMs = 1'705'314'600'000 + qint64(id) * 1000;
    c.peer = QStringLiteral("127.0.0.1:5000");
    c.method = "POST";
    c.target = "/webhook/hoox";
    c.headers.append("Content-Type", "application/json");
    c.body = "{\"task\":\"video_generate\",\"job_id\":\"run_" + QByteArray::number(id) + "\"}";
    c.answerStatus = 200;
    c.hoox.task = HooxTask::VideoGenerate;
    c.hoox.taskText = QStringLiteral("video_generate");
    c.hoox.key = QStringLiteral("run_%1").arg(id);
    c.hoox.attempt = 1;
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
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QList<quint64> idsOf(const CaptureBatch &captures)
{
    QList<quint64> ids;
    for (const CapturePtr &c : captures)
        ids.append(c->id);
    return ids;
}
} // namespace

class tst_Annotations : public QObject {
    Q_OBJECT
private slots:
    void init();
    void readBackWithTheCaptures();
    void lastOfAKindWins_data();
    void lastOfAKindWins();
    void recordIsMarkedApartFromCaptures();
    void onlyCapturesOfTheJournalAreAnnotated();
    void tornLastAnnotationIsDropped();
    void damagedAnnotationIsSkipped();
    void annotationAfterDamageIsFound();
    void unknownKindIsSkippedNotDamage();
    void lostCapturesIdsAreNotGivenAgain();
    void storeHidesDeletedAndFindsNotes();
    void retentionKeepsAnnotations();
    void jsonLinesRoundTrip();
    void harRoundTrip();
    void importJournalsTheAnnotations();
    void annotatedWhileCapturesArrive();
    void killedWriterLosesNoAnnotation();

private:
    QString path(const QString &name = QStringLiteral("j.hkj")) const
    {
        return m_dir->filePath(name);
    }
    // A journal of captures 1…n, annotated with `annotations` in order, closed again.
    void writeJournal(int n, const Annotations &annotations);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_Annotations::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_Annotations::writeJournal(int n, const Annotations &annotations)
{
    Journal journal;
    QString error;
    QVERIFY2(journal.open(path(), &error), qPrintable(error));
    for (int id = 1; id <= n; ++id)
        QVERIFY2(journal.append(captureOf(quint64(id)), &error), qPrintable(error));
    for (const Annotation &a : annotations)
        QVERIFY2(journal.appendAnnotation(a, &error), qPrintable(error));
}

void tst_Annotations::readBackWithTheCaptures()
{
    writeJournal(
        3, {Annotation::note(1, QStringLiteral("first try")), Annotation::bookmark(2, true),
            Annotation::note(1, QStringLiteral("réessai: 2e")), Annotation::deletion(3, true)});
    const JournalIndexResult index = JournalReader::readIndex(path());
    QVERIFY2(index.error.isEmpty() && index.warning.isEmpty(), qPrintable(index.warning));
    QCOMPARE(index.index.size(), 3);
    QCOMPARE(index.annotations.size(), 4);
    QCOMPARE(index.index.note(0), QStringLiteral("réessai: 2e"));
    QVERIFY(index.index.row(1).flags & CaptureIndex::Bookmarked);
    QVERIFY(!(index.index.row(0).flags & CaptureIndex::Bookmarked));
    QVERIFY(index.index.row(2).flags & CaptureIndex::Deleted);
    QVERIFY(index.index.note(2).isEmpty());

    const JournalReadResult full = JournalReader::read(path());
    QCOMPARE(idsOf(full.captures), (QList<quint64>{1, 2, 3})); // deleted ones are read too
    QCOMPARE(full.captures.at(0)->note, QStringLiteral("réessai: 2e"));
    QVERIFY(full.captures.at(1)->bookmarked);
    QCOMPARE(*full.captures.at(2), captureOf(3));
    QCOMPARE(full.annotations.last().kind, Kind::Tombstone);

    // And a journal opened for writing carries on after them.
    Journal journal;
    QString error;
    QVERIFY(journal.open(path(), &error));
    QCOMPARE(journal.nextId(), 4u);
    QVERIFY(journal.takeLoaded().row(1).flags & CaptureIndex::Bookmarked);
    QVERIFY(journal.append(captureOf(4), &error));
    QCOMPARE(JournalReader::read(path()).captures.size(), 4);
}

void tst_Annotations::lastOfAKindWins_data()
{
    QTest::addColumn<QList<int>>("kinds"); // applied in order to capture 1
    QTest::addColumn<bool>("bookmarked");
    QTest::addColumn<bool>("deleted");
    QTest::addColumn<QString>("note");
    const auto k = [](Kind kind) { return int(kind); };
    QTest::addRow("star") << QList<int>{k(Kind::Bookmark)} << true << false << QString();
    QTest::addRow("star, unstar") << QList<int>{k(Kind::Bookmark), k(Kind::Unbookmark)} << false
                                  << false << QString();
    QTest::addRow("unstar, star") << QList<int>{k(Kind::Unbookmark), k(Kind::Bookmark)} << true
                                  << false << QString();
    QTest::addRow("tombstone") << QList<int>{k(Kind::Tombstone)} << false << true << QString();
    QTest::addRow("tombstone, undelete")
        << QList<int>{k(Kind::Tombstone), k(Kind::Undelete)} << false << false << QString();
    QTest::addRow("delete twice, undo once")
        << QList<int>{k(Kind::Tombstone), k(Kind::Tombstone), k(Kind::Undelete)} << false << false
        << QString();
    QTest::addRow("note, then removed")
        << QList<int>{k(Kind::Note), -1} << false << false << QString();
    QTest::addRow("kinds apart") << QList<int>{k(Kind::Bookmark), k(Kind::Note), k(Kind::Tombstone),
                                               k(Kind::Undelete)}
                                 << true << false << QStringLiteral("note 1");
}

void tst_Annotations::lastOfAKindWins()
{
    QFETCH(QList<int>, kinds);
    QFETCH(bool, bookmarked);
    QFETCH(bool, deleted);
    QFETCH(QString, note);
    Annotations annotations;
    for (int i = 0; i < kinds.size(); ++i) {
        // -1: a note with no text, which removes it.
        annotations << (kinds[i] < 0
                            ? Annotation::note(1, {})
                            : Annotation{1, Kind(kinds[i]),
                                         Kind(kinds[i]) == Kind::Note ? QByteArrayLiteral("note 1")
                                                                      : QByteArray(),
                                         0});
    }
    writeJournal(2, annotations);
    const CaptureIndex index = JournalReader::readIndex(path()).index;
    QCOMPARE(bool(index.row(0).flags & CaptureIndex::Bookmarked), bookmarked);
    QCOMPARE(bool(index.row(0).flags & CaptureIndex::Deleted), deleted);
    QCOMPARE(index.note(0).toString(), note);
    QCOMPARE(index.row(1).flags & (CaptureIndex::Bookmarked | CaptureIndex::Deleted), 0);
}

// A reader that knows only captures takes a record whose length is past MaxPayloadSize for
// damage: it skips it, and never reads it as a capture.
void tst_Annotations::recordIsMarkedApartFromCaptures()
{
    QByteArray record;
    QString error;
    QVERIFY(F::appendAnnotation(&record, Annotation::note(7, QStringLiteral("x")), 9, &error));
    QCOMPARE(record.size(), F::RecordHeaderSize + F::MinAnnotationSize + 1);
    const quint32 length = qFromLittleEndian<quint32>(record.constData());
    QVERIFY(length > F::MaxPayloadSize);
    QCOMPARE(length & ~F::AnnotationMarker, quint32(F::MinAnnotationSize + 1));
    Annotation a;
    quint64 after = 0;
    const auto *payload = reinterpret_cast<const uchar *>(record.constData()) + 8;
    QVERIFY(F::decodeAnnotation(payload, length & ~F::AnnotationMarker, &a, &after));
    QCOMPARE(a.captureId, 7u);
    QCOMPARE(after, 9u);
    QCOMPARE(a.text(), QStringLiteral("x"));
    // A note too long for one record is refused, leaving the buffer as it was.
    const QByteArray before = record;
    QVERIFY(!F::appendAnnotation(
        &record, Annotation::note(7, QString(F::MaxAnnotationValue + 1, u'n')), 9, &error));
    QVERIFY2(error.contains(QStringLiteral("too long")), qPrintable(error));
    QCOMPARE(record, before);
}

void tst_Annotations::onlyCapturesOfTheJournalAreAnnotated()
{
    writeJournal(2, {});
    Journal journal;
    QString error;
    QVERIFY(journal.open(path(), &error));
    QVERIFY(!journal.appendAnnotation(Annotation::bookmark(3, true), &error));
    QVERIFY2(error.contains(QStringLiteral("no capture 3")), qPrintable(error));
    QVERIFY(!journal.appendAnnotation(Annotation::bookmark(0, true), &error));
    QVERIFY(journal.appendAnnotation(Annotation::bookmark(2, true), &error));
}

// Killed while writing its last annotation: the annotation is gone, the captures are not, and
// the journal is cut back to where the next record goes.
void tst_Annotations::tornLastAnnotationIsDropped()
{
    writeJournal(2, {Annotation::bookmark(1, true), Annotation::note(2, QStringLiteral("torn"))});
    const QByteArray whole = fileBytes(path());
    const qsizetype last = F::RecordHeaderSize + F::MinAnnotationSize + 4;
    for (qsizetype cut = 1; cut < last; ++cut) {
        QVERIFY(writeFile(path(), whole.left(whole.size() - cut)));
        const JournalIndexResult read = JournalReader::readIndex(path());
        QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
        QCOMPARE(read.index.size(), 2);
        QCOMPARE(read.annotations.size(), 1);
        QVERIFY(read.index.row(0).flags & CaptureIndex::Bookmarked);
        QCOMPARE(read.droppedBytes, last - cut);
        QCOMPARE(read.skippedRecords, 0);
    }
    Journal journal;
    QString error;
    QVERIFY(journal.open(path(), &error));
    QVERIFY(journal.appendAnnotation(Annotation::note(2, QStringLiteral("again")), &error));
    journal.close();
    const JournalIndexResult read = JournalReader::readIndex(path());
    QVERIFY(read.warning.isEmpty());
    QCOMPARE(read.index.note(1), QStringLiteral("again"));
}

void tst_Annotations::damagedAnnotationIsSkipped()
{
    writeJournal(1, {Annotation::note(1, QStringLiteral("damaged"))});
    Journal journal;
    QString error;
    QVERIFY(journal.open(path(), &error));
    QVERIFY(journal.append(captureOf(2), &error));
    QVERIFY(journal.appendAnnotation(Annotation::bookmark(2, true), &error));
    journal.close();
    QByteArray bytes = fileBytes(path());
    const qsizetype noteAt = bytes.indexOf("damaged");
    QVERIFY(noteAt > 0);
    bytes[noteAt] = 'D'; // its checksum no longer matches
    QVERIFY(writeFile(path(), bytes));
    const JournalIndexResult read = JournalReader::readIndex(path());
    QCOMPARE(read.skippedRecords, 1);
    QVERIFY(!read.warning.isEmpty());
    QCOMPARE(read.index.size(), 2);
    QVERIFY(read.index.note(0).isEmpty());
    QVERIFY(read.index.row(1).flags & CaptureIndex::Bookmarked); // found again after the damage
}

// Damage in the capture before an annotation: the reader finds the annotation again rather
// than take it for part of the damage.
void tst_Annotations::annotationAfterDamageIsFound()
{
    writeJournal(2, {Annotation::note(1, QStringLiteral("kept"))});
    QByteArray bytes = fileBytes(path());
    const qsizetype bodyAt = bytes.indexOf("run_2\"}");
    QVERIFY(bodyAt > 0);
    bytes[bodyAt] = 'X';
    QVERIFY(writeFile(path(), bytes));
    const JournalIndexResult read = JournalReader::readIndex(path());
    QCOMPARE(read.skippedRecords, 1);
    QCOMPARE(read.index.size(), 1);
    QCOMPARE(read.index.note(0), QStringLiteral("kept"));
    // The annotation says capture 2 was written: its id is not given out again.
    QCOMPARE(read.lastId, 2u);
}

void tst_Annotations::unknownKindIsSkippedNotDamage()
{
    writeJournal(1, {Annotation{1, Kind(99), QByteArrayLiteral("from a newer HookScope"), 5},
                     Annotation::bookmark(1, true)});
    const JournalIndexResult read = JournalReader::readIndex(path());
    QVERIFY2(read.warning.isEmpty(), qPrintable(read.warning));
    QCOMPARE(read.annotations.size(), 2);
    QCOMPARE(read.index.row(0).flags & ~CaptureIndex::Bookmarked, 0);
    QVERIFY(read.index.row(0).flags & CaptureIndex::Bookmarked);
}

void tst_Annotations::lostCapturesIdsAreNotGivenAgain()
{
    writeJournal(3, {Annotation::note(3, QStringLiteral("of 3"))});
    QByteArray bytes = fileBytes(path());
    const qsizetype bodyAt = bytes.indexOf("run_3\"}");
    bytes[bodyAt] = 'X'; // capture 3 is lost; its note names it
    QVERIFY(writeFile(path(), bytes));
    Journal journal;
    QString error;
    QVERIFY(journal.open(path(), &error));
    QCOMPARE(journal.nextId(), 4u);
    QCOMPARE(journal.takeLoaded().size(), 2);
}

void tst_Annotations::storeHidesDeletedAndFindsNotes()
{
    CaptureStore store;
    CaptureBatch batch;
    for (quint64 id = 1; id <= 3; ++id)
        batch << std::make_shared<const Capture>(captureOf(id));
    store.append(batch);
    QSignalSpy annotated(&store, &CaptureStore::annotated);
    store.annotate({Annotation::deletion(2, true), Annotation::note(3, QStringLiteral("Lime"))});
    QCOMPARE(annotated.size(), 1);
    QCOMPARE(annotated.at(0).at(0).value<QList<qsizetype>>(), (QList<qsizetype>{1, 2}));
    QVERIFY(annotated.at(0).at(1).toBool());
    const Query all; // the empty query: every capture that is not deleted
    QVERIFY(all.matchesRow(store, 0));
    QVERIFY(!all.matchesRow(store, 1));
    QVERIFY(store.isDeleted(1));
    QCOMPARE(store.note(2), QStringLiteral("Lime"));
    // The note is searched like the body: in a search snapshot and live.
    const TextMatcher matcher(QStringLiteral("lime"), false);
    QVERIFY(store.matchesText(2, matcher));
    QVERIFY(!store.matchesText(0, matcher));
    const auto source = store.searchSource();
    QCOMPARE(source->deleted, QSet<qint32>{1});
    QCOMPARE(source->notes.value(2), QStringLiteral("Lime"));
    store.annotate({Annotation::deletion(2, false), Annotation::bookmark(1, true),
                    Annotation::bookmark(99, true)});
    QCOMPARE(annotated.size(), 2);
    QVERIFY(all.matchesRow(store, 1));
    QVERIFY(store.isBookmarked(0));
    store.annotate({Annotation::bookmark(1, true)}); // no change of visibility
    QVERIFY(!annotated.last().at(1).toBool());
}

void tst_Annotations::retentionKeepsAnnotations()
{
    writeJournal(4, {Annotation::note(4, QStringLiteral("newest")), Annotation::bookmark(3, true),
                     Annotation::deletion(1, true)});
    const CaptureIndex kept =
        SessionEngine::retained(JournalReader::readIndex(path()).index, 2, 0, 0);
    QCOMPARE(kept.size(), 2);
    QVERIFY(kept.row(0).flags & CaptureIndex::Bookmarked);
    QCOMPARE(kept.note(1), QStringLiteral("newest"));
}

void tst_Annotations::jsonLinesRoundTrip()
{
    Capture c = captureOf(5);
    c.note = QStringLiteral("retry storm \"here\"");
    c.bookmarked = true;
    const QByteArray line = JsonLines::line(c);
    const QJsonObject o = QJsonDocument::fromJson(line).object();
    QCOMPARE(o.value(u"note").toString(), c.note);
    QCOMPARE(o.value(u"bookmarked").toBool(), true);
    const ImportResult back = JsonLines::read(line);
    QCOMPARE(back.requests.size(), 1);
    QCOMPARE(back.requests.at(0).note, c.note);
    QVERIFY(back.requests.at(0).bookmarked);
    // Without annotations: null and false, and read back as none.
    const QJsonObject plain = QJsonDocument::fromJson(JsonLines::line(captureOf(6))).object();
    QVERIFY(plain.value(u"note").isNull());
    QCOMPARE(plain.value(u"bookmarked"), QJsonValue(false));
    const ImportResult none = JsonLines::read(JsonLines::line(captureOf(6)));
    QVERIFY(none.requests.at(0).note.isEmpty());
    QVERIFY(!none.requests.at(0).bookmarked);
}

void tst_Annotations::harRoundTrip()
{
    Capture c = captureOf(5);
    c.note = QStringLiteral("ask the app team");
    c.bookmarked = true;
    const QByteArray har = HarWriter::toHar(
        {std::make_shared<const Capture>(c), std::make_shared<const Capture>(captureOf(6))});
    const QJsonObject ext =
        QJsonDocument::fromJson(har).object()[u"log"][u"entries"][0][u"_hookscope"].toObject();
    QCOMPARE(ext.value(u"note").toString(), c.note);
    QCOMPARE(ext.value(u"bookmarked").toBool(), true);
    const ImportResult back = HarReader::read(har);
    QCOMPARE(back.requests.size(), 2);
    QCOMPARE(back.requests.at(0).note, c.note);
    QVERIFY(back.requests.at(0).bookmarked);
    QVERIFY(back.requests.at(1).note.isEmpty());
    QVERIFY(!back.requests.at(1).bookmarked);
}

void tst_Annotations::importJournalsTheAnnotations()
{
    Journal journal;
    QString error;
    QVERIFY(journal.open(path(), &error));
    CaptureRecorder recorder(&journal);
    ImportResult read = JsonLines::read([]() -> QByteArray {
        Capture c = captureOf(1);
        c.note = QStringLiteral("imported note");
        c.bookmarked = true;
        return JsonLines::line(c) + '\n' + JsonLines::line(captureOf(2));
    }());
    QCOMPARE(read.requests.size(), 2);
    const CapturePtr first = recorder.stage(read.requests.at(0), &error);
    const CapturePtr second = recorder.stage(read.requests.at(1), &error);
    QVERIFY(first && second);
    QVERIFY2(recorder.commit(&error), qPrintable(error));
    QCOMPARE(first->note, QStringLiteral("imported note"));
    QVERIFY(first->bookmarked);
    QVERIFY(!second->bookmarked);
    journal.close();
    const JournalIndexResult back = JournalReader::readIndex(path());
    QCOMPARE(back.index.note(0), QStringLiteral("imported note"));
    QVERIFY(back.index.row(0).flags & CaptureIndex::Bookmarked);
    QCOMPARE(back.annotations.size(), 2);
}

// Annotations queued from the GUI thread are journaled on the network thread between the
// captures arriving meanwhile; reopened, the journal holds every capture and every annotation,
// with no damage.
void tst_Annotations::annotatedWhileCapturesArrive()
{
    SessionEngine engine;
    SessionOptions options;
    options.journalPath = path();
    QString error;
    QVERIFY2(engine.open(options, &error), qPrintable(error));
    QVERIFY(engine.startListening(QHostAddress::LocalHost, 0, &error));
    const quint16 port = engine.listener()->port();
    CaptureStore *store = engine.store();
    QSignalSpy annotated(store, &CaptureStore::annotated);
    int delivered = 0;
    for (int round = 0; round < 20; ++round) {
        for (int i = 0; i < 5; ++i)
            QCOMPARE(deliverHoox(port, "run_" + QByteArray::number(delivered++)), 200);
        QTRY_COMPARE(store->size(), delivered);
        // Each round annotates the captures shown so far while the next ones arrive.
        const quint64 id = store->row(store->size() - 1).id;
        engine.annotate({Annotation::note(id, QStringLiteral("note %1").arg(id)),
                         Annotation::bookmark(id - 1, round % 2 == 0),
                         Annotation::deletion(id - 2, true)});
    }
    QTRY_COMPARE(annotated.size(), 20);
    QVERIFY(store->isDeleted(store->rowOfId(3)));
    QCOMPARE(store->note(store->rowOfId(5)), QStringLiteral("note 5"));
    const JournalIndexResult read = JournalReader::readIndex(path());
    QVERIFY2(read.error.isEmpty() && read.warning.isEmpty(), qPrintable(read.warning));
    QCOMPARE(read.index.size(), 100);
    QCOMPARE(read.annotations.size(), 60);
    for (qsizetype row = 0; row < read.index.size(); ++row) {
        QCOMPARE(read.index.note(row), store->note(row));
        QCOMPARE(read.index.row(row).flags, store->row(row).flags);
    }
}

// The journal_writer helper annotates as it appends; killed at any point, every annotation it
// reported written is read back, and nothing else is lost or misread.
void tst_Annotations::killedWriterLosesNoAnnotation()
{
    const QString helper =
        QCoreApplication::applicationDirPath() + QStringLiteral("/journal_writer");
    QVERIFY2(QFileInfo(helper).isExecutable(), qPrintable(helper));
    QSet<QString> reported;
    for (int round = 0; round < 3; ++round) {
        QProcess writer;
        writer.start(helper, {path(), QStringLiteral("annotate")});
        QVERIFY2(writer.waitForStarted(), qPrintable(writer.errorString()));
        QByteArray out;
        const auto lines = [&] {
            out += writer.readAllStandardOutput();
            return out.count('\n');
        };
        QTRY_VERIFY_WITH_TIMEOUT(lines() >= 300 || writer.state() != QProcess::Running, 30000);
        QVERIFY2(writer.state() == QProcess::Running, writer.readAllStandardError().constData());
        QCOMPARE(::kill(pid_t(writer.processId()), SIGKILL), 0);
        QVERIFY(writer.waitForFinished(10000));
        lines();
        for (const QByteArray &line : out.left(out.lastIndexOf('\n')).split('\n')) {
            if (line.startsWith("note "))
                reported.insert(QString::fromLatin1(line.mid(5)));
        }
        const JournalIndexResult read = JournalReader::readIndex(path());
        QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
        QCOMPARE(read.skippedRecords, 0);
        QSet<QString> notes;
        for (qsizetype row = 0; row < read.index.size(); ++row) {
            if (!read.index.note(row).isEmpty())
                notes.insert(QString::number(read.index.row(row).id));
        }
        QVERIFY(!reported.isEmpty());
        for (const QString &id : std::as_const(reported))
            QVERIFY2(notes.contains(id), qPrintable(QStringLiteral("lost the note of %1").arg(id)));
    }
}

QTEST_GUILESS_MAIN(tst_Annotations)
#include "tst_annotations.moc"
