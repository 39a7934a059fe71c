// SPDX-License-Identifier: MIT
#include "capture/CaptureIndex.h"
#include "capture/CaptureRecorder.h"
#include "capture/CaptureSearch.h"
#include "capture/CaptureStore.h"
#include "capture/DuplicateIndex.h"
#include "capture/HugePageAllocator.h"
#include "capture/Journal.h"
#include "capture/JournalReader.h"
#include "capture/KeyTable.h"
#include "capture/TextMatcher.h"
#include "session/SessionEngine.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <iterator>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 BaseMs = 1'705'314'600'000;
// Enough rows for CaptureSearch::run to split them over several threads (it starts at 20,000).
constexpr qsizetype SearchRows = 20'600;
// One delivery of the large session carries a body larger than the search's 4 MiB read window.
constexpr int BigBodyAt = 1234;

QString nulJoined(const QString &a, const QString &b)
{
    return a + QChar(0) + b;
}

// Longer than the 255 bytes a Horspool shift can hold.
QByteArray longNeedle()
{
    return "needle:" + QByteArray("0123456789abcdefghij").repeated(15);
}

QByteArray videoBody(const QByteArray &jobId, bool failed, const QByteArray &detail)
{
    const QByteArray head = "{\"task\":\"video_generate\",\"job_id\":\"" + jobId + "\",";
    if (failed) {
        return head +
               "\"status\":\"failed\",\"error\":{\"code\":\"INSUFFICIENT_CREDITS\",\"message\":\"" +
               detail + "\"}}";
    }
    return head + "\"status\":\"completed\",\"result\":{\"video_id\":\"" + detail + "\"}}";
}

QByteArray avatarBody(const QByteArray &avatarId, const QByteArray &lookId)
{
    return "{\"task\":\"avatar_create\",\"avatar_id\":\"" + avatarId + "\",\"look_id\":\"" +
           lookId + "\",\"status\":\"completed\",\"result\":{\"avatar_id\":\"" + avatarId + "\"}}";
}

// The i-th delivery of a session. Jobs come back every 23 deliveries (Hoox retries), and some
// retries fail where the first delivery completed (conflicting duplicates). The variations give
// each free-text needle of the search tests its own place: "quokka" only in keys (the body
// spells it with a JSON escape), "wombat" only in paths, "failed" only in bodies, accented
// letters in keys and bodies, and one body larger than the search's read window.
HttpRequest deliveryAt(int i)
{
    const QByteArray n = QByteArray::number(i % 23);
    QByteArray jobId = "job_" + n;
    if (i % 8 == 3)
        jobId = "job_\\u0071uokka_" + n;
    else if (i % 12 == 5)
        jobId = "job_\\u00e9t\\u00e9_" + n;
    const QByteArray detail =
        i % 19 == 0 ? QByteArray("CAF\xc3\x89-" + n) : QByteArray("video_" + n);

    HttpRequest r;
    r.method = "POST";
    r.target = i % 13 == 0 ? QByteArray("/webhook/Wombat/" + n) : QByteArray("/webhook/hoox");
    r.httpMinor = i % 29 == 0 ? 0 : 1;
    if (i == BigBodyAt)
        r.body = QByteArray(5 * 1024 * 1024, 'z') + longNeedle() + '.';
    else if (i % 9 == 4)
        r.body = "plain text, not JSON: caf\xc3\xa9 #" + QByteArray::number(i);
    else if (i % 11 == 5)
        r.body = avatarBody("av_" + n, "look_" + QByteArray::number(i % 3));
    else
        r.body = videoBody(jobId, i % 5 == 2, detail);
    r.headers.append("Host", "abc.ngrok.app");
    r.headers.append("User-Agent", "Hoox-API/1.0");
    r.headers.append("Content-Type", "application/json");
    r.headers.append("X-Hoox-Webhook", "true");
    if (i % 10 == 7) {
        r.chunked = true;
        r.headers.append("Transfer-Encoding", "chunked");
        r.trailers.append("X-Trailer", n);
    } else {
        r.headers.append("Content-Length", QByteArray::number(r.body.size()));
    }
    return r;
}

// One session as the listener hands it to the store: recorded captures, and every seventh
// delivery refused the way ListenerWorker::refuse() does it (numbered, keyless, not journaled).
struct Session {
    QString path; // the journal; empty when the session was recorded without one
    CaptureBatch captures;
};

Session recordSession(const QString &path, qsizetype count, quint64 firstId = 1)
{
    Session s;
    s.path = path;
    Journal journal;
    QString error;
    if (!path.isEmpty() && !journal.open(path, &error)) {
        qWarning() << error;
        return s;
    }
    CaptureRecorder recorder(path.isEmpty() ? nullptr : &journal, firstId);
    for (int i = 0; i < count; ++i) {
        const QString peer = u"203.0.113.9:"_s + QString::number(40000 + i % 1000);
        const qint64 at = BaseMs + qint64(i) * 1500;
        if (i % 7 == 6) {
            auto c = CaptureRecorder::build(deliveryAt(i), recorder.takeId(), peer, at, 401);
            c->refused = true;
            c->hoox.key.clear();
            s.captures.append(std::move(c));
            continue;
        }
        CapturePtr c = recorder.record(deliveryAt(i), peer, at, 200, &error);
        if (!c) {
            qWarning() << error;
            return s;
        }
        s.captures.append(std::move(c));
    }
    return s;
}

bool isJournaled(const CapturePtr &c)
{
    return c->journalOffset >= 0;
}

CaptureBatch journaledOf(const CaptureBatch &captures)
{
    CaptureBatch out;
    std::copy_if(captures.cbegin(), captures.cend(), std::back_inserter(out), isJournaled);
    return out;
}

// In place, as a copy or an editor would: a reader that already has the file open sees it.
bool overwrite(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Every field of an entry, so that a mismatch shows which one.
QString entryText(const CaptureIndex::Entry &e)
{
    const QStringList parts{
        u"id "_s + QString::number(e.id),
        u"at "_s + QString::number(e.receivedAtMs),
        u"duplicateOf "_s + QString::number(e.duplicateOf),
        u"outcome "_s + QString::number(e.outcomeHash, 16),
        u"offset "_s + QString::number(e.journalOffset),
        u"recordSize "_s + QString::number(e.recordSize),
        u"bodySize "_s + QString::number(e.bodySize),
        u"attempt "_s + QString::number(e.attempt),
        u"answer "_s + QString::number(e.answerStatus),
        u"task "_s + QString::number(int(e.task)),
        u"status "_s + QString::number(int(e.status)),
        u"refused "_s + QString::number(int(e.refused)),
        u"chunked "_s + QString::number(int(e.chunked)),
        u"method "_s + QString::fromLatin1(e.method.toHex()),
        u"target "_s + QString::fromLatin1(e.target.toHex()),
        u"taskText "_s + e.taskText,
        u"statusText "_s + e.statusText,
        u"key "_s + e.key.toString(),
        u"findings "_s + e.findings.join(u'|'),
    };
    return parts.join(u", "_s);
}

QString rowText(const CaptureIndex &index, qsizetype row)
{
    const CaptureIndex::Row &r = index.row(row);
    return u"row "_s + QString::number(row) + u": "_s + entryText(index.entry(row)) +
           u", group "_s + QString::number(r.group) + u", previous "_s +
           QString::number(r.previous) + u", flags "_s + QString::number(r.flags);
}

QString groupText(const CaptureIndex::Group &g)
{
    return u"first "_s + QString::number(g.firstRow) + u", last "_s + QString::number(g.lastRow) +
           u", count "_s + QString::number(g.count) + u", attempts "_s +
           QString::number(g.attempts) + u", first id "_s + QString::number(g.firstId) +
           u", conflict "_s + QString::number(int(g.conflict));
}

// The first difference between two stores' rows and groups, or an empty string.
QString storeDifference(const CaptureStore &a, const CaptureStore &b)
{
    if (a.size() != b.size())
        return u"sizes "_s + QString::number(a.size()) + u" and "_s + QString::number(b.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString x = rowText(a.index(), i);
        const QString y = rowText(b.index(), i);
        if (x != y)
            return x + u"\n  vs "_s + y;
    }
    if (a.index().groupCount() != b.index().groupCount())
        return u"group counts differ"_s;
    for (qint32 g = 0; g < a.index().groupCount(); ++g) {
        if (groupText(a.group(g)) != groupText(b.group(g)))
            return u"group "_s + QString::number(g) + u": "_s + groupText(a.group(g)) + u" vs "_s +
                   groupText(b.group(g));
    }
    return {};
}

// An index row with just what grouping looks at; the rest is filled in plausibly.
void appendKeyed(CaptureIndex &index, quint64 id, const QString &key,
                 const QStringList &findings = {}, bool refused = false, bool chunked = false)
{
    CaptureIndex::Entry e;
    e.id = id;
    // Ids go up to the largest quint64 in some rows: keep the derived numbers in range.
    e.receivedAtMs = BaseMs + qint64(id % 1'000'000) * 1000;
    e.journalOffset = 16 + qint64(id % 1'000'000) * 300;
    e.recordSize = 300;
    e.method = "POST";
    e.target = "/webhook/" + QByteArray::number(id % 3);
    e.key = key;
    e.findings = findings;
    e.refused = refused;
    e.chunked = chunked;
    index.append(e);
}

enum class JournalDamage { CutInRecord, CutBeforeRecord, OtherSession, OtherBytes, Removed };
} // namespace

