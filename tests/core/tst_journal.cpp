// SPDX-License-Identifier: MIT
#include "capture/Journal.h"
#include "capture/JournalFormat.h"
#include "capture/JournalReader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <limits>
#include <memory>
#include <sys/resource.h>
#include <unistd.h>

namespace F = JournalFormat;

namespace {
const QByteArray SeedBody = QByteArrayLiteral(
    "{\"task\":\"video_generate\",\"job_id\":\"run_01234567890abcdef\",\"status\":\"completed\","
    "\"result\":{\"video_id\":\"video_abcdef1234567890\",\"thumbnail_url\":\"https://"
    "cdn.hoox.video/thumbnails/"
    "video_123.jpg\",\"cost\":5,\"created_at\":\"2024-01-15T10:30:00Z\"}}");

// What a delivery from Hoox looks like once captured.
Capture seedCapture(quint64 id)
{
    Capture c;
    c.id = id;
    c.receivedAtMs = 1'705'314'600'000 + qint64(id % 1'000'000) * 1000;
    c.peer = QStringLiteral("127.0.0.1:54321");
    c.method = "POST";
    c.target = "/webhook/hoox";
    c.headers.append("Host", "abc.ngrok.app");
    c.headers.append("User-Agent", "Hoox-API/1.0");
    c.headers.append("Content-Type", "application/json");
    c.headers.append("X-Hoox-Webhook", "true");
    c.headers.append("Content-Length", QByteArray::number(SeedBody.size()));
    c.body = SeedBody;
    c.answerStatus = 200;
    c.hoox.task = HooxTask::VideoGenerate;
    c.hoox.taskText = QStringLiteral("video_generate");
    c.hoox.status = HooxStatus::Completed;
    c.hoox.statusText = QStringLiteral("completed");
    c.hoox.key = QStringLiteral("run_%1").arg(id);
    c.hoox.attempt = 1;
    c.hoox.outcomeHash = 0x9e37'79b9'7f4a'7c15ULL ^ id;
    return c;
}

// Captures that differ in size and shape, so that records do not all look alike.
Capture variedCapture(quint64 id)
{
    Capture c = seedCapture(id);
    c.body = QByteArray(int(id * 37 % 900), char(id));
    c.chunked = id % 3 == 0;
    if (c.chunked)
        c.trailers.append("X-Sum", QByteArray::number(id));
    if (id % 4 == 0)
        c.hoox.findings = {QStringLiteral("not_json"), QStringLiteral("missing_field:job_id")};
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

CaptureBatch batchOf(const QList<Capture> &captures)
{
    CaptureBatch batch;
    for (const Capture &c : captures)
        batch.append(std::make_shared<const Capture>(c));
    return batch;
}

QList<quint64> idsOf(const CaptureIndex &index)
{
    QList<quint64> ids;
    for (qsizetype i = 0; i < index.size(); ++i)
        ids.append(index.row(i).id);
    return ids;
}

// What a reopened journal hands the table: the summary of each capture, and where it is.
bool sameCaptures(const CaptureIndex &index, const CaptureBatch &b)
{
    if (index.size() != b.size())
        return false;
    for (qsizetype i = 0; i < index.size(); ++i) {
        const CaptureIndex::Row &r = index.row(i);
        const Capture &c = *b.at(i);
        if (r.id != c.id || r.receivedAtMs != c.receivedAtMs || r.answerStatus != c.answerStatus ||
            r.task != c.hoox.task || r.status != c.hoox.status || r.attempt != c.hoox.attempt ||
            r.duplicateOf != c.hoox.duplicateOf || r.outcomeHash != c.hoox.outcomeHash ||
            r.bodySize != quint32(c.body.size()) || index.method(i) != c.method ||
            index.target(i) != c.target || index.taskText(i) != c.hoox.taskText ||
            index.statusText(i) != c.hoox.statusText || index.key(i) != c.hoox.key ||
            index.findings(i) != c.hoox.findings || r.journalOffset < 16 || r.recordSize == 0)
            return false;
    }
    return true;
}

bool sameCaptures(const CaptureBatch &a, const CaptureBatch &b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const CapturePtr &x, const CapturePtr &y) { return *x == *y; });
}

enum class Damage { PayloadByte, Checksum, LengthTooLarge, LengthTooSmall, LengthPastEnd, Zeroed };
} // namespace

Q_DECLARE_METATYPE(Damage)

