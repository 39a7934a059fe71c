// SPDX-License-Identifier: MIT
#include "json/JsonFlatten.h"
#include "json/JsonLookup.h"
#include "json/JsonScanner.h"

#include <QTest>

using Token = JsonScanner::Token;

namespace {

// The token stream as one readable line: "{ k"a" 1 }"; "!" and the message end an error.
QString tokens(QByteArrayView json)
{
    JsonScanner scanner(json);
    QStringList out;
    for (Token t = scanner.next(); t != Token::EndOfDocument; t = scanner.next()) {
        switch (t) {
        case Token::BeginObject:
        case Token::EndObject:
        case Token::BeginArray:
        case Token::EndArray:
        case Token::Number:
        case Token::String:
        case Token::True:
        case Token::False:
        case Token::Null:
            out << QString::fromUtf8(scanner.raw());
            break;
        case Token::Key:
            out << u'k' + QString::fromUtf8(scanner.raw());
            break;
        default:
            return out.join(u' ') + QStringLiteral(" ! ") + scanner.error().toString();
        }
    }
    return out.join(u' ');
}

QByteArray nested(int depth)
{
    return QByteArray(depth, '[') + QByteArray(depth, ']');
}

QStringList spans(QByteArrayView json, const QList<JsonSpan> &found)
{
    QStringList out;
    for (const JsonSpan &s : found)
        out << QString::fromUtf8(s.in(json));
    return out;
}

} // namespace

class tst_JsonScanner : public QObject {
    Q_OBJECT
private slots:
    void validDocuments_data();
    void validDocuments();
    void errors_data();
    void errors();
    void deepNesting();
    void decodesEscapesAndSurrogates_data();
    void decodesEscapesAndSurrogates();
    void skipValueReturnsTheWholeValue();
    void lookup_data();
    void lookup();
    void lookupReportsTheError();
    void flattenKeepsOrderAndDuplicates();
    void flattenEscapesPointerTokens();
};

void tst_JsonScanner::validDocuments_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    QTest::addRow("object in document order")
        << QByteArray(R"({"b":1,"a":[true,false,null]})")
        << QStringLiteral(R"({ k"b" 1 k"a" [ true false null ] })");
    QTest::addRow("duplicate keys all seen")
        << QByteArray(R"({"status":"completed","status":"failed"})")
        << QStringLiteral(R"({ k"status" "completed" k"status" "failed" })");
    QTest::addRow("20-digit number as written")
        << QByteArray("[12345678901234567890,-0.5e+10,0,1E-400,1e999]")
        << QStringLiteral("[ 12345678901234567890 -0.5e+10 0 1E-400 1e999 ]");
    QTest::addRow("string escapes kept raw")
        << QByteArray(R"(["a\"b\\c\/\b\f\n\r\t\u00e9\ud83c\udfac"])")
        << QStringLiteral(R"([ "a\"b\\c\/\b\f\n\r\t\u00e9\ud83c\udfac" ])");
    QTest::addRow("whitespace everywhere")
        << QByteArray(" \t\r\n{ \"a\" : [ 1 , 2 ] , \"b\" : { } }\n ")
        << QStringLiteral(R"({ k"a" [ 1 2 ] k"b" { } })");
    QTest::addRow("top-level scalar") << QByteArray(" \"x\" ") << QStringLiteral(R"("x")");
    QTest::addRow("top-level number") << QByteArray("-12") << QStringLiteral("-12");
    QTest::addRow("empty containers")
        << QByteArray("[{},[],\"\"]") << QStringLiteral(R"([ { } [ ] "" ])");
    QTest::addRow("UTF-8 text") << QByteArray("{\"caf\xc3\xa9\":\"\xf0\x9f\x8e\xac\"}")
                                << QStringLiteral("{ k\"café\" \"🎬\" }");
}

void tst_JsonScanner::validDocuments()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    QCOMPARE(tokens(json), expected);
}