Q_DECLARE_METATYPE(JournalDamage)

// The capture store's parts, bottom up: the key table, the text matcher, the compact index, the
// store reading captures back from a real journal, and the free-text search over a snapshot.
class TestCaptureStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void keyTable_data();
    void keyTable();
    void keyTableManyKeys();
    void keyTableClear();
    void hugeVectorAcrossThreshold();

    void textMatcher_data();
    void textMatcher();
    void textMatcherAgreesWithNaiveSearch();
    void textMatcherInvalidRegex_data();
    void textMatcherInvalidRegex();

    void indexGroups_data();
    void indexGroups();
    void indexFlags();
    void indexPooledStrings();
    void indexRowOfId_data();
    void indexRowOfId();
    void indexTail_data();
    void indexTail();
    void indexKeepsTheJournalsNumbering_data();
    void indexKeepsTheJournalsNumbering();

    void storeReadsBackFromJournal();
    void storeWithoutJournal();
    void storeJournalDamaged_data();
    void storeJournalDamaged();
    void storeAppendLoaded();
    void storeClear();

    void searchMatchesFullCaptures_data();
    void searchMatchesFullCaptures();
    void searchSuperseded_data();
    void searchSuperseded();
    void searchSnapshot();
    void searchDamagedJournal();

private:
    // A session large enough for the multi-threaded search, recorded once for the search tests.
    struct SearchFixture {
        QTemporaryDir dir;
        Session session;
        CaptureStore store;
        std::vector<CapturePtr> full; // each row's whole capture, as the store gives it back
    };
    std::unique_ptr<SearchFixture> m_search;
};

void TestCaptureStore::initTestCase()
{
    m_search = std::make_unique<SearchFixture>();
    SearchFixture &f = *m_search;
    QVERIFY(f.dir.isValid());
    f.session = recordSession(f.dir.filePath(u"search.hkj"_s), SearchRows);
    QCOMPARE(f.session.captures.size(), SearchRows);
    f.store.setJournalPath(f.session.path);
    for (qsizetype first = 0; first < SearchRows; first += 1000)
        f.store.append(f.session.captures.mid(first, 1000));
    QCOMPARE(f.store.size(), SearchRows);
    f.full.reserve(size_t(SearchRows));
    for (qsizetype i = 0; i < SearchRows; ++i) {
        QString error;
        CapturePtr c = f.store.capture(i, &error);
        if (!c || !(*c == *f.session.captures.at(i)))
            QFAIL(qPrintable(u"row %1 does not read back: %2"_s.arg(i).arg(error)));
        f.full.push_back(std::move(c));
    }
}

void TestCaptureStore::cleanupTestCase()
{
    m_search.reset();
}

void TestCaptureStore::keyTable_data()
{
    QTest::addColumn<QStringList>("keys");
    QTest::addColumn<QList<qint32>>("numbers");
    QTest::addColumn<QList<bool>>("added");
    QTest::addColumn<QStringList>("absent");

    QTest::newRow("distinct keys, numbered in order")
        << QStringList{u"a"_s, u"b"_s, u"c"_s} << QList<qint32>{0, 1, 2}
        << QList<bool>{true, true, true} << QStringList{u"d"_s, u"ab"_s, u"A"_s};
    QTest::newRow("repeats keep their number")
        << QStringList{u"a"_s, u"b"_s, u"a"_s, u"c"_s, u"b"_s} << QList<qint32>{0, 1, 0, 2, 1}
        << QList<bool>{true, true, false, true, false} << QStringList{u"ab"_s, u"ba"_s};
    QTest::newRow("differ only in the last character")
        << QStringList{u"run_0123456789abcdef0"_s, u"run_0123456789abcdef1"_s,
                       u"run_0123456789abcdef0"_s}
        << QList<qint32>{0, 1, 0} << QList<bool>{true, true, false}
        << QStringList{u"run_0123456789abcdef2"_s, u"run_0123456789abcdef"_s};
    QTest::newRow("differ in length only")
        << QStringList{u"job"_s, u"job_"_s, u"jo"_s, u"job_1"_s, u"job"_s}
        << QList<qint32>{0, 1, 2, 3, 0} << QList<bool>{true, true, true, true, false}
        << QStringList{u"j"_s, u"job__"_s, u"job_1 "_s};
    // The hash takes the text eight bytes (four characters) at a time.
    QTest::newRow("differ after the first eight bytes")
        << QStringList{u"abcd1"_s, u"abcd2"_s, u"abcdefgh"_s, u"abcdefgi"_s}
        << QList<qint32>{0, 1, 2, 3} << QList<bool>{true, true, true, true}
        << QStringList{u"abcd"_s, u"abcdefg"_s, u"abcdefghi"_s};
    // These two share their hash's high half (the slot's tag) and its low ten bits (the first
    // slot in a table of 1,024): only the comparison of the text tells them apart.
    const QString collidingA = u"job_02819872"_s;
    const QString collidingB = u"job_03401169"_s;
    QTest::newRow("colliding hashes")
        << QStringList{collidingA, collidingB, collidingA, collidingB} << QList<qint32>{0, 1, 0, 1}
        << QList<bool>{true, true, false, false} << QStringList{};
    QTest::newRow("colliding hash, absent") << QStringList{collidingA} << QList<qint32>{0}
                                            << QList<bool>{true} << QStringList{collidingB};
    QTest::newRow("case matters") << QStringList{u"Key"_s, u"key"_s, u"KEY"_s}
                                  << QList<qint32>{0, 1, 2} << QList<bool>{true, true, true}
                                  << QStringList{u"kEy"_s};
    QTest::newRow("the empty string is a key of its own")
        << QStringList{u""_s, u"a"_s, u""_s} << QList<qint32>{0, 1, 0}
        << QList<bool>{true, true, false} << QStringList{u" "_s, nulJoined(u""_s, u""_s)};
    QTest::newRow("the empty string is absent until inserted")
        << QStringList{u"a"_s, u"b"_s} << QList<qint32>{0, 1} << QList<bool>{true, true}
        << QStringList{u""_s};
    QTest::newRow("non-ASCII and surrogate pairs")
        << QStringList{u"j\u00f6b"_s,   u"job"_s,          u"\U0001F600"_s,
                       u"\U0001F601"_s, u"a\U0001F600b"_s, u"j\u00f6b"_s}
        << QList<qint32>{0, 1, 2, 3, 4, 0} << QList<bool>{true, true, true, true, true, false}
        << QStringList{QString(QChar(0xD83D)), u"j\u00f6"_s, u"\U0001F602"_s, u"a\U0001F600"_s};
    QTest::newRow("embedded NUL characters")
        << QStringList{nulJoined(u"a"_s, u"b"_s), u"a"_s, nulJoined(u"a"_s, u"c"_s),
                       nulJoined(u"a"_s, u"b"_s)}
        << QList<qint32>{0, 1, 2, 0} << QList<bool>{true, true, true, false}
        << QStringList{u"ab"_s, nulJoined(u"a"_s, u""_s)};
}

void TestCaptureStore::keyTable()
{
    QFETCH(QStringList, keys);
    QFETCH(QList<qint32>, numbers);
    QFETCH(QList<bool>, added);
    QFETCH(QStringList, absent);

    KeyTable table;
    QCOMPARE(table.size(), 0);
    for (const QString &key : keys)
        QCOMPARE(table.find(key), KeyTable::NotFound); // an empty table has no slots at all

    for (qsizetype i = 0; i < keys.size(); ++i) {
        bool wasAdded = !added.at(i);
        QCOMPARE(table.insert(keys.at(i), &wasAdded), numbers.at(i));
        QCOMPARE(wasAdded, added.at(i));
    }
    const auto distinct = qsizetype(std::count(added.cbegin(), added.cend(), true));
    QCOMPARE(table.size(), distinct);
    for (qsizetype i = 0; i < keys.size(); ++i) {
        QCOMPARE(table.find(keys.at(i)), numbers.at(i));
        QCOMPARE(table.at(numbers.at(i)).size(), keys.at(i).size());
        QCOMPARE(table.at(numbers.at(i)).toString(), keys.at(i));
        QCOMPARE(table.insert(keys.at(i)), numbers.at(i));
    }
    QCOMPARE(table.size(), distinct);
    for (const QString &key : absent)
        QCOMPARE(table.find(key), KeyTable::NotFound);
}

void TestCaptureStore::keyTableManyKeys()
{
    // Enough keys for the hash table to double nine times and for the character, span and slot
    // arrays to pass the 2 MiB from which they are mapped on their own.
    constexpr qint32 Count = 200'000;
    QStringList keys;
    keys.reserve(Count);
    for (qint32 i = 0; i < Count; ++i) {
        if (i % 5 == 0)
            keys.append(u"\u043A\u043B\u044E\u0447-"_s + QString::number(i));
        else if (i % 7 == 0)
            keys.append(QString::number(i) + u"-\U0001F600"_s);
        else
            keys.append(u"job_"_s + QString::number(i));
    }

    KeyTable table;
    qint32 nextCheck = 513; // the table grows from 1,024 slots when the 513th key arrives
    for (qint32 i = 0; i < Count; ++i) {
        bool added = false;
        if (table.insert(keys.at(i), &added) != i || !added)
            QFAIL(qPrintable(u"%1 was not added as number %2"_s.arg(keys.at(i)).arg(i)));
        // Right after each growth, every key inserted so far must have been carried over.
        if (i + 1 == nextCheck) {
            for (qint32 j = 0; j <= i; ++j) {
                if (table.find(keys.at(j)) != j)
                    QFAIL(qPrintable(u"%1 lost after %2 keys"_s.arg(keys.at(j)).arg(i + 1)));
            }
            nextCheck = (nextCheck - 1) * 2 + 1;
        }
    }
    QCOMPARE(table.size(), qsizetype(Count));
    for (qint32 i = 0; i < Count; ++i) {
        bool added = true;
        if (table.find(keys.at(i)) != i || table.at(i) != keys.at(i) ||
            table.insert(keys.at(i), &added) != i || added)
            QFAIL(qPrintable(u"%1 is not number %2"_s.arg(keys.at(i)).arg(i)));
    }
    QCOMPARE(table.size(), qsizetype(Count));
    for (qint32 i = Count; i < Count + 2000; ++i)
        QCOMPARE(table.find(QString(u"job_"_s + QString::number(i))), KeyTable::NotFound);
    QCOMPARE(table.find(u"job_"_s), KeyTable::NotFound);
    QCOMPARE(table.find(u"job_1-\U0001F600"_s), KeyTable::NotFound);
}