class TestJournal : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void roundTrip_data();
    void roundTrip();
    void assortedCapturesInOneJournal();
    void recordLayoutIsStable();
    void summariesLocateBodies();
    void idsContinueAfterReopen();
    void tornTailAtEveryCut();
    void tornHeader_data();
    void tornHeader();
    void damagedLastRecordIsDropped();
    void damagedRecordIsSkipped_data();
    void damagedRecordIsSkipped();
    void refusesForeignFiles_data();
    void refusesForeignFiles();
    void unwritableLocation_data();
    void unwritableLocation();
    void failedWriteIsUndone();
    void oversizedCaptureIsRefused();
    void hostileBytesAreNeverMisread();
    void killedWriterLosesNothing();
    void rewriteAnswerRoundTrip_data();
    void rewriteAnswerRoundTrip();
    void rewriteAnswerRefusesAnotherRecord_data();
    void rewriteAnswerRefusesAnotherRecord();

private:
    QString pathOf(const QString &name) const { return m_dir->filePath(name); }
    // Appends `captures` to a new journal; returns the file size after the header and after each
    // record, i.e. where each record starts and the last one ends.
    QList<qint64> writeJournal(const QString &path, const QList<Capture> &captures);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestJournal::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestJournal::cleanup()
{
    m_dir.reset();
}

QList<qint64> TestJournal::writeJournal(const QString &path, const QList<Capture> &captures)
{
    QList<qint64> bounds;
    Journal journal;
    QString error;
    if (!journal.open(path, &error)) {
        qWarning() << error;
        return bounds;
    }
    bounds.append(QFileInfo(path).size());
    for (const Capture &c : captures) {
        if (!journal.append(c, &error)) {
            qWarning() << error;
            return {};
        }
        bounds.append(QFileInfo(path).size());
    }
    return bounds;
}

namespace {
// Every field set, and every shape a field can take.
QList<std::pair<const char *, Capture>> assortedCaptures()
{
    QList<std::pair<const char *, Capture>> captures;
    const auto row = [&captures](const char *name, const Capture &c) {
        captures.append({name, c});
    };
    row("seed delivery", seedCapture(1));

    Capture binary = seedCapture(1);
    binary.body.clear();
    for (int i = 0; i < 512; ++i)
        binary.body.append(char(255 - i % 256)); // NULs and bytes that are not UTF-8
    row("binary body", binary);

    Capture empty = seedCapture(1);
    empty.method = "GET";
    empty.body.clear();
    empty.headers.clear();
    empty.hoox = {};
    empty.answerStatus = 0;
    row("empty body, no headers", empty);

    Capture chunked = seedCapture(1);
    chunked.chunked = true;
    chunked.headers.append("Transfer-Encoding", "chunked");
    chunked.trailers.append("X-Checksum", "sha256=abc");
    chunked.trailers.append("x-checksum", "second");
    row("chunked with trailers", chunked);

    Capture findings = seedCapture(1);
    findings.hoox.task = HooxTask::Unknown;
    findings.hoox.taskText = QStringLiteral("vidéo_téléport");
    findings.hoox.status = HooxStatus::Other;
    findings.hoox.statusText = QStringLiteral("queued");
    findings.hoox.duplicateOf = 7;
    findings.hoox.attempt = 3;
    findings.hoox.findings = {QStringLiteral("not_json"), QStringLiteral("missing_field:job_id"),
                              QStringLiteral("unknown_task:vidéo_téléport"), QString()};
    row("findings, unknown task", findings);

    Capture unicode = seedCapture(1);
    unicode.peer = QStringLiteral("[fe80::1%émoji🙂]:8080");
    unicode.target = QByteArray("/caf\xc3\xa9/\xff\xfe?q=%20&x=\x01");
    row("unicode peer, raw target bytes", unicode);

    Capture repeated = seedCapture(1);
    repeated.headers.clear();
    repeated.headers.append("X-Dup", "1");
    repeated.headers.append("x-dup", "2");
    repeated.headers.append("Host", "h");
    repeated.headers.append("X-DUP", "3");
    repeated.headers.append("X-Empty", "");
    row("repeated headers keep order and case", repeated);

    Capture extremes = seedCapture(std::numeric_limits<quint64>::max() - 1);
    extremes.receivedAtMs = std::numeric_limits<qint64>::min();
    extremes.answerStatus = 65535;
    extremes.httpMinor = 0;
    extremes.hoox.attempt = std::numeric_limits<quint32>::max();
    extremes.hoox.duplicateOf = std::numeric_limits<quint64>::max() - 1;
    extremes.hoox.outcomeHash = std::numeric_limits<quint64>::max();
    row("extreme numbers", extremes);
    return captures;
}
} // namespace

