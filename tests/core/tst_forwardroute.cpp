// SPDX-License-Identifier: MIT
#include "delivery/ForwardRoute.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

Capture capture(const QString &task, const QString &status,
                const QByteArray &target = QByteArrayLiteral("/webhook"))
{
    Capture c;
    c.method = "POST";
    c.target = target;
    c.hoox.taskText = task;
    c.hoox.statusText = status;
    return c;
}

ForwardRoute route(const QString &text)
{
    ForwardRoute parsed;
    QString error;
    if (!ForwardRoute::parse(text, &parsed, &error))
        qFatal("%s", qPrintable(error));
    return parsed;
}

// A route whose condition is `field:glob`.
ForwardRoute routeOn(const QString &field, const QString &glob)
{
    return route(field + u':' + glob + u"=http://h/"_s);
}

} // namespace

class TestForwardRoute : public QObject {
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void parseErrors_data();
    void parseErrors();
    void glob_data();
    void glob();
    void path_data();
    void path();
    void status();
    void headerTerm();
    void allTermsMustMatch();
    void captureWithoutTask();
    void choose_data();
    void choose();
    void chooseWithoutMatch();
    void isForwardUrl_data();
    void isForwardUrl();
};

void TestForwardRoute::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("condition");
    QTest::addColumn<QString>("target");

    QTest::addRow("one term") << u"task:avatar_*=http://localhost:3001/avatars"_s
                              << u"task:avatar_*"_s << u"http://localhost:3001/avatars"_s;
    QTest::addRow("query with '='")
        << u"task:video_*=http://localhost:3000/hook?token=a=b&x=1"_s << u"task:video_*"_s
        << u"http://localhost:3000/hook?token=a=b&x=1"_s;
    QTest::addRow("https") << u"status:failed=https://example.com/failures"_s << u"status:failed"_s
                           << u"https://example.com/failures"_s;
    QTest::addRow("several terms")
        << u"task:avatar_*  status:failed\tpath:/hoox/*=http://127.0.0.1:8080/x"_s
        << u"task:avatar_*  status:failed\tpath:/hoox/*"_s << u"http://127.0.0.1:8080/x"_s;
    QTest::addRow("scheme in capitals")
        << u"status:*=HTTPS://Example.com/x"_s << u"status:*"_s << u"https://example.com/x"_s;
    QTest::addRow("field in capitals") << u"Task:x=http://h/"_s << u"Task:x"_s << u"http://h/"_s;
    QTest::addRow("'=' in a path glob")
        << u"path:/a=b=http://h/"_s << u"path:/a=b"_s << u"http://h/"_s;
    QTest::addRow("URL in the URL")
        << u"path:/x=http://a/?next=http://b/"_s << u"path:/x"_s << u"http://a/?next=http://b/"_s;
    QTest::addRow("header term with '='") << u"header:x-hoox-webhook=true=http://h/"_s
                                          << u"header:x-hoox-webhook=true"_s << u"http://h/"_s;
    QTest::addRow("a URL in a header term") << u"header:referer=http://x/=http://h/"_s
                                            << u"header:referer=http://x/"_s << u"http://h/"_s;
    QTest::addRow("the language") << u"(task:avatar_* OR answer:5xx) -duplicate:yes=http://h/"_s
                                  << u"(task:avatar_* OR answer:5xx) -duplicate:yes"_s
                                  << u"http://h/"_s;
    QTest::addRow("free text") << u"avatar_*=http://h/"_s << u"avatar_*"_s << u"http://h/"_s;
}

void TestForwardRoute::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, condition);
    QFETCH(QString, target);

    ForwardRoute parsed;
    QString error;
    QVERIFY2(ForwardRoute::parse(text, &parsed, &error), qPrintable(error));
    QCOMPARE(error, QString());
    QCOMPARE(parsed.condition.text(), condition);
    QVERIFY(parsed.condition.isValid());
    QCOMPARE(parsed.target.toString(), target);
    QCOMPARE(parsed.text, text);
}