void TestCaptureStore::keyTableClear()
{
    KeyTable table;
    for (int i = 0; i < 3000; ++i)
        table.insert(QString(u"old-"_s + QString::number(i)));
    QCOMPARE(table.size(), 3000);
    table.clear();
    QCOMPARE(table.size(), 0);
    QCOMPARE(table.find(u"old-0"), KeyTable::NotFound);
    QCOMPARE(table.find(u"old-2999"), KeyTable::NotFound);

    // Numbering starts again from 0, and a number once given to an old key now names the new one.
    bool added = false;
    QCOMPARE(table.insert(u"new", &added), 0);
    QVERIFY(added);
    QCOMPARE(table.at(0).toString(), u"new"_s);
    QCOMPARE(table.find(u"old-0"), KeyTable::NotFound);
    QCOMPARE(table.insert(u"old-0", &added), 1);
    QVERIFY(added);

    table.clear();
    table.clear();
    QCOMPARE(table.insert(u"old-1", &added), 0);
    QVERIFY(added);
    QCOMPARE(table.find(u"new"), KeyTable::NotFound);
}

void TestCaptureStore::hugeVectorAcrossThreshold()
{
    // 600,000 eight-byte elements cross the 2 MiB at which the allocator switches from
    // operator new to a mapping of its own; copies, shrinking and swapping go through both.
    HugeVector<quint64> v;
    for (quint64 i = 0; i < 600'000; ++i)
        v.push_back(i * 3 + 1);
    HugeVector<quint64> copy = v;
    QCOMPARE(copy.size(), size_t(600'000));
    QVERIFY(std::equal(v.cbegin(), v.cend(), copy.cbegin(), copy.cend()));
    copy.resize(1000);
    copy.shrink_to_fit();
    QCOMPARE(copy.back(), quint64(999 * 3 + 1));
    copy.swap(v);
    QCOMPARE(v.size(), size_t(1000));
    QCOMPARE(copy.at(599'999), quint64(599'999) * 3 + 1);
    copy = {};
    QVERIFY(copy.empty());
}

void TestCaptureStore::textMatcher_data()
{
    QTest::addColumn<QString>("needle");
    QTest::addColumn<bool>("regex");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("expected");

    const QString noKey;
    const QByteArray path = "/webhook/hoox";
    const QByteArray hello = "hello world";
    QTest::newRow("at the start of the body")
        << u"hello"_s << false << noKey << path << hello << true;
    QTest::newRow("in the middle") << u"lo wo"_s << false << noKey << path << hello << true;
    QTest::newRow("at the end") << u"world"_s << false << noKey << path << hello << true;
    QTest::newRow("one character, last") << u"d"_s << false << noKey << path << hello << true;
    QTest::newRow("absent") << u"planet"_s << false << noKey << path << hello << false;
    QTest::newRow("longer than every field")
        << u"hello world!"_s << false << noKey << path << hello << false;
    QTest::newRow("equal to the body")
        << u"hello world"_s << false << noKey << path << hello << true;
    QTest::newRow("upper-case needle") << u"HELLO"_s << false << noKey << path << hello << true;
    QTest::newRow("both in mixed case")
        << u"HeLLo WoRLD"_s << false << noKey << path << QByteArray("hEllO wOrld") << true;
    QTest::newRow("last character differs in case only")
        << u"worlD"_s << false << noKey << path << hello << true;
    // '[' and '{' are 32 apart like 'A' and 'a', but they are not letters.
    QTest::newRow("non-letters are not folded")
        << u"a[b"_s << false << noKey << path << QByteArray("A{B a@b") << false;
    QTest::newRow("repeated prefix")
        << u"aab"_s << false << noKey << path << QByteArray("aaab") << true;
    QTest::newRow("repeated prefix, never completed")
        << u"aab"_s << false << noKey << path << QByteArray("ababaaa") << false;
    QTest::newRow("needle's last character recurs in it")
        << u"abcab"_s << false << noKey << path << QByteArray("xxabcabcab") << true;
    QTest::newRow("periodic needle")
        << u"abab"_s << false << noKey << path << QByteArray("abaababbabab") << true;
    QTest::newRow("only in the key")
        << u"JOB_7"_s << false << u"job_7"_s << path << QByteArray("{}") << true;
    QTest::newRow("only in the target")
        << u"/hooks/alpha"_s << false << noKey << QByteArray("/HOOKS/Alpha?x=1") << QByteArray("{}")
        << true;
    QTest::newRow("across key and target")
        << u"bc"_s << false << u"ab"_s << QByteArray("cd") << QByteArray() << false;
    QTest::newRow("across target and body")
        << u"dx"_s << false << noKey << QByteArray("cd") << QByteArray("xy") << false;
    QTest::newRow("empty needle") << QString() << false << noKey << QByteArray() << QByteArray()
                                  << true;
    QTest::newRow("ASCII needle in a UTF-8 body")
        << u"cafe"_s << false << noKey << path << QByteArray("CAF\xc3\x89 and Cafe") << true;
    QTest::newRow("ASCII needle against an accented letter")
        << u"cafe"_s << false << noKey << path << QByteArray("caf\xc3\xa9") << false;
    QTest::newRow("non-ASCII needle, other case")
        << u"CAF\u00c9"_s << false << noKey << path << QByteArray("un caf\xc3\xa9.") << true;
    QTest::newRow("non-ASCII needle in the key only")
        << u"\u00e9t\u00e9"_s << false << u"job_\u00c9T\u00c9"_s << path << QByteArray("{}")
        << true;
    QTest::newRow("non-ASCII needle, absent")
        << u"\u00fc"_s << false << u"u"_s << QByteArray("/u") << QByteArray("u") << false;
    QTest::newRow("surrogate pair in the body") << u"\U0001F600"_s << false << noKey << path
                                                << QByteArray("smile \xf0\x9f\x98\x80") << true;
    QTest::newRow("surrogate pair in the key")
        << u"x\U0001F600"_s << false << u"X\U0001F600y"_s << path << QByteArray() << true;
    QTest::newRow("surrogate pairs differing in the low half")
        << u"\U0001F601"_s << false << u"\U0001F600"_s << path << QByteArray("\xf0\x9f\x98\x80")
        << false;
    const QByteArray needle = longNeedle();
    const QByteArray filler = QByteArray("0123456789abcdefghij").repeated(50);
    QTest::newRow("needle longer than 255, at the end")
        << QString::fromLatin1(needle).toUpper() << false << noKey << path
        << QByteArray(filler + needle) << true;
    QByteArray almost = needle;
    almost[10] = 'X';
    QTest::newRow("needle longer than 255, one byte off")
        << QString::fromLatin1(needle) << false << noKey << path << QByteArray(filler + almost)
        << false;
    QTest::newRow("periodic needle longer than 255")
        << QString::fromLatin1(QByteArray("ab").repeated(200)) << false << noKey << path
        << QByteArray("AB").repeated(300) << true;

    QTest::newRow("regex anchored on the target")
        << u"^/hooks/\\d+$"_s << true << noKey << QByteArray("/hooks/42") << hello << true;
    QTest::newRow("regex anchored, target longer")
        << u"^/hooks/\\d+$"_s << true << noKey << QByteArray("/hooks/42/x") << hello << false;
    QTest::newRow("regex ignores case, as plain text does")
        << u"Hel+O"_s << true << noKey << path << hello << true;
    QTest::newRow("regex on the key")
        << u"^job_\\d+$"_s << true << u"job_12"_s << path << QByteArray("job_12 x") << true;
    QTest::newRow("regex does not span fields")
        << u"ab.*cd"_s << true << u"ab"_s << QByteArray("cd") << QByteArray() << false;
    QTest::newRow("regex word class is Unicode")
        << u"^\\w+$"_s << true << u"\u00e9t\u00e9"_s << path << hello << true;
    QTest::newRow("regex on a UTF-8 body")
        << u"caf\u00e9\\b"_s << true << noKey << path << QByteArray("un caf\xc3\xa9.") << true;
}

void TestCaptureStore::textMatcher()
{
    QFETCH(QString, needle);
    QFETCH(bool, regex);
    QFETCH(QString, key);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, body);
    QFETCH(bool, expected);

    const TextMatcher matcher(needle, regex);
    QVERIFY2(matcher.isValid(), qPrintable(matcher.error()));
    QVERIFY(matcher.error().isEmpty());
    Capture c;
    c.hoox.key = key;
    c.target = target;
    c.body = body;
    QCOMPARE(matcher.matches(c), expected);
    QCOMPARE(matcher.matches(key.toUtf8(), target, body), expected);
}

void TestCaptureStore::textMatcherAgreesWithNaiveSearch()
{
    // A small alphabet of letters in both cases and a non-letter makes partial matches, shifts
    // and case differences frequent; every fourth round has a needle longer than 255 bytes.
    const QByteArray alphabet = "aAbB-";
    QRandomGenerator random(20240115);
    const auto text = [&](qsizetype size) {
        QByteArray s(size, Qt::Uninitialized);
        for (char &c : s)
            c = alphabet.at(random.bounded(int(alphabet.size())));
        return s;
    };
    for (int round = 0; round < 4000; ++round) {
        const bool longNeedle = round % 4 == 0;
        const QByteArray hay = text(random.bounded(longNeedle ? 900 : 40));
        QByteArray needle;
        if (round % 2 == 0 && !hay.isEmpty()) {
            // Cut from the haystack, so that it is there; then maybe spoil one byte.
            const int from = random.bounded(int(hay.size()));
            const int most = qMin(int(hay.size()) - from, longNeedle ? 300 : 6);
            needle = hay.mid(from, 1 + random.bounded(most));
            for (char &c : needle) {
                if (random.bounded(2) == 0)
                    c = char(QChar::toUpper(uint(uchar(c))));
            }
            if (random.bounded(3) == 0)
                needle[random.bounded(int(needle.size()))] = alphabet.at(random.bounded(5));
        } else {
            needle = text(1 + random.bounded(longNeedle ? 300 : 6));
        }
        const bool expected = hay.toLower().contains(needle.toLower());
        const TextMatcher matcher(QString::fromLatin1(needle), false);
        if (matcher.matches({}, {}, hay) != expected) {
            QFAIL(qPrintable(u"\"%1\" in \"%2\": expected %3"_s.arg(
                QString::fromLatin1(needle), QString::fromLatin1(hay),
                expected ? u"a match"_s : u"none"_s)));
        }
    }
}

void TestCaptureStore::textMatcherInvalidRegex_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::newRow("unclosed group") << u"(job"_s;
    QTest::newRow("unclosed class") << u"[a-"_s;
    QTest::newRow("nothing to repeat") << u"*job"_s;
    QTest::newRow("bounds out of order") << u"a{2,1}"_s;
    QTest::newRow("trailing backslash") << u"job\\"_s;
}

void TestCaptureStore::textMatcherInvalidRegex()
{
    QFETCH(QString, pattern);
    const TextMatcher invalid(pattern, true);
    QVERIFY(!invalid.isValid());
    QVERIFY(!invalid.error().isEmpty());

    // The same text as plain text is fine, and found as written.
    const TextMatcher plain(pattern, false);
    QVERIFY(plain.isValid());
    QVERIFY(plain.error().isEmpty());
    QVERIFY(plain.matches({}, {}, u"x "_s.append(pattern).toUtf8()));
}

void TestCaptureStore::indexGroups_data()
{
    QTest::addColumn<QStringList>("keys"); // empty: no key
    QTest::addColumn<QList<qint32>>("groups");
    QTest::addColumn<QList<qint32>>("previous");
    QTest::addColumn<QList<bool>>("retry");
    QTest::addColumn<QList<qint32>>("firstRows");
    QTest::addColumn<QList<qint32>>("lastRows");
    QTest::addColumn<QList<qint32>>("counts");

    QTest::newRow("no keys") << QStringList{QString(), u""_s, QString()}
                             << QList<qint32>{-1, -1, -1} << QList<qint32>{-1, -1, -1}
                             << QList<bool>{false, false, false} << QList<qint32>{}
                             << QList<qint32>{} << QList<qint32>{};
    QTest::newRow("a single delivery")
        << QStringList{u"job_1"_s} << QList<qint32>{0} << QList<qint32>{-1} << QList<bool>{false}
        << QList<qint32>{0} << QList<qint32>{0} << QList<qint32>{1};
    QTest::newRow("one key three times")
        << QStringList{u"job_1"_s, u"job_1"_s, u"job_1"_s} << QList<qint32>{0, 0, 0}
        << QList<qint32>{-1, 0, 1} << QList<bool>{false, true, true} << QList<qint32>{0}
        << QList<qint32>{2} << QList<qint32>{3};
    QTest::newRow("interleaved, with keyless rows")
        << QStringList{u"a"_s, u"b"_s, QString(), u"a"_s, u"b"_s, u"a"_s}
        << QList<qint32>{0, 1, -1, 0, 1, 0} << QList<qint32>{-1, -1, -1, 0, 1, 3}
        << QList<bool>{false, false, false, true, true, true} << QList<qint32>{0, 1}
        << QList<qint32>{5, 4} << QList<qint32>{3, 2};
    QTest::newRow("keys differing in the last character or in case")
        << QStringList{u"job_1"_s, u"job_2"_s, u"Job_1"_s, u"job_1"_s} << QList<qint32>{0, 1, 2, 0}
        << QList<qint32>{-1, -1, -1, 0} << QList<bool>{false, false, false, true}
        << QList<qint32>{0, 1, 2} << QList<qint32>{3, 1, 2} << QList<qint32>{2, 1, 1};
    QTest::newRow("non-ASCII keys")
        << QStringList{u"j\u00f6b"_s, u"\U0001F600"_s, u"\U0001F601"_s, u"\U0001F600"_s}
        << QList<qint32>{0, 1, 2, 1} << QList<qint32>{-1, -1, -1, 1}
        << QList<bool>{false, false, false, true} << QList<qint32>{0, 1, 2}
        << QList<qint32>{0, 3, 2} << QList<qint32>{1, 2, 1};
}

void TestCaptureStore::indexGroups()
{
    QFETCH(QStringList, keys);
    QFETCH(QList<qint32>, groups);
    QFETCH(QList<qint32>, previous);
    QFETCH(QList<bool>, retry);
    QFETCH(QList<qint32>, firstRows);
    QFETCH(QList<qint32>, lastRows);
    QFETCH(QList<qint32>, counts);

    CaptureIndex index;
    QVERIFY(index.isEmpty());
    for (qsizetype i = 0; i < keys.size(); ++i)
        appendKeyed(index, quint64(i + 1), keys.at(i));
    QCOMPARE(index.size(), keys.size());
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const CaptureIndex::Row &r = index.row(i);
        QCOMPARE(r.group, groups.at(i));
        QCOMPARE(r.previous, previous.at(i));
        QCOMPARE(bool(r.flags & CaptureIndex::Retry), retry.at(i));
        QCOMPARE(index.key(i).toString(), keys.at(i));
        if (r.group < 0)
            QVERIFY(index.key(i).isEmpty());
    }
    QCOMPARE(index.groupCount(), firstRows.size());
    for (qint32 g = 0; g < index.groupCount(); ++g) {
        QCOMPARE(index.group(g).firstRow, firstRows.at(g));
        QCOMPARE(index.group(g).lastRow, lastRows.at(g));
        QCOMPARE(index.group(g).count, counts.at(g));
        QVERIFY(!index.group(g).conflict);
        // The group's number is the key's: every row of it shows that key.
        QCOMPARE(index.key(firstRows.at(g)).toString(), index.key(lastRows.at(g)).toString());
    }
}