void TestJournal::roundTrip_data()
{
    QTest::addColumn<CapturePtr>("capture");
    for (const auto &[name, capture] : assortedCaptures())
        QTest::newRow(name) << std::make_shared<const Capture>(capture);
}

void TestJournal::roundTrip()
{
    QFETCH(CapturePtr, capture);
    const QString path = pathOf(QStringLiteral("j.hkj"));
    QCOMPARE(writeJournal(path, {*capture}).size(), 2);

    const JournalReadResult read = Journal::read(path);
    QCOMPARE(read.error, QString());
    QCOMPARE(read.warning, QString());
    QCOMPARE(read.captures.size(), 1);
    const Capture &back = *read.captures.first();
    QVERIFY(back == *capture);
    // operator== does not tell an empty value from a missing one; value() does.
    for (qsizetype i = 0; i < back.headers.size(); ++i)
        QVERIFY(!back.headers.at(i).value.isNull());

    Journal reopened;
    QString error;
    QVERIFY2(reopened.open(path, &error), qPrintable(error));
    QVERIFY(sameCaptures(reopened.takeLoaded(), {capture}));
    QCOMPARE(reopened.nextId(), capture->id + 1);
}

// Readers share a field with the previous record when its bytes are the same; a field that
// changes from one record to the next must still read back as written.
void TestJournal::assortedCapturesInOneJournal()
{
    QList<Capture> captures;
    for (const auto &named : assortedCaptures()) {
        for (int twice = 0; twice < 2; ++twice) {
            captures.append(named.second);
            captures.last().id = quint64(captures.size());
        }
    }
    const QString path = pathOf(QStringLiteral("j.hkj"));
    QCOMPARE(writeJournal(path, captures).size(), captures.size() + 1);

    const JournalReadResult read = Journal::read(path);
    QVERIFY(sameCaptures(read.captures, batchOf(captures)));
    for (const CapturePtr &c : read.captures) {
        for (const HttpHeader &h : c->headers)
            QVERIFY(!h.value.isNull());
    }
    const JournalIndexResult summaries = JournalReader::readIndex(path);
    QVERIFY(sameCaptures(summaries.index, batchOf(captures)));
}

// Journals outlive builds: a change here breaks every journal users already have.
void TestJournal::recordLayoutIsStable()
{
    QCOMPARE(F::checksum(reinterpret_cast<const uchar *>("123456789"), 9), 0xCBF43926u);

    Capture c = seedCapture(0x0102030405060708ULL);
    c.chunked = true;
    c.httpMinor = 0;
    c.hoox.duplicateOf = 42;
    const QString path = pathOf(QStringLiteral("j.hkj"));
    QCOMPARE(writeJournal(path, {c}).size(), 2);
    const QByteArray bytes = fileBytes(path);
    const auto *d = reinterpret_cast<const uchar *>(bytes.constData());

    QCOMPARE(bytes.left(8), QByteArray("HKSCOPEJ"));
    QCOMPARE(qFromLittleEndian<quint32>(d + 8), 2u);
    const quint32 size = qFromLittleEndian<quint32>(d + 16);
    QCOMPARE(qint64(bytes.size()), 16 + 8 + qint64(size));
    QCOMPARE(qFromLittleEndian<quint32>(d + 20), F::checksum(d + 24, size));
    const uchar *p = d + 24;
    QCOMPARE(qFromLittleEndian<quint64>(p), c.id);
    QCOMPARE(qFromLittleEndian<qint64>(p + 8), c.receivedAtMs);
    QCOMPARE(qFromLittleEndian<quint16>(p + 16), quint16(200));
    QCOMPARE(p[18], quint8(0));
    QCOMPARE(p[19], quint8(1));
    QCOMPARE(p[20], quint8(HooxTask::VideoGenerate));
    QCOMPARE(p[21], quint8(HooxStatus::Completed));
    QCOMPARE(qFromLittleEndian<quint32>(p + 22), 1u);
    QCOMPARE(qFromLittleEndian<quint64>(p + 26), quint64(42));
    QCOMPARE(qFromLittleEndian<quint64>(p + 34), c.hoox.outcomeHash);
    QCOMPARE(qFromLittleEndian<quint32>(p + 42), quint32(c.peer.size()));
    QCOMPARE(bytes.mid(24 + 46, c.peer.size()), c.peer.toUtf8());
    QVERIFY(bytes.endsWith(c.body));
    QCOMPARE(qFromLittleEndian<quint32>(d + bytes.size() - c.body.size() - 4),
             quint32(c.body.size()));
}

