// SPDX-License-Identifier: MIT
// The test fixture that runs the Hoox page's Express receiver as the user's app: it answers as
// the page's handler does, takes the knobs tests steer it with, and reports every request.
#include "helpers/ExpressReceiver.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// A Hoox delivery body; the é makes its length in bytes differ from its length in characters.
QByteArray hooxBody(const QString &task, const QString &status, const QString &jobId)
{
    QJsonObject body{{u"task"_s, task}, {u"status"_s, status}};
    if (!jobId.isEmpty())
        body.insert(u"job_id"_s, jobId);
    body.insert(u"result"_s, QJsonObject{{u"video_id"_s, u"vidé"_s}});
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QJsonValue field(const QJsonObject &line, const char *name)
{
    return line.value(QLatin1String(name));
}

QString header(const QJsonObject &line, const char *name)
{
    return field(line, "headers").toObject().value(QLatin1String(name)).toString();
}

} // namespace

class tst_ExpressReceiver : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void answersAsThePageDoes_data();
    void answersAsThePageDoes();
    void answersTheStatusItIsTold_data();
    void answersTheStatusItIsTold();
    void answersAfterTheDelay();
    void reportsAHeldRequestAtOnce();
    void namesItselfInHeaderAndLines();
    void servesTheRouteOnTheGivenPaths();
    void reportsWhatExpressRefuses();
    void twoReceiversKeepToTheirOwn();
    void startFailsLoudlyWithoutNode();
    void startFailsWithWhatTheReceiverSaid();

private:
    struct Answer {
        int status = 0; // 0: no answer within 15 s
        QByteArray body;
        QByteArray receiver; // X-Receiver
    };
    QNetworkReply *post(const QUrl &url, const QByteArray &body);
    Answer postAndWait(const QUrl &url, const QByteArray &body);

    QNetworkAccessManager m_network;
};

void tst_ExpressReceiver::initTestCase()
{
    // The receivers are on 127.0.0.1; nothing goes through a proxy from the environment.
    m_network.setProxy(QNetworkProxy::NoProxy);
}

QNetworkReply *tst_ExpressReceiver::post(const QUrl &url, const QByteArray &body)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setRawHeader("User-Agent", "Hoox-API/1.0");
    request.setRawHeader("X-Hoox-Webhook", "true");
    return m_network.post(request, body);
}

