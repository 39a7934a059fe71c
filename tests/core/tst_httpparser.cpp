// SPDX-License-Identifier: MIT
#include "http/HttpParser.h"

#include <QTest>

#include <utility>

Q_DECLARE_METATYPE(HttpRequest)
Q_DECLARE_METATYPE(HttpLimits)

namespace {

using Event = HttpParser::Event;

const char *eventName(Event e)
{
    static const char *const names[] = {"NeedMore", "HeadComplete", "Complete", "Failed"};
    return names[int(e)];
}

// Small enough that each limit row stays a few lines; the "at-limit" accept rows show
// that every limit is inclusive.
const HttpLimits kSmall{
    .maxTargetBytes = 16, .maxHeaderBytes = 64, .maxHeaderCount = 4, .maxBodyBytes = 10};

// An expected request; keepAlive starts at the default of its version.
class Req {
public:
    Req(const char *method, const char *target, quint8 minor = 1)
    {
        m_r.method = method;
        m_r.target = target;
        m_r.httpMinor = minor;
        m_r.keepAlive = minor == 1;
    }
    Req &h(const char *name, const QByteArray &value) { return add(m_r.headers, name, value); }
    Req &trailer(const char *name, const QByteArray &value)
    {
        return add(m_r.trailers, name, value);
    }
    Req &body(const QByteArray &body) { return set(&HttpRequest::body, body); }
    Req &chunked() { return set(&HttpRequest::chunked, true); }
    Req &keepAlive(bool on) { return set(&HttpRequest::keepAlive, on); }
    Req &expectContinue() { return set(&HttpRequest::expectContinue, true); }
    operator HttpRequest() const { return m_r; }

private:
    template <typename T> Req &set(T HttpRequest::*field, const T &value)
    {
        m_r.*field = value;
        return *this;
    }
    Req &add(HttpHeaders &into, const char *name, const QByteArray &value)
    {
        into.append(QByteArray(name), value);
        return *this;
    }
    HttpRequest m_r;
};

struct Outcome {
    QList<HttpRequest> requests;
    QList<qsizetype> headAt;     // input offset when each HeadComplete was reported
    QList<qsizetype> completeAt; // input offset when each Complete was reported
    QList<bool> headFirst;       // per request: a HeadComplete came before its Complete
    bool pendingHead = false;
    Event last = Event::NeedMore;
    int status = 0;
    QByteArray reason;
    QByteArray problem; // feed() broke its own contract
};

QByteArray describe(const Outcome &out)
{
    return QByteArray(eventName(out.last)) + ' ' + QByteArray::number(out.status) + ' ' +
           out.reason + ' ' + out.problem;
}

bool broken(Outcome &out, const char *problem)
{
    out.problem = problem;
    return false;
}

// Feeds one piece the way a connection would: loop until it is used up, take each
// complete request and carry on with the rest. After HeadComplete feed() is called
// once more even with nothing left, since a body-less request may complete then.
bool feedPiece(HttpParser &p, QByteArrayView piece, qsizetype offset, Outcome &out)
{
    int idle = 0;
    while (!piece.isEmpty() || out.last == Event::HeadComplete) {
        qsizetype used = -1;
        out.last = p.feed(piece, &used);
        if (used < 0 || used > piece.size())
            return broken(out, "consumed out of range");
        if (out.last == Event::NeedMore && used != piece.size())
            return broken(out, "NeedMore left bytes unconsumed");
        idle = used == 0 && out.last != Event::Complete ? idle + 1 : 0;
        if (idle > 2)
            return broken(out, "no progress");
        piece = piece.sliced(used);
        offset += used;
        switch (out.last) {
        case Event::NeedMore:
            break;
        case Event::HeadComplete:
            out.headAt.append(offset);
            out.pendingHead = true;
            break;
        case Event::Complete:
            out.requests.append(p.takeRequest());
            out.completeAt.append(offset);
            out.headFirst.append(std::exchange(out.pendingHead, false));
            break;
        case Event::Failed:
            out.status = p.errorStatus();
            out.reason = p.errorReason();
            return false;
        }
    }
    return true;
}

Outcome run(HttpParser &p, QByteArrayView data, qsizetype step)
{
    Outcome out;
    for (qsizetype at = 0; at < data.size(); at += step) {
        if (!feedPiece(p, data.sliced(at, qMin(step, data.size() - at)), at, out))
            break;
    }
    return out;
}

// Every row runs twice: the whole input in one feed(), and one byte per feed().
template <typename... Values>
void addBoth(const char *name, const QByteArray &raw, const Values &...values)
{
    for (const bool bytewise : {false, true}) {
        QTestData &row = QTest::addRow("%s/%s", name, bytewise ? "bytewise" : "whole");
        ((row << raw << bytewise) << ... << values);
    }
}

void accept(const char *name, const QByteArray &raw, const QList<HttpRequest> &expected,
            const HttpLimits &limits = {})
{
    addBoth(name, raw, limits, expected);
}

void refuse(const char *name, const QByteArray &raw, int status, const HttpLimits &limits = {})
{
    addBoth(name, raw, limits, status);
}

void compareFields(const HttpHeaders &actual, const HttpHeaders &expected)
{
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(actual.at(i).name, expected.at(i).name);
        QCOMPARE(actual.at(i).value, expected.at(i).value);
    }
    for (const HttpHeader &h : expected) {
        QCOMPARE(actual.values(h.name.toLower()), expected.values(h.name));
        QCOMPARE(actual.value(h.name.toUpper()), expected.value(h.name));
    }
}

