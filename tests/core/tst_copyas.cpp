// SPDX-License-Identifier: MIT
// "Copy as" output, run for real: the curl command by bash and by dash against a HookScope
// listener, which must capture the same request again; the string literals by the languages
// they are written for.
#include "HeadlessProcess.h"

#include "capture/JournalReader.h"
#include "interchange/CopyAs.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QByteArray kHostile = "it's \"quoted\" $HOME `id` $(id) \\ %s %% ! \xe2\x9c\x93\n\ttab";

QByteArray allBytes()
{
    QByteArray b;
    for (int i = 255; i >= 0; --i)
        b.append(char(i));
    return b + "0123\\0101";
}

// A request as HookScope receives it from curl: Host first, Content-Length last.
QByteArray rawRequest(QByteArrayView head, const QByteArray &fields, const QByteArray &body,
                      bool withLength = true)
{
    return head + " HTTP/1.1\r\nHost: %HOST%\r\n" + fields +
           (withLength ? "Content-Length: " + QByteArray::number(body.size()) + "\r\n"
                       : QByteArray()) +
           "\r\n" + body;
}

QProcessEnvironment cleanEnvironment(const QString &home)
{
    // No proxy, no ~/.curlrc: the command must reach 127.0.0.1 as written.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name :
         {"http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
        env.remove(QLatin1String(name));
    env.insert(QStringLiteral("NO_PROXY"), QStringLiteral("*"));
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("CURL_HOME"), home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home);
    return env;
}
} // namespace

class tst_CopyAs : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void shellQuote_data();
    void shellQuote();
    void curlReproducesCapture_data();
    void curlReproducesCapture();
    void literals_data();
    void literals();
    void snippetsLeaveOutComputedFields();

private:
    CapturePtr sendRaw(QByteArray raw);
    CapturePtr nextCapture();
    QByteArray run(const QString &program, const QStringList &args, int *exitCode);

    QTemporaryDir m_dir;
    QProcess m_app;
    quint16 m_port = 0;
    QByteArray m_stdout;
};

void tst_CopyAs::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_port = startHeadless(m_app, m_dir.filePath(QStringLiteral("journal.hkj")));
    QVERIFY(m_port != 0);
}

void tst_CopyAs::cleanupTestCase()
{
    m_app.terminate();
    QVERIFY(m_app.waitForFinished(5000));
}

// The capture whose JSON line comes next on stdout, read back from the journal.
CapturePtr tst_CopyAs::nextCapture()
{
    QDeadlineTimer deadline(10000);
    while (!m_stdout.contains('\n') && !deadline.hasExpired()) {
        m_app.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        m_stdout += m_app.readAllStandardOutput();
    }
    const qsizetype nl = m_stdout.indexOf('\n');
    if (nl < 0)
        return nullptr;
    const qint64 id = QJsonDocument::fromJson(m_stdout.left(nl)).object().value(u"id").toInteger();
    m_stdout.remove(0, nl + 1);
    for (const CapturePtr &c :
         JournalReader::read(m_dir.filePath(QStringLiteral("journal.hkj"))).captures) {
        if (c->id == quint64(id))
            return c;
    }
    return nullptr;
}

CapturePtr tst_CopyAs::sendRaw(QByteArray raw)
{
    raw.replace("%HOST%", QByteArray("127.0.0.1:" + QByteArray::number(m_port)));
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    if (!socket.waitForConnected(5000) || socket.write(raw) != raw.size())
        return nullptr;
    QByteArray answer;
    while (!answer.contains("\r\n\r\n") && socket.waitForReadyRead(5000))
        answer += socket.readAll();
    return answer.startsWith("HTTP/1.1 200") ? nextCapture() : nullptr;
}

QByteArray tst_CopyAs::run(const QString &program, const QStringList &args, int *exitCode)
{
    QProcess p;
    p.setProcessEnvironment(cleanEnvironment(m_dir.path()));
    p.start(program, args);
    if (!p.waitForFinished(30000))
        return {};
    *exitCode = p.exitCode();
    if (p.exitCode() != 0)
        qWarning() << program << p.readAllStandardError();
    return p.readAllStandardOutput();
}

void tst_CopyAs::shellQuote_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("plain") << QByteArray("hello");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("quotes") << QByteArray("'''a'b''");
    QTest::newRow("hostile") << kHostile;
}

void tst_CopyAs::shellQuote()
{
    QFETCH(QByteArray, text);
    for (const char *shell : {"bash", "sh"}) {
        int exitCode = -1;
        const QByteArray out =
            run(QLatin1String(shell),
                {QStringLiteral("-c"), QStringLiteral("printf '%s' ") + CopyAs::shellQuote(text)},
                &exitCode);
        QCOMPARE(exitCode, 0);
        QCOMPARE(out, text);
    }
}