void TestJournal::summariesLocateBodies()
{
    QList<Capture> captures;
    for (quint64 id = 1; id <= 200; ++id)
        captures.append(variedCapture(id));
    const QString path = pathOf(QStringLiteral("j.hkj"));
    const QList<qint64> bounds = writeJournal(path, captures);
    QCOMPARE(bounds.size(), captures.size() + 1);
    const QByteArray bytes = fileBytes(path);

    const JournalIndexResult result = JournalReader::readIndex(path);
    QCOMPARE(result.error, QString());
    QVERIFY(sameCaptures(result.index, batchOf(captures)));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    for (qsizetype i = 0; i < captures.size(); ++i) {
        const CaptureIndex::Row &r = result.index.row(i);
        const Capture &c = captures.at(i);
        QCOMPARE(bool(r.flags & CaptureIndex::Chunked), c.chunked);
        QCOMPARE(r.journalOffset, bounds.at(i));
        QCOMPARE(r.journalOffset + r.recordSize, bounds.at(i + 1));
        // The body ends the record.
        QCOMPARE(bytes.mid(r.journalOffset + r.recordSize - r.bodySize, r.bodySize), c.body);
        // And the record alone reads back as the whole capture.
        QString error;
        const CapturePtr back =
            JournalReader::readRecord(file, r.journalOffset, r.recordSize, &error);
        QVERIFY2(back, qPrintable(error));
        QVERIFY(*back == c);
        QCOMPARE(back->journalOffset, r.journalOffset);
    }
    // A span that is not a record is refused, with the reason.
    QString error;
    QVERIFY(!JournalReader::readRecord(file, result.index.row(1).journalOffset + 1,
                                       result.index.row(1).recordSize, &error));
    QVERIFY2(error.contains(QLatin1String("does not match")), qPrintable(error));
    QVERIFY(!JournalReader::readRecord(file, bytes.size() - 10, 4000, &error));
    QVERIFY2(error.contains(QLatin1String("shorter")), qPrintable(error));
}

void TestJournal::idsContinueAfterReopen()
{
    const QString path = pathOf(QStringLiteral("sub/dir/j.hkj"));
    QString error;
    {
        Journal journal;
        QVERIFY2(journal.open(path, &error), qPrintable(error));
        QCOMPARE(journal.path(), path);
        QCOMPARE(journal.nextId(), quint64(1));
        for (quint64 id = 1; id <= 3; ++id)
            QVERIFY2(journal.append(seedCapture(id), &error), qPrintable(error));
        QCOMPARE(journal.nextId(), quint64(4));
    }
    Journal journal;
    QVERIFY2(journal.open(path, &error), qPrintable(error));
    QCOMPARE(idsOf(journal.takeLoaded()), (QList<quint64>{1, 2, 3}));
    QVERIFY(journal.takeLoaded().isEmpty());
    QCOMPARE(journal.nextId(), quint64(4));
    QVERIFY(!journal.append(seedCapture(3), &error));
    QVERIFY2(error.contains(QLatin1String("last id 3")), qPrintable(error));
    QVERIFY2(journal.append(seedCapture(10), &error), qPrintable(error));
    QCOMPARE(journal.nextId(), quint64(11));
    QCOMPARE(idsOf(Journal::read(path).captures), (QList<quint64>{1, 2, 3, 10}));
}

void TestJournal::tornTailAtEveryCut()
{
    const QList<Capture> captures{seedCapture(1), variedCapture(2), variedCapture(20)};
    const QString path = pathOf(QStringLiteral("j.hkj"));
    const QList<qint64> bounds = writeJournal(path, captures);
    QCOMPARE(bounds.size(), 4);
    const QByteArray whole = fileBytes(path);
    const qint64 lastStart = bounds.at(2);
    QVERIFY(whole.size() - lastStart > 500);

    for (qint64 kept = 1; kept < whole.size() - lastStart; ++kept) {
        const QByteArray cut = whole.left(lastStart + kept);
        QVERIFY(writeFile(path, cut));
        const QByteArray where = QByteArrayLiteral("cut after byte ") + QByteArray::number(kept);
        const char *context = where.constData();

        const JournalReadResult read = Journal::read(path);
        QVERIFY2(read.error.isEmpty() && read.droppedBytes == kept, context);
        QCOMPARE(fileBytes(path), cut); // reading alone repairs nothing

        Journal journal;
        QString error;
        QVERIFY2(journal.open(path, &error), qPrintable(error));
        QVERIFY2(sameCaptures(journal.takeLoaded(), batchOf(captures.mid(0, 2))), context);
        QVERIFY2(journal.droppedBytes() == kept, context);
        QVERIFY2(journal.warning().contains(QLatin1String("incomplete last record")), context);
        QVERIFY2(QFileInfo(path).size() == lastStart, context);
        QVERIFY2(journal.nextId() == 3, context);
        QVERIFY2(journal.append(captures.at(2), &error), qPrintable(error));
        journal.close();

        const JournalReadResult repaired = Journal::read(path);
        QVERIFY2(repaired.warning.isEmpty() && repaired.droppedBytes == 0, context);
        QVERIFY2(sameCaptures(repaired.captures, batchOf(captures)), context);
    }
}