void TestCaptureStore::indexFlags()
{
    using I = CaptureIndex;
    const QString conflict = u"conflicting_duplicate"_s;
    CaptureIndex index;
    appendKeyed(index, 1, u"a"_s);
    appendKeyed(index, 2, u"a"_s, {conflict});
    appendKeyed(index, 3, u"b"_s, {u"not_json"_s});
    appendKeyed(index, 4, QString(), {}, true);
    appendKeyed(index, 5, u"b"_s, {}, false, true);
    appendKeyed(index, 6, u"c"_s, {u"missing_field:status"_s, conflict});
    // The finding code is compared whole, not searched for.
    appendKeyed(index, 7, u"d"_s, {u"conflicting_duplicates"_s});
    appendKeyed(index, 8, QString(), {conflict}, true, true);

    const QList<int> expected{
        0,
        I::HasFindings | I::Conflict | I::Retry,
        I::HasFindings,
        I::Refused,
        I::Chunked | I::Retry,
        I::HasFindings | I::Conflict,
        I::HasFindings,
        I::HasFindings | I::Conflict | I::Refused | I::Chunked,
    };
    QCOMPARE(index.size(), expected.size());
    for (qsizetype i = 0; i < index.size(); ++i) {
        QCOMPARE(int(index.row(i).flags), expected.at(i));
        QCOMPARE(index.entry(i).refused, bool(expected.at(i) & I::Refused));
        QCOMPARE(index.entry(i).chunked, bool(expected.at(i) & I::Chunked));
    }
    QCOMPARE(index.row(7).group, -1);
    QCOMPARE(index.groupCount(), 4);
    // A group conflicts when any of its rows does, the first one included.
    QCOMPARE(index.group(0).conflict, true);
    QCOMPARE(index.group(1).conflict, false);
    QCOMPARE(index.group(2).conflict, true);
    QCOMPARE(index.group(3).conflict, false);

    // The store's flags are the index's.
    QCOMPARE(int(CaptureStore::HasFindings), int(I::HasFindings));
    QCOMPARE(int(CaptureStore::Conflict), int(I::Conflict));
    QCOMPARE(int(CaptureStore::Retry), int(I::Retry));
    QCOMPARE(int(CaptureStore::Refused), int(I::Refused));
}