void compareRequest(const HttpRequest &actual, const HttpRequest &expected)
{
    QCOMPARE(actual.method, expected.method);
    QCOMPARE(actual.target, expected.target);
    QCOMPARE(int(actual.httpMinor), int(expected.httpMinor));
    compareFields(actual.headers, expected.headers);
    if (QTest::currentTestFailed())
        return;
    compareFields(actual.trailers, expected.trailers);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(actual.body, expected.body);
    QCOMPARE(actual.chunked, expected.chunked);
    QCOMPARE(actual.keepAlive, expected.keepAlive);
    QCOMPARE(actual.expectContinue, expected.expectContinue);
}

const QByteArray kGet = "GET / HTTP/1.1\r\nHost: a\r\n";
const QByteArray kPost = "POST / HTTP/1.1\r\nHost: a\r\n";
const QByteArray kChunked = kPost + "Transfer-Encoding: chunked\r\n\r\n";

} // namespace

class TestHttpParser : public QObject {
    Q_OBJECT

private slots:
    void accepts_data();
    void accepts();
    void refuses_data();
    void refuses();
    void neverCompletesTruncated_data();
    void neverCompletesTruncated();
    void reportsHeadBeforeBody_data();
    void reportsHeadBeforeBody();
    void headGate_data();
    void headGate();
    void parsesLargeBodyInPieces();
    void parsesLargeHeaderInPieces();
    void tracksProgress();
};

