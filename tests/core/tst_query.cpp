// SPDX-License-Identifier: MIT
#include "capture/CaptureRecorder.h"
#include "capture/CaptureStore.h"
#include "capture/Journal.h"
#include "query/Glob.h"
#include "query/Query.h"
#include "query/QuerySearch.h"
#include "json/JsonLookup.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 BaseMs = 1'767'225'600'000; // 2026-01-01T00:00:00Z

struct Sample {
    QByteArray method;
    QByteArray target;
    QByteArray body;
    quint16 answer;
    QByteArray userAgent;
};

// Six deliveries, a minute apart: #3 is Hoox's retry of #2.
const Sample Samples[] = {
    {"POST", "/webhook/hoox",
     R"({"task":"avatar_create","status":"completed","avatar_id":"av_1","look_id":"look_1",)"
     R"("result":{"cost":5,"name":"Ann Lee","tags":["a","b"]}})",
     200, "Hoox-API/1.0"},
    {"POST", "/webhook/hoox",
     R"({"task":"avatar_edit","status":"failed","avatar_id":"av_2","look_id":"look_1",)"
     R"("error":{"code":"BAD_LOOK","message":"no"}})",
     502, "Hoox-API/1.0"},
    {"POST", "/webhook/hoox",
     R"({"task":"avatar_edit","status":"failed","avatar_id":"av_2","look_id":"look_1",)"
     R"("error":{"code":"BAD_LOOK","message":"no"}})",
     200, "Hoox-API/1.0"},
    {"PUT", "/webhook/video?x=1",
     R"({"task":"video_generate","status":"completed","job_id":"run_0a1",)"
     R"("result":{"cost":2.5,"video_id":"v\u00e9 1"}})",
     200, "curl/8.0"},
    {"POST", "/other", "plain text hello", 500, "Hoox-API/1.0"},
    {"POST", "/webhook/hoox",
     R"({"task":"video_export","status":"failed","job_id":"run_0b2",)"
     R"("error":{"code":"X","message":"cost 3"}})",
     503, "Hoox-API/1.0"},
};

HttpRequest requestOf(const Sample &s)
{
    HttpRequest r;
    r.method = s.method;
    r.target = s.target;
    r.body = s.body;
    r.headers.append("Host", "abc.ngrok.app");
    r.headers.append("Content-Type", "application/json");
    r.headers.append("User-Agent", s.userAgent);
    r.headers.append("X-Hoox-Webhook", s.userAgent.startsWith("Hoox") ? "true" : "false");
    return r;
}

// The samples as the listener records them, into its journal when it has one.
CaptureBatch record(CaptureRecorder &recorder)
{
    CaptureBatch batch;
    QString error;
    qint64 at = BaseMs;
    for (const Sample &s : Samples) {
        batch.append(recorder.record(requestOf(s), u"127.0.0.1:5000"_s, at, s.answer, &error));
        at += 60'000;
    }
    return batch;
}

QDateTime now()
{
    return QDateTime::fromMSecsSinceEpoch(BaseMs + 6 * 60'000, Qt::UTC);
}

QueryAnnotations forwarded()
{
    QueryAnnotations a;
    a.forwardStatus.insert(1, 200);
    a.forwardStatus.insert(2, 503);
    return a;
}

QList<quint64> idsOf(const std::vector<quint8> &matched, const CaptureStore &store)
{
    QList<quint64> ids;
    for (size_t i = 0; i < matched.size(); ++i) {
        if (matched[i])
            ids.append(store.row(qsizetype(i)).id);
    }
    return ids;
}
} // namespace

class TestQuery : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void evaluate_data();
    void evaluate();
    void errors_data();
    void errors();
    void pointAt();
    void emptyMatchesAll();
    void rowVerdicts();
    void journalSearch();
    void glob_data();
    void glob();
    void bodyLookup_data();
    void bodyLookup();
    void deepNesting();

private:
    CaptureBatch m_captures;
    CaptureStore m_store;
};

void TestQuery::initTestCase()
{
    CaptureRecorder recorder(nullptr);
    m_captures = record(recorder);
    m_store.append(m_captures);
    QCOMPARE(m_store.size(), 6);
    QCOMPARE(m_captures.at(2)->hoox.attempt, 2u);
}