void TestCaptureStore::indexPooledStrings()
{
    struct Spec {
        QByteArray method;
        QByteArray target;
        QString taskText;
        QString statusText;
        QStringList findings;
        QString key;
    };
    // Values repeat from row to row, come back after others, and differ only slightly.
    const std::vector<Spec> specs{
        {"POST", "/webhook/hoox", u"video_generate"_s, u"completed"_s, {}, u"job_1"_s},
        {"POST", "/webhook/hoox", u"video_generate"_s, u"completed"_s, {}, u"job_1"_s},
        {"GET", "/health", {}, {}, {u"not_post"_s, u"not_json"_s}, {}},
        {"POST", "/webhook/hoox/", u"avatar_edit"_s, u"failed"_s, {u"not_json"_s}, u"av:l"_s},
        {"GET", "/health", {}, {}, {u"not_post"_s, u"not_json"_s}, {}},
        {"PUT",
         "/webhook/hoox?x=\xff",
         u"t\u00e2che"_s,
         u"\u00e9chou\u00e9"_s,
         {u"not_json"_s, u"not_post"_s},
         u"job_\U0001F600"_s},
        {"", "", {}, {}, {}, {}},
        {"POST", "/webhook/hoox", u"video_generate"_s, u"Completed"_s, {}, u"job_1"_s},
    };
    std::vector<CaptureIndex::Entry> entries;
    CaptureIndex index;
    for (size_t i = 0; i < specs.size(); ++i) {
        const Spec &s = specs[i];
        CaptureIndex::Entry e;
        e.id = 100 + i * 7;
        e.receivedAtMs = BaseMs - qint64(i) * 3;
        e.duplicateOf = i % 2 ? 100 : 0;
        e.outcomeHash = 0x9e3779b97f4a7c15ull * (i + 1);
        e.journalOffset = i == 6 ? -1 : qint64(16 + i * 1000);
        e.recordSize = i == 6 ? 0 : quint32(900 + i);
        e.bodySize = quint32(i * 11);
        e.attempt = quint32(i);
        e.answerStatus = quint16(200 + i);
        e.task = HooxTask(i % 6);
        e.status = HooxStatus(i % 4);
        e.refused = i == 6;
        e.chunked = i % 3 == 1;
        e.method = s.method;
        e.target = s.target;
        e.taskText = s.taskText;
        e.statusText = s.statusText;
        e.key = s.key;
        e.findings = s.findings;
        index.append(e);
        entries.push_back(e);
    }
    QCOMPARE(index.size(), qsizetype(specs.size()));
    for (size_t i = 0; i < specs.size(); ++i) {
        const auto row = qsizetype(i);
        QCOMPARE(index.method(row), specs[i].method);
        QCOMPARE(index.target(row), specs[i].target);
        QCOMPARE(index.taskText(row), specs[i].taskText);
        QCOMPARE(index.statusText(row), specs[i].statusText);
        QCOMPARE(index.findings(row), specs[i].findings);
        QCOMPARE(index.key(row).toString(), specs[i].key);
        QCOMPARE(entryText(index.entry(row)), entryText(entries[i]));
        QCOMPARE(index.rowOfId(entries[i].id), row);
    }
    // Each distinct value is stored once: rows share a pool number exactly when they share the
    // value.
    for (size_t i = 0; i < specs.size(); ++i) {
        for (size_t j = 0; j < specs.size(); ++j) {
            const CaptureIndex::Row &a = index.row(qsizetype(i));
            const CaptureIndex::Row &b = index.row(qsizetype(j));
            QCOMPARE(a.method == b.method, specs[i].method == specs[j].method);
            QCOMPARE(a.target == b.target, specs[i].target == specs[j].target);
            QCOMPARE(a.taskText == b.taskText, specs[i].taskText == specs[j].taskText);
            QCOMPARE(a.statusText == b.statusText, specs[i].statusText == specs[j].statusText);
            QCOMPARE(a.findings == b.findings, specs[i].findings == specs[j].findings);
        }
    }

    index.clear();
    QVERIFY(index.isEmpty());
    QCOMPARE(index.groupCount(), 0);
    QCOMPARE(index.rowOfId(100), -1);
    // Cleared pools number from scratch: the first value appended now reads back as itself.
    appendKeyed(index, 1, u"job_1"_s);
    QCOMPARE(index.method(0), QByteArray("POST"));
    QCOMPARE(index.target(0), QByteArray("/webhook/1"));
    QCOMPARE(index.findings(0), QStringList());
    QCOMPARE(index.row(0).group, 0);
    QCOMPARE(index.row(0).flags, quint16(0));
}

void TestCaptureStore::indexRowOfId_data()
{
    QTest::addColumn<QList<quint64>>("ids");
    QTest::addColumn<quint64>("id");
    QTest::addColumn<qsizetype>("row");

    const QList<quint64> ids{2, 3, 7, 8, 100};
    QTest::newRow("first") << ids << quint64(2) << qsizetype(0);
    QTest::newRow("middle") << ids << quint64(7) << qsizetype(2);
    QTest::newRow("after a gap") << ids << quint64(8) << qsizetype(3);
    QTest::newRow("last") << ids << quint64(100) << qsizetype(4);
    QTest::newRow("zero") << ids << quint64(0) << qsizetype(-1);
    QTest::newRow("below the first") << ids << quint64(1) << qsizetype(-1);
    QTest::newRow("in a gap") << ids << quint64(5) << qsizetype(-1);
    QTest::newRow("just below the last") << ids << quint64(99) << qsizetype(-1);
    QTest::newRow("above the last") << ids << quint64(101) << qsizetype(-1);
    QTest::newRow("empty index") << QList<quint64>{} << quint64(1) << qsizetype(-1);
    QTest::newRow("single row") << QList<quint64>{42} << quint64(42) << qsizetype(0);
    QTest::newRow("largest ids") << QList<quint64>{1, quint64(1) << 63, ~quint64(0)} << ~quint64(0)
                                 << qsizetype(2);

    // Captures whose answer was held arrive after later ones: ids out of order.
    const QList<quint64> late{3, 4, 5, 1, 2, 6, 8, 7};
    for (qsizetype i = 0; i < late.size(); ++i)
        QTest::addRow("late rows, id %llu", late.at(i)) << late << late.at(i) << i;
    QTest::newRow("late rows, absent") << late << quint64(9) << qsizetype(-1);
    QTest::newRow("late rows, zero") << late << quint64(0) << qsizetype(-1);
    QTest::newRow("one late row") << QList<quint64>{1, 3, 2, 4} << quint64(3) << qsizetype(1);
    QTest::newRow("late behind the first") << QList<quint64>{5, 1} << quint64(5) << qsizetype(0);
}

void TestCaptureStore::indexRowOfId()
{
    QFETCH(QList<quint64>, ids);
    QFETCH(quint64, id);
    QFETCH(qsizetype, row);

    CaptureIndex index;
    for (quint64 each : ids)
        appendKeyed(index, each, QString());
    QCOMPARE(index.rowOfId(id), row);
}

void TestCaptureStore::indexTail_data()
{
    QTest::addColumn<QStringList>("keys");
    QTest::addColumn<QList<bool>>("conflicting");
    QTest::addColumn<qsizetype>("first");
    // Of the kept rows, numbered from 0 in the new index.
    QTest::addColumn<QList<qint32>>("previous");
    QTest::addColumn<QList<bool>>("retry");
    QTest::addColumn<QList<qint32>>("counts"); // of each kept row's group; 0 without a key
    QTest::addColumn<QList<bool>>("groupConflict");

    const QStringList keys{u"a"_s, u"b"_s, u"a"_s, QString(), u"a"_s, u"b"_s};
    const QList<bool> none(6, false);
    QTest::newRow("keep everything")
        << keys << none << qsizetype(0) << QList<qint32>{-1, -1, 0, -1, 2, 1}
        << QList<bool>{false, false, true, false, true, true} << QList<qint32>{3, 2, 3, 0, 3, 2}
        << QList<bool>(6, false);
    QTest::newRow("a negative first keeps everything")
        << keys << none << qsizetype(-3) << QList<qint32>{-1, -1, 0, -1, 2, 1}
        << QList<bool>{false, false, true, false, true, true} << QList<qint32>{3, 2, 3, 0, 3, 2}
        << QList<bool>(6, false);
    QTest::newRow("drop the first delivery of each key")
        << keys << none << qsizetype(2) << QList<qint32>{-1, -1, 0, -1}
        << QList<bool>{false, false, true, false} << QList<qint32>{2, 0, 2, 1}
        << QList<bool>(4, false);
    QTest::newRow("keep the last row only")
        << keys << none << qsizetype(5) << QList<qint32>{-1} << QList<bool>{false}
        << QList<qint32>{1} << QList<bool>{false};
    QTest::newRow("first at the end keeps nothing")
        << keys << none << qsizetype(6) << QList<qint32>{} << QList<bool>{} << QList<qint32>{}
        << QList<bool>{};
    QTest::newRow("first past the end keeps nothing")
        << keys << none << qsizetype(10) << QList<qint32>{} << QList<bool>{} << QList<qint32>{}
        << QList<bool>{};

    const QStringList thrice{u"a"_s, u"a"_s, u"a"_s};
    const QList<bool> middle{false, true, false};
    QTest::newRow("the conflicting delivery is kept")
        << thrice << middle << qsizetype(1) << QList<qint32>{-1, 0} << QList<bool>{false, true}
        << QList<qint32>{2, 2} << QList<bool>{true, true};
    QTest::newRow("the conflicting delivery is dropped")
        << thrice << middle << qsizetype(2) << QList<qint32>{-1} << QList<bool>{false}
        << QList<qint32>{1} << QList<bool>{false};
}