void TestForwardRoute::parseErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    const QString noUrl = u"expected CONDITION=URL with an http:// or https:// URL"_s;
    QTest::addRow("no '='") << u"task:avatar_*"_s << noUrl;
    QTest::addRow("nothing after '='") << u"task:avatar_*="_s << noUrl;
    QTest::addRow("not http") << u"task:x=ftp://host/"_s << noUrl;
    QTest::addRow("no scheme") << u"task:x=localhost:3001"_s << noUrl;
    QTest::addRow("URL does not parse")
        << u"task:x=http://[::1/"_s << u"the URL \"http://[::1/\" does not parse"_s;
    QTest::addRow("port out of range")
        << u"task:x=http://host:99999/"_s << u"the URL \"http://host:99999/\" does not parse"_s;
    QTest::addRow("no host") << u"task:x=http://"_s << u"the URL \"http://\" has no host"_s;
    QTest::addRow("only a path") << u"task:x=https:///avatars"_s
                                 << u"the URL \"https:///avatars\" has no host"_s;
    QTest::addRow("empty condition") << u"=http://h/"_s << u"the condition before \"=\" is empty"_s;
    QTest::addRow("blank condition")
        << u"  \t=http://h/"_s << u"the condition before \"=\" is empty"_s;
    QTest::addRow("unknown field")
        << u"tsk:x=http://h/"_s
        << u"the condition \"tsk:x\" does not parse at column 1: unknown field \"tsk\""_s;
    QTest::addRow("unknown field, second term")
        << u"task:x stat:failed=http://h/"_s << u"column 8: unknown field \"stat\""_s;
    QTest::addRow("empty glob") << u"task:=http://h/"_s << u"column 6: task: needs a value"_s;
    QTest::addRow("syntax error") << u"task:x OR=http://h/"_s
                                  << u"column 8: expected a term after OR"_s;
}

