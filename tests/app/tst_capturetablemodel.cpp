// SPDX-License-Identifier: MIT
// The capture table model over a store fed in batches: sorted ingest that keeps the selection,
// and attempt labels in the journal's numbering.
#include "CaptureTableModel.h"
#include "capture/CaptureStore.h"
#include "capture/DuplicateIndex.h"
#include "session/SessionEngine.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <set>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 BaseMs = 1'705'314'600'000;

enum FilterKind { NoFilter, TaskAndStatus, DuplicatesOnly, Text };

Query filterOf(int kind)
{
    switch (kind) {
    case TaskAndStatus:
        return Query::parse(u"-task:video_export -task:avatar_create -status:failed"_s);
    case DuplicatesOnly:
        return Query::parse(u"duplicate:yes"_s);
    case Text:
        return Query::parse(u"job_1"_s); // job_1, job_10…, job_100…: in keys and bodies
    default:
        return Query();
    }
}

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

// A text filter searches on a pool thread: wait until the rows are in.
void settle(CaptureTableModel &model)
{
    if (model.isSearching()) {
        QSignalSpy done(&model, &CaptureTableModel::searchingChanged);
        QVERIFY(done.wait(10'000));
    }
}

QList<qsizetype> storeRows(const CaptureTableModel &model)
{
    QList<qsizetype> rows;
    for (int i = 0; i < model.rowCount(); ++i)
        rows << model.storeRow(i);
    return rows;
}

// The order a model built from scratch over the same store shows.
QList<qsizetype> freshOrder(CaptureStore *store, int filter, int column, Qt::SortOrder order)
{
    CaptureTableModel fresh(store);
    fresh.setQuery(filterOf(filter));
    settle(fresh);
    fresh.sort(column, order);
    return storeRows(fresh);
}

// Every store row shown, found by its store row: the rows shown in order, as storeRows() has
// them, when rowOfStoreRow() finds each at its place and no other.
QList<qsizetype> lookedUp(const CaptureTableModel &model, const CaptureStore &store)
{
    QList<qsizetype> rows(model.rowCount(), -1);
    for (qsizetype storeRow = 0; storeRow < store.size(); ++storeRow) {
        if (const int row = model.rowOfStoreRow(storeRow); row >= 0)
            rows[row] = storeRow;
    }
    return rows;
}

// What the user has selected, by store row: the current row first, then the selected rows.
QList<qsizetype> selectedStoreRows(const CaptureTableModel &model,
                                   const QItemSelectionModel &selection)
{
    const QModelIndex current = selection.currentIndex();
    QList<qsizetype> rows{current.isValid() ? model.storeRow(current.row()) : -1};
    QList<qsizetype> selected;
    for (const QModelIndex &i : selection.selectedRows())
        selected << model.storeRow(i.row());
    std::sort(selected.begin(), selected.end());
    return rows + selected;
}

// A current row, and a range of three rows beside it, so that batches land inside the range.
void selectSome(const CaptureTableModel &model, QItemSelectionModel &selection,
                QRandomGenerator &random)
{
    const int rows = model.rowCount();
    if (rows == 0)
        return;
    const int current = int(random.bounded(rows));
    selection.setCurrentIndex(model.index(current, 0),
                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const int top = int(random.bounded(rows));
    selection.select(
        QItemSelection(model.index(top, 0), model.index(std::min(top + 2, rows - 1),
                                                        CaptureTableModel::ColumnCount - 1)),
        QItemSelectionModel::Select);
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
    void sortedIngest_data();
    void sortedIngest();
    void retriesRepaintOnlyTheirKey();
    void attemptsUnderRetention();
    void aJournalsRowsComeInSlices();
    void marksGivenUpRecoveredAndLate();

private:
    void feedAndCheck(CaptureStore &store, CaptureTableModel &model, Feed &feed, int filter,
                      int column, Qt::SortOrder order);
};

void tst_CaptureTableModel::initTestCase()
{
    QLocale::setDefault(QLocale::c()); // "+1.0 s" whatever the machine's locale
}

void tst_CaptureTableModel::sortedIngest_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<int>("filter");
    // Whether batches must be merged as a layout change (1), inserted in runs (0), or either
    // (-1). Columns with few values take runs; keys and sizes land in many places at once.
    QTest::addColumn<int>("merges");

    const QList<int> runColumns{CaptureTableModel::IdColumn,     CaptureTableModel::TimeColumn,
                                CaptureTableModel::MethodColumn, CaptureTableModel::TaskColumn,
                                CaptureTableModel::StatusColumn, CaptureTableModel::AttemptColumn,
                                CaptureTableModel::AnswerColumn, CaptureTableModel::FindingsColumn,
                                CaptureTableModel::PathColumn,   CaptureTableModel::ForwardColumn};
    const char *filters[] = {"all", "task and status", "duplicates only", "text"};
    const QList<int> filteredColumns{CaptureTableModel::IdColumn, CaptureTableModel::KeyColumn,
                                     CaptureTableModel::StatusColumn};
    CaptureStore empty;
    const CaptureTableModel names(&empty);
    for (int column = 0; column < CaptureTableModel::ColumnCount; ++column) {
        const bool runs = runColumns.contains(column);
        const bool merging =
            column == CaptureTableModel::KeyColumn || column == CaptureTableModel::SizeColumn;
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            for (int filter = NoFilter; filter <= Text; ++filter) {
                // Filters decide which rows come in, whatever the order: a few columns do.
                if (filter != NoFilter && !filteredColumns.contains(column))
                    continue;
                const int merges = filter != NoFilter ? -1 : (runs ? 0 : (merging ? 1 : -1));
                QTest::addRow("%s %s, %s",
                              qPrintable(names.headerData(column, Qt::Horizontal).toString()),
                              order == Qt::AscendingOrder ? "up" : "down", filters[filter])
                    << column << order << filter << merges;
            }
        }
    }
}

void tst_CaptureTableModel::sortedIngest()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QFETCH(int, filter);
    QFETCH(int, merges);

    CaptureStore store;
    CaptureTableModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Feed feed(quint32(column * 8 + int(order) * 4 + filter + 1));
    store.append(feed.batch(30));
    model.setQuery(filterOf(filter));
    settle(model);
    model.sort(column, order);

    QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy layouts(&model, &QAbstractItemModel::layoutChanged);
    feedAndCheck(store, model, feed, filter, column, order);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(resets.size(), 0);
    if (merges >= 0)
        QCOMPARE(layouts.size() > 0, merges > 0);
}