void TestHttpParser::accepts_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<bool>("bytewise");
    QTest::addColumn<HttpLimits>("limits");
    QTest::addColumn<QList<HttpRequest>>("expected");

    // Methods and request targets.
    accept("get", kGet + "\r\n", {Req("GET", "/").h("Host", "a")});
    accept("post-origin-query",
           "POST /webhook/hoox?x=1&y=%20 HTTP/1.1\r\nHost: localhost:8080\r\n"
           "Content-Length: 5\r\n\r\nhello",
           {Req("POST", "/webhook/hoox?x=1&y=%20")
                .h("Host", "localhost:8080")
                .h("Content-Length", "5")
                .body("hello")});
    accept("patch", "PATCH /items/7 HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\n{}",
           {Req("PATCH", "/items/7").h("Host", "a").h("Content-Length", "2").body("{}")});
    accept("m-search", "M-SEARCH / HTTP/1.1\r\nHost: a\r\n\r\n",
           {Req("M-SEARCH", "/").h("Host", "a")});
    accept("custom-token", "FOO! /x HTTP/1.1\r\nHost: a\r\n\r\n",
           {Req("FOO!", "/x").h("Host", "a")});
    accept("every-tchar", "!#$%&'*+-.^_`|~09AZaz /x HTTP/1.1\r\nHost: a\r\n\r\n",
           {Req("!#$%&'*+-.^_`|~09AZaz", "/x").h("Host", "a")});
    accept("absolute-form",
           "POST http://example.com/webhook/hoox?x=1 HTTP/1.1\r\nHost: example.com\r\n"
           "Content-Length: 0\r\n\r\n",
           {Req("POST", "http://example.com/webhook/hoox?x=1")
                .h("Host", "example.com")
                .h("Content-Length", "0")});
    accept("asterisk-form", "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n",
           {Req("OPTIONS", "*").h("Host", "a")});
    accept("rfc3986-bytes",
           "GET /a-b._~/!$&'()*+,;=:@/x?q=/?:@[]&%2F%c3%A9 HTTP/1.1\r\nHost: a\r\n\r\n",
           {Req("GET", "/a-b._~/!$&'()*+,;=:@/x?q=/?:@[]&%2F%c3%A9").h("Host", "a")});
    accept("absolute-form-other-scheme", "GET urn:example:a+b HTTP/1.1\r\nHost: a\r\n\r\n",
           {Req("GET", "urn:example:a+b").h("Host", "a")});

    // Header fields.
    accept("repeated-in-order",
           "GET / HTTP/1.1\r\nX-Tag: one\r\nhOsT: a\r\nx-tag: two\r\nAccept: */*\r\n"
           "X-TAG: three\r\n\r\n",
           {Req("GET", "/")
                .h("X-Tag", "one")
                .h("hOsT", "a")
                .h("x-tag", "two")
                .h("Accept", "*/*")
                .h("X-TAG", "three")});
    accept("obs-text-and-inner-ws",
           kGet + "X-Note: caf\xC3\xA9 \xFF\x80"
                  "a\tb  c\r\n\r\n",
           {Req("GET", "/")
                .h("Host", "a")
                .h("X-Note", "caf\xC3\xA9 \xFF\x80"
                             "a\tb  c")});
    accept(
        "ows-trimmed", kGet + "X-Pad: \t padded \t value\t \r\nX-Url:http://x:1/\r\n\r\n",
        {Req("GET", "/").h("Host", "a").h("X-Pad", "padded \t value").h("X-Url", "http://x:1/")});
    accept("empty-values", kGet + "X-Empty:\r\nX-Blank: \t \r\n\r\n",
           {Req("GET", "/").h("Host", "a").h("X-Empty", "").h("X-Blank", "")});

    // Host values (RFC 9112 3.2, RFC 3986 3.2.2): host[:port], and an empty one (RFC 9110 7.2).
    for (const char *host :
         {"example.com", "localhost:8080", "127.0.0.1:1", "a.b-c_d~e:65535", "[::1]",
          "[2001:db8::7]:443", "[v1.fe]", "xn--caf-dma.example", "a%41b", "!$&'()*+;=", ""}) {
        const QByteArray name = QByteArray("host ") + host;
        accept(name.constData(), "GET / HTTP/1.1\r\nHost: " + QByteArray(host) + "\r\n\r\n",
               {Req("GET", "/").h("Host", host)});
    }

    // Content-Length bodies.
    accept("content-length-zero", kPost + "Content-Length: 0\r\n\r\n",
           {Req("POST", "/").h("Host", "a").h("Content-Length", "0")});
    accept("content-length-ows-leading-zeros", kPost + "Content-Length:  005 \r\n\r\nhello",
           {Req("POST", "/").h("Host", "a").h("Content-Length", "005").body("hello")});
    accept("binary-body",
           kPost + "Content-Length: 8\r\n\r\n" + QByteArrayLiteral("\0\x01\xFF\r\n\0zz"),
           {Req("POST", "/")
                .h("Host", "a")
                .h("Content-Length", "8")
                .body(QByteArrayLiteral("\0\x01\xFF\r\n\0zz"))});
    accept(
        "body-looks-like-request", kPost + "Content-Length: 18\r\n\r\nGET / HTTP/1.1\r\n\r\n",
        {Req("POST", "/").h("Host", "a").h("Content-Length", "18").body("GET / HTTP/1.1\r\n\r\n")});

    // Chunked bodies.
    const Req chunkedReq =
        Req("POST", "/").h("Host", "a").h("Transfer-Encoding", "chunked").chunked();
    accept("chunked-hex-case",
           kChunked + "5\r\nhello\r\nA\r\n0123456789\r\na\r\nabcdefghij\r\n00f\r\n"
                      "klmnopqrstuvwxy\r\n0\r\n\r\n",
           {Req(chunkedReq).body("hello0123456789abcdefghijklmnopqrstuvwxy")});
    accept("chunked-empty", kChunked + "0\r\n\r\n", {chunkedReq});
    accept("chunk-extensions",
           kChunked + "5;name=value\r\nhello\r\n6;a=1;b=\"q s\"\r\n world\r\n0;last\r\n\r\n",
           {Req(chunkedReq).body("hello world")});
    accept("chunk-extensions-bws-quoted",
           kChunked + "5 ; a = 1 ;b\t=\t\"x\\\"y;z\" ;c\r\nhello\r\n0 ;d=\"\"\r\n\r\n",
           {Req(chunkedReq).body("hello")});
    accept("chunked-trailers",
           kChunked + "3\r\nabc\r\n0\r\nX-Checksum: abc\r\nx-other:  1 \r\n\r\n",
           {Req(chunkedReq).body("abc").trailer("X-Checksum", "abc").trailer("x-other", "1")});
    accept(
        "chunked-any-case", kPost + "transfer-encoding: Chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n",
        {Req("POST", "/").h("Host", "a").h("transfer-encoding", "Chunked").chunked().body("hi")});

    // Versions and persistence.
    accept("http10-without-host", "GET / HTTP/1.0\r\n\r\n", {Req("GET", "/", 0)});
    accept("http10-keep-alive", "GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n",
           {Req("GET", "/", 0).h("Connection", "Keep-Alive").keepAlive(true)});
    accept("http10-body", "POST /in HTTP/1.0\r\nContent-Length: 3\r\n\r\nabc",
           {Req("POST", "/in", 0).h("Content-Length", "3").body("abc")});
    accept("http11-keep-alive", kGet + "Connection: keep-alive\r\n\r\n",
           {Req("GET", "/").h("Host", "a").h("Connection", "keep-alive")});
    accept("http11-close", kGet + "Connection: close\r\n\r\n",
           {Req("GET", "/").h("Host", "a").h("Connection", "close").keepAlive(false)});
    accept("http11-close-in-list", kGet + "Connection: foo, Close\r\n\r\n",
           {Req("GET", "/").h("Host", "a").h("Connection", "foo, Close").keepAlive(false)});

    // Several requests in one buffer; empty lines before a request line are ignored.
    accept(
        "pipelined",
        "GET /1 HTTP/1.1\r\nHost: a\r\n\r\n"
        "POST /2 HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc"
        "POST /3 HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nxy\r\n0\r\n\r\n",
        {Req("GET", "/1").h("Host", "a"),
         Req("POST", "/2").h("Host", "a").h("Content-Length", "3").body("abc"),
         Req("POST", "/3").h("Host", "a").h("Transfer-Encoding", "chunked").chunked().body("xy")});
    accept("leading-empty-lines", "\r\n\r\n" + kGet + "\r\n", {Req("GET", "/").h("Host", "a")});
    accept("empty-line-between-requests", kGet + "\r\n\r\n" + kGet + "\r\n",
           {Req("GET", "/").h("Host", "a"), Req("GET", "/").h("Host", "a")});

    // Expect: 100-continue only means something in HTTP/1.1 (RFC 9110 10.1.1).
    accept("expect-continue", kPost + "Expect: 100-Continue\r\nContent-Length: 3\r\n\r\nabc",
           {Req("POST", "/")
                .h("Host", "a")
                .h("Expect", "100-Continue")
                .h("Content-Length", "3")
                .body("abc")
                .expectContinue()});
    accept("expect-continue-http10-ignored",
           "POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\nabc",
           {Req("POST", "/", 0).h("Expect", "100-continue").h("Content-Length", "3").body("abc")});

    // Every limit is inclusive.
    accept("target-at-limit", "GET /aaaaaaaaaaaaaaa HTTP/1.1\r\nHost: a\r\n\r\n",
           {Req("GET", "/aaaaaaaaaaaaaaa").h("Host", "a")}, kSmall);
    // The header section counts field lines with their CRLFs: 9 + 53 here, plus the
    // empty line, is 64 bytes.
    accept("header-bytes-at-limit", kGet + "X-A: " + QByteArray(46, 'b') + "\r\n\r\n",
           {Req("GET", "/").h("Host", "a").h("X-A", QByteArray(46, 'b'))}, kSmall);
    accept("header-count-at-limit", kGet + "A: 1\r\nB: 2\r\nC: 3\r\n\r\n",
           {Req("GET", "/").h("Host", "a").h("A", "1").h("B", "2").h("C", "3")}, kSmall);
    accept("content-length-at-limit", kPost + "Content-Length: 10\r\n\r\n0123456789",
           {Req("POST", "/").h("Host", "a").h("Content-Length", "10").body("0123456789")}, kSmall);
    accept("chunked-at-limit", kChunked + "5\r\n01234\r\n5\r\n56789\r\n0\r\n\r\n",
           {Req(chunkedReq).body("0123456789")}, kSmall);
}