void TestQuery::evaluate_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<quint64>>("ids");
    using L = QList<quint64>;

    QTest::addRow("task glob") << u"task:avatar_*"_s << L{1, 2, 3};
    QTest::addRow("task exact, case ignored") << u"task:AVATAR_EDIT"_s << L{2, 3};
    QTest::addRow("task glob is whole value") << u"task:avatar"_s << L{};
    QTest::addRow("task ?") << u"task:video_e?port"_s << L{6};
    QTest::addRow("task regex") << u"task:/^AVATAR_(c|e)/"_s << L{1, 2, 3};
    QTest::addRow("status") << u"status:failed"_s << L{2, 3, 6};
    QTest::addRow("status empty, quoted") << u"status:\"\""_s << L{5};
    QTest::addRow("key") << u"key:run_0a*"_s << L{4};
    QTest::addRow("key with a colon") << u"key:av_2:look_1"_s << L{2, 3};
    QTest::addRow("path drops the query") << u"path:/webhook/*"_s << L{1, 2, 3, 4, 6};
    QTest::addRow("path exact") << u"path:/webhook/video"_s << L{4};
    QTest::addRow("path in slashes is a glob") << u"path:/webhook/"_s << L{};
    QTest::addRow("method") << u"method:put"_s << L{4};
    QTest::addRow("answer class") << u"answer:5xx"_s << L{2, 5, 6};
    QTest::addRow("answer exact") << u"answer:502"_s << L{2};
    QTest::addRow("answer comparison") << u"answer:>=503"_s << L{6};
    QTest::addRow("forward class") << u"forward:5xx"_s << L{2};
    QTest::addRow("forward 2xx") << u"forward:2xx"_s << L{1};
    QTest::addRow("not forwarded") << u"-forward:>0"_s << L{3, 4, 5, 6};
    QTest::addRow("finding glob") << u"finding:not_*"_s << L{4, 5};
    QTest::addRow("finding exact") << u"finding:NOT_JSON"_s << L{5};
    QTest::addRow("no finding") << u"-finding:*"_s << L{1, 2, 3, 6};
    QTest::addRow("attempt >1") << u"attempt:>1"_s << L{3};
    QTest::addRow("attempt >=1") << u"attempt:>=1"_s << L{1, 2, 3, 4, 6};
    QTest::addRow("attempt <1") << u"attempt:<1"_s << L{5};
    QTest::addRow("attempt <=1") << u"attempt:<=1"_s << L{1, 2, 4, 5, 6};
    QTest::addRow("attempt =2") << u"attempt:=2"_s << L{3};
    QTest::addRow("attempt bare") << u"attempt:1"_s << L{1, 2, 4, 6};
    QTest::addRow("duplicate yes") << u"duplicate:yes"_s << L{2, 3};
    QTest::addRow("duplicate no") << u"duplicate:NO"_s << L{1, 4, 5, 6};
    QTest::addRow("header exact") << u"header:x-hoox-webhook=true"_s << L{1, 2, 3, 5, 6};
    QTest::addRow("header name case") << u"header:X-HOOX-WEBHOOK=TRUE"_s << L{1, 2, 3, 5, 6};
    QTest::addRow("header exact is whole value") << u"header:user-agent=hoox"_s << L{};
    QTest::addRow("header glob") << u"header:user-agent=hoox-*"_s << L{1, 2, 3, 5, 6};
    QTest::addRow("header contains") << u"header:user-agent~Hoox"_s << L{1, 2, 3, 5, 6};
    QTest::addRow("header contains, quoted")
        << u"header:user-agent~\"api/1.0\""_s << L{1, 2, 3, 5, 6};
    QTest::addRow("header absent") << u"header:x-none~a"_s << L{};
    QTest::addRow("body number >") << u"body.result.cost:>3"_s << L{1};
    QTest::addRow("body number <=") << u"body.result.cost:<=2.5"_s << L{4};
    QTest::addRow("body number =") << u"body.result.cost:5"_s << L{1};
    QTest::addRow("body number, decimal") << u"body.result.cost:2.50"_s << L{4};
    QTest::addRow("body string glob") << u"body.error.code:bad_*"_s << L{2, 3};
    QTest::addRow("body string quoted") << u"body.result.name:\"ann lee\""_s << L{1};
    QTest::addRow("body string escape") << u"body.result.video_id:\"v\u00e9 1\""_s << L{4};
    QTest::addRow("body string, not a number") << u"body.error.message:>2"_s << L{};
    QTest::addRow("body array index") << u"body.result.tags.1:b"_s << L{1};
    QTest::addRow("body exists") << u"body.error:*"_s << L{2, 3, 6};
    QTest::addRow("body not JSON") << u"body.task:*"_s << L{1, 2, 3, 4, 6};
    QTest::addRow("body regex") << u"body.job_id:/0b/"_s << L{6};
    QTest::addRow("note: none yet") << u"note:*"_s << L{};
    QTest::addRow("bookmarked: none yet") << u"bookmarked"_s << L{};
    QTest::addRow("not bookmarked") << u"-bookmarked"_s << L{1, 2, 3, 4, 5, 6};
    QTest::addRow("since minutes") << u"since:3m"_s << L{4, 5, 6};
    QTest::addRow("since seconds") << u"since:60s"_s << L{6};
    QTest::addRow("since hours") << u"since:1h"_s << L{1, 2, 3, 4, 5, 6};
    QTest::addRow("since days") << u"since:1d"_s << L{1, 2, 3, 4, 5, 6};
    QTest::addRow("since ISO") << u"since:2026-01-01T00:04:00Z"_s << L{5, 6};
    QTest::addRow("free text in body") << u"hello"_s << L{5};
    QTest::addRow("free text ignores case") << u"HELLO"_s << L{5};
    QTest::addRow("free text in key") << u"av_2"_s << L{2, 3};
    QTest::addRow("free text in path") << u"video?x"_s << L{4};
    QTest::addRow("free text quoted") << u"\"text hello\""_s << L{5};
    QTest::addRow("free text quoted colon") << u"\"task:avatar_\""_s << L{};
    QTest::addRow("free regex ignores case") << u"/PLAIN\\s+TEXT/"_s << L{5};
    QTest::addRow("free regex with space") << u"/plain text/"_s << L{5};
    QTest::addRow("free text not a regex") << u"/webhook/"_s << L{1, 2, 3, 4, 6};
    QTest::addRow("lower-case or is text") << u"answer:503 or answer:200"_s << L{};
    QTest::addRow("implicit AND") << u"task:avatar_* status:failed answer:5xx"_s << L{2};
    QTest::addRow("OR") << u"task:video_generate OR status:failed"_s << L{2, 3, 4, 6};
    QTest::addRow("AND binds tighter than OR")
        << u"task:avatar_* answer:200 OR task:video_*"_s << L{1, 3, 4, 6};
    QTest::addRow("group") << u"task:avatar_* (answer:502 OR attempt:2)"_s << L{2, 3};
    QTest::addRow("negated term") << u"-status:failed"_s << L{1, 4, 5};
    QTest::addRow("negated group") << u"-(task:avatar_* OR status:\"\")"_s << L{4, 6};
    QTest::addRow("double negation") << u"--status:failed"_s << L{2, 3, 6};
    QTest::addRow("negated free text") << u"-hello"_s << L{1, 2, 3, 4, 6};
    QTest::addRow("escaped star is literal") << u"key:run\\*"_s << L{};
    QTest::addRow("quoted star is literal") << u"task:\"avatar_*\""_s << L{};
    QTest::addRow("field name case") << u"TASK:video_*"_s << L{4, 6};
    QTest::addRow("route-style terms")
        << u"task:avatar_*  status:failed\tpath:/webhook/*"_s << L{2, 3};
}

