// SPDX-License-Identifier: MIT
#include "capture/CaptureDiff.h"
#include "capture/CaptureDiffText.h"
#include "capture/DiffIgnoreList.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

namespace {

QStringList lines(const CaptureDiffResult &result)
{
    QStringList out;
    for (const DiffChange &c : result.changes)
        out << CaptureDiffText::line(c);
    return out;
}

HttpHeaders fields(const QList<std::pair<QByteArray, QByteArray>> &fields)
{
    HttpHeaders h;
    for (const auto &[name, value] : fields)
        h.append(name, value);
    return h;
}

const QByteArray kCompleted = R"({"task":"video_generate","job_id":"run_1","status":"completed",
"result":{"video_url":"https://cdn.example/v.mp4","created_at":"2026-01-01T10:00:00Z"}})";
const QByteArray kFailed = R"({"task":"video_generate","job_id":"run_1","status":"failed",
"error":{"code":"RENDER_FAILED","message":"GPU lost"}})";

} // namespace

Q_DECLARE_METATYPE(HttpHeaders)

class tst_CaptureDiff : public QObject {
    Q_OBJECT
private slots:
    void bodies_data();
    void bodies();
    void ignore_data();
    void ignore();
    void textBodies_data();
    void textBodies();
    void headers_data();
    void headers();
    void wholeCaptures();
    void canonicalNumber_data();
    void canonicalNumber();
    void ignorePatterns_data();
    void ignorePatterns();
    void json();
    void largeDocument();
};