void TestHttpParser::accepts()
{
    QFETCH(QByteArray, raw);
    QFETCH(bool, bytewise);
    QFETCH(HttpLimits, limits);
    QFETCH(QList<HttpRequest>, expected);

    HttpParser p(limits);
    const Outcome out = run(p, raw, bytewise ? 1 : raw.size());
    QVERIFY2(out.problem.isEmpty() && out.last != Event::Failed, describe(out).constData());
    QCOMPARE(out.requests.size(), expected.size());
    // The last request completes with the last byte, not before.
    QCOMPARE(out.completeAt.last(), raw.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        compareRequest(out.requests.at(i), expected.at(i));
        if (QTest::currentTestFailed())
            return;
        if (!expected.at(i).body.isEmpty() || expected.at(i).chunked)
            QVERIFY(out.headFirst.at(i));
    }
    QVERIFY(!p.inProgress());
}

void TestHttpParser::refuses_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<bool>("bytewise");
    QTest::addColumn<HttpLimits>("limits");
    QTest::addColumn<int>("status");

    // Message framing (RFC 9112 6.1, 6.3).
    refuse("cl-and-te", kPost + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n", 400);
    refuse("te-and-cl", kPost + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n", 400);
    refuse("two-cl-differing", kPost + "Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", 400);
    refuse("two-cl-identical", kPost + "Content-Length: 5\r\nContent-Length: 5\r\n\r\nhello", 400);
    refuse("cl-list", kPost + "Content-Length: 5, 5\r\n\r\nhello", 400);
    refuse("cl-plus", kPost + "Content-Length: +5\r\n\r\nhello", 400);
    refuse("cl-negative", kPost + "Content-Length: -1\r\n\r\n", 400);
    refuse("cl-junk", kPost + "Content-Length: 5 x\r\n\r\nhello", 400);
    refuse("cl-hex", kPost + "Content-Length: 0x5\r\n\r\nhello", 400);
    refuse("cl-empty", kPost + "Content-Length:\r\n\r\n", 400);
    refuse("cl-overflow", kPost + "Content-Length: 99999999999999999999999\r\n\r\n", 400);
    refuse("te-http10", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400);
    refuse("te-chunked-twice", kPost + "Transfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n", 400);
    refuse("te-two-fields",
           kPost + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
           400);
    refuse("te-chunked-not-last", kPost + "Transfer-Encoding: chunked, gzip\r\n\r\n", 400);
    refuse("te-gzip-chunked", kPost + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 501);
    refuse("te-unknown", kPost + "Transfer-Encoding: foo\r\n\r\n", 501);

    // Chunk framing.
    refuse("chunk-size-not-hex", kChunked + "zz\r\n", 400);
    refuse("chunk-size-0x", kChunked + "0x5\r\nhello\r\n0\r\n\r\n", 400);
    refuse("chunk-size-plus", kChunked + "+5\r\nhello\r\n0\r\n\r\n", 400);
    refuse("chunk-size-minus", kChunked + "-5\r\nhello\r\n0\r\n\r\n", 400);
    refuse("chunk-size-leading-space", kChunked + " 5\r\nhello\r\n0\r\n\r\n", 400);
    refuse("chunk-size-trailing-space", kChunked + "5 \r\nhello\r\n0\r\n\r\n", 400);
    refuse("chunk-size-empty", kChunked + "\r\nhello\r\n0\r\n\r\n", 400);
    refuse("chunk-size-overflow", kChunked + "fffffffffffffffffff\r\nhello\r\n", 400);
    refuse("chunk-size-bare-lf", kChunked + "3\nabc\r\n0\r\n\r\n", 400);
    refuse("chunk-data-too-long", kChunked + "3\r\nabcd\r\n0\r\n\r\n", 400);
    refuse("chunk-data-no-crlf", kChunked + "3\r\nabc0\r\n\r\n", 400);
    refuse("chunk-data-bare-lf", kChunked + "3\r\nabc\n0\r\n\r\n", 400);

    // Line and field syntax (RFC 9112 2.2, 3, 5).
    refuse("obs-fold-space", kGet + "X-A: b\r\n c\r\n\r\n", 400);
    refuse("obs-fold-tab", kGet + "X-A: b\r\n\tc\r\n\r\n", 400);
    refuse("space-before-first-field", "GET / HTTP/1.1\r\n Host: a\r\n\r\n", 400);
    refuse("space-before-colon", "GET / HTTP/1.1\r\nHost : a\r\n\r\n", 400);
    refuse("tab-before-colon", kGet + "X-A\t: b\r\n\r\n", 400);
    refuse("bare-cr-in-field", kGet + "X-A: b\rc\r\n\r\n", 400);
    refuse("bare-cr-in-request-line", "GET /\r HTTP/1.1\r\nHost: a\r\n\r\n", 400);
    refuse("bare-lf-request-line", "GET / HTTP/1.1\nHost: a\r\n\r\n", 400);
    refuse("bare-lf-field", "GET / HTTP/1.1\r\nHost: a\nX-A: b\r\n\r\n", 400);
    refuse("bare-lf-head-end", kGet + "\n", 400);
    refuse("nul-in-value", kGet + QByteArrayLiteral("X-A: b\0c\r\n\r\n"), 400);
    refuse("ctl-01-in-value",
           kGet + "X-A: b\x01"
                  "c\r\n\r\n",
           400);
    refuse("del-in-value",
           kGet + "X-A: b\x7F"
                  "c\r\n\r\n",
           400);
    refuse("nul-in-target", QByteArrayLiteral("GET /\0 HTTP/1.1\r\nHost: a\r\n\r\n"), 400);
    refuse("name-paren", kGet + "Ho(st: x\r\n\r\n", 400);
    refuse("name-quoted", kGet + "\"x\": y\r\n\r\n", 400);
    refuse("name-empty", kGet + ": x\r\n\r\n", 400);
    refuse("field-without-colon", kGet + "NoColon\r\n\r\n", 400);
    refuse("method-space", "PO ST / HTTP/1.1\r\nHost: a\r\n\r\n", 400);
    refuse("method-at", "P@ST / HTTP/1.1\r\nHost: a\r\n\r\n", 400);
    refuse("method-brace", "P{ST / HTTP/1.1\r\nHost: a\r\n\r\n", 400);
    refuse("method-empty", " / HTTP/1.1\r\nHost: a\r\n\r\n", 400);
    refuse("two-spaces", "GET  / HTTP/1.1\r\nHost: a\r\n\r\n", 400);
    refuse("space-after-version", "GET / HTTP/1.1 \r\nHost: a\r\n\r\n", 400);
    refuse("missing-target", "GET HTTP/1.1\r\nHost: a\r\n\r\n", 400);
    refuse("lowercase-version", "GET / http/1.1\r\nHost: a\r\n\r\n", 400);
    refuse("no-host", "GET / HTTP/1.1\r\n\r\n", 400);
    refuse("two-hosts", kGet + "Host: a\r\n\r\n", 400);

    // Versions.
    refuse("http-2.0", "GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505);
    refuse("http-1.2", "GET / HTTP/1.2\r\nHost: a\r\n\r\n", 505);
    refuse("http-0.9", "GET / HTTP/0.9\r\nHost: a\r\n\r\n", 505);
    refuse("version-no-minor", "GET / HTTP/1\r\nHost: a\r\n\r\n", 400);
    refuse("version-junk", "GET / HTTP/1.1x\r\nHost: a\r\n\r\n", 400);
    refuse("version-two-digits", "GET / HTTP/11.1\r\nHost: a\r\n\r\n", 400);
    refuse("version-name", "GET / HTTX/1.1\r\nHost: a\r\n\r\n", 400);

    // Host values that are not host[:port] (RFC 9112 3.2, RFC 3986 3.2).
    const auto refuseHost = [](const char *name, const QByteArray &host) {
        refuse(name, "GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n", 400);
    };
    refuseHost("host-userinfo", "user@a");
    refuseHost("host-userinfo-password", "user:pw@a:80");
    refuseHost("host-path", "a/path");
    refuseHost("host-slash", "a:80/");
    refuseHost("host-query", "a?x=1");
    refuseHost("host-fragment", "a#f");
    refuseHost("host-backslash", "a\\b");
    refuseHost("host-list", "a, b");
    refuseHost("host-list-ports", "a:1,b:2");
    refuseHost("host-empty-port", "a:");
    refuseHost("host-port-letters", "a:8o");
    refuseHost("host-port-sign", "a:+80");
    refuseHost("host-port-over", "a:65536");
    refuseHost("host-port-long", "a:000080");
    refuseHost("host-port-only", ":80");
    refuseHost("host-two-ports", "a:1:2");
    refuseHost("host-ipv6-unbracketed", "::1");
    refuseHost("host-ipv6-unclosed", "[::1");
    refuseHost("host-ipv6-after", "[::1]x");
    refuseHost("host-ipv6-empty", "[]:80");
    refuseHost("host-ipv6-junk", "[::g/]");
    refuseHost("host-space", "a b");
    refuseHost("host-utf8", "caf\xC3\xA9");
    refuseHost("host-pct-bad", "a%zz");
    refuseHost("host-quote", "\"a\"");
    refuse("host-http10-userinfo", "GET / HTTP/1.0\r\nHost: u@a\r\n\r\n", 400);

    // Request targets outside RFC 3986 or in the wrong form (RFC 9112 3.2).
    const auto refuseTarget = [](const char *name, const QByteArray &target, int status = 400,
                                 const QByteArray &method = "GET") {
        refuse(name, method + ' ' + target + " HTTP/1.1\r\nHost: a\r\n\r\n", status);
    };
    refuseTarget("target-utf8", "/caf\xC3\xA9");
    refuseTarget("target-overlong-utf8", "/\xC0\xAF");
    refuseTarget("target-latin1", "/\xE9");
    refuseTarget("target-backslash", "/a\\b");
    refuseTarget("target-fragment", "/a#b");
    refuseTarget("target-tab", "/a\tb");
    refuseTarget("target-ctl", "/a\x01");
    refuseTarget("target-del", "/a\x7F");
    refuseTarget("target-quote", "/\"x\"");
    refuseTarget("target-angle", "/<x>");
    refuseTarget("target-brace", "/{x}");
    refuseTarget("target-pipe", "/a|b");
    refuseTarget("target-caret", "/a^b");
    refuseTarget("target-backtick", "/a`b");
    refuseTarget("target-pct-end", "/a%");
    refuseTarget("target-pct-short", "/a%2");
    refuseTarget("target-pct-nonhex", "/a%zz");
    refuseTarget("target-pct-half", "/a%2g");
    refuseTarget("target-relative", "a/b");
    refuseTarget("target-scheme-digit", "1http://a/");
    refuseTarget("target-colon-first", ":a");
    refuseTarget("target-absolute-userinfo", "http://user@a/x");
    refuseTarget("asterisk-get", "*");
    refuseTarget("asterisk-post", "*", 400, "POST");
    refuseTarget("asterisk-lowercase-options", "*", 400, "options");
    refuseTarget("connect", "example.com:443", 501, "CONNECT");
    refuseTarget("connect-origin", "/", 501, "CONNECT");

    // Chunk extensions (RFC 9112 7.1.1).
    refuse("chunk-ext-bare-semicolon", kChunked + "5;\r\nhello\r\n0\r\n\r\n", 400);
    refuse("chunk-ext-trailing-semicolon", kChunked + "5;a;\r\nhello\r\n0\r\n\r\n", 400);
    refuse("chunk-ext-name-not-token", kChunked + "5;(a)\r\nhello\r\n0\r\n\r\n", 400);
    refuse("chunk-ext-name-space", kChunked + "5;a b\r\nhello\r\n0\r\n\r\n", 400);
    refuse("chunk-ext-no-name", kChunked + "5;=1\r\nhello\r\n0\r\n\r\n", 400);
    refuse("chunk-ext-empty-value", kChunked + "5;a=\r\nhello\r\n0\r\n\r\n", 400);
    refuse("chunk-ext-value-not-token", kChunked + "5;a=b/c\r\nhello\r\n0\r\n\r\n", 400);
    refuse("chunk-ext-unterminated-quote", kChunked + "5;a=\"b\r\nhello\r\n0\r\n\r\n", 400);
    refuse("chunk-ext-after-quote", kChunked + "5;a=\"b\"c\r\nhello\r\n0\r\n\r\n", 400);
    refuse("chunk-ext-trailing-space", kChunked + "5;a \r\nhello\r\n0\r\n\r\n", 400);
    refuse("chunk-ext-ctl", kChunked + "5;a=\x01\r\nhello\r\n0\r\n\r\n", 400);
    refuse("chunk-ext-ctl-in-quote", kChunked + "5;a=\"\x01\"\r\nhello\r\n0\r\n\r\n", 400);
    refuse("chunk-ext-last-chunk", kChunked + "5\r\nhello\r\n0;\r\n\r\n", 400);

    refuse("expect-other", kPost + "Expect: something-else\r\nContent-Length: 0\r\n\r\n", 417);

    // Limits. The unterminated rows have no line end at all: the parser must give up
    // once past the limit instead of buffering.
    const QByteArray many(64 * 1024, 'a');
    refuse("target-over", "GET /aaaaaaaaaaaaaaaa HTTP/1.1\r\nHost: a\r\n\r\n", 414, kSmall);
    refuse("target-unterminated", "GET /" + many, 414, kSmall);
    // Field lines of 9 + 56 bytes: one past the limit even without the empty line.
    refuse("header-bytes-over", kGet + "X-A: " + QByteArray(49, 'b') + "\r\n\r\n", 431, kSmall);
    refuse("header-line-unterminated", kGet + "X-A: " + many, 431, kSmall);
    refuse("header-count-over", kGet + "A: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n", 431, kSmall);
    refuse("content-length-over", kPost + "Content-Length: 11\r\n\r\n", 413, kSmall);
    refuse("content-length-over-default", kPost + "Content-Length: 33554433\r\n\r\n", 413);
    refuse("chunked-over", kChunked + "8\r\n01234567\r\n8\r\n01234567\r\n0\r\n\r\n", 413, kSmall);
    refuse("trailer-count-over", kChunked + "0\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\nE: 5\r\n\r\n",
           431, kSmall);
    refuse("trailer-bytes-over", kChunked + "0\r\nX-T: " + QByteArray(64, 'c') + "\r\n\r\n", 431,
           kSmall);
    // Under the limit alone, over it together with the head.
    refuse("trailer-and-head-bytes-over",
           kChunked + "0\r\nX-T: " + QByteArray(24, 'c') + "\r\n\r\n", 431, kSmall);
    // Found by fuzzing: the first offending byte decides, however the bytes are split.
    refuse("over-limit-before-bare-lf", kGet + "X-A: " + QByteArray(64, 'b') + "\n\r\n", 431,
           kSmall);
    refuse("bare-cr-before-limit", kGet + "X-A: b\rc" + QByteArray(64, 'b') + "\r\n\r\n", 400,
           kSmall);
    refuse("over-limit-before-bare-cr", kGet + "X-A: " + QByteArray(64, 'b') + "\rc\r\n\r\n", 431,
           kSmall);
}

void TestHttpParser::refuses()
{
    QFETCH(QByteArray, raw);
    QFETCH(bool, bytewise);
    QFETCH(HttpLimits, limits);
    QFETCH(int, status);

    HttpParser p(limits);
    const Outcome out = run(p, raw, bytewise ? 1 : raw.size());
    QVERIFY2(out.problem.isEmpty(), out.problem.constData());
    QVERIFY(out.requests.isEmpty());
    QCOMPARE(eventName(out.last), "Failed");
    QCOMPARE(out.status, status);
    QVERIFY(!out.reason.isEmpty());
    QVERIFY2(!out.reason.contains('\r') && !out.reason.contains('\n'), out.reason.constData());

    // Once failed, always failed, whatever follows.
    const QByteArray valid = kGet + "\r\n";
    for (const QByteArrayView more : {QByteArrayView(valid), QByteArrayView(valid).first(1)}) {
        qsizetype used = 0;
        QCOMPARE(eventName(p.feed(more, &used)), "Failed");
        QCOMPARE(p.errorStatus(), status);
        QCOMPARE(p.errorReason(), out.reason);
    }
}

void TestHttpParser::neverCompletesTruncated_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<bool>("bytewise");

    addBoth("request-line", "GET / HTTP/1.1");
    addBoth("request-line-cr", "GET / HTTP/1.1\r");
    addBoth("head-without-end", kGet);
    addBoth("head-end-cr", kGet + "\r");
    addBoth("content-length-body", kPost + "Content-Length: 5\r\n\r\nhell");
    addBoth("chunk-data", kChunked + "5\r\nhel");
    addBoth("chunk-data-crlf", kChunked + "5\r\nhello\r");
    addBoth("last-chunk-missing", kChunked + "5\r\nhello\r\n");
    addBoth("trailer-section-missing", kChunked + "0\r\n");
    addBoth("trailer-section-open", kChunked + "0\r\nX-T: y\r\n");
    addBoth("trailer-section-cr", kChunked + "0\r\n\r");
}

void TestHttpParser::neverCompletesTruncated()
{
    QFETCH(QByteArray, raw);
    QFETCH(bool, bytewise);

    HttpParser p;
    const Outcome out = run(p, raw, bytewise ? 1 : raw.size());
    QVERIFY2(out.problem.isEmpty(), out.problem.constData());
    QVERIFY(out.requests.isEmpty());
    QCOMPARE(eventName(out.last), "NeedMore");
    QVERIFY(p.inProgress());
}

void TestHttpParser::reportsHeadBeforeBody_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<bool>("bytewise");
    QTest::addColumn<qsizetype>("headSize");

    const QByteArray withLength = kPost + "Content-Length: 3\r\n\r\n";
    addBoth("content-length", withLength + "abc", withLength.size());
    addBoth("chunked", kChunked + "3\r\nabc\r\n0\r\n\r\n", kChunked.size());
}