void TestCaptureStore::indexTail()
{
    QFETCH(QStringList, keys);
    QFETCH(QList<bool>, conflicting);
    QFETCH(qsizetype, first);
    QFETCH(QList<qint32>, previous);
    QFETCH(QList<bool>, retry);
    QFETCH(QList<qint32>, counts);
    QFETCH(QList<bool>, groupConflict);

    CaptureIndex index;
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const QStringList findings =
            conflicting.at(i) ? QStringList{u"conflicting_duplicate"_s} : QStringList();
        appendKeyed(index, quint64(10 * (i + 1)), keys.at(i), findings);
    }
    QStringList before;
    for (qsizetype i = 0; i < index.size(); ++i)
        before.append(rowText(index, i));

    const CaptureIndex kept = index.tail(first);
    const qsizetype from = qBound(qsizetype(0), first, keys.size());
    QCOMPARE(kept.size(), keys.size() - from);
    QCOMPARE(kept.size(), previous.size());
    for (qsizetype i = 0; i < kept.size(); ++i) {
        const CaptureIndex::Row &r = kept.row(i);
        // The summaries travel unchanged; only the grouping is redone.
        QCOMPARE(entryText(kept.entry(i)), entryText(index.entry(from + i)));
        QCOMPARE(r.previous, previous.at(i));
        QCOMPARE(bool(r.flags & CaptureIndex::Retry), retry.at(i));
        QCOMPARE(bool(r.flags & CaptureIndex::Conflict), conflicting.at(from + i));
        QCOMPARE(r.group < 0 ? 0 : kept.group(r.group).count, counts.at(i));
        QCOMPARE(r.group >= 0 && kept.group(r.group).conflict, groupConflict.at(i));
        if (r.group >= 0) {
            QVERIFY(kept.group(r.group).lastRow >= i);
            QVERIFY(kept.group(r.group).firstRow <= i);
        }
        QCOMPARE(kept.rowOfId(r.id), i);
    }
    for (qsizetype i = 0; i < from; ++i)
        QCOMPARE(kept.rowOfId(index.row(i).id), -1);
    // The index it was cut from is left as it was.
    for (qsizetype i = 0; i < index.size(); ++i)
        QCOMPARE(rowText(index, i), before.at(i));
}

void TestCaptureStore::indexKeepsTheJournalsNumbering_data()
{
    QTest::addColumn<int>("keep");                    // the newest captures retention keeps
    QTest::addColumn<QList<qint32>>("counts");        // rows of run_r and run_s kept; 0: none
    QTest::addColumn<QList<quint32>>("attempts");     // the highest attempt of each among them
    QTest::addColumn<QList<bool>>("complete");        // whether all their attempts are kept
    QTest::addColumn<QList<quint32>>("firstAttempt"); // of the first row of each kept

    // run_r ×5 and run_s ×2, interleaved, with a keyless capture: r1 s1 r2 - r3 r4 s2 r5.
    QTest::newRow("everything") << 0 << QList<qint32>{5, 2} << QList<quint32>{5, 2}
                                << QList<bool>{true, true} << QList<quint32>{1, 1};
    QTest::newRow("the first of each left out")
        << 6 << QList<qint32>{4, 1} << QList<quint32>{5, 2} << QList<bool>{false, false}
        << QList<quint32>{2, 2};
    QTest::newRow("the last two attempts") << 3 << QList<qint32>{2, 1} << QList<quint32>{5, 2}
                                           << QList<bool>{false, false} << QList<quint32>{4, 2};
    QTest::newRow("the last attempt only") << 1 << QList<qint32>{1, 0} << QList<quint32>{5, 0}
                                           << QList<bool>{false, false} << QList<quint32>{5, 0};
}

// Retention keeps the newest captures; the kept rows' groups count what is kept but keep the
// attempt numbers and first capture the journal holds (DuplicateIndex gave them): attempt 5
// is never shown as "5 of 2".
void TestCaptureStore::indexKeepsTheJournalsNumbering()
{
    QFETCH(int, keep);
    QFETCH(QList<qint32>, counts);
    QFETCH(QList<quint32>, attempts);
    QFETCH(QList<bool>, complete);
    QFETCH(QList<quint32>, firstAttempt);

    const QStringList keys{u"run_r"_s, u"run_s"_s, u"run_r"_s, QString(),
                           u"run_r"_s, u"run_r"_s, u"run_s"_s, u"run_r"_s};
    DuplicateIndex numbering;
    CaptureIndex all;
    for (qsizetype i = 0; i < keys.size(); ++i) {
        HooxClassification h;
        h.key = keys.at(i);
        numbering.assign(quint64(10 * (i + 1)), h);
        CaptureIndex::Entry e;
        e.id = quint64(10 * (i + 1));
        e.receivedAtMs = BaseMs + i * 1000;
        e.attempt = h.attempt;
        e.duplicateOf = h.duplicateOf;
        e.key = keys.at(i);
        all.append(e);
    }
    const CaptureIndex kept = SessionEngine::retained(CaptureIndex(all), keep, 0, BaseMs);
    QCOMPARE(kept.size(), keep == 0 ? all.size() : keep);
    for (qsizetype k = 0; k < 2; ++k) {
        const QString key = k == 0 ? u"run_r"_s : u"run_s"_s;
        qsizetype row = 0;
        while (row < kept.size() && kept.key(row) != key)
            ++row;
        if (counts.at(k) == 0) {
            QCOMPARE(row, kept.size());
            continue;
        }
        const CaptureIndex::Row &r = kept.row(row);
        const CaptureIndex::Group &g = kept.group(r.group);
        QCOMPARE(g.count, counts.at(k));
        QCOMPARE(g.attempts, attempts.at(k));
        QCOMPARE(g.isComplete(), complete.at(k));
        QCOMPARE(g.firstId, k == 0 ? 10u : 20u); // even when it is not kept
        QCOMPARE(kept.rowOfId(g.firstId) >= 0, complete.at(k));
        QCOMPARE(g.firstRow, qint32(row));
        QCOMPARE(r.attempt, firstAttempt.at(k));
        QCOMPARE(r.previous, -1);
        QCOMPARE(kept.row(g.lastRow).attempt, attempts.at(k));
    }
}

void TestCaptureStore::storeReadsBackFromJournal()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Session s = recordSession(dir.filePath(u"session.hkj"_s), 70);
    QCOMPARE(s.captures.size(), 70);

    CaptureStore store;
    store.setJournalPath(s.path);
    QCOMPARE(store.journalPath(), s.path);
    QSignalSpy aboutToAppend(&store, &CaptureStore::aboutToAppend);
    QSignalSpy appended(&store, &CaptureStore::appended);
    // Views size themselves on these: before, the rows are not there yet; after, they are.
    QList<qsizetype> sizeBefore;
    QList<qsizetype> sizeAfter;
    connect(&store, &CaptureStore::aboutToAppend, &store,
            [&](qsizetype, qsizetype) { sizeBefore.append(store.size()); });
    connect(&store, &CaptureStore::appended, &store,
            [&](qsizetype, qsizetype) { sizeAfter.append(store.size()); });

    store.append(s.captures.mid(0, 1));
    store.append(s.captures.mid(1, 5));
    store.append({});
    store.append(s.captures.mid(6));

    const QList<QList<qsizetype>> batches{{0, 1}, {1, 5}, {6, 64}};
    QCOMPARE(aboutToAppend.size(), batches.size());
    QCOMPARE(appended.size(), batches.size());
    for (qsizetype b = 0; b < batches.size(); ++b) {
        QCOMPARE(aboutToAppend.at(b).at(0).value<qsizetype>(), batches[b][0]);
        QCOMPARE(aboutToAppend.at(b).at(1).value<qsizetype>(), batches[b][1]);
        QCOMPARE(appended.at(b).at(0).value<qsizetype>(), batches[b][0]);
        QCOMPARE(appended.at(b).at(1).value<qsizetype>(), batches[b][1]);
        QCOMPARE(sizeBefore.at(b), batches[b][0]);
        QCOMPARE(sizeAfter.at(b), batches[b][0] + batches[b][1]);
    }
    QCOMPARE(store.size(), 70);

    int journaled = 0;
    int resident = 0;
    int retries = 0;
    int conflicts = 0;
    int chunked = 0;
    for (qsizetype i = 0; i < store.size(); ++i) {
        const CapturePtr &recorded = s.captures.at(i);
        const CaptureStore::Row &r = store.row(i);
        QCOMPARE(r.id, recorded->id);
        QCOMPARE(store.rowOfId(recorded->id), i);
        QCOMPARE(r.journalOffset, recorded->journalOffset);
        QCOMPARE(r.recordSize, recorded->journalRecordSize);
        QCOMPARE(r.bodySize, quint32(recorded->body.size()));
        QCOMPARE(bool(r.flags & CaptureStore::Refused), recorded->refused);
        QCOMPARE(store.key(i).toString(), recorded->hoox.key);
        retries += (r.flags & CaptureStore::Retry) ? 1 : 0;
        conflicts += (r.flags & CaptureStore::Conflict) ? 1 : 0;
        chunked += recorded->chunked ? 1 : 0;

        QString error;
        const CapturePtr c = store.capture(i, &error);
        QVERIFY2(c, qPrintable(error));
        QVERIFY2(*c == *recorded, qPrintable(u"row %1 differs from what was recorded"_s.arg(i)));
        if (isJournaled(recorded)) {
            ++journaled;
            // Read back, not kept: the store holds no copy of journaled captures.
            QVERIFY(c.get() != recorded.get());
            QCOMPARE(c->journalOffset, recorded->journalOffset);
            QCOMPARE(c->journalRecordSize, recorded->journalRecordSize);
            // Several panels open the selected row at once: it is read once.
            QCOMPARE(store.capture(i).get(), c.get());
        } else {
            ++resident;
            QCOMPARE(c.get(), recorded.get());
            QVERIFY(recorded->refused);
        }
    }
    // The session has what these checks are about.
    QCOMPARE(resident, 10);
    QCOMPARE(journaled, 60);
    QVERIFY(retries > 10);
    QVERIFY(conflicts > 0);
    QVERIFY(chunked > 0);

    QVERIFY(!store.capture(-1));
    QVERIFY(!store.capture(store.size()));
}