void tst_CaptureDiff::bodies_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("equal");

    QTest::newRow("key order and spacing") << QByteArray(R"({"a":1,"b":{"c":2,"d":[3,4]}})")
                                           << QByteArray("{ \"b\": {\"d\": [3, 4], \"c\": 2},\n"
                                                         "  \"a\": 1 }")
                                           << QStringList() << true;
    QTest::newRow("identical") << kCompleted << kCompleted << QStringList() << true;
    QTest::newRow("conflicting outcome")
        << kCompleted << kFailed
        << QStringList{QStringLiteral("~ /status: \"completed\" → \"failed\""),
                       QStringLiteral("- /result: {\"video_url\":\"https://cdn.example/v.mp4\","
                                      "\"created_at\":\"2026-01-01T10:00:00Z\"}"),
                       QStringLiteral("+ /error: {\"code\":\"RENDER_FAILED\",\"message\":\"GPU "
                                      "lost\"}")}
        << false;
    QTest::newRow("nested change")
        << QByteArray(R"({"result":{"files":[{"url":"a"},{"url":"b"}]}})")
        << QByteArray(R"({"result":{"files":[{"url":"a"},{"url":"c"}]}})")
        << QStringList{QStringLiteral("~ /result/files/1/url: \"b\" → \"c\"")} << false;
    QTest::newRow("arrays by index")
        << QByteArray("[1,2,3]") << QByteArray("[1,3]")
        << QStringList{QStringLiteral("~ /1: 2 → 3"), QStringLiteral("- /2: 3")} << false;
    QTest::newRow("array grows") << QByteArray("[]") << QByteArray(R"(["x"])")
                                 << QStringList{QStringLiteral("+ /0: \"x\"")} << false;
    QTest::newRow("same number written differently")
        << QByteArray(R"({"cost":1.0})") << QByteArray(R"({"cost":1})")
        << QStringList{QStringLiteral("~ /cost: 1.0 → 1 (the same number, written differently)")}
        << false;
    QTest::newRow("exponent") << QByteArray("[1e2]") << QByteArray("[100]")
                              << QStringList{QStringLiteral(
                                     "~ /0: 1e2 → 100 (the same number, written differently)")}
                              << false;
    QTest::newRow("20 digits, last differs")
        << QByteArray(R"({"n":12345678901234567890})")
        << QByteArray(R"({"n":12345678901234567891})")
        << QStringList{QStringLiteral("~ /n: 12345678901234567890 → 12345678901234567891")}
        << false;
    QTest::newRow("escape written another way")
        << QByteArray(R"({"s":"a\/b","k":"\u00e9"})")
        << QByteArray("{\"s\":\"a/b\",\"k\":\"\xc3\xa9\"}") << QStringList() << true;
    QTest::newRow("escaped key the same")
        << QByteArray(R"({"\u0061":1})") << QByteArray(R"({"a":1})") << QStringList() << true;
    QTest::newRow("object becomes array") << QByteArray(R"({"r":{}})") << QByteArray(R"({"r":[]})")
                                          << QStringList{QStringLiteral("~ /r: {} → []")} << false;
    QTest::newRow("string becomes number")
        << QByteArray(R"({"r":"1"})") << QByteArray(R"({"r":1})")
        << QStringList{QStringLiteral("~ /r: \"1\" → 1")} << false;
    QTest::newRow("null is not absent") << QByteArray(R"({"e":null})") << QByteArray("{}")
                                        << QStringList{QStringLiteral("- /e: null")} << false;
    QTest::newRow("true and false") << QByteArray("[true]") << QByteArray("[false]")
                                    << QStringList{QStringLiteral("~ /0: true → false")} << false;
    QTest::newRow("pointer escapes")
        << QByteArray(R"({"a/b":{"c~d":1}})") << QByteArray(R"({"a/b":{"c~d":2}})")
        << QStringList{QStringLiteral("~ /a~1b/c~0d: 1 → 2")} << false;
    QTest::newRow("root scalars") << QByteArray("1") << QByteArray("2")
                                  << QStringList{QStringLiteral("~ body: 1 → 2")} << false;
    QTest::newRow("duplicate on one side")
        << QByteArray(R"({"status":"completed","status":"failed"})")
        << QByteArray(R"({"status":"completed"})")
        << QStringList{QStringLiteral(
               "~ /status: \"completed\", \"failed\" → \"completed\" (given more than once)")}
        << false;
    QTest::newRow("same duplicate in both")
        << QByteArray(R"({"status":"completed","status":"failed"})")
        << QByteArray(R"({"status" : "completed", "status" : "failed"})")
        << QStringList{QStringLiteral("! /status: \"completed\", \"failed\" (key given more "
                                      "than once, the same way in both)")}
        << true;
    QTest::newRow("duplicate objects compared whole")
        << QByteArray(R"({"r":{"a":1,"b":2},"r":{"c":3}})")
        << QByteArray(R"({"r":{"b":2,"a":1},"r":{"c":4}})")
        << QStringList{QStringLiteral("~ /r: {\"a\":1,\"b\":2}, {\"c\":3} → {\"b\":2,\"a\":1}, "
                                      "{\"c\":4} (given more than once)")}
        << false;
    QTest::newRow("duplicate removed")
        << QByteArray(R"({"a":1,"a":2})") << QByteArray("{}")
        << QStringList{QStringLiteral("- /a: 1, 2 (given more than once)")} << false;
    QTest::newRow("pretty value on one line")
        << QByteArray("{}") << QByteArray("{\"e\": {\n  \"code\": 1\n}}")
        << QStringList{QStringLiteral("+ /e: { \"code\": 1 }")} << false;
}

void tst_CaptureDiff::bodies()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(QStringList, expected);
    QFETCH(bool, equal);
    const CaptureDiffResult r = CaptureDiff::compareBodies(before, after);
    QVERIFY(r.bodiesAreJson());
    QCOMPARE(lines(r), expected);
    QCOMPARE(r.isEqual(), equal);
    // Values are kept whole and as delivered.
    for (const DiffChange &c : r.changes) {
        for (const QByteArray &v : c.before)
            QVERIFY(before.contains(v));
        for (const QByteArray &v : c.after)
            QVERIFY(after.contains(v));
    }
}