void TestForwardRoute::parseErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);

    ForwardRoute parsed = route(u"task:untouched=http://h/"_s);
    QString error;
    QVERIFY(!ForwardRoute::parse(text, &parsed, &error));
    QVERIFY2(error.startsWith(u"--route \""_s + text + u"\": "_s), qPrintable(error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QCOMPARE(parsed.text, u"task:untouched=http://h/"_s);
}

void TestForwardRoute::glob_data()
{
    QTest::addColumn<QString>("glob");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("matches");

    QTest::addRow("* matches the empty value") << u"*"_s << QString() << true;
    QTest::addRow("* matches anything") << u"*"_s << u"video_generate"_s << true;
    QTest::addRow("trailing * may be empty") << u"avatar_*"_s << u"avatar_"_s << true;
    QTest::addRow("trailing *") << u"avatar_*"_s << u"avatar_create"_s << true;
    QTest::addRow("leading *") << u"*_edit"_s << u"avatar_edit"_s << true;
    QTest::addRow("stars in a row") << u"avatar**edit"_s << u"avatar_edit"_s << true;
    QTest::addRow("anchored at the end") << u"avatar"_s << u"avatar_create"_s << false;
    QTest::addRow("anchored at the end after *") << u"*create"_s << u"avatar_create_x"_s << false;
    QTest::addRow("anchored at the start") << u"video*"_s << u"avatar_video"_s << false;
    QTest::addRow("exact") << u"video_export"_s << u"video_export"_s << true;
    QTest::addRow("? is one character") << u"a?c"_s << u"abc"_s << true;
    QTest::addRow("? is not none") << u"a?c"_s << u"ac"_s << false;
    QTest::addRow("? is not two") << u"a?c"_s << u"abbc"_s << false;
    QTest::addRow("? on the empty value") << u"?"_s << QString() << false;
    QTest::addRow("glob in capitals") << u"AVATAR_*"_s << u"avatar_edit"_s << true;
    QTest::addRow("value in capitals") << u"avatar_*"_s << u"Avatar_Edit"_s << true;
    QTest::addRow("non-ASCII case") << u"ÉTÉ_*"_s << u"été_x"_s << true;
    QTest::addRow("? over a surrogate pair") << u"a?b"_s << u"a\U0001F600b"_s << true;
    QTest::addRow("?? over one surrogate pair") << u"*??"_s << u"\U0001F600"_s << false;
    QTest::addRow("backtracking") << u"*ab"_s << u"aab"_s << true;
    QTest::addRow("backtracking over several *") << u"*a*b*c"_s << u"xxaxxbxxcxc"_s << true;
    QTest::addRow("too short for the glob") << u"a*a"_s << u"a"_s << false;
    QTest::addRow("many * and no match") << u"*a*a*a*a*a*a*a*a*b"_s << QString(200, u'a') << false;
}

void TestForwardRoute::glob()
{
    QFETCH(QString, glob);
    QFETCH(QString, value);
    QFETCH(bool, matches);

    const ForwardRoute r = routeOn(u"task"_s, glob);
    QCOMPARE(r.matches(capture(value, u"completed"_s)), matches);
    // A copy shares what parse() compiled.
    const ForwardRoute copy = r;
    QCOMPARE(copy.matches(capture(value, u"completed"_s)), matches);
}

void TestForwardRoute::path_data()
{
    QTest::addColumn<QString>("glob");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<bool>("matches");

    QTest::addRow("query ignored") << u"/webhook/hoox"_s << QByteArray("/webhook/hoox?x=1") << true;
    QTest::addRow("* stops at the query")
        << u"/webhook/*"_s << QByteArray("/webhook/hoox?x=1") << true;
    QTest::addRow("query not matched") << u"*x=1"_s << QByteArray("/webhook/hoox?x=1") << false;
    QTest::addRow("empty query") << u"/"_s << QByteArray("/?") << true;
    QTest::addRow("no query") << u"/webhook/hoox"_s << QByteArray("/webhook/hoox") << true;
    QTest::addRow("prefix only") << u"/webhook"_s << QByteArray("/webhook/hoox") << false;
    QTest::addRow("case") << u"/WEBHOOK/*"_s << QByteArray("/webhook/Hoox") << true;
    QTest::addRow("percent-encoded, as received")
        << u"/caf%c3%a9"_s << QByteArray("/caf%C3%A9") << true;
    QTest::addRow("not decoded") << u"/café"_s << QByteArray("/caf%C3%A9") << false;
    QTest::addRow("raw UTF-8") << u"/CAFÉ"_s << u"/café?x"_s.toUtf8() << true;
    QTest::addRow("? over raw UTF-8") << u"/caf?"_s << u"/café"_s.toUtf8() << true;
}

void TestForwardRoute::path()
{
    QFETCH(QString, glob);
    QFETCH(QByteArray, target);
    QFETCH(bool, matches);

    const ForwardRoute condition = routeOn(u"path"_s, glob);
    QCOMPARE(condition.matches(capture(u"video_generate"_s, u"completed"_s, target)), matches);
}

void TestForwardRoute::status()
{
    const ForwardRoute failed = routeOn(u"status"_s, u"failed"_s);
    QVERIFY(failed.matches(capture(u"video_generate"_s, u"failed"_s)));
    QVERIFY(failed.matches(capture(u"video_generate"_s, u"FAILED"_s)));
    QVERIFY(!failed.matches(capture(u"video_generate"_s, u"completed"_s)));
    QVERIFY(!failed.matches(capture(u"video_generate"_s, QString())));
    // The status is not the task: a status glob never looks at the task text.
    QVERIFY(!failed.matches(capture(u"failed"_s, u"completed"_s)));
    QVERIFY(routeOn(u"status"_s, u"*"_s).matches(capture(u"x"_s, QString())));
}

void TestForwardRoute::headerTerm()
{
    Capture hoox = capture(u"video_generate"_s, u"completed"_s);
    hoox.headers.append("X-Hoox-Webhook", "true");
    const ForwardRoute r = route(u"header:x-hoox-webhook=true=http://h/"_s);
    QVERIFY(r.matches(hoox));
    QVERIFY(!r.matches(capture(u"video_generate"_s, u"completed"_s)));
}

void TestForwardRoute::allTermsMustMatch()
{
    const ForwardRoute r = route(u"task:avatar_* status:failed=http://h/"_s);
    QVERIFY(r.matches(capture(u"avatar_create"_s, u"failed"_s)));
    QVERIFY(!r.matches(capture(u"avatar_create"_s, u"completed"_s)));
    QVERIFY(!r.matches(capture(u"video_generate"_s, u"failed"_s)));
}

void TestForwardRoute::captureWithoutTask()
{
    const Capture noTask = capture(QString(), QString(), QByteArrayLiteral("/webhook?x=1"));
    QVERIFY(route(u"task:*=http://h/"_s).matches(noTask));
    QVERIFY(!route(u"task:?*=http://h/"_s).matches(noTask));
    QVERIFY(!route(u"task:avatar_*=http://h/"_s).matches(noTask));
    QVERIFY(route(u"path:/webhook=http://h/"_s).matches(noTask));

    const QUrl fallback(u"http://localhost:3000/webhook"_s);
    const QList<ForwardRoute> routes{route(u"task:avatar_*=http://localhost:3001/avatars"_s)};
    QCOMPARE(ForwardRoute::choose(routes, fallback, noTask), fallback);
}

void TestForwardRoute::choose_data()
{
    QTest::addColumn<QString>("task");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QString>("chosen");

    QTest::addRow("first of two matches") << u"avatar_create"_s << u"failed"_s
                                          << QByteArray("/hoox/a") << u"http://localhost:3001/a"_s;
    QTest::addRow("second") << u"video_generate"_s << u"failed"_s << QByteArray("/hoox/a")
                            << u"http://localhost:3002/b"_s;
    QTest::addRow("third") << u"video_generate"_s << u"completed"_s << QByteArray("/hoox/a?x=1")
                           << u"http://localhost:3003/c"_s;
    QTest::addRow("none: fallback") << u"video_generate"_s << u"completed"_s
                                    << QByteArray("/webhook") << u"http://localhost:3000/hook"_s;
}

void TestForwardRoute::choose()
{
    QFETCH(QString, task);
    QFETCH(QString, status);
    QFETCH(QByteArray, target);
    QFETCH(QString, chosen);

    const QList<ForwardRoute> routes{
        route(u"task:avatar_*=http://localhost:3001/a"_s),
        route(u"status:failed=http://localhost:3002/b"_s),
        route(u"path:/hoox/*=http://localhost:3003/c"_s),
    };
    const QUrl fallback(u"http://localhost:3000/hook"_s);
    QCOMPARE(ForwardRoute::choose(routes, fallback, capture(task, status, target)), QUrl(chosen));
}

void TestForwardRoute::chooseWithoutMatch()
{
    const Capture video = capture(u"video_generate"_s, u"completed"_s);
    const QList<ForwardRoute> routes{route(u"task:avatar_*=http://localhost:3001/a"_s)};
    QVERIFY(ForwardRoute::choose(routes, QUrl(), video).isEmpty());
    const QUrl fallback(u"http://localhost:3000/hook"_s);
    QCOMPARE(ForwardRoute::choose({}, fallback, video), fallback);
    QVERIFY(ForwardRoute::choose({}, QUrl(), video).isEmpty());
}

void TestForwardRoute::isForwardUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expected"); // in the error

    QTest::addRow("http") << u"http://localhost:3000/webhook"_s << true << QString();
    QTest::addRow("https") << u"https://example.com"_s << true << QString();
    QTest::addRow("scheme in capitals") << u"HTTP://example.com/x"_s << true << QString();
    QTest::addRow("ftp") << u"ftp://example.com/"_s << false << u"not \"ftp://example.com/\""_s;
    QTest::addRow("no scheme") << u"localhost:3000"_s << false << u"not \"localhost:3000\""_s;
    QTest::addRow("relative") << u"/webhook"_s << false << u"not \"/webhook\""_s;
    QTest::addRow("empty") << QString() << false << u"not \"\""_s;
    QTest::addRow("no host") << u"http://"_s << false << u"not \"http://\""_s;
    QTest::addRow("does not parse") << u"http://[::1/"_s << false << u"http://[::1/"_s;
}

void TestForwardRoute::isForwardUrl()
{
    QFETCH(QString, url);
    QFETCH(bool, ok);
    QFETCH(QString, expected);

    QString error;
    QCOMPARE(::isForwardUrl(QUrl(url), &error), ok);
    QCOMPARE(::isForwardUrl(QUrl(url)), ok);
    if (ok) {
        QCOMPARE(error, QString());
        return;
    }
    QVERIFY2(error.startsWith(u"--forward-to needs an http:// or https:// URL such as "
                              u"http://localhost:3000/webhook"_s),
             qPrintable(error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestForwardRoute)
#include "tst_forwardroute.moc"