void TestJournal::tornHeader_data()
{
    QTest::addColumn<int>("size");
    for (int size = 0; size < F::FileHeaderSize; ++size)
        QTest::addRow("%d header bytes", size) << size;
}

void TestJournal::tornHeader()
{
    QFETCH(int, size);
    const QString path = pathOf(QStringLiteral("j.hkj"));
    QVERIFY(writeFile(path, F::fileHeader().left(size)));

    Journal journal;
    QString error;
    QVERIFY2(journal.open(path, &error), qPrintable(error));
    QCOMPARE(journal.droppedBytes(), qint64(size));
    QCOMPARE(journal.warning().isEmpty(), size == 0);
    QVERIFY(journal.takeLoaded().isEmpty());
    QCOMPARE(fileBytes(path), F::fileHeader());
    QVERIFY2(journal.append(seedCapture(1), &error), qPrintable(error));
    QCOMPARE(idsOf(Journal::read(path).captures), QList<quint64>{1});
}

// A last record that is complete but does not check out is as good as torn.
void TestJournal::damagedLastRecordIsDropped()
{
    const QString path = pathOf(QStringLiteral("j.hkj"));
    const QList<qint64> bounds = writeJournal(path, {seedCapture(1), seedCapture(2)});
    QByteArray bytes = fileBytes(path);
    bytes[bytes.size() - 10] = char(bytes.at(bytes.size() - 10) ^ 0x20);
    QVERIFY(writeFile(path, bytes));

    Journal journal;
    QString error;
    QVERIFY2(journal.open(path, &error), qPrintable(error));
    QCOMPARE(idsOf(journal.takeLoaded()), QList<quint64>{1});
    QCOMPARE(journal.droppedBytes(), bounds.at(2) - bounds.at(1));
    QCOMPARE(journal.skippedRecords(), 0);
    QCOMPARE(QFileInfo(path).size(), bounds.at(1));
}

void TestJournal::damagedRecordIsSkipped_data()
{
    QTest::addColumn<int>("record"); // 1-based
    QTest::addColumn<Damage>("damage");
    QTest::newRow("first, payload byte") << 1 << Damage::PayloadByte;
    QTest::newRow("middle, payload byte") << 3 << Damage::PayloadByte;
    QTest::newRow("middle, checksum") << 3 << Damage::Checksum;
    QTest::newRow("middle, length too large") << 3 << Damage::LengthTooLarge;
    QTest::newRow("middle, length too small") << 3 << Damage::LengthTooSmall;
    QTest::newRow("middle, length past the end") << 3 << Damage::LengthPastEnd;
    QTest::newRow("middle, zeroed") << 3 << Damage::Zeroed;
    QTest::newRow("before last, length past the end") << 4 << Damage::LengthPastEnd;
}