void tst_CaptureDiff::ignore_data()
{
    QTest::addColumn<QStringList>("patterns");
    QTest::addColumn<QStringList>("ignoredPaths");
    QTest::addColumn<bool>("equal");

    QTest::newRow("none") << QStringList() << QStringList() << false;
    QTest::newRow("one path") << QStringList{QStringLiteral("/result/created_at")}
                              << QStringList{QStringLiteral("/result/created_at")} << false;
    QTest::newRow("glob and subtree")
        << QStringList{QStringLiteral("/result/*_at"), QStringLiteral("/result/meta")}
        << QStringList{QStringLiteral("/result/created_at"), QStringLiteral("/result/updated_at"),
                       QStringLiteral("/result/meta/id")}
        << true;
    QTest::newRow("parent ignores all")
        << QStringList{QStringLiteral("/result")}
        << QStringList{QStringLiteral("/result/created_at"), QStringLiteral("/result/updated_at"),
                       QStringLiteral("/result/meta/id")}
        << true;
    QTest::newRow("glob over tokens")
        << QStringList{QStringLiteral("/*/*")}
        << QStringList{QStringLiteral("/result/created_at"), QStringLiteral("/result/updated_at"),
                       QStringLiteral("/result/meta/id")}
        << true;
    QTest::newRow("no match") << QStringList{QStringLiteral("/res")} << QStringList() << false;
}

void tst_CaptureDiff::ignore()
{
    QFETCH(QStringList, patterns);
    QFETCH(QStringList, ignoredPaths);
    QFETCH(bool, equal);
    const QByteArray before = R"({"status":"completed","result":{"created_at":"1","updated_at":"2",
"url":"u","meta":{"id":1}}})";
    const QByteArray after = R"({"status":"completed","result":{"created_at":"3","updated_at":"4",
"url":"u","meta":{"id":2}}})";
    CaptureDiffOptions options;
    options.ignore = patterns;
    CaptureDiffResult r = CaptureDiff::compareBodies(before, after, options);
    QCOMPARE(r.changes.size(), 3); // ignored changes are kept, marked
    QStringList ignored;
    for (const DiffChange &c : std::as_const(r.changes)) {
        if (c.ignored)
            ignored << c.path;
    }
    QCOMPARE(ignored, ignoredPaths);
    QCOMPARE(r.isEqual(), equal);
    QCOMPARE(r.ignoredCount(), ignoredPaths.size());
    // A new choice needs no new comparison.
    CaptureDiff::applyIgnores(r, {});
    QCOMPARE(r.ignoredCount(), 0);
    QVERIFY(!r.isEqual());
}

void tst_CaptureDiff::textBodies_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("beforeIsJson");

    QTest::newRow("same text") << QByteArray("hello\nworld") << QByteArray("hello\nworld")
                               << QStringList() << false;
    QTest::newRow("second line") << QByteArray("hello\nworld\nend")
                                 << QByteArray("hello\nword\nend")
                                 << QStringList{QStringLiteral("~ body line 2: world → word")}
                                 << false;
    QTest::newRow("crlf lines") << QByteArray("a=1\r\nb=2\r\n") << QByteArray("a=1\r\nb=3\r\n")
                                << QStringList{QStringLiteral("~ body line 2: b=2 → b=3")} << false;
    QTest::newRow("one side JSON")
        << QByteArray(R"({"a":1})") << QByteArray(R"({"a":1)")
        << QStringList{QStringLiteral("~ body line 1: {\"a\":1} → {\"a\":1")} << true;
    QTest::newRow("both empty") << QByteArray() << QByteArray() << QStringList() << false;
    QTest::newRow("empty and text") << QByteArray() << QByteArray("x")
                                    << QStringList{QStringLiteral("~ body line 1:  → x")} << false;
    QTest::newRow("control characters escaped")
        << QByteArray("a\x01") << QByteArray("a\x02")
        << QStringList{QStringLiteral("~ body line 1: a\\x01 → a\\x02")} << false;
}