void TestCaptureStore::storeWithoutJournal()
{
    const Session s = recordSession(QString(), 40);
    QCOMPARE(s.captures.size(), 40);
    CaptureStore store;
    QVERIFY(store.journalPath().isEmpty());
    store.append(s.captures);
    QCOMPARE(store.size(), 40);
    for (qsizetype i = 0; i < store.size(); ++i) {
        QCOMPARE(store.row(i).journalOffset, qint64(-1));
        QString error;
        QCOMPARE(store.capture(i, &error).get(), s.captures.at(i).get());
        QVERIFY(error.isEmpty());
    }

    // With nothing journaled, the search needs no file at all.
    const auto source = store.searchSource();
    QVERIFY(source->journalPath.isEmpty());
    const TextMatcher matcher(u"FaIlEd"_s, false);
    const std::vector<quint8> result = CaptureSearch::run(*source, matcher);
    QCOMPARE(result.size(), size_t(40));
    int matched = 0;
    for (qsizetype i = 0; i < store.size(); ++i) {
        const bool expected = matcher.matches(*s.captures.at(i));
        QCOMPARE(bool(result[size_t(i)]), expected);
        QCOMPARE(store.matchesText(i, matcher), expected);
        matched += expected ? 1 : 0;
    }
    QVERIFY(matched > 0 && matched < 40);
}

void TestCaptureStore::storeJournalDamaged_data()
{
    QTest::addColumn<JournalDamage>("damage");
    QTest::addColumn<bool>("readFirst"); // whether the store had the journal open already
    QTest::addColumn<QString>("folder");

    const QString plain = u"journals"_s;
    QTest::newRow("cut inside the record") << JournalDamage::CutInRecord << true << plain;
    QTest::newRow("cut before the record") << JournalDamage::CutBeforeRecord << true << plain;
    QTest::newRow("rewritten with another session") << JournalDamage::OtherSession << true << plain;
    QTest::newRow("rewritten with another session, not opened before")
        << JournalDamage::OtherSession << false << plain;
    QTest::newRow("overwritten with other bytes") << JournalDamage::OtherBytes << true << plain;
    QTest::newRow("removed before it was opened") << JournalDamage::Removed << false << plain;
    // A folder name is the user's: it can hold anything QString::arg() treats as a placeholder.
    const QString percent = u"odd%1folder"_s;
    QTest::newRow("cut, in a folder named with %1")
        << JournalDamage::CutInRecord << true << percent;
    QTest::newRow("rewritten with another session, in a folder named with %1")
        << JournalDamage::OtherSession << true << percent;
}

void TestCaptureStore::storeJournalDamaged()
{
    QFETCH(JournalDamage, damage);
    QFETCH(bool, readFirst);
    QFETCH(QString, folder);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = QDir(dir.filePath(folder)).filePath(u"session.hkj"_s);
    const Session s = recordSession(path, 40);
    QCOMPARE(s.captures.size(), 40);
    CaptureStore store;
    store.setJournalPath(path);
    store.append(s.captures);

    const auto firstJournaled = qsizetype(
        std::find_if(s.captures.cbegin(), s.captures.cend(), isJournaled) - s.captures.cbegin());
    const auto lastJournaled =
        qsizetype(std::find_if(s.captures.crbegin(), s.captures.crend(), isJournaled).base() -
                  s.captures.cbegin()) -
        1;
    const auto firstResident =
        qsizetype(std::find_if_not(s.captures.cbegin(), s.captures.cend(), isJournaled) -
                  s.captures.cbegin());
    QVERIFY(firstJournaled < lastJournaled);
    QVERIFY(firstResident < s.captures.size());
    if (readFirst)
        QVERIFY(store.capture(firstJournaled));

    const Capture &victim = *s.captures.at(lastJournaled);
    const QString offset = QString::number(victim.journalOffset);
    QStringList expected{path};
    switch (damage) {
    case JournalDamage::CutInRecord:
        QVERIFY(QFile::resize(path, victim.journalOffset + victim.journalRecordSize / 2));
        expected << u"byte "_s + offset << u"shorter than it was"_s;
        break;
    case JournalDamage::CutBeforeRecord:
        QVERIFY(QFile::resize(path, victim.journalOffset - 5));
        expected << u"byte "_s + offset << u"shorter than it was"_s;
        break;
    case JournalDamage::OtherSession: {
        // The same deliveries under other ids: every record is where the index expects one, and
        // its checksum is right, but it is another capture.
        const Session other = recordSession(dir.filePath(u"other.hkj"_s), 40, 1001);
        QCOMPARE(other.captures.size(), 40);
        QCOMPARE(other.captures.at(lastJournaled)->journalOffset, victim.journalOffset);
        QVERIFY(overwrite(path, fileBytes(other.path)));
        QCOMPARE(QFileInfo(path).size(), QFileInfo(other.path).size());
        expected << u"#"_s + QString::number(victim.id) << u"no longer holds"_s;
        break;
    }
    case JournalDamage::OtherBytes:
        QVERIFY(overwrite(path, QByteArray(QFileInfo(path).size(), 'x')));
        expected << u"byte "_s + offset << u"does not match"_s;
        break;
    case JournalDamage::Removed: {
        QVERIFY(QFile::remove(path));
        QFile probe(path);
        QVERIFY(!probe.open(QIODevice::ReadOnly));
        expected << u"#"_s + QString::number(victim.id) << probe.errorString();
        break;
    }
    }

    QString error;
    QVERIFY(!store.capture(lastJournaled, &error));
    for (const QString &part : std::as_const(expected))
        QVERIFY2(error.contains(part),
                 qPrintable(u"\"%1\" does not name \"%2\""_s.arg(error, part)));
    QVERIFY(!store.capture(lastJournaled)); // no error wanted: still null, no crash
    // Captures kept whole do not depend on the journal.
    QCOMPARE(store.capture(firstResident).get(), s.captures.at(firstResident).get());
}

void TestCaptureStore::storeAppendLoaded()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Session s = recordSession(dir.filePath(u"session.hkj"_s), 80);
    QCOMPARE(s.captures.size(), 80);
    // Refused captures are never journaled, so a reopened journal holds the others only.
    const CaptureBatch journaled = journaledOf(s.captures);
    const qsizetype count = journaled.size();
    CaptureStore live;
    live.setJournalPath(s.path);
    live.append(journaled);

    Journal journal;
    QString error;
    QVERIFY2(journal.open(s.path, &error), qPrintable(error));
    QVERIFY(journal.warning().isEmpty());
    CaptureStore loaded;
    loaded.setJournalPath(journal.path());
    QSignalSpy aboutToAppend(&loaded, &CaptureStore::aboutToAppend);
    QSignalSpy appended(&loaded, &CaptureStore::appended);
    loaded.appendLoaded(journal.takeLoaded());
    QCOMPARE(journal.takeLoaded().size(), 0); // handed over, not copied
    QCOMPARE(aboutToAppend.size(), 1);
    QCOMPARE(aboutToAppend.at(0).at(0).value<qsizetype>(), 0);
    QCOMPARE(aboutToAppend.at(0).at(1).value<qsizetype>(), count);
    QCOMPARE(appended.size(), 1);
    QCOMPARE(appended.at(0).at(0).value<qsizetype>(), 0);
    QCOMPARE(appended.at(0).at(1).value<qsizetype>(), count);

    QCOMPARE(storeDifference(loaded, live), QString());
    for (qsizetype i = 0; i < count; ++i) {
        const CapturePtr c = loaded.capture(i, &error);
        QVERIFY2(c, qPrintable(error));
        QVERIFY2(*c == *journaled.at(i), qPrintable(u"row %1 differs"_s.arg(i)));
    }

    // Loaded rows after live ones continue the live rows' groups.
    const JournalIndexResult reread = JournalReader::readIndex(s.path);
    QVERIFY2(reread.error.isEmpty(), qPrintable(reread.error));
    const qsizetype half = count / 2;
    CaptureStore mixed;
    mixed.setJournalPath(s.path);
    mixed.append(journaled.mid(0, half));
    QSignalSpy mixedAppended(&mixed, &CaptureStore::appended);
    mixed.appendLoaded(reread.index.tail(half));
    QCOMPARE(mixedAppended.size(), 1);
    QCOMPARE(mixedAppended.at(0).at(0).value<qsizetype>(), half);
    QCOMPARE(mixedAppended.at(0).at(1).value<qsizetype>(), count - half);
    QCOMPARE(storeDifference(mixed, live), QString());
    for (qsizetype i = half; i < count; ++i) {
        const CapturePtr c = mixed.capture(i, &error);
        QVERIFY2(c, qPrintable(error));
        QVERIFY(*c == *journaled.at(i));
    }

    // Nothing to append: nothing to announce.
    mixed.appendLoaded(CaptureIndex());
    QCOMPARE(mixedAppended.size(), 1);
    QCOMPARE(mixed.size(), count);
}