void TestHttpParser::reportsHeadBeforeBody()
{
    QFETCH(QByteArray, raw);
    QFETCH(bool, bytewise);
    QFETCH(qsizetype, headSize);

    HttpParser p;
    const Outcome out = run(p, raw, bytewise ? 1 : raw.size());
    QVERIFY2(out.problem.isEmpty() && out.last != Event::Failed, describe(out).constData());
    QCOMPARE(out.headAt, QList<qsizetype>{headSize});
    QCOMPARE(out.completeAt, QList<qsizetype>{raw.size()});
}

void TestHttpParser::headGate_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<bool>("bytewise");
    QTest::addColumn<bool>("admit");
    QTest::addColumn<int>("status");    // 0: the request completes
    QTest::addColumn<int>("consulted"); // times the gate saw a head

    const QByteArray small = kPost + "Content-Length: 3\r\n\r\nabc";
    const QByteArray huge = kPost + "Content-Length: 1073741824\r\n\r\n";
    addBoth("admitted", small, true, 0, 1);
    addBoth("turned-away", small, false, 401, 1);
    addBoth("turned-away-before-413", huge, false, 401, 1);
    addBoth("admitted-then-413", huge, true, 413, 1);
    addBoth("turned-away-before-417", kPost + "Expect: magic\r\n\r\n", false, 401, 1);
    addBoth("turned-away-instead-of-100",
            kPost + "Expect: 100-continue\r\nContent-Length: 3\r\n\r\n", false, 401, 1);
    addBoth("turned-away-without-body", kGet + "\r\n", false, 401, 1);
    addBoth("turned-away-chunked", kChunked + "3\r\nabc\r\n0\r\n\r\n", false, 401, 1);
    addBoth("syntax-first", kPost + "Content-Length: x\r\n\r\n", false, 400, 0);
    addBoth("host-first", "GET / HTTP/1.1\r\nHost: u@a\r\n\r\n", false, 400, 0);
    addBoth("pipelined-each", kGet + "\r\n" + small, true, 0, 2);
}