// Every query gives the same answer on whole captures, on rows with their records searched
// off the GUI thread, and (when it needs no record) on the rows' columns alone.
void TestQuery::evaluate()
{
    QFETCH(QString, text);
    QFETCH(QList<quint64>, ids);

    const Query query = Query::parse(text, now());
    QVERIFY2(query.isValid(), qPrintable(query.error().toString()));
    const QueryAnnotations annotations = forwarded();
    QList<quint64> byCapture;
    for (qsizetype i = 0; i < m_store.size(); ++i) {
        const QueryFacts facts = Query::factsOf(m_store.index(), i, &annotations);
        if (query.matches(*m_captures.at(i), &facts))
            byCapture.append(m_captures.at(i)->id);
    }
    QCOMPARE(byCapture, ids);
    const std::vector<quint8> searched =
        QuerySearch::run(query, QuerySearch::prepare(query, m_store, &annotations));
    QCOMPARE(idsOf(searched, m_store), ids);
    if (!query.needsCapture()) {
        QList<quint64> byRow;
        for (qsizetype i = 0; i < m_store.size(); ++i) {
            if (query.checkRow(m_store.index(), i, &annotations) == QueryVerdict::Yes)
                byRow.append(m_store.row(i).id);
        }
        QCOMPARE(byRow, ids);
    }
}