void tst_CaptureDiff::textBodies()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(QStringList, expected);
    QFETCH(bool, beforeIsJson);
    const CaptureDiffResult r = CaptureDiff::compareBodies(before, after);
    QVERIFY(!r.bodiesAreJson());
    QCOMPARE(r.beforeNotJson.isEmpty(), beforeIsJson);
    QVERIFY(!r.afterNotJson.isEmpty());
    QCOMPARE(lines(r), expected);
    QCOMPARE(r.isEqual(), expected.isEmpty());
}

void tst_CaptureDiff::headers_data()
{
    QTest::addColumn<HttpHeaders>("before");
    QTest::addColumn<HttpHeaders>("after");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("equal");

    QTest::newRow("case of names")
        << fields({{"Content-Type", "application/json"}, {"X-Hoox-Webhook", "true"}})
        << fields({{"x-hoox-webhook", "true"}, {"content-type", "application/json"}})
        << QStringList() << true;
    QTest::newRow("value changed")
        << fields({{"User-Agent", "Hoox-API/1.0"}}) << fields({{"user-agent", "Hoox-API/1.1"}})
        << QStringList{QStringLiteral("~ header user-agent: Hoox-API/1.0 → Hoox-API/1.1")} << false;
    QTest::newRow("added and removed")
        << fields({{"X-Old", "1"}}) << fields({{"X-New", "2"}})
        << QStringList{QStringLiteral("- header x-old: 1"), QStringLiteral("+ header x-new: 2")}
        << false;
    QTest::newRow("repeated field")
        << fields({{"X-Forwarded-For", "1.1.1.1"}, {"Via", "a"}, {"via", "b"}})
        << fields({{"X-Forwarded-For", "1.1.1.1"}, {"Via", "a"}})
        << QStringList{QStringLiteral("~ header via: a, b → a (given more than once)")} << false;
    QTest::newRow("length follows the body")
        << fields({{"Content-Length", "10"}}) << fields({{"content-length", "12"}})
        << QStringList{QStringLiteral(
               "~ header content-length: 10 → 12 (follows the body; ignored)")}
        << true;
    QTest::newRow("changes with every delivery")
        << fields({{"Date", "Mon"}, {"X-Request-Id", "1"}, {"X-Hoox-Signature", "s1"}})
        << fields({{"Date", "Tue"}, {"X-Request-Id", "2"}, {"X-Hoox-Signature", "s2"}})
        << QStringList{QStringLiteral("~ header date: Mon → Tue (changes with every delivery; "
                                      "ignored)"),
                       QStringLiteral("~ header x-request-id: 1 → 2 (changes with every "
                                      "delivery; ignored)"),
                       QStringLiteral("~ header x-hoox-signature: s1 → s2 (changes with every "
                                      "delivery; ignored)")}
        << true;
}

void tst_CaptureDiff::headers()
{
    QFETCH(HttpHeaders, before);
    QFETCH(HttpHeaders, after);
    QFETCH(QStringList, expected);
    QFETCH(bool, equal);
    Capture a;
    Capture b;
    a.headers = before;
    b.headers = after;
    const CaptureDiffResult r = CaptureDiff::compare(a, b);
    QCOMPARE(lines(r), expected);
    QCOMPARE(r.isEqual(), equal);
    // Every header counts once the volatile ones are not ignored.
    CaptureDiffOptions strict;
    strict.ignoreVolatileHeaders = false;
    QCOMPARE(CaptureDiff::compare(a, b, strict).isEqual(), expected.isEmpty());
}