void tst_JsonScanner::errors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    QTest::addRow("empty") << QByteArray() << 1 << 1
                           << QStringLiteral("expected a JSON value, found the end of the body");
    QTest::addRow("missing comma")
        << QByteArray("{\n  \"status\": \"failed\"\n  \"x\": 1}") << 3 << 3
        << QStringLiteral("expected ',' or '}' after the value of "
                          "\"status\", found '\"'");
    QTest::addRow("unterminated object")
        << QByteArray(R"({"a":1)") << 1 << 7
        << QStringLiteral(
               "expected ',' or '}' after the value of \"a\", found the end of the body");
    QTest::addRow("missing colon")
        << QByteArray(R"({"task" "x"})") << 1 << 9
        << QStringLiteral("expected ':' after the key \"task\", found '\"'");
    QTest::addRow("trailing comma in object")
        << QByteArray(R"({"a":1,})") << 1 << 8
        << QStringLiteral("expected a key string after ',', found '}'");
    QTest::addRow("trailing comma in array")
        << QByteArray("[1,]") << 1 << 4
        << QStringLiteral("expected a value in the array, found ']'");
    QTest::addRow("unquoted key") << QByteArray("{a:1}") << 1 << 2
                                  << QStringLiteral("expected a key string or '}', found 'a'");
    QTest::addRow("array separator")
        << QByteArray("[1 2]") << 1 << 4
        << QStringLiteral("expected ',' or ']' after an array element, found '2'");
    QTest::addRow("garbage after")
        << QByteArray("{} x") << 1 << 4
        << QStringLiteral("expected the end of the body after the JSON value, found 'x'");
    QTest::addRow("value missing") << QByteArray(R"({"a":})") << 1 << 6
                                   << QStringLiteral("expected a value for \"a\", found '}'");
    QTest::addRow("leading zero") << QByteArray("[01]") << 1 << 3
                                  << QStringLiteral(
                                         "expected ',' or ']' after an array element, found '1'");
    QTest::addRow("bare minus") << QByteArray("[-]") << 1 << 3
                                << QStringLiteral("expected a digit after '-', found ']'");
    QTest::addRow("dot without digits")
        << QByteArray("[1.]") << 1 << 4 << QStringLiteral("expected a digit after '.', found ']'");
    QTest::addRow("empty exponent")
        << QByteArray("[1e+]") << 1 << 5
        << QStringLiteral("expected a digit in the exponent, found ']'");
    QTest::addRow("bad literal") << QByteArray("[tru]") << 1 << 5
                                 << QStringLiteral("expected true, found ']'");
    QTest::addRow("unterminated string")
        << QByteArray("[\"abc") << 1 << 6
        << QStringLiteral("expected '\"' to close the string, found the end of the body");
    QTest::addRow("raw control character")
        << QByteArray("[\"a\x01\"]") << 1 << 4
        << QStringLiteral(
               "expected a control character in a string to be escaped, found byte 0x01");
    QTest::addRow("bad escape") << QByteArray(R"(["\x"])") << 1 << 4
                                << QStringLiteral(
                                       "expected one of \" \\ / b f n r t u after '\\', found 'x'");
    QTest::addRow("short unicode escape")
        << QByteArray(R"(["\u12"])") << 1 << 7
        << QStringLiteral("expected 4 hex digits after '\\u', found '\"'");
    QTest::addRow("invalid UTF-8")
        << QByteArray("[\"\xff\"]") << 1 << 3
        << QStringLiteral("expected UTF-8 text in a string, found byte 0xff");
    QTest::addRow("overlong UTF-8")
        << QByteArray("[\"\xc0\x80\"]") << 1 << 3
        << QStringLiteral("expected UTF-8 text in a string, found byte 0xc0");
    QTest::addRow("UTF-8 surrogate")
        << QByteArray("[\"\xed\xa0\x80\"]") << 1 << 3
        << QStringLiteral("expected UTF-8 text in a string, found byte 0xed");
    QTest::addRow("byte order mark") << QByteArray("\xef\xbb\xbf{}") << 1 << 1
                                     << QStringLiteral("expected a JSON value, found byte 0xef");
    QTest::addRow("column counts characters")
        << QByteArray("{\"é\":1 2}") << 1 << 8
        << QStringLiteral("expected ',' or '}' after the value of \"é\", found '2'");
    QTest::addRow("too deep") << nested(1025) << 1 << 1025
                              << QStringLiteral("expected at most 1024 nested objects and arrays");
}

void tst_JsonScanner::errors()
{
    QFETCH(QByteArray, json);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    JsonScanner scanner(json);
    while (scanner.next() != Token::Error)
        QVERIFY2(scanner.token() != Token::EndOfDocument, "the document was accepted");
    QCOMPARE(scanner.error().message, message);
    QCOMPARE(scanner.error().line, line);
    QCOMPARE(scanner.error().column, column);
    QCOMPARE(scanner.next(), Token::Error); // sticky
}