// The gate sees each well-formed head before the body limits apply and before any body byte.
void TestHttpParser::headGate()
{
    QFETCH(QByteArray, raw);
    QFETCH(bool, bytewise);
    QFETCH(bool, admit);
    QFETCH(int, status);
    QFETCH(int, consulted);

    HttpParser p;
    int calls = 0;
    p.setHeadGate(
        [&](const HttpRequest &head) {
            ++calls;
            return admit && head.method.size() > 0 && head.body.isEmpty();
        },
        401, "no token");
    const Outcome out = run(p, raw, bytewise ? 1 : raw.size());
    QVERIFY2(out.problem.isEmpty(), out.problem.constData());
    QCOMPARE(calls, consulted);
    QCOMPARE(out.status, status);
    if (status == 401) {
        QCOMPARE(p.errorReason(), QByteArray("no token"));
        QVERIFY(out.headAt.isEmpty()); // not even a 100 Continue goes out
        // The head stays readable, so that the caller can show what it turned away.
        QVERIFY(!p.current().method.isEmpty() && p.current().headers.contains("host"));
        QVERIFY(p.current().body.isEmpty());
    }
    if (status == 0)
        QVERIFY(!out.requests.isEmpty());
}

void TestHttpParser::parsesLargeBodyInPieces()
{
    QByteArray body(1 << 20, Qt::Uninitialized);
    for (qsizetype i = 0; i < body.size(); ++i)
        body[i] = char(i % 251);
    const QByteArray raw = kPost + "Content-Length: 1048576\r\n\r\n" + body;

    HttpParser p;
    const Outcome out = run(p, raw, 1024);
    QVERIFY2(out.problem.isEmpty() && out.last != Event::Failed, describe(out).constData());
    QCOMPARE(out.requests.size(), 1);
    QCOMPARE(out.requests.first().body.size(), body.size());
    QVERIFY(out.requests.first().body == body);
}