tst_ExpressReceiver::Answer tst_ExpressReceiver::postAndWait(const QUrl &url,
                                                             const QByteArray &body)
{
    QNetworkReply *reply = post(url, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    Answer answer;
    if (reply->isFinished() || finished.wait(15'000)) {
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        answer.receiver = reply->rawHeader("X-Receiver");
    }
    reply->deleteLater();
    return answer;
}

void tst_ExpressReceiver::answersAsThePageDoes_data()
{
    QTest::addColumn<QString>("task");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("jobId");
    QTest::addRow("video_generate") << u"video_generate"_s << u"completed"_s << u"run_1"_s;
    QTest::addRow("video_export failed") << u"video_export"_s << u"failed"_s << u"run_2"_s;
    QTest::addRow("avatar_create") << u"avatar_create"_s << u"completed"_s << QString();
    QTest::addRow("unknown task") << u"video_delete"_s << u"completed"_s << u"run_3"_s;
}

// Whatever the task, the page's handler answers 200 'OK'; the line reports the delivery.
void tst_ExpressReceiver::answersAsThePageDoes()
{
    QFETCH(QString, task);
    QFETCH(QString, status);
    QFETCH(QString, jobId);
    ExpressReceiver receiver;
    QVERIFY2(receiver.start(), qPrintable(receiver.error()));
    QVERIFY(receiver.port() != 0);
    QCOMPARE(receiver.url(), QUrl(u"http://127.0.0.1:%1/webhook/hoox"_s.arg(receiver.port())));

    const QByteArray body = hooxBody(task, status, jobId);
    const Answer answer = postAndWait(receiver.url(), body);
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body, QByteArray("OK"));

    QVERIFY(receiver.waitForRequests(1, 10'000));
    const QList<QJsonObject> lines = receiver.received();
    QCOMPARE(lines.size(), 1);
    const QJsonObject &line = lines.first();
    QCOMPARE(field(line, "path").toString(), u"/webhook/hoox"_s);
    QCOMPARE(field(line, "task").toString(), task);
    QCOMPARE(field(line, "status").toString(), status);
    QCOMPARE(field(line, "job_id").toString(), jobId);
    QCOMPARE(field(line, "job_id").isNull(), jobId.isEmpty());
    QCOMPARE(field(line, "raw_body_length").toInteger(), body.size());
    QCOMPARE(header(line, "content-type"), u"application/json"_s);
    QCOMPARE(header(line, "x-hoox-webhook"), u"true"_s);
    QCOMPARE(header(line, "user-agent"), u"Hoox-API/1.0"_s);
}

void tst_ExpressReceiver::answersTheStatusItIsTold_data()
{
    QTest::addColumn<int>("status");
    QTest::addRow("500") << 500;
    QTest::addRow("202") << 202;
}

void tst_ExpressReceiver::answersTheStatusItIsTold()
{
    QFETCH(int, status);
    ExpressReceiver receiver;
    QVERIFY2(receiver.start({.status = status}), qPrintable(receiver.error()));
    const Answer answer =
        postAndWait(receiver.url(), hooxBody(u"video_generate"_s, u"completed"_s, u"r"_s));
    QCOMPARE(answer.status, status);
    QCOMPARE(answer.body, QByteArray("OK"));
    QVERIFY(receiver.waitForRequests(1, 10'000));
}

void tst_ExpressReceiver::answersAfterTheDelay()
{
    ExpressReceiver receiver;
    QVERIFY2(receiver.start({.delayMs = 300}), qPrintable(receiver.error()));
    QElapsedTimer clock;
    clock.start();
    const Answer answer =
        postAndWait(receiver.url(), hooxBody(u"video_generate"_s, u"completed"_s, u"r"_s));
    QCOMPARE(answer.status, 200);
    QCOMPARE_GE(clock.elapsed(), 300);
}

// A receiver holding its answer has already reported the request.
void tst_ExpressReceiver::reportsAHeldRequestAtOnce()
{
    ExpressReceiver receiver;
    QVERIFY2(receiver.start({.delayMs = 120'000}), qPrintable(receiver.error()));
    QNetworkReply *reply =
        post(receiver.url(), hooxBody(u"video_export"_s, u"completed"_s, u"held"_s));
    QVERIFY(receiver.waitForRequests(1, 10'000));
    QCOMPARE(field(receiver.received().first(), "job_id").toString(), u"held"_s);
    QVERIFY(!reply->isFinished());
    reply->abort();
    reply->deleteLater();
}

void tst_ExpressReceiver::namesItselfInHeaderAndLines()
{
    ExpressReceiver receiver;
    QVERIFY2(receiver.start({.name = u"alpha"_s}), qPrintable(receiver.error()));
    const Answer answer =
        postAndWait(receiver.url(), hooxBody(u"video_generate"_s, u"completed"_s, u"r"_s));
    QCOMPARE(answer.receiver, QByteArray("alpha"));
    QVERIFY(receiver.waitForRequests(1, 10'000));
    QCOMPARE(field(receiver.received().first(), "name").toString(), u"alpha"_s);
    QVERIFY(receiver.log().contains("[alpha] Webhook received for video_generate: completed"));
}

// The route lives on the given paths only; a request elsewhere gets Express's 404 and is
// reported all the same.
void tst_ExpressReceiver::servesTheRouteOnTheGivenPaths()
{
    ExpressReceiver receiver;
    QVERIFY2(receiver.start({.paths = {u"/avatars"_s, u"/hooks/b"_s}}),
             qPrintable(receiver.error()));
    const QByteArray body = hooxBody(u"avatar_create"_s, u"completed"_s, {});
    QCOMPARE(postAndWait(receiver.url(u"/avatars"_s), body).status, 200);
    QCOMPARE(postAndWait(receiver.url(u"/hooks/b"_s), body).status, 200);
    QCOMPARE(postAndWait(receiver.url(), body).status, 404);
    QVERIFY(receiver.waitForRequests(3, 10'000));
    const QList<QJsonObject> lines = receiver.received();
    QCOMPARE(field(lines.at(0), "path").toString(), u"/avatars"_s);
    QCOMPARE(field(lines.at(1), "path").toString(), u"/hooks/b"_s);
    QCOMPARE(field(lines.at(2), "path").toString(), u"/webhook/hoox"_s);
    QCOMPARE(field(lines.at(2), "task").toString(), u"avatar_create"_s);
}

// express.json() refuses a body that is not JSON with 400; the line still has its length.
void tst_ExpressReceiver::reportsWhatExpressRefuses()
{
    ExpressReceiver receiver;
    QVERIFY2(receiver.start(), qPrintable(receiver.error()));
    const QByteArray body = "{\"task\": \"video_gen";
    QCOMPARE(postAndWait(receiver.url(), body).status, 400);
    QVERIFY(receiver.waitForRequests(1, 10'000));
    const QJsonObject line = receiver.received().first();
    QVERIFY(field(line, "task").isNull());
    QCOMPARE(field(line, "raw_body_length").toInteger(), body.size());
}

void tst_ExpressReceiver::twoReceiversKeepToTheirOwn()
{
    ExpressReceiver a;
    ExpressReceiver b;
    QVERIFY2(a.start({.name = u"a"_s}), qPrintable(a.error()));
    QVERIFY2(b.start({.name = u"b"_s, .status = 503}), qPrintable(b.error()));
    QVERIFY(a.port() != b.port());

    const Answer toA = postAndWait(a.url(), hooxBody(u"video_generate"_s, u"completed"_s, u"ja"_s));
    const Answer toB = postAndWait(b.url(), hooxBody(u"video_export"_s, u"failed"_s, u"jb"_s));
    QCOMPARE(toA.status, 200);
    QCOMPARE(toA.receiver, QByteArray("a"));
    QCOMPARE(toB.status, 503);
    QCOMPARE(toB.receiver, QByteArray("b"));

    QVERIFY(a.waitForRequests(1, 10'000));
    QVERIFY(b.waitForRequests(1, 10'000));
    QCOMPARE(a.received().size(), 1);
    QCOMPARE(b.received().size(), 1);
    QCOMPARE(field(a.received().first(), "job_id").toString(), u"ja"_s);
    QCOMPARE(field(b.received().first(), "job_id").toString(), u"jb"_s);
    QCOMPARE(field(b.received().first(), "name").toString(), u"b"_s);
}

// Without node the fixture fails, saying what to run; it never skips.
void tst_ExpressReceiver::startFailsLoudlyWithoutNode()
{
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", "/nonexistent");
    ExpressReceiver receiver;
    const bool started = receiver.start();
    qputenv("PATH", path);
    QVERIFY(!started);
    QVERIFY2(receiver.error().contains(u"npm ci --prefix tests/express"_s),
             qPrintable(receiver.error()));
}

void tst_ExpressReceiver::startFailsWithWhatTheReceiverSaid()
{
    ExpressReceiver receiver;
    QVERIFY(!receiver.start({.status = 42}));
    QVERIFY2(receiver.error().contains(u"--status between 100 and 999"_s),
             qPrintable(receiver.error()));
}

QTEST_GUILESS_MAIN(tst_ExpressReceiver)
#include "tst_expressreceiver.moc"