void tst_CaptureDiff::wholeCaptures()
{
    Capture a;
    a.method = "POST";
    a.target = "/webhook/hoox";
    a.headers = fields({{"Content-Type", "application/json"}, {"X-Request-Id", "1"}});
    a.body = kCompleted;
    Capture b = a;
    b.target = "/webhook/hoox?retry=1";
    b.headers = fields({{"content-type", "text/plain"}, {"X-Request-Id", "2"}});
    b.body = kFailed;
    CaptureDiffOptions options;
    options.ignore = {QStringLiteral("header:content-*")};
    const CaptureDiffResult r = CaptureDiff::compare(a, b, options);
    QCOMPARE(lines(r).mid(3),
             (QStringList{
                 QStringLiteral("~ target: /webhook/hoox → /webhook/hoox?retry=1"),
                 QStringLiteral("~ header content-type: application/json → text/plain "
                                "(ignored)"),
                 QStringLiteral("~ header x-request-id: 1 → 2 (changes with every "
                                "delivery; ignored)"),
             }));
    QCOMPARE(r.changes.at(0).path, QStringLiteral("/status"));
    QCOMPARE(r.changes.at(1).path, QStringLiteral("/result"));
    QCOMPARE(r.changes.at(2).path, QStringLiteral("/error"));
    QCOMPARE(r.differenceCount(), 4);
    QCOMPARE(r.ignoredCount(), 2);
    QVERIFY(CaptureDiff::compare(a, a).isEqual());
    QVERIFY(CaptureDiff::compare(a, a).changes.isEmpty());
}

void tst_CaptureDiff::canonicalNumber_data()
{
    QTest::addColumn<QByteArray>("number");
    QTest::addColumn<QByteArray>("canonical");
    QTest::newRow("integer") << QByteArray("1") << QByteArray("1e0");
    QTest::newRow("decimal zero") << QByteArray("1.0") << QByteArray("1e0");
    QTest::newRow("tens") << QByteArray("100") << QByteArray("1e2");
    QTest::newRow("negative exponent") << QByteArray("100e-2") << QByteArray("1e0");
    QTest::newRow("capital and plus") << QByteArray("1.5E+2") << QByteArray("15e1");
    QTest::newRow("negative") << QByteArray("-1.50") << QByteArray("-15e-1");
    QTest::newRow("negative zero") << QByteArray("-0") << QByteArray("0");
    QTest::newRow("zero with exponent") << QByteArray("0.000e5") << QByteArray("0");
    QTest::newRow("twenty digits")
        << QByteArray("12345678901234567890") << QByteArray("1234567890123456789e1");
    QTest::newRow("leading zeros of a fraction") << QByteArray("0.0012") << QByteArray("12e-4");
    QTest::newRow("exponent past reason")
        << QByteArray("1e99999999999999999999") << QByteArray("1e99999999999999999999");
}

void tst_CaptureDiff::canonicalNumber()
{
    QFETCH(QByteArray, number);
    QFETCH(QByteArray, canonical);
    QCOMPARE(CaptureDiff::canonicalNumber(number), canonical);
}

void tst_CaptureDiff::ignorePatterns_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("header");
    QTest::addColumn<bool>("matches");
    const auto row = [](const char *name, const char *pattern, const char *path, bool header,
                        bool matches) {
        QTest::newRow(name) << QString::fromUtf8(pattern) << QString::fromUtf8(path) << header
                            << matches;
    };
    row("exact", "/result/created_at", "/result/created_at", false, true);
    row("below", "/result", "/result/files/0", false, true);
    row("not a prefix of a token", "/res", "/result", false, false);
    row("star within a token", "/result/*_at", "/result/created_at", false, true);
    row("star stays in its token", "/*_at", "/result/created_at", false, false);
    row("question mark", "/files/?/url", "/files/3/url", false, true);
    row("question mark is one character", "/files/?/url", "/files/10/url", false, false);
    row("star matches empty", "/a*", "/a", false, true);
    row("stars backtrack", "/*a*b", "/xaybzab", false, true);
    row("header", "header:X-Request-Id", "x-request-id", true, true);
    row("header glob", "header:x-hoox-*", "X-Hoox-Signature", true, true);
    row("header pattern is not a path", "header:x", "/x", false, false);
    row("path pattern is not a header", "/date", "date", true, false);
}