// Batches of all sizes, each checked against a model built from scratch, with the selection
// and the current row made again before each one.
void tst_CaptureTableModel::feedAndCheck(CaptureStore &store, CaptureTableModel &model, Feed &feed,
                                         int filter, int column, Qt::SortOrder order)
{
    QItemSelectionModel selection(&model);
    QRandomGenerator random(7);
    // Mostly small, as the listener hands them over, and one large enough for many places.
    const int sizes[] = {1, 5, 30, 3, 12, 2, 90, 1, 6, 20};
    for (int b = 0; b < 20; ++b) {
        selectSome(model, selection, random);
        const QList<qsizetype> before = selectedStoreRows(model, selection);
        store.append(feed.batch(sizes[b % std::size(sizes)]));
        QCOMPARE(storeRows(model), freshOrder(&store, filter, column, order));
        QCOMPARE(selectedStoreRows(model, selection), before);
        QCOMPARE(lookedUp(model, store), storeRows(model));
    }
}

// A retry changes the badge and tint of its key's earlier rows, and of no other row.
void tst_CaptureTableModel::retriesRepaintOnlyTheirKey()
{
    for (const int column : {CaptureTableModel::IdColumn, CaptureTableModel::StatusColumn}) {
        CaptureStore store;
        CaptureTableModel model(&store);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.sort(column, Qt::DescendingOrder);
        Feed feed(3);
        CaptureBatch first;
        for (const QString &key : {u"job_a"_s, u"job_b"_s, QString(), u"job_c"_s, u"job_a"_s})
            first << feed.next(key);
        store.append(first);
        QCOMPARE(model.rowCount(), 5);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        store.append({feed.next(u"job_b"_s, 1000)});
        QCOMPARE(changed.size(), 1);
        const int row = model.rowOfStoreRow(1);
        QCOMPARE(changed.at(0).at(0).toModelIndex(), model.index(row, 0));
        QCOMPARE(changed.at(0).at(1).toModelIndex(),
                 model.index(row, CaptureTableModel::ColumnCount - 1));
        QCOMPARE(attemptText(model, row), u"1/2"_s);
        QVERIFY(model.index(row, 0).data(Qt::BackgroundRole).isValid());

        changed.clear();
        store.append({feed.next(u"job_d"_s), feed.next(QString())}); // no retry: no change
        QCOMPARE(changed.size(), 0);
    }
}