void TestJournal::damagedRecordIsSkipped()
{
    QFETCH(int, record);
    QFETCH(Damage, damage);
    QList<Capture> captures;
    for (quint64 id = 1; id <= 5; ++id)
        captures.append(variedCapture(id));
    const QString path = pathOf(QStringLiteral("j.hkj"));
    const QList<qint64> bounds = writeJournal(path, captures);
    QCOMPARE(bounds.size(), 6);
    QByteArray bytes = fileBytes(path);
    const qint64 start = bounds.at(record - 1);
    const qint64 length = bounds.at(record) - start;
    char *at = bytes.data() + start;
    switch (damage) {
    case Damage::PayloadByte:
        at[length / 2] = char(at[length / 2] ^ 0x01);
        break;
    case Damage::Checksum:
        at[5] = char(at[5] ^ 0x80);
        break;
    case Damage::LengthTooLarge:
        qToLittleEndian(F::MaxPayloadSize + 1, at);
        break;
    case Damage::LengthTooSmall:
        qToLittleEndian(F::MinPayloadSize, at);
        break;
    case Damage::LengthPastEnd:
        qToLittleEndian(quint32(bytes.size()), at);
        break;
    case Damage::Zeroed:
        std::fill(at, at + length, '\0');
        break;
    }
    QVERIFY(writeFile(path, bytes));
    QList<quint64> expected{1, 2, 3, 4, 5};
    expected.removeAt(record - 1);

    Journal journal;
    QString error;
    QVERIFY2(journal.open(path, &error), qPrintable(error));
    QCOMPARE(idsOf(journal.takeLoaded()), expected);
    QCOMPARE(journal.skippedRecords(), 1);
    QCOMPARE(journal.droppedBytes(), qint64(0));
    QVERIFY2(journal.warning().contains(QLatin1String("skipped 1 damaged record")),
             qPrintable(journal.warning()));
    QCOMPARE(fileBytes(path), bytes); // the good records after it must stay reachable
    QCOMPARE(journal.nextId(), quint64(6));
    QVERIFY2(journal.append(seedCapture(6), &error), qPrintable(error));
    journal.close();

    const JournalReadResult read = Journal::read(path);
    QCOMPARE(read.skippedBytes, length);
    expected.append(6);
    QCOMPARE(idsOf(read.captures), expected);
}

void TestJournal::refusesForeignFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    QByteArray newer = F::fileHeader();
    qToLittleEndian(quint32(3), newer.data() + 8);
    QByteArray zero = F::fileHeader();
    qToLittleEndian(quint32(0), zero.data() + 8);
    const QString foreign = QStringLiteral("is not a HookScope journal");
    QTest::newRow("text file") << QByteArray("{\"log\": {\"version\": \"1.2\"}}\n") << foreign;
    QTest::newRow("short garbage") << QByteArray("hello") << foreign;
    QTest::newRow("magic off by one byte")
        << QByteArray("HKSCOPEK\x01\0\0\0\0\0\0\0", 16) << foreign;
    QTest::newRow("newer version")
        << QByteArray(newer + QByteArray(100, 'x'))
        << QStringLiteral("journal format version 3; this build reads up to version 2). "
                          "Upgrade HookScope");
    QTest::newRow("version 0") << zero << QStringLiteral("invalid journal format version (0)");
}

void TestJournal::refusesForeignFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    const QString path = pathOf(QStringLiteral("j.hkj"));
    QVERIFY(writeFile(path, bytes));

    Journal journal;
    QString error;
    QVERIFY(!journal.open(path, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY(error.contains(path));
    QVERIFY(!journal.isOpen());
    QVERIFY(!journal.append(seedCapture(1), &error));
    QCOMPARE(fileBytes(path), bytes);

    const JournalReadResult read = Journal::read(path);
    QVERIFY2(read.error.contains(message), qPrintable(read.error));
    QVERIFY(read.captures.isEmpty());
}

void TestJournal::unwritableLocation_data()
{
    QTest::addColumn<QString>("path"); // relative to the test's folder unless absolute
    QTest::addColumn<QString>("message");
    QTest::newRow("folder is a file")
        << QStringLiteral("file/j.hkj") << QStringLiteral("Cannot create the folder");
    QTest::newRow("journal is a folder") << QString() << QStringLiteral("Cannot open the journal");
    if (QFileInfo::exists(QStringLiteral("/dev/full"))) {
        QTest::newRow("disk full")
            << QStringLiteral("/dev/full")
            << QString(qt_error_string(ENOSPC) % QStringLiteral(". Free some disk space"));
    }
}

void TestJournal::unwritableLocation()
{
    QFETCH(QString, path);
    QFETCH(QString, message);
    QVERIFY(writeFile(pathOf(QStringLiteral("file")), "x"));
    Journal journal;
    QString error;
    QVERIFY(!journal.open(QDir::isAbsolutePath(path) ? path : pathOf(path), &error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY(!journal.isOpen());
}

// The file size limit makes the kernel accept only part of a record, as a full disk would.
void TestJournal::failedWriteIsUndone()
{
    const QString path = pathOf(QStringLiteral("j.hkj"));
    Journal journal;
    QString error;
    QVERIFY2(journal.open(path, &error), qPrintable(error));
    QVERIFY2(journal.append(seedCapture(1), &error), qPrintable(error));
    const qint64 goodSize = QFileInfo(path).size();

    Capture big = seedCapture(2);
    big.body = QByteArray(4096, 'b');
    bool appended = true;
    {
        rlimit original{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &original), 0);
        const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit tight = original;
        tight.rlim_cur = rlim_t(goodSize + 100);
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &tight), 0);
        const auto restore = qScopeGuard([&] {
            setrlimit(RLIMIT_FSIZE, &original);
            std::signal(SIGXFSZ, oldHandler);
        });
        appended = journal.append(big, &error);
    }
    QVERIFY(!appended);
    QVERIFY2(error.contains(QLatin1String("Could not write capture 2")), qPrintable(error));
    QVERIFY2(error.contains(qt_error_string(EFBIG)), qPrintable(error));
    QCOMPARE(QFileInfo(path).size(), goodSize);
    QCOMPARE(journal.nextId(), quint64(2));

    QVERIFY2(journal.append(big, &error), qPrintable(error));
    const JournalReadResult read = Journal::read(path);
    QCOMPARE(read.warning, QString());
    QVERIFY(sameCaptures(read.captures, batchOf({seedCapture(1), big})));
}