void tst_CaptureDiff::ignorePatterns()
{
    QFETCH(QString, pattern);
    QFETCH(QString, path);
    QFETCH(bool, header);
    QFETCH(bool, matches);
    const DiffIgnoreList list({pattern});
    QCOMPARE(header ? list.matchesHeader(path) : list.matchesBody(path), matches);
    QString error;
    QVERIFY(DiffIgnoreList::isValid(pattern, &error));
    QVERIFY(!DiffIgnoreList::isValid(QStringLiteral("result"), &error));
    QVERIFY(error.contains(u"/result/created_at"));
}

void tst_CaptureDiff::json()
{
    CaptureDiffResult r = CaptureDiff::compareBodies(R"({"n":1.0,"a":1,"a":2})", R"({"n":1})");
    const QJsonObject o = CaptureDiffText::toJson(r);
    QCOMPARE(o.value(u"equal").toBool(), false);
    QCOMPARE(o.value(u"differences").toInt(), 2);
    QCOMPARE(o.value(u"body").toString(), QStringLiteral("json"));
    const QJsonArray changes = o.value(u"changes").toArray();
    QCOMPARE(changes.size(), 2);
    const QJsonObject number = changes.at(0).toObject();
    QCOMPARE(number.value(u"path").toString(), QStringLiteral("/n"));
    QCOMPARE(number.value(u"change").toString(), QStringLiteral("changed"));
    QCOMPARE(number.value(u"before").toArray().at(0).toString(), QStringLiteral("1.0"));
    QCOMPARE(number.value(u"same_number").toBool(), true);
    const QJsonObject removed = changes.at(1).toObject();
    QCOMPARE(removed.value(u"change").toString(), QStringLiteral("removed"));
    QCOMPARE(removed.value(u"before").toArray().size(), 2);
    QCOMPARE(removed.value(u"duplicate").toBool(), true);
    const QJsonObject text = CaptureDiffText::toJson(CaptureDiff::compareBodies("a", "b"));
    QCOMPARE(text.value(u"body").toString(), QStringLiteral("text"));
    QVERIFY(text.value(u"before_not_json").toString().startsWith(u"line 1, column 1"));
    QCOMPARE(text.value(u"changes").toArray().at(0).toObject().value(u"line").toInt(), 1);
}

// Many keys in each body, one changed, the others in reverse order; and a text body's long
// line is shown as an excerpt around the difference.
void tst_CaptureDiff::largeDocument()
{
    constexpr int keys = 200'000;
    QByteArray a = "{";
    QByteArray b = "{";
    for (int i = 0; i < keys; ++i) {
        a += "\"k" + QByteArray::number(i) + "\":" + QByteArray::number(i) + ',';
        const int j = keys - 1 - i;
        b += "\"k" + QByteArray::number(j) + "\":" + QByteArray::number(j == 7 ? -7 : j) + ',';
    }
    a.back() = '}';
    b.back() = '}';
    const CaptureDiffResult r = CaptureDiff::compareBodies(a, b);
    QCOMPARE(lines(r), QStringList{QStringLiteral("~ /k7: 7 → -7")});
    const QByteArray longLine(1'000'000, 'x');
    const CaptureDiffResult text =
        CaptureDiff::compareBodies(QByteArray(longLine + 'a'), QByteArray(longLine + 'b'));
    QCOMPARE(text.changes.size(), 1);
    QVERIFY(text.changes.at(0).before.at(0).size() < 5000);
    QVERIFY(text.changes.at(0).before.at(0).endsWith('a'));
}

QTEST_GUILESS_MAIN(tst_CaptureDiff)
#include "tst_capturediff.moc"
