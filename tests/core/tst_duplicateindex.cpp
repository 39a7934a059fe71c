// SPDX-License-Identifier: MIT
#include "capture/CaptureIndex.h"
#include "capture/DuplicateIndex.h"
#include "hoox/HooxClassifier.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString conflict = u"conflicting_duplicate"_s;

HooxClassification classify(const QByteArray &body)
{
    HttpHeaders headers;
    headers.append("User-Agent", "Hoox-API/1.0");
    headers.append("X-Hoox-Webhook", "true");
    headers.append("Content-Type", "application/json");
    return HooxClassifier::classify("POST", headers, body);
}

QByteArray video(const QByteArray &jobId, const QByteArray &videoId = "v1")
{
    return R"({"task":"video_generate","job_id":")" + jobId +
           R"(","status":"completed","result":{"video_id":")" + videoId + R"("}})";
}

QByteArray videoFailed(const QByteArray &jobId, const QByteArray &code = "INSUFFICIENT_CREDITS")
{
    return R"({"task":"video_generate","job_id":")" + jobId +
           R"(","status":"failed","error":{"code":")" + code + R"(","message":"m"}})";
}

QByteArray avatar(const QByteArray &task, const QByteArray &avatarId, const QByteArray &lookId)
{
    return R"({"task":")" + task + R"(","avatar_id":")" + avatarId + R"(","look_id":")" + lookId +
           R"(","status":"completed","result":{}})";
}

// Capture ids are spaced apart so that an id is never mistaken for an attempt number.
quint64 idAt(qsizetype index)
{
    return quint64(index + 1) * 10;
}

QList<HooxClassification> assignAll(DuplicateIndex &index, const QList<QByteArray> &bodies)
{
    QList<HooxClassification> out;
    for (qsizetype i = 0; i < bodies.size(); ++i) {
        HooxClassification c = classify(bodies.at(i));
        index.assign(idAt(i), c);
        out.append(c);
    }
    return out;
}

// The summaries a journal's reader gives back for `captures`, with ids idAt(kept[i]).
CaptureIndex indexOf(const QList<HooxClassification> &captures, const QList<qsizetype> &kept)
{
    CaptureIndex index;
    for (const qsizetype i : kept) {
        Capture c;
        c.id = idAt(i);
        c.hoox = captures.at(i);
        index.append(c);
    }
    return index;
}

} // namespace

class TestDuplicateIndex : public QObject {
    Q_OBJECT

private slots:
    void assign_data();
    void assign();
    void restoreThenAssign_data();
    void restoreThenAssign();
    void restorePrunedJournal_data();
    void restorePrunedJournal();
    void restoreWithoutStoredNumbers();
    void restoreFromIndex_data();
    void restoreFromIndex();
    void unassign();
    void assignOverwritesStaleNumbers();
    void clear();
};