void TestQuery::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    QTest::addRow("unknown field") << u"task:x colour:red"_s << 8
                                   << u"unknown field \"colour\"; the fields are: task, status"_s;
    QTest::addRow("known fields listed")
        << u"x:1"_s << 1 << u"header, note, since, body.PATH, bookmarked"_s;
    QTest::addRow("OR at the start") << u"OR task:x"_s << 1 << u"expected a term before OR"_s;
    QTest::addRow("OR at the end") << u"task:x OR"_s << 8 << u"expected a term after OR"_s;
    QTest::addRow("OR OR") << u"a OR OR b"_s << 3 << u"expected a term after OR"_s;
    QTest::addRow("unclosed group")
        << u"(task:x OR b"_s << 13 << u"expected \")\" to close the \"(\" at column 1"_s;
    QTest::addRow("stray )") << u"task:x )"_s << 8 << u"unexpected \")\""_s;
    QTest::addRow("empty group") << u"a ()"_s << 4 << u"expected a term inside \"()\""_s;
    QTest::addRow("OR before )") << u"(a OR)"_s << 4 << u"expected a term after OR"_s;
    QTest::addRow("lone -") << u"a - b"_s << 3 << u"expected a term or a group right after \"-\""_s;
    QTest::addRow("- at the end") << u"a -"_s << 3 << u"right after \"-\""_s;
    QTest::addRow("unclosed quote") << u"key:\"abc"_s << 5 << u"this quote is never closed"_s;
    QTest::addRow("bad regex") << u"task:/a(/"_s << 6 << u"invalid regular expression"_s;
    QTest::addRow("bad free regex") << u"x /[/"_s << 3 << u"invalid regular expression"_s;
    QTest::addRow("empty value") << u"task:"_s << 6 << u"task: needs a value"_s;
    QTest::addRow("attempt not a number")
        << u"attempt:>x"_s << 9 << u"attempt: needs a number or a comparison"_s;
    QTest::addRow("answer not a status") << u"answer:6xx"_s << 8 << u"answer: needs a status"_s;
    QTest::addRow("forward regex") << u"forward:/5/"_s << 9 << u"not a regular expression"_s;
    QTest::addRow("duplicate maybe")
        << u"duplicate:maybe"_s << 11 << u"duplicate: needs yes or no"_s;
    QTest::addRow("header without op")
        << u"header:x-hoox-webhook"_s << 8 << u"header: needs NAME=VALUE or NAME~TEXT"_s;
    QTest::addRow("header without name") << u"header:=x"_s << 8 << u"header: needs NAME=VALUE"_s;
    QTest::addRow("body without path") << u"body:x"_s << 6 << u"a path such as body.result.cost"_s;
    QTest::addRow("body empty step") << u"body.a..b:1"_s << 11 << u"no empty steps"_s;
    QTest::addRow("body comparison without number")
        << u"body.a:>=abc"_s << 8 << u"expected a number after the comparison"_s;
    QTest::addRow("since nonsense") << u"since:soon"_s << 7 << u"since: needs a duration"_s;
    QTest::addRow("too deep") << QString(70, u'(') + u"a"_s + QString(70, u')') << 65
                              << u"nested too deeply"_s;
}

void TestQuery::errors()
{
    QFETCH(QString, text);
    QFETCH(int, column);
    QFETCH(QString, message);

    const Query query = Query::parse(text, now());
    QVERIFY(!query.isValid());
    QVERIFY2(query.error().message.contains(message), qPrintable(query.error().message));
    QCOMPARE(query.error().column, column);
    // An invalid query matches nothing, anywhere.
    QVERIFY(!query.matches(*m_captures.first()));
    QCOMPARE(query.checkRow(m_store.index(), 0), QueryVerdict::No);
}

