// SPDX-License-Identifier: MIT
// A headless HookScope killed with SIGKILL in the middle of a load from several clients
// loses no delivery it answered: restarted on the same journal, it has every one.
#include "HeadlessProcess.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr int kClients = 4;

// Each client sends deliveries on one keep-alive connection and prints a delivery's key
// only once HookScope has answered it 200; it stops at the first error (the kill).
const char *const kClient =
    "import http.client, sys\n"
    "port, name = int(sys.argv[1]), sys.argv[2]\n"
    "c = http.client.HTTPConnection('127.0.0.1', port, timeout=10)\n"
    "for i in range(1000000):\n"
    "    key = 'run_%s_%d' % (name, i)\n"
    "    body = ('{\"task\":\"video_generate\",\"job_id\":\"%s\",\"status\":\"completed\","
    "\"result\":{\"video_id\":\"v\"}}' % key).encode()\n"
    "    try:\n"
    "        c.request('POST', '/webhook/hoox', body=body, headers={'Content-Type': "
    "'application/json', 'User-Agent': 'Hoox-API/1.0', 'X-Hoox-Webhook': 'true'})\n"
    "        r = c.getresponse(); r.read()\n"
    "    except Exception:\n"
    "        sys.exit(0)\n"
    "    if r.status != 200:\n"
    "        sys.exit(1)\n"
    "    print(key, flush=True)\n";

} // namespace

class tst_CrashSafety : public QObject {
    Q_OBJECT
private slots:
    void killDuringLoadLosesNoAnsweredDelivery();
};

void tst_CrashSafety::killDuringLoadLosesNoAnsweredDelivery()
{
    QTemporaryDir dir;
    const QString journal = dir.filePath(QStringLiteral("journal.hkj"));
    QProcess app;
    const quint16 port = startHeadless(app, journal);
    QVERIFY(port != 0);

    std::vector<std::unique_ptr<QProcess>> clients;
    for (int i = 0; i < kClients; ++i) {
        clients.push_back(std::make_unique<QProcess>());
        clients.back()->start(QStringLiteral("python3"),
                              {QStringLiteral("-c"), QString::fromLatin1(kClient),
                               QString::number(port), QString::number(i)});
        QVERIFY(clients.back()->waitForStarted());
    }
    QSet<QString> answered;
    auto collect = [&] {
        for (auto &c : clients) {
            const QList<QByteArray> lines = c->readAllStandardOutput().split('\n');
            for (const QByteArray &l : lines) {
                if (!l.isEmpty())
                    answered.insert(QString::fromLatin1(l));
            }
        }
    };
    // Partial lines stay in the pipe until the next read only if split mid-line; python
    // flushes whole lines, so each read yields whole keys.
    QTRY_VERIFY_WITH_TIMEOUT((collect(), answered.size() >= 400), 60000);

    app.kill(); // SIGKILL, in the middle of the load
    QVERIFY(app.waitForFinished(10000));
    for (auto &c : clients) {
        QVERIFY(c->waitForFinished(30000));
        QCOMPARE(c->exitCode(), 0);
    }
    collect();

    // Everything answered is in the journal, read back by the export command.
    QProcess exporter;
    exporter.start(QStringLiteral(HOOKSCOPE_BINARY),
                   {QStringLiteral("export"), QStringLiteral("--journal"), journal,
                    QStringLiteral("--format"), QStringLiteral("jsonl")});
    QVERIFY(exporter.waitForFinished(60000));
    QCOMPARE(exporter.exitCode(), 0);
    QSet<QString> kept;
    for (const QByteArray &line : exporter.readAllStandardOutput().split('\n')) {
        if (!line.isEmpty())
            kept.insert(
                QJsonDocument::fromJson(line).object().value(QStringLiteral("key")).toString());
    }
    QVERIFY(answered.size() >= 400);
    const QSet<QString> lost = answered - kept;
    QVERIFY2(lost.isEmpty(), qPrintable(QStringLiteral("%1 answered deliveries lost, e.g. %2")
                                            .arg(lost.size())
                                            .arg(lost.isEmpty() ? QString() : *lost.begin())));

    // And HookScope starts again on that journal, with them.
    QProcess again;
    QString said;
    QVERIFY(startHeadless(again, journal, &said) != 0);
    again.terminate();
    QVERIFY(again.waitForFinished(10000));
    const auto m = QRegularExpression(QStringLiteral("\\((\\d+) capture")).match(said);
    QVERIFY2(m.hasMatch(), qPrintable(said));
    QCOMPARE(m.captured(1).toInt(), kept.size());
}

QTEST_GUILESS_MAIN(tst_CrashSafety)
#include "tst_crashsafety.moc"