void TestDuplicateIndex::assign_data()
{
    QTest::addColumn<QList<QByteArray>>("bodies");
    QTest::addColumn<QList<quint32>>("attempts");
    QTest::addColumn<QList<quint64>>("duplicateOf");
    QTest::addColumn<QList<bool>>("conflicting");
    QTest::addColumn<qsizetype>("keyCount");

    QTest::addRow("one delivery") << QList<QByteArray>{video("a")} << QList<quint32>{1}
                                  << QList<quint64>{0} << QList<bool>{false} << qsizetype(1);
    QTest::addRow("retried three times")
        << QList<QByteArray>{video("a"), video("a"), video("a")} << QList<quint32>{1, 2, 3}
        << QList<quint64>{0, 10, 10} << QList<bool>{false, false, false} << qsizetype(1);
    QTest::addRow("two jobs interleaved")
        << QList<QByteArray>{video("a"), video("b"), video("a"), video("b"), video("a")}
        << QList<quint32>{1, 1, 2, 2, 3} << QList<quint64>{0, 0, 10, 20, 10}
        << QList<bool>{false, false, false, false, false} << qsizetype(2);
    QTest::addRow("failed retried")
        << QList<QByteArray>{videoFailed("a"), videoFailed("a")} << QList<quint32>{1, 2}
        << QList<quint64>{0, 10} << QList<bool>{false, false} << qsizetype(1);
    QTest::addRow("avatar key") << QList<QByteArray>{avatar("avatar_create", "av", "l1"),
                                                     avatar("avatar_create", "av", "l2"),
                                                     avatar("avatar_create", "av", "l1")}
                                << QList<quint32>{1, 1, 2} << QList<quint64>{0, 0, 10}
                                << QList<bool>{false, false, false} << qsizetype(2);
    // The seed's idempotency check keys avatars on avatar_id:look_id whatever the task.
    QTest::addRow("avatar_create then avatar_edit of one look")
        << QList<QByteArray>{avatar("avatar_create", "av", "l1"), avatar("avatar_edit", "av", "l1")}
        << QList<quint32>{1, 2} << QList<quint64>{0, 10} << QList<bool>{false, false}
        << qsizetype(1);
    QTest::addRow("no key") << QList<QByteArray>{R"({"task":"x","job_id":"a"})", "not json",
                                                 R"({"task":"video_generate"})"}
                            << QList<quint32>{0, 0, 0} << QList<quint64>{0, 0, 0}
                            << QList<bool>{false, false, false} << qsizetype(0);
    QTest::addRow("differing status")
        << QList<QByteArray>{video("a"), videoFailed("a")} << QList<quint32>{1, 2}
        << QList<quint64>{0, 10} << QList<bool>{false, true} << qsizetype(1);
    QTest::addRow("differing result")
        << QList<QByteArray>{video("a", "v1"), video("a", "v2")} << QList<quint32>{1, 2}
        << QList<quint64>{0, 10} << QList<bool>{false, true} << qsizetype(1);
    QTest::addRow("differing error")
        << QList<QByteArray>{videoFailed("a", "E1"), videoFailed("a", "E2")} << QList<quint32>{1, 2}
        << QList<quint64>{0, 10} << QList<bool>{false, true} << qsizetype(1);
    QTest::addRow("same result written differently")
        << QList<QByteArray>{R"({"task":"video_generate","job_id":"a","status":"completed",)"
                             R"("result":{"video_id":"v","cost":5}})",
                             R"({ "result": { "cost": 5, "video_id": "v" }, "job_id": "a",)"
                             R"( "status": "completed", "task": "video_generate" })"}
        << QList<quint32>{1, 2} << QList<quint64>{0, 10} << QList<bool>{false, false}
        << qsizetype(1);
    // Later deliveries are compared with the first, not with the one before.
    QTest::addRow("conflict against the first")
        << QList<QByteArray>{video("a", "v1"), video("a", "v2"), video("a", "v2"), video("a", "v1")}
        << QList<quint32>{1, 2, 3, 4} << QList<quint64>{0, 10, 10, 10}
        << QList<bool>{false, true, true, false} << qsizetype(1);
}

void TestDuplicateIndex::assign()
{
    QFETCH(QList<QByteArray>, bodies);
    QFETCH(QList<quint32>, attempts);
    QFETCH(QList<quint64>, duplicateOf);
    QFETCH(QList<bool>, conflicting);
    QFETCH(qsizetype, keyCount);

    DuplicateIndex index;
    const QList<HooxClassification> results = assignAll(index, bodies);
    for (qsizetype i = 0; i < results.size(); ++i) {
        const HooxClassification &c = results.at(i);
        const HooxClassification fresh = classify(bodies.at(i));
        QCOMPARE(c.attempt, attempts.at(i));
        QCOMPARE(c.duplicateOf, duplicateOf.at(i));
        // Apart from the conflict, assign() leaves the classifier's findings as they were.
        QStringList expected = fresh.findings;
        if (conflicting.at(i))
            expected.append(conflict);
        QCOMPARE(c.findings, expected);
    }
    QCOMPARE(index.keyCount(), keyCount);
}

void TestDuplicateIndex::restoreThenAssign_data()
{
    assign_data();
}