void TestQuery::pointAt()
{
    const Query query = Query::parse(u"task:x OR"_s);
    QCOMPARE(query.error().pointAt(query.text()),
             u"task:x OR\n       ^ column 8: expected a term after OR"_s);
}

void TestQuery::emptyMatchesAll()
{
    for (const QString &text : {QString(), u"   "_s}) {
        const Query query = Query::parse(text);
        QVERIFY(query.isValid());
        QVERIFY(query.isEmpty());
        QVERIFY(!query.needsCapture());
        QVERIFY(query.matches(*m_captures.first()));
        QCOMPARE(query.checkRow(m_store.index(), 0), QueryVerdict::Yes);
    }
}

// The columns settle what they can: an AND with a failing column term needs no record.
void TestQuery::rowVerdicts()
{
    const Query query = Query::parse(u"task:avatar_* body.result.cost:>3"_s);
    QVERIFY(query.needsCapture());
    QVERIFY(!query.needsHeaders());
    QCOMPARE(query.checkRow(m_store.index(), 0), QueryVerdict::Unknown);
    QCOMPARE(query.checkRow(m_store.index(), 3), QueryVerdict::No);
    QVERIFY(!query.matchesRow(m_store, 3));
    const Query either = Query::parse(u"task:video_* OR hello"_s);
    QCOMPARE(either.checkRow(m_store.index(), 3), QueryVerdict::Yes);
    QCOMPARE(either.checkRow(m_store.index(), 0), QueryVerdict::Unknown);
    QVERIFY(Query::parse(u"header:a=b"_s).needsHeaders());
}

// Records read back from a journal, in a run of rows split over threads, and one at a time for
// rows that arrive later.
void TestQuery::journalSearch()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"j.hkj"_s);
    Journal journal;
    QString error;
    QVERIFY2(journal.open(path, &error), qPrintable(error));
    CaptureRecorder recorder(&journal);
    CaptureBatch batch;
    for (int round = 0; round < 4000; ++round)
        batch.append(record(recorder));
    QVERIFY(std::all_of(batch.cbegin(), batch.cend(), [](const CapturePtr &c) { return c; }));
    CaptureStore store;
    store.setJournalPath(path);
    store.append(batch);
    for (const QString &text :
         {u"body.result.cost:>3"_s, u"header:user-agent~curl"_s, u"hello OR task:video_e*"_s}) {
        const Query query = Query::parse(text, now());
        const std::vector<quint8> result =
            QuerySearch::run(query, QuerySearch::prepare(query, store, nullptr));
        QCOMPARE(qsizetype(result.size()), store.size());
        for (qsizetype i = 0; i < store.size(); i += 97) {
            const QueryFacts facts = Query::factsOf(store.index(), i, nullptr);
            QCOMPARE(result[size_t(i)] != 0, query.matches(*batch.at(i), &facts));
            QCOMPARE(QuerySearch::matchesRow(query, store, i, nullptr), result[size_t(i)] != 0);
        }
    }
    // A newer search supersedes: the older one gives up.
    const Query query = Query::parse(u"hello"_s);
    std::atomic<quint64> current(2);
    QVERIFY(
        QuerySearch::run(query, QuerySearch::prepare(query, store, nullptr), &current, 1).empty());
}

void TestQuery::glob_data()
{
    QTest::addColumn<QString>("glob");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("matches");

    QTest::addRow("exact") << u"avatar_create"_s << u"avatar_create"_s << true;
    QTest::addRow("case ignored") << u"Avatar_*"_s << u"AVATAR_EDIT"_s << true;
    QTest::addRow("whole value") << u"avatar"_s << u"avatar_create"_s << false;
    QTest::addRow("star empty") << u"avatar_*"_s << u"avatar_"_s << true;
    QTest::addRow("star alone, empty text") << u"*"_s << QString() << true;
    QTest::addRow("empty glob, text") << QString() << u"x"_s << false;
    QTest::addRow("question one") << u"video_e?port"_s << u"video_export"_s << true;
    QTest::addRow("question needs one") << u"a?"_s << u"a"_s << false;
    QTest::addRow("backtracking") << u"*a*b*c"_s << u"xxaxxbxxbxxc"_s << true;
    QTest::addRow("backtracking fails") << u"*a*b*c"_s << u"xxaxxbxxbxx"_s << false;
    QTest::addRow("many stars") << u"a***b"_s << u"ab"_s << true;
    QTest::addRow("escaped star") << u"a\\*"_s << u"a*"_s << true;
    QTest::addRow("escaped star is not a wildcard") << u"a\\*"_s << u"ab"_s << false;
    QTest::addRow("non-ASCII folded") << u"\u00c9T\u00c9"_s << u"\u00e9t\u00e9"_s << true;
    QTest::addRow("surrogate pair is one char") << u"?"_s << u"\U0001F600"_s << true;
    QTest::addRow("pathological") << QString(30, u'*') + u"b"_s << QString(5000, u'a') << false;
}