// A journal's worth of rows is taken in a slice per event-loop pass, so that the window answers
// meanwhile; a delivery that comes in between lands after them, and a filter changed midway
// shows every row it accepts, once.
void tst_CaptureTableModel::aJournalsRowsComeInSlices()
{
    Feed feed(7);
    CaptureIndex loaded;
    for (int i = 0; i < 110'000; ++i)
        loaded.append(*feed.next(u"job_%1"_s.arg(i % 90'000), 1));
    CaptureStore store;
    CaptureTableModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    store.appendLoaded(std::move(loaded));
    QVERIFY(model.rowCount() > 0);
    QVERIFY(model.rowCount() < 110'000);
    store.append({feed.next(u"job_live"_s, 1)});
    QTRY_COMPARE(model.rowCount(), 110'001);
    for (int row : {0, 49'999, 50'000, 109'999, 110'000})
        QCOMPARE(model.storeRow(row), qsizetype(row));

    CaptureStore again;
    CaptureTableModel filtered(&again);
    CaptureIndex more;
    for (int i = 0; i < 110'000; ++i)
        more.append(*feed.next(u"job_%1"_s.arg(i), 1));
    again.appendLoaded(std::move(more));
    QVERIFY(filtered.rowCount() < 110'000);
    const Query query = Query::parse(u"-task:video_export"_s);
    filtered.setQuery(query);
    CaptureTableModel whole(&again); // built from the whole store at once
    whole.setQuery(query);
    QVERIFY(whole.rowCount() > 0);
    QCOMPARE(filtered.rowCount(), whole.rowCount());
    QTest::qWait(50);
    QCOMPARE(filtered.rowCount(), whole.rowCount()); // no slice came after the rebuild
    std::set<qsizetype> seen;
    for (int row = 0; row < filtered.rowCount(); ++row)
        QVERIFY(seen.insert(filtered.storeRow(row)).second);
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
        QCOMPARE(attemptText(model, 0), u"1/5"_s);
        QCOMPARE(attemptText(model, 1), u"2/5 +1.0s"_s);
        const QString tip =
            model.index(1, CaptureTableModel::AttemptColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(u"the first is #1"_s) &&
                     tip.contains(u"Came 1.0 s after attempt 1: fits Hoox's 1 s / 2 s / 4 s "
                                  "schedule"_s),
                 qPrintable(tip));
    }

    CaptureStore store;
    store.appendLoaded(SessionEngine::retained(CaptureIndex(all), 2, 0, 0));
    CaptureTableModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 2);
    // Attempt 3 is not shown: the gap before attempt 4 would tell nothing.
    QCOMPARE(attemptText(model, 0), u"4/5"_s);
    QCOMPARE(attemptText(model, 1), u"5/5 +8.0s"_s);
    const QString tip =
        model.index(1, CaptureTableModel::AttemptColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(u"#1"_s) && tip.contains(u"retention"_s) &&
                 tip.contains(u"Only 2 of them are loaded"_s) &&
                 tip.contains(u"beyond Hoox's 3 retries: a resend or another sender"_s),
             qPrintable(tip));

    // A delivery arriving now goes on with the journal's numbering, and its key's rows follow.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    store.append({feed.next(u"job_r"_s, 500)});
    QCOMPARE(attemptText(model, 2).left(3), u"6/6"_s);
    QCOMPARE(attemptText(model, 0), u"4/6"_s);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 1);

    // Sorting by attempt sorts by the journal's numbers; "duplicates only" keeps them all.
    model.sort(CaptureTableModel::AttemptColumn, Qt::DescendingOrder);
    QCOMPARE(storeRows(model), (QList<qsizetype>{2, 1, 0}));
    model.setQuery(Query::parse(u"duplicate:yes"_s));
    QCOMPARE(model.rowCount(), 3);
}

// A chain Hoox gave up on, a delivery recovered from ngrok and a late answer, each in the
// column that tells it, with the sentence in the tooltip.
void tst_CaptureTableModel::marksGivenUpRecoveredAndLate()
{
    const auto delivery = [](quint64 id, const QString &key, quint32 attempt, quint16 answer) {
        auto c = std::make_shared<Capture>();
        c->id = id;
        c->method = "POST";
        c->answerStatus = answer;
        c->hoox.key = key;
        c->hoox.attempt = attempt;
        c->hoox.duplicateOf = attempt > 1 ? id - attempt + 1 : 0;
        return c;
    };
    CaptureStore store;
    CaptureTableModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    CaptureBatch batch;
    for (quint32 attempt = 1; attempt <= 4; ++attempt)
        batch.append(delivery(attempt, u"job_gone"_s, attempt, 503));
    auto recovered = delivery(5, u"job_ngrok"_s, 1, 502);
    recovered->recovered = true;
    recovered->source = u"ngrok:airt_1"_s;
    batch.append(recovered);
    batch.append(delivery(6, u"job_slow"_s, 1, 200));
    store.append(batch);

    const auto data = [&model](int row, int column, int role) {
        return model.index(row, column).data(role).toString();
    };
    QCOMPARE(model.index(0, CaptureTableModel::AttemptColumn).data(Qt::DecorationRole).typeId(),
             QMetaType::QIcon); // the gave-up mark, beside "1/4"
    QVERIFY(data(3, CaptureTableModel::AttemptColumn, Qt::ToolTipRole)
                .contains(u"Hoox gave up: this job's webhook will not come again"_s));
    QVERIFY(!model.index(4, CaptureTableModel::AttemptColumn).data(Qt::DecorationRole).isValid());
    QVERIFY(!data(4, CaptureTableModel::AttemptColumn, Qt::ToolTipRole).contains(u"gave up"_s));
    QCOMPARE(data(4, CaptureTableModel::AnswerColumn, Qt::DisplayRole), u"502 · ngrok"_s);
    QVERIFY(
        data(4, CaptureTableModel::AnswerColumn, Qt::ToolTipRole)
            .contains(u"recovered from ngrok: ngrok answered 502: HookScope was not running"_s));
    QCOMPARE(model.index(5, CaptureTableModel::AnswerColumn).data().toInt(), 200);
    QVERIFY(!model.index(5, CaptureTableModel::AnswerColumn).data(Qt::ToolTipRole).isValid());

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    store.setLateAnswer(6, 200, 11'200);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(data(5, CaptureTableModel::AnswerColumn, Qt::DisplayRole), u"200 · late"_s);
    QCOMPARE(data(5, CaptureTableModel::AnswerColumn, Qt::ToolTipRole),
             u"answered 200 after 11.2 s; Hoox had already timed out and retries"_s);
}

QTEST_MAIN(tst_CaptureTableModel)
#include "tst_capturetablemodel.moc"