void TestDuplicateIndex::restoreThenAssign()
{
    QFETCH(QList<QByteArray>, bodies);

    // A session that assigned live, and one that restored the same captures from a journal,
    // must number and judge every later delivery alike.
    DuplicateIndex live;
    const QList<HooxClassification> journal = assignAll(live, bodies);
    DuplicateIndex restored;
    for (qsizetype i = 0; i < journal.size(); ++i)
        restored.restore(idAt(i), journal.at(i));
    QCOMPARE(restored.keyCount(), live.keyCount());

    quint64 nextId = idAt(bodies.size());
    for (const QByteArray &body : bodies) {
        HooxClassification fromLive = classify(body);
        live.assign(nextId, fromLive);
        HooxClassification fromRestored = classify(body);
        restored.assign(nextId++, fromRestored);
        QCOMPARE(fromRestored, fromLive);
    }
    for (const QByteArray &body : {video("a", "other"), video("new")}) {
        HooxClassification fromLive = classify(body);
        live.assign(nextId, fromLive);
        HooxClassification fromRestored = classify(body);
        restored.assign(nextId++, fromRestored);
        QCOMPARE(fromRestored, fromLive);
    }
}

void TestDuplicateIndex::restorePrunedJournal_data()
{
    QTest::addColumn<QList<qsizetype>>("kept");
    QTest::addColumn<quint32>("nextAttempt");
    QTest::addColumn<quint64>("nextDuplicateOf");

    QTest::addRow("whole journal") << QList<qsizetype>{0, 1, 2, 3} << 5u << quint64(10);
    QTest::addRow("first capture pruned") << QList<qsizetype>{1, 2, 3} << 5u << quint64(10);
    QTest::addRow("middle captures pruned") << QList<qsizetype>{0, 3} << 5u << quint64(10);
    QTest::addRow("only the last kept") << QList<qsizetype>{3} << 5u << quint64(10);
    QTest::addRow("last capture pruned") << QList<qsizetype>{0, 1, 2} << 4u << quint64(10);
    QTest::addRow("nothing kept") << QList<qsizetype>{} << 1u << quint64(0);
}

void TestDuplicateIndex::restorePrunedJournal()
{
    QFETCH(QList<qsizetype>, kept);
    QFETCH(quint32, nextAttempt);
    QFETCH(quint64, nextDuplicateOf);

    DuplicateIndex live;
    const QList<HooxClassification> journal =
        assignAll(live, {video("a"), video("a"), video("a"), video("a")});

    // Attempt numbers already shown must not be handed out again after a restart.
    DuplicateIndex restored;
    for (const qsizetype i : kept)
        restored.restore(idAt(i), journal.at(i));
    HooxClassification next = classify(video("a"));
    restored.assign(idAt(journal.size()), next);
    QCOMPARE(next.attempt, nextAttempt);
    QCOMPARE(next.duplicateOf, nextDuplicateOf);
    QCOMPARE(next.findings, QStringList());
}

void TestDuplicateIndex::restoreWithoutStoredNumbers()
{
    // A journal may hold classifications whose numbering was never stored; restore() counts.
    DuplicateIndex restored;
    for (qsizetype i = 0; i < 3; ++i)
        restored.restore(idAt(i), classify(video("a")));
    HooxClassification next = classify(video("a", "other"));
    restored.assign(idAt(3), next);
    QCOMPARE(next.attempt, 4u);
    QCOMPARE(next.duplicateOf, idAt(0));
    QCOMPARE(next.findings, QStringList{conflict});
}

void TestDuplicateIndex::restoreFromIndex_data()
{
    QTest::addColumn<QList<qsizetype>>("kept");
    QTest::addColumn<bool>("warm"); // the index held a key before the restore

    const QList<qsizetype> all{0, 1, 2, 3, 4, 5, 6, 7};
    for (const bool warm : {false, true}) {
        const char *state = warm ? "into a used index" : "into an empty index";
        QTest::addRow("whole journal, %s", state) << all << warm;
        QTest::addRow("first captures pruned, %s", state) << QList<qsizetype>{2, 3, 5, 7} << warm;
        QTest::addRow("only keyless captures, %s", state) << QList<qsizetype>{6} << warm;
        QTest::addRow("nothing, %s", state) << QList<qsizetype>{} << warm;
    }
}