void TestCaptureStore::storeClear()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Session s = recordSession(dir.filePath(u"session.hkj"_s), 30);
    QCOMPARE(s.captures.size(), 30);
    CaptureStore store;
    store.setJournalPath(s.path);
    store.append(s.captures);
    QVERIFY(store.capture(0)); // journaled, and now the row read last
    QVERIFY(s.captures.at(6)->refused);
    QCOMPARE(store.capture(6).get(), s.captures.at(6).get());

    QSignalSpy aboutToClear(&store, &CaptureStore::aboutToClear);
    QSignalSpy cleared(&store, &CaptureStore::cleared);
    store.clear();
    QCOMPARE(aboutToClear.size(), 1);
    QCOMPARE(cleared.size(), 1);
    QCOMPARE(store.size(), 0);
    QCOMPARE(store.index().groupCount(), 0);
    QVERIFY(!store.capture(0));
    QCOMPARE(store.rowOfId(s.captures.at(0)->id), -1);
    const auto empty = store.searchSource();
    QVERIFY(empty->spans.empty());
    QVERIFY(empty->resident.isEmpty());

    // The next rows take the same row numbers: neither the capture read last nor the old
    // resident one may answer for them.
    const CaptureBatch next = journaledOf(s.captures.mid(10));
    store.append(next);
    QCOMPARE(store.size(), next.size());
    for (qsizetype i = 0; i < next.size(); ++i) {
        const CapturePtr c = store.capture(i);
        QVERIFY(c);
        QCOMPARE(c->id, next.at(i)->id);
        QVERIFY(*c == *next.at(i));
    }
    // No group survives the clear: the rows are grouped as in a store that never had others.
    CaptureStore fresh;
    fresh.setJournalPath(s.path);
    fresh.append(next);
    QCOMPARE(storeDifference(store, fresh), QString());
}

void TestCaptureStore::searchMatchesFullCaptures_data()
{
    QTest::addColumn<QString>("needle");
    QTest::addColumn<bool>("regex");
    QTest::addColumn<QString>("onlyIn"); // "key" or "target": nowhere else; empty: anywhere
    QTest::addColumn<qsizetype>("atLeast");
    QTest::addColumn<qsizetype>("atMost");

    const qsizetype n = SearchRows;
    QTest::newRow("ASCII, mixed case")
        << u"FaIlEd"_s << false << QString() << qsizetype(1000) << n - 1000;
    QTest::newRow("in keys only") << u"QUOKKA"_s << false << u"key"_s << qsizetype(1000)
                                  << n - 1000;
    QTest::newRow("in paths only")
        << u"wOMBAT"_s << false << u"target"_s << qsizetype(1000) << n - 1000;
    QTest::newRow("non-ASCII, other case")
        << u"\u00c9"_s << false << QString() << qsizetype(1000) << n - 1000;
    QTest::newRow("regex on keys")
        << u"^job_\\d*7$"_s << true << u"key"_s << qsizetype(200) << n - 1000;
    QTest::newRow("regex with a Unicode class")
        << u"caf\\w\\b"_s << true << QString() << qsizetype(1000) << n - 1000;
    QTest::newRow("long needle in a body larger than the read window")
        << QString::fromLatin1(longNeedle()).toUpper() << false << QString() << qsizetype(1)
        << qsizetype(1);
    QTest::newRow("absent") << u"zebra"_s << false << QString() << qsizetype(0) << qsizetype(0);
    QTest::newRow("empty") << QString() << false << QString() << n << n;
}

void TestCaptureStore::searchMatchesFullCaptures()
{
    QFETCH(QString, needle);
    QFETCH(bool, regex);
    QFETCH(QString, onlyIn);
    QFETCH(qsizetype, atLeast);
    QFETCH(qsizetype, atMost);

    const SearchFixture &f = *m_search;
    const TextMatcher matcher(needle, regex);
    QVERIFY2(matcher.isValid(), qPrintable(matcher.error()));
    const auto source = f.store.searchSource();
    QCOMPARE(source->journalPath, f.session.path);
    const std::vector<quint8> result = CaptureSearch::run(*source, matcher);
    QCOMPARE(qsizetype(result.size()), f.store.size());

    qsizetype matched = 0;
    qsizetype journaledMatched = 0;
    for (qsizetype i = 0; i < f.store.size(); ++i) {
        const Capture &c = *f.full[size_t(i)];
        const bool expected = matcher.matches(c);
        if (bool(result[size_t(i)]) != expected)
            QFAIL(qPrintable(u"row %1 (id %2): the search says %3"_s.arg(i).arg(c.id).arg(
                int(result[size_t(i)]))));
        // The live path, for rows that arrive after a search, agrees with the snapshot's.
        if (f.store.matchesText(i, matcher) != expected)
            QFAIL(qPrintable(u"row %1: matchesText() disagrees with the search"_s.arg(i)));
        if (!expected)
            continue;
        ++matched;
        journaledMatched += isJournaled(f.session.captures.at(i)) ? 1 : 0;
        // The needle is where the row says, so that this row tests matching there.
        if (onlyIn == u"key"_s)
            QVERIFY(!matcher.matches(QByteArrayView(), c.target, c.body));
        else if (onlyIn == u"target"_s)
            QVERIFY(!matcher.matches(c.hoox.key.toUtf8(), QByteArrayView(), c.body));
    }
    QVERIFY2(matched >= atLeast && matched <= atMost,
             qPrintable(u"%1 rows matched"_s.arg(matched)));
    if (matched > 0)
        QVERIFY(journaledMatched > 0);
}

void TestCaptureStore::searchSuperseded_data()
{
    QTest::addColumn<qsizetype>("rows");
    QTest::newRow("one thread") << qsizetype(500);
    QTest::newRow("several threads") << SearchRows;
}

void TestCaptureStore::searchSuperseded()
{
    QFETCH(qsizetype, rows);
    const SearchFixture &f = *m_search;
    CaptureStore store;
    store.setJournalPath(f.session.path);
    store.append(f.session.captures.mid(0, rows));
    const auto source = store.searchSource();
    const TextMatcher matcher(u"failed"_s, false);

    std::atomic<quint64> current{41};
    QVERIFY(CaptureSearch::run(*source, matcher, &current, 40).empty());
    const std::vector<quint8> result = CaptureSearch::run(*source, matcher, &current, 41);
    QCOMPARE(qsizetype(result.size()), rows);
    QVERIFY(result == CaptureSearch::run(*source, matcher));
    QVERIFY(std::count(result.cbegin(), result.cend(), quint8(1)) > 0);
}

void TestCaptureStore::searchSnapshot()
{
    const SearchFixture &f = *m_search;
    CaptureStore store;
    store.setJournalPath(f.session.path);
    store.append(f.session.captures.mid(0, 300));
    const auto source = store.searchSource();

    // Rows that arrive later, or a clear, do not reach a search already under way.
    store.append(f.session.captures.mid(300, 300));
    QCOMPARE(source->spans.size(), size_t(300));
    store.clear();
    const std::vector<quint8> all = CaptureSearch::run(*source, TextMatcher(QString(), false));
    QCOMPARE(all.size(), size_t(300));
    QVERIFY(std::all_of(all.cbegin(), all.cend(), [](quint8 m) { return m == 1; }));
    QVERIFY(!source->resident.isEmpty());
}

void TestCaptureStore::searchDamagedJournal()
{
    const SearchFixture &f = *m_search;
    CaptureStore::SearchSource source = *f.store.searchSource();
    const TextMatcher everything(QString(), false);

    // Records past the cut cannot be read, so they do not match; those before still do.
    const QString cut = f.dir.filePath(u"cut.hkj"_s);
    QFile::remove(cut);
    QVERIFY(QFile::copy(f.session.path, cut));
    const qint64 cutAt = QFileInfo(cut).size() / 3;
    QVERIFY(QFile::resize(cut, cutAt));
    source.journalPath = cut;
    std::vector<quint8> result = CaptureSearch::run(source, everything);
    QCOMPARE(qsizetype(result.size()), SearchRows);
    qsizetype lost = 0;
    for (size_t i = 0; i < result.size(); ++i) {
        const CaptureStore::SearchSource::Span &span = source.spans[i];
        const bool readable = span.offset < 0 || span.offset + span.size <= cutAt;
        QCOMPARE(bool(result[i]), readable);
        lost += readable ? 0 : 1;
    }
    QVERIFY(lost > 1000);

    // Without the file, only the captures kept whole can match.
    source.journalPath = f.dir.filePath(u"missing.hkj"_s);
    result = CaptureSearch::run(source, everything);
    QCOMPARE(qsizetype(result.size()), SearchRows);
    for (size_t i = 0; i < result.size(); ++i)
        QCOMPARE(bool(result[i]), source.spans[i].offset < 0);
}

QTEST_GUILESS_MAIN(TestCaptureStore)
#include "tst_capturestore.moc"