void TestJournal::oversizedCaptureIsRefused()
{
    const QString path = pathOf(QStringLiteral("j.hkj"));
    Journal journal;
    QString error;
    QVERIFY2(journal.open(path, &error), qPrintable(error));
    Capture huge = seedCapture(1);
    huge.body = QByteArray(F::MaxPayloadSize, 'h');
    QVERIFY(!journal.append(huge, &error));
    QVERIFY2(error.contains(QLatin1String("too large")), qPrintable(error));
    QCOMPARE(QFileInfo(path).size(), F::FileHeaderSize);
    QVERIFY2(journal.append(seedCapture(1), &error), qPrintable(error));
}

// A reader fed damaged bytes may lose captures, but what it returns must be what was written.
void TestJournal::hostileBytesAreNeverMisread()
{
    QList<Capture> captures;
    for (quint64 id = 1; id <= 12; ++id)
        captures.append(variedCapture(id));
    const QString path = pathOf(QStringLiteral("j.hkj"));
    QCOMPARE(writeJournal(path, captures).size(), captures.size() + 1);
    const QByteArray original = fileBytes(path);

    QRandomGenerator random(20240115);
    for (int round = 0; round < 3000; ++round) {
        QByteArray bytes = original;
        for (int n = random.bounded(1, 5); n > 0 && !bytes.isEmpty(); --n) {
            const qsizetype at = random.bounded(bytes.size());
            switch (random.bounded(4)) {
            case 0:
                bytes[at] = char(random.bounded(256));
                break;
            case 1:
                if (at + 4 <= bytes.size())
                    qToLittleEndian(quint32(random.bounded(F::MaxPayloadSize + 2)),
                                    bytes.data() + at);
                break;
            case 2:
                bytes.truncate(at);
                break;
            case 3:
                bytes.insert(at, QByteArray(random.bounded(1, 64), char(random.bounded(256))));
            }
        }
        QVERIFY(writeFile(path, bytes));
        const JournalReadResult read = Journal::read(path);
        const JournalIndexResult summaries = JournalReader::readIndex(path);
        QCOMPARE(idsOf(summaries.index), idsOf(read.captures));
        quint64 lastId = 0;
        for (const CapturePtr &c : read.captures) {
            QVERIFY2(c->id > lastId && c->id <= quint64(captures.size()),
                     qPrintable(QStringLiteral("round %1").arg(round)));
            QVERIFY2(*c == captures.at(qsizetype(c->id - 1)),
                     qPrintable(QStringLiteral("round %1, id %2").arg(round).arg(c->id)));
            lastId = c->id;
        }
    }
}

// DESIGN.md: a request answered 2xx is in the journal even if the app is killed right after.
void TestJournal::killedWriterLosesNothing()
{
    const QString helper =
        QCoreApplication::applicationDirPath() + QStringLiteral("/journal_writer");
    QVERIFY2(QFileInfo(helper).isExecutable(), qPrintable(helper));
    const QString path = pathOf(QStringLiteral("killed.hkj"));
    QList<quint64> printed;
    for (int round = 0; round < 3; ++round) {
        QProcess writer;
        writer.start(helper, {path});
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
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
        lines();

        // A line cut short by the kill was never reported as appended.
        const QList<QByteArray> roundIds = out.left(out.lastIndexOf('\n')).split('\n');
        QVERIFY(roundIds.size() >= 300);
        for (const QByteArray &line : roundIds) {
            const quint64 id = line.toULongLong();
            QVERIFY2(printed.isEmpty() || id > printed.last(), line.constData());
            printed.append(id);
        }

        const JournalReadResult read = Journal::read(path);
        QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
        const QList<quint64> stored = idsOf(read.captures);
        QVERIFY(std::is_sorted(stored.begin(), stored.end()));
        const QSet<quint64> storedSet(stored.begin(), stored.end());
        for (quint64 id : std::as_const(printed))
            QVERIFY2(storedSet.contains(id), qPrintable(QStringLiteral("lost id %1").arg(id)));
        QVERIFY(stored.size() <= printed.size() + round + 1); // at most one unreported per kill
    }
}