void tst_CopyAs::curlReproducesCapture_data()
{
    QTest::addColumn<QString>("shell");
    QTest::addColumn<QByteArray>("raw");
    const QList<std::pair<const char *, QByteArray>> requests = {
        {"hoox delivery",
         rawRequest("POST /webhook/hoox?source=ngrok&x=a%20b",
                    "User-Agent: Hoox-API/1.0\r\nContent-Type: application/json\r\n"
                    "X-Hoox-Webhook: true\r\nX-Forwarded-For: 1.2.3.4\r\n"
                    "X-Forwarded-For: 5.6.7.8\r\n",
                    "{\"task\":\"video_generate\",\"job_id\":\"run_1\",\"status\":\"completed\","
                    "\"result\":{\"video_id\":\"v\"}}")},
        {"binary body", rawRequest("PUT /upload",
                                   "Accept: */*\r\nUser-Agent: x\r\n"
                                   "Content-Type: application/octet-stream\r\n",
                                   allBytes())},
        {"shell-hostile text",
         rawRequest("POST /t", "User-Agent: it's $(id) `id` \\ \"q\"\r\nX-Percent: 100%s\r\n",
                    kHostile)},
        {"body that looks like a file", rawRequest("POST /at", "", "@/etc/passwd")},
        {"carriage returns", rawRequest("PATCH /cr", "Content-Type: text/plain\r\n", "a\r\nb\r")},
        {"empty header value", rawRequest("POST /e", "X-Empty: \r\nAccept: text/*\r\n", "x=1")},
        {"get without body",
         rawRequest("GET /status?id=7", "Accept: application/json\r\n", {}, false)},
        {"empty post", rawRequest("POST /empty", "Content-Type: application/json\r\n", {})},
    };
    for (const char *shell : {"bash", "sh"}) {
        for (const auto &[name, raw] : requests)
            QTest::addRow("%s %s", shell, name) << QString::fromLatin1(shell) << raw;
    }
}

void tst_CopyAs::curlReproducesCapture()
{
    QFETCH(QString, shell);
    QFETCH(QByteArray, raw);
    if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
        QFAIL("curl is not installed: ./hookscope.sh test installs it");
    const CapturePtr original = sendRaw(raw);
    QVERIFY(original);

    const QString command = CopyAs::curl(*original);
    int exitCode = -1;
    run(shell, {QStringLiteral("-c"), command}, &exitCode);
    QVERIFY2(exitCode == 0, qPrintable(command));
    const CapturePtr again = nextCapture();
    QVERIFY(again);
    QCOMPARE(again->method, original->method);
    QCOMPARE(again->target, original->target);
    QCOMPARE(again->httpMinor, original->httpMinor);
    for (qsizetype i = 0; i < qMax(again->headers.size(), original->headers.size()); ++i) {
        const HttpHeader none{"(none)", {}};
        const HttpHeader &a = i < again->headers.size() ? again->headers.at(i) : none;
        const HttpHeader &o = i < original->headers.size() ? original->headers.at(i) : none;
        QCOMPARE(a.name + ": " + a.value, o.name + ": " + o.value);
    }
    QCOMPARE(again->body, original->body);
}

void tst_CopyAs::literals_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QByteArray>("bytes");
    for (const char *language : {"python3", "node"}) {
        QTest::addRow("%s hostile", language) << QString::fromLatin1(language) << kHostile;
        QTest::addRow("%s separators", language)
            << QString::fromLatin1(language) << QByteArray("a\xe2\x80\xa8z\xe2\x80\xa9\x7f\r\0", 9);
    }
    QTest::newRow("python3 all bytes") << QStringLiteral("python3") << allBytes();
}

// Each literal, evaluated by its language and written out, gives the bytes back.
void tst_CopyAs::literals()
{
    QFETCH(QString, language);
    QFETCH(QByteArray, bytes);
    if (QStandardPaths::findExecutable(language).isEmpty())
        QFAIL(qPrintable(language + QStringLiteral(" is not installed: ./hookscope.sh test "
                                                   "installs it")));
    const QString script = language == QLatin1String("python3")
                               ? QStringLiteral("import sys; sys.stdout.buffer.write(%1)")
                                     .arg(CopyAs::pythonBytes(bytes))
                               : QStringLiteral("process.stdout.write(Buffer.from(%1, 'utf8'))")
                                     .arg(CopyAs::jsString(QString::fromUtf8(bytes)));
    int exitCode = -1;
    const QByteArray out = run(
        language,
        {language == QLatin1String("node") ? QStringLiteral("-e") : QStringLiteral("-c"), script},
        &exitCode);
    QCOMPARE(exitCode, 0);
    QCOMPARE(out, bytes);
}

void tst_CopyAs::snippetsLeaveOutComputedFields()
{
    Capture c;
    c.method = "POST";
    c.target = "/webhook/hoox";
    c.chunked = true;
    c.headers.append("Host", "abc.ngrok.app");
    c.headers.append("Transfer-Encoding", "chunked");
    c.headers.append("Connection", "keep-alive");
    c.headers.append("X-Hoox-Webhook", "true");
    c.body = QByteArray("\xff\x01{}", 4);
    const QString url = QStringLiteral("http://127.0.0.1:3000/hooks");
    const QString curl = CopyAs::curl(c, url);
    QVERIFY(curl.startsWith(QStringLiteral("printf '\\377\\001{}' | curl --http1.1 -X 'POST' "
                                           "'http://127.0.0.1:3000/hooks'")));
    QVERIFY(curl.endsWith(QStringLiteral("--data-binary @-")));
    const QString node = CopyAs::nodeFetch(c);
    QVERIFY(node.startsWith(QStringLiteral("fetch('http://abc.ngrok.app/webhook/hoox'")));
    QVERIFY(node.contains(QStringLiteral("body: Buffer.from('/wF7fQ==', 'base64')")));
    const QString python = CopyAs::pythonRequests(c, url);
    QVERIFY(python.contains(QStringLiteral("data=b'\\xff\\x01{}'")));
    QVERIFY(python.contains(QStringLiteral("'X-Hoox-Webhook': 'true'")));
    for (const QString &snippet : {curl, node, python}) {
        for (const char *computed : {"Host", "Transfer-Encoding", "Connection"})
            QVERIFY2(!snippet.contains(QLatin1String(computed)), computed);
    }
}

QTEST_GUILESS_MAIN(tst_CopyAs)
#include "tst_copyas.moc"