void TestDuplicateIndex::restoreFromIndex()
{
    QFETCH(QList<qsizetype>, kept);
    QFETCH(bool, warm);

    // Restoring a whole loaded index at once numbers and judges later deliveries exactly as
    // restoring its rows one by one does.
    DuplicateIndex live;
    const QList<HooxClassification> journal =
        assignAll(live, {video("a"), video("b"), video("a"), videoFailed("c"), video("a", "v2"),
                         videoFailed("c"), R"({"task":"video_generate"})", video("b")});
    const CaptureIndex loaded = indexOf(journal, kept);
    DuplicateIndex byRow;
    DuplicateIndex whole;
    if (warm) {
        byRow.restore(idAt(100), classify(video("c")));
        whole.restore(idAt(100), classify(video("c")));
    }
    for (qsizetype i = 0; i < loaded.size(); ++i) {
        const CaptureIndex::Row &r = loaded.row(i);
        byRow.restore(r.id, loaded.key(i), r.duplicateOf, r.attempt, r.outcomeHash);
    }
    whole.restore(loaded);
    QCOMPARE(whole.keyCount(), byRow.keyCount());

    quint64 nextId = idAt(200);
    for (const QByteArray &body :
         {video("a"), video("b", "v9"), videoFailed("c"), video("d"), video("a", "v3")}) {
        HooxClassification fromRows = classify(body);
        byRow.assign(nextId, fromRows);
        HooxClassification fromWhole = classify(body);
        whole.assign(nextId++, fromWhole);
        QCOMPARE(fromWhole, fromRows);
    }
    QCOMPARE(whole.keyCount(), byRow.keyCount());
}

void TestDuplicateIndex::unassign()
{
    DuplicateIndex index;
    HooxClassification first = classify(video("a"));
    index.assign(10, first);
    HooxClassification second = classify(video("a"));
    index.assign(20, second);

    // The journal refused capture 20: the next delivery takes its place as attempt 2.
    index.unassign(second);
    HooxClassification retry = classify(video("a"));
    index.assign(30, retry);
    QCOMPARE(retry.attempt, 2u);
    QCOMPARE(retry.duplicateOf, 10u);

    // Only the latest attempt can be taken back; an older one would leave a gap or a repeat.
    index.unassign(first);
    HooxClassification third = classify(video("a"));
    index.assign(40, third);
    QCOMPARE(third.attempt, 3u);

    // Taking back a group's only delivery forgets the key, and with it the first outcome.
    HooxClassification lone = classify(video("b", "v1"));
    index.assign(50, lone);
    QCOMPARE(index.keyCount(), 2);
    index.unassign(lone);
    QCOMPARE(index.keyCount(), 1);
    HooxClassification replacement = classify(video("b", "v2"));
    index.assign(60, replacement);
    QCOMPARE(replacement.attempt, 1u);
    QCOMPARE(replacement.duplicateOf, 0u);
    QCOMPARE(replacement.findings, QStringList());

    index.unassign(classify("not json"));
    QCOMPARE(index.keyCount(), 2);
}

void TestDuplicateIndex::assignOverwritesStaleNumbers()
{
    DuplicateIndex index;
    HooxClassification keyless = classify("not json");
    keyless.attempt = 4;
    keyless.duplicateOf = 99;
    index.assign(10, keyless);
    QCOMPARE(keyless.attempt, 0u);
    QCOMPARE(keyless.duplicateOf, 0u);

    HooxClassification first = classify(video("a"));
    first.attempt = 4;
    first.duplicateOf = 99;
    index.assign(20, first);
    QCOMPARE(first.attempt, 1u);
    QCOMPARE(first.duplicateOf, 0u);
}

void TestDuplicateIndex::clear()
{
    DuplicateIndex index;
    assignAll(index, {video("a"), video("b"), video("a")});
    QCOMPARE(index.keyCount(), 2);

    index.clear();
    QCOMPARE(index.keyCount(), 0);
    HooxClassification c = classify(video("a", "different"));
    index.assign(40, c);
    QCOMPARE(c.attempt, 1u);
    QCOMPARE(c.duplicateOf, 0u);
    QCOMPARE(c.findings, QStringList());
}

QTEST_GUILESS_MAIN(TestDuplicateIndex)
#include "tst_duplicateindex.moc"