void TestJournal::rewriteAnswerRoundTrip_data()
{
    roundTrip_data();
}

// Recorded before its answer was known, answered afterwards: the record between two others
// reads back with its answer, the others as they were, and the file keeps its size.
void TestJournal::rewriteAnswerRoundTrip()
{
    QFETCH(CapturePtr, capture);
    const QString path = pathOf(QStringLiteral("j.hkj"));
    Capture held = *capture;
    held.id = 2;
    held.answerStatus = 0;
    Capture before = variedCapture(1);
    Capture after = variedCapture(3);
    Journal journal;
    QString error;
    QVERIFY2(journal.open(path, &error), qPrintable(error));
    QVERIFY2(journal.append(before, &error), qPrintable(error));
    QVERIFY2(journal.append(held, &error), qPrintable(error));
    const qint64 offset = journal.lastRecordOffset();
    QVERIFY2(journal.append(after, &error), qPrintable(error));
    const qint64 size = QFileInfo(path).size();

    QCOMPARE(Journal::read(path).captures.at(1)->answerStatus, 0);
    Capture answered = held;
    answered.answerStatus = 502;
    QVERIFY2(journal.rewriteAnswer(offset, answered, &error), qPrintable(error));
    QCOMPARE(QFileInfo(path).size(), size);
    const JournalReadResult read = Journal::read(path);
    QCOMPARE(read.warning, QString());
    QVERIFY(sameCaptures(read.captures, batchOf({before, answered, after})));
    // And the journal goes on from there.
    QVERIFY2(journal.append(variedCapture(4), &error), qPrintable(error));
    QCOMPARE(Journal::read(path).captures.size(), 4);
}

void TestJournal::rewriteAnswerRefusesAnotherRecord_data()
{
    QTest::addColumn<int>("bodyChange");
    QTest::addColumn<quint64>("id");
    QTest::addColumn<qint64>("offsetChange");
    QTest::addColumn<QString>("message");
    const QString other = QStringLiteral("is not capture");
    const QString none = QStringLiteral("no record");
    QTest::addRow("longer body") << 1 << quint64(2) << qint64(0) << other;
    QTest::addRow("shorter body") << -1 << quint64(2) << qint64(0) << other;
    QTest::addRow("another id") << 0 << quint64(3) << qint64(0) << other;
    QTest::addRow("inside the record") << 0 << quint64(2) << qint64(8) << other;
    QTest::addRow("past the end") << 0 << quint64(2) << qint64(1'000'000) << none;
    QTest::addRow("in the file header") << 0 << quint64(2) << qint64(-1'000'000) << none;
}

// A capture that would not fit the record's bytes, or a place that holds no such record, leaves
// the journal untouched.
void TestJournal::rewriteAnswerRefusesAnotherRecord()
{
    QFETCH(int, bodyChange);
    QFETCH(quint64, id);
    QFETCH(qint64, offsetChange);
    QFETCH(QString, message);
    const QString path = pathOf(QStringLiteral("j.hkj"));
    Journal journal;
    QString error;
    QVERIFY2(journal.open(path, &error), qPrintable(error));
    QVERIFY2(journal.append(seedCapture(1), &error), qPrintable(error));
    QVERIFY2(journal.append(seedCapture(2), &error), qPrintable(error));
    const qint64 offset = journal.lastRecordOffset();
    const QByteArray bytes = fileBytes(path);

    Capture changed = seedCapture(2);
    changed.id = id;
    changed.answerStatus = 503;
    if (bodyChange > 0)
        changed.body.append('x');
    else if (bodyChange < 0)
        changed.body.chop(1);
    QVERIFY(!journal.rewriteAnswer(qMax<qint64>(0, offset + offsetChange), changed, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QCOMPARE(fileBytes(path), bytes);
    QVERIFY2(journal.append(seedCapture(3), &error), qPrintable(error)); // still writable
}

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