void TestHttpParser::parsesLargeHeaderInPieces()
{
    // A long token (a JWT, a cookie) arrives over several reads: its field line must count
    // once against maxHeaderBytes however it is split.
    const QByteArray value(40 * 1024, 'x');
    const QByteArray raw = kGet + "X-Token: " + value + "\r\n\r\n";

    HttpParser p;
    const Outcome out = run(p, raw, 1024);
    QVERIFY2(out.problem.isEmpty() && out.last != Event::Failed, describe(out).constData());
    QCOMPARE(out.requests.size(), 1);
    QCOMPARE(out.requests.first().headers.value("x-token"), value);
}

void TestHttpParser::tracksProgress()
{
    HttpParser p;
    QVERIFY(!p.inProgress());
    QVERIFY(!p.headComplete());

    qsizetype used = 0;
    QCOMPARE(eventName(p.feed("P", &used)), "NeedMore");
    QCOMPARE(used, 1);
    QVERIFY(p.inProgress());
    QVERIFY(!p.headComplete());

    const QByteArray rest = "OST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc";
    QCOMPARE(eventName(p.feed(rest, &used)), "HeadComplete");
    QCOMPARE(used, rest.size() - 3);
    QVERIFY(p.inProgress());
    QVERIFY(p.headComplete());
    QCOMPARE(p.current().method, QByteArrayLiteral("POST"));
    QCOMPARE(p.current().target, QByteArrayLiteral("/x"));
    QCOMPARE(p.current().headers.value("content-length"), QByteArrayLiteral("3"));
    QVERIFY(p.current().body.isEmpty());

    QCOMPARE(eventName(p.feed(QByteArrayView(rest).sliced(used), &used)), "Complete");
    QCOMPARE(used, 3);
    QCOMPARE(p.takeRequest().body, QByteArrayLiteral("abc"));
    QVERIFY(!p.inProgress());
    QVERIFY(!p.headComplete());

    // The same parser goes on with the next request from a clean state.
    const Outcome next = run(p, QByteArray(kGet + "\r\n"), 1);
    QVERIFY2(next.problem.isEmpty() && next.last != Event::Failed, describe(next).constData());
    QCOMPARE(next.requests.size(), 1);
    QVERIFY(next.requests.first().body.isEmpty());
    QVERIFY(!p.inProgress());
}

QTEST_GUILESS_MAIN(TestHttpParser)
#include "tst_httpparser.moc"