void tst_JsonScanner::deepNesting()
{
    QCOMPARE(tokens(nested(1024)).count(u'['), 1024);
    // Far past the limit: a clear error, neither recursion nor a crash.
    const QByteArray deep = nested(500'000);
    JsonScanner scanner(deep);
    while (scanner.next() != Token::Error) {
    }
    QCOMPARE(scanner.error().offset, 1024);
    const QByteArray three = nested(3);
    JsonScanner shallow(three, 2);
    while (shallow.next() != Token::Error) {
    }
    QCOMPARE(shallow.error().message,
             QStringLiteral("expected at most 2 nested objects and arrays"));
}

void tst_JsonScanner::decodesEscapesAndSurrogates_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("decoded");
    QTest::addRow("plain") << QByteArray(R"("video_generate")") << QStringLiteral("video_generate");
    QTest::addRow("named escapes")
        << QByteArray(R"("a\"b\\c\/d\b\f\n\r\t")") << QStringLiteral("a\"b\\c/d\b\f\n\r\t");
    QTest::addRow("BMP escape") << QByteArray(R"("caf\u00E9")") << QStringLiteral("café");
    QTest::addRow("surrogate pair") << QByteArray(R"("\ud83c\udfac")") << QStringLiteral("🎬");
    QTest::addRow("lone high surrogate")
        << QByteArray(R"("a\ud800b")") << QString(u'a') + QChar(char16_t(0xd800)) + u'b';
    QTest::addRow("UTF-8 beside escapes")
        << QByteArray("\"\xc3\xa9\\n\xf0\x9f\x8e\xac\"") << QStringLiteral("é\n🎬");
}

void tst_JsonScanner::decodesEscapesAndSurrogates()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, decoded);
    JsonScanner scanner(json);
    QCOMPARE(scanner.next(), Token::String);
    QCOMPARE(scanner.decodedString(), decoded);
    QCOMPARE(JsonScanner::decodeString(scanner.raw()), decoded);
}

void tst_JsonScanner::skipValueReturnsTheWholeValue()
{
    const QByteArray json = R"({"a": {"b":[1,{"c":2}]}, "d" : 12345678901234567890 })";
    JsonScanner scanner(json);
    QCOMPARE(scanner.next(), Token::BeginObject);
    QCOMPARE(scanner.next(), Token::Key);
    QCOMPARE(scanner.skipValue(), QByteArrayView(R"({"b":[1,{"c":2}]})"));
    QCOMPARE(scanner.next(), Token::Key);
    QCOMPARE(scanner.skipValue(), QByteArrayView("12345678901234567890"));
    QCOMPARE(scanner.next(), Token::EndObject);
    QCOMPARE(scanner.next(), Token::EndOfDocument);
    JsonScanner broken(QByteArrayView(R"({"a":[1,)"));
    broken.next();
    broken.next();
    QVERIFY(broken.skipValue().isEmpty());
    QVERIFY(broken.hasError());
}