void TestQuery::glob()
{
    QFETCH(QString, glob);
    QFETCH(QString, text);
    QFETCH(bool, matches);

    const Glob g(glob);
    QCOMPARE(g.matches(QStringView(text)), matches);
    QCOMPARE(g.matches(QByteArrayView(text.toUtf8())), matches);
}

void TestQuery::bodyLookup_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("found");

    QTest::addRow("nested") << QByteArray(R"({"a":{"b":12345678901234567890}})") << u"a.b"_s
                            << QStringList{u"12345678901234567890"_s};
    QTest::addRow("string keeps quotes")
        << QByteArray(R"({"a" : "x\"y"})") << u"a"_s << QStringList{u"\"x\\\"y\""_s};
    QTest::addRow("duplicate key, each")
        << QByteArray(R"({"status":"completed","status":"failed"})") << u"status"_s
        << QStringList{u"\"completed\""_s, u"\"failed\""_s};
    QTest::addRow("skips objects and arrays")
        << QByteArray(R"({"x":[{"a":1},"]"],"a":{"}":2},"b":true})") << u"b"_s
        << QStringList{u"true"_s};
    QTest::addRow("array index") << QByteArray(R"({"a":[10, 20 ,30]})") << u"a.1"_s
                                 << QStringList{u"20"_s};
    QTest::addRow("index past the end") << QByteArray(R"({"a":[10]})") << u"a.3"_s << QStringList{};
    QTest::addRow("escaped key") << QByteArray(R"({"c\u006fst":4})") << u"cost"_s
                                 << QStringList{u"4"_s};
    QTest::addRow("object value") << QByteArray(R"({"a":{"b":[1,2]}})") << u"a"_s
                                  << QStringList{u"{\"b\":[1,2]}"_s};
    QTest::addRow("truncated") << QByteArray(R"({"a":1,"b":{"c")") << u"b.c"_s << QStringList{};
    QTest::addRow("truncated, found before")
        << QByteArray(R"({"a":1,"a":)") << u"a"_s << QStringList{u"1"_s};
    QTest::addRow("not JSON") << QByteArray("hello") << u"a"_s << QStringList{};
    QTest::addRow("empty") << QByteArray() << u"a"_s << QStringList{};
}

void TestQuery::bodyLookup()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    QFETCH(QStringList, found);

    QStringList spans;
    for (const JsonSpan &v : JsonLookup::find(json, path.split(u'.')))
        spans.append(QString::fromUtf8(v.in(json)));
    QCOMPARE(spans, found);
}

// Nesting within the scanner's depth bound is searched through; past it the body stops being
// searched there, with what came before still found: no recursion, no crash.
void TestQuery::deepNesting()
{
    const auto nested = [](int depth) -> QByteArray {
        return "{\"x\":" + QByteArray(depth, '[') + QByteArray(depth, ']') + ",\"cost\":7}";
    };
    const QByteArray deep = nested(1000);
    QCOMPARE(JsonLookup::find(deep, {u"cost"_s}).size(), 1);
    QCOMPARE(JsonLookup::find(deep, {u"x"_s, u"0"_s, u"0"_s}).size(), 1);
    const QByteArray hostile = "{\"before\":1," + nested(500'000).sliced(1);
    QCOMPARE(JsonLookup::find(hostile, {u"before"_s}).size(), 1);
    QCOMPARE(JsonLookup::find(hostile, {u"cost"_s}).size(), 0);
}

QTEST_GUILESS_MAIN(TestQuery)
#include "tst_query.moc"
