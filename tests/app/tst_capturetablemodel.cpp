// SPDX-License-Identifier: MIT
// The capture table model over a store fed in batches: attempt labels in the journal's
// numbering.
#include "CaptureTableModel.h"
#include "capture/CaptureStore.h"
#include "capture/DuplicateIndex.h"
#include "session/SessionEngine.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 BaseMs = 1'705'314'600'000;

// Deliveries the way the network thread makes them: mixed tasks, statuses, methods, paths,
// answers, sizes and findings, keys that come back, some refused, and the attempts numbered by
// the real DuplicateIndex (conflicting duplicates included).
class Feed {
public:
    explicit Feed(quint32 seed)
        : m_random(seed)
    {
    }

    CaptureBatch batch(int size)
    {
        CaptureBatch b;
        for (int i = 0; i < size; ++i)
            b.append(next(randomKey(), -1, m_random.bounded(20) == 0));
        return b;
    }

    // A delivery `gapMs` after the last one (-1: a random gap); a refused one is keyless and
    // never numbered, like ListenerWorker::refuse() makes it.
    CapturePtr next(const QString &key, qint64 gapMs = -1, bool refused = false)
    {
        auto c = std::make_shared<Capture>();
        c->id = m_nextId++;
        m_atMs += gapMs >= 0 ? gapMs : qint64(m_random.bounded(1, 3000));
        c->receivedAtMs = m_atMs;
        c->method = pick<QByteArray>({"POST", "POST", "POST", "GET", "PUT"});
        c->target = pick<QByteArray>({"/webhook/hoox", "/webhook/hoox", "/hooks", "/"});
        classify(c->hoox, key);
        c->body =
            "{\"job_id\":\"" + key.toUtf8() + "\"}" + QByteArray(int(m_random.bounded(3000)), ' ');
        c->answerStatus = pick<quint16>({200, 200, 200, 503});
        if (refused) {
            c->refused = true;
            c->answerStatus = 401;
            c->hoox.key.clear();
        } else {
            m_duplicates.assign(c->id, c->hoox);
        }
        return c;
    }

private:
    QString randomKey()
    {
        return m_random.bounded(10) == 0 ? QString()
                                         : u"job_"_s + QString::number(m_random.bounded(100));
    }

    void classify(HooxClassification &h, const QString &key)
    {
        static const HooxTask tasks[] = {HooxTask::VideoGenerate, HooxTask::VideoExport,
                                         HooxTask::AvatarCreate, HooxTask::AvatarEdit,
                                         HooxTask::None};
        static const HooxStatus statuses[] = {HooxStatus::Completed, HooxStatus::Completed,
                                              HooxStatus::Failed, HooxStatus::None,
                                              HooxStatus::Other};
        h.task = tasks[m_random.bounded(5)];
        h.taskText = hooxTaskName(h.task);
        h.status = statuses[m_random.bounded(5)];
        h.statusText = h.status == HooxStatus::Other ? u"pending"_s : hooxStatusName(h.status);
        h.key = key;
        // Mostly the same outcome per key, now and then a contradicting one.
        h.outcomeHash = qHash(key) + (m_random.bounded(8) == 0 ? 1 : 0);
        if (m_random.bounded(6) == 0)
            h.findings = {u"not_json"_s};
        if (m_random.bounded(9) == 0)
            h.findings.append(u"missing_field:status"_s);
    }

    template <typename T> T pick(std::initializer_list<T> values)
    {
        return *(values.begin() + m_random.bounded(int(values.size())));
    }

    QRandomGenerator m_random;
    DuplicateIndex m_duplicates;
    quint64 m_nextId = 1;
    qint64 m_atMs = BaseMs;
};

QList<qsizetype> storeRows(const CaptureTableModel &model)
{
    QList<qsizetype> rows;
    for (int i = 0; i < model.rowCount(); ++i)
        rows << model.storeRow(i);
    return rows;
}

QString attemptText(const CaptureTableModel &model, int row)
{
    return model.index(row, CaptureTableModel::AttemptColumn).data().toString();
}

} // namespace

class tst_CaptureTableModel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void attemptsUnderRetention();
};

void tst_CaptureTableModel::initTestCase()
{
    QLocale::setDefault(QLocale::c()); // "+1.0 s" whatever the machine's locale
}

// Retention keeps the newest captures, and the labels keep the journal's numbering: never
// "5 of 2".
void tst_CaptureTableModel::attemptsUnderRetention()
{
    Feed feed(5);
    CaptureIndex all;
    for (const qint64 gapMs : {0, 1000, 2000, 4000, 8000})
        all.append(*feed.next(u"job_r"_s, gapMs));
    {
        CaptureStore whole;
        whole.appendLoaded(CaptureIndex(all));
        const CaptureTableModel model(&whole);
        QCOMPARE(attemptText(model, 0), u"1 of 5"_s);
        QCOMPARE(attemptText(model, 1), u"2 of 5 · +1.0 s, fits Hoox's 1 s / 2 s / 4 s schedule"_s);
        QVERIFY(model.index(1, CaptureTableModel::AttemptColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(u"the first is #1"_s));
    }

    CaptureStore store;
    store.appendLoaded(SessionEngine::retained(CaptureIndex(all), 2, 0, 0));
    CaptureTableModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 2);
    // Attempt 3 is not shown: the gap before attempt 4 would tell nothing.
    QCOMPARE(attemptText(model, 0), u"attempt 4 of 5 · 2 shown"_s);
    QCOMPARE(attemptText(model, 1),
             u"attempt 5 of 5 · 2 shown · +8.0 s, beyond Hoox's 3 retries: a resend or another "
             "sender"_s);
    const QString tip =
        model.index(1, CaptureTableModel::AttemptColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(u"#1"_s) && tip.contains(u"retention"_s), qPrintable(tip));

    // A delivery arriving now goes on with the journal's numbering, and its key's rows follow.
    store.append({feed.next(u"job_r"_s, 500)});
    QCOMPARE(attemptText(model, 2).left(24), u"attempt 6 of 6 · 3 shown"_s);
    QCOMPARE(attemptText(model, 0), u"attempt 4 of 6 · 3 shown"_s);

    // Sorting by attempt sorts by the journal's numbers; "duplicates only" keeps them all.
    model.sort(CaptureTableModel::AttemptColumn, Qt::DescendingOrder);
    QCOMPARE(storeRows(model), (QList<qsizetype>{2, 1, 0}));
    CaptureFilter duplicates;
    duplicates.duplicatesOnly = true;
    model.setFilter(duplicates);
    QCOMPARE(model.rowCount(), 3);
}

QTEST_MAIN(tst_CaptureTableModel)
#include "tst_capturetablemodel.moc"