void tst_JsonScanner::lookup_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<QStringList>("found");
    const QByteArray hoox =
        R"({"task":"video_generate","status":"completed","result":{"cost":3.50,"files":[{"url":"a"},{"url":"b"}]}})";
    QTest::addRow("top-level key") << hoox << QStringList{QStringLiteral("status")}
                                   << QStringList{QStringLiteral("\"completed\"")};
    QTest::addRow("number as written")
        << hoox << QStringList{QStringLiteral("result"), QStringLiteral("cost")}
        << QStringList{QStringLiteral("3.50")};
    QTest::addRow("array index") << hoox
                                 << QStringList{QStringLiteral("result"), QStringLiteral("files"),
                                                QStringLiteral("1"), QStringLiteral("url")}
                                 << QStringList{QStringLiteral("\"b\"")};
    QTest::addRow("whole object") << hoox
                                  << QStringList{QStringLiteral("result"), QStringLiteral("files"),
                                                 QStringLiteral("0")}
                                  << QStringList{QStringLiteral("{\"url\":\"a\"}")};
    QTest::addRow("root") << QByteArray("[1]") << QStringList{}
                          << QStringList{QStringLiteral("[1]")};
    QTest::addRow("missing") << hoox << QStringList{QStringLiteral("error")} << QStringList{};
    QTest::addRow("index past the end")
        << hoox
        << QStringList{QStringLiteral("result"), QStringLiteral("files"), QStringLiteral("2")}
        << QStringList{};
    QTest::addRow("index is not a key")
        << QByteArray(R"({"0":1})") << QStringList{QStringLiteral("0")}
        << QStringList{QStringLiteral("1")};
    QTest::addRow("key is not an index")
        << QByteArray("[1]") << QStringList{QStringLiteral("00")} << QStringList{};
    QTest::addRow("duplicated key")
        << QByteArray(R"({"status":"completed","x":{},"status":"failed"})")
        << QStringList{QStringLiteral("status")}
        << QStringList{QStringLiteral("\"completed\""), QStringLiteral("\"failed\"")};
    QTest::addRow("duplicated parent") << QByteArray(R"({"r":{"a":1},"r":{"a":2}})")
                                       << QStringList{QStringLiteral("r"), QStringLiteral("a")}
                                       << QStringList{QStringLiteral("1"), QStringLiteral("2")};
    QTest::addRow("escaped key") << QByteArray(R"({"st\u0061tus":"x"})")
                                 << QStringList{QStringLiteral("status")}
                                 << QStringList{QStringLiteral("\"x\"")};
}

void tst_JsonScanner::lookup()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, path);
    QFETCH(QStringList, found);
    JsonError error;
    QCOMPARE(spans(json, JsonLookup::find(json, path, &error)), found);
    QVERIFY(!error.isError());
}

void tst_JsonScanner::lookupReportsTheError()
{
    const QByteArray json = R"({"a":1,"a":2,)";
    JsonError error;
    QCOMPARE(spans(json, JsonLookup::find(json, {QStringLiteral("a")}, &error)),
             (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
    QCOMPARE(error.column, 14);
}

void tst_JsonScanner::flattenKeepsOrderAndDuplicates()
{
    const QByteArray json =
        R"({"status":"completed","result":{"n":12345678901234567890,"l":[true]},"status":"failed"})";
    const JsonFlatDocument doc = JsonFlatten::flatten(json);
    QVERIFY(!doc.error.isError());
    QStringList lines;
    for (const JsonFlatEntry &e : doc.entries)
        lines << e.path + u'=' + QString::fromUtf8(e.span.in(json));
    QCOMPARE(lines, (QStringList{
                        QStringLiteral("=") + QString::fromUtf8(json),
                        QStringLiteral("/status=\"completed\""),
                        QStringLiteral("/result={\"n\":12345678901234567890,\"l\":[true]}"),
                        QStringLiteral("/result/n=12345678901234567890"),
                        QStringLiteral("/result/l=[true]"),
                        QStringLiteral("/result/l/0=true"),
                        QStringLiteral("/status=\"failed\""),
                    }));
    QCOMPARE(doc.duplicates.size(), 1);
    QCOMPARE(doc.duplicates.first().path, QStringLiteral("/status"));
    QCOMPARE(doc.duplicates.first().count, 2);
    QCOMPARE(doc.entries.at(3).span.kind, Token::Number);
}

void tst_JsonScanner::flattenEscapesPointerTokens()
{
    QByteArray json = R"({"a/b":{"m~n":1,"m~n":2,"m~n":3}})";
    const JsonFlatDocument doc = JsonFlatten::flatten(json);
    QCOMPARE(doc.entries.at(2).path, QStringLiteral("/a~1b/m~0n"));
    QCOMPARE(doc.duplicates.size(), 1);
    QCOMPARE(doc.duplicates.first().count, 3);
    // Many keys: the key set switches to a hash and still finds the one duplicate.
    json = "{";
    for (int i = 0; i < 1000; ++i)
        json += "\"k" + QByteArray::number(i) + "\":" + QByteArray::number(i) + ',';
    json += "\"k500\":0}";
    const JsonFlatDocument big = JsonFlatten::flatten(json);
    QCOMPARE(big.duplicates.size(), 1);
    QCOMPARE(big.duplicates.first().path, QStringLiteral("/k500"));
    const JsonFlatDocument bad = JsonFlatten::flatten("{\"a\":[1,}");
    QVERIFY(bad.error.isError());
}

QTEST_GUILESS_MAIN(tst_JsonScanner)
#include "tst_jsonscanner.moc"
