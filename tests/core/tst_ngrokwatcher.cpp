// SPDX-License-Identifier: MIT
#include "ngrok/NgrokWatcher.h"

#include <QTest>

class tst_NgrokWatcher : public QObject {
    Q_OBJECT
private slots:
    void addrPointsAt_data();
    void addrPointsAt();
    void pickTunnel_data();
    void pickTunnel();
};

void tst_NgrokWatcher::addrPointsAt_data()
{
    QTest::addColumn<QString>("addr");
    QTest::addColumn<bool>("ours");
    QTest::addRow("port only") << QStringLiteral("4477") << true;
    QTest::addRow("localhost") << QStringLiteral("localhost:4477") << true;
    QTest::addRow("url") << QStringLiteral("http://localhost:4477") << true;
    QTest::addRow("url slash") << QStringLiteral("http://127.0.0.1:4477/") << true;
    QTest::addRow("ipv6") << QStringLiteral("http://[::1]:4477") << true;
    QTest::addRow("other port") << QStringLiteral("http://localhost:3000") << false;
    QTest::addRow("prefix port") << QStringLiteral("http://localhost:44771") << false;
    QTest::addRow("other host") << QStringLiteral("http://192.0.2.1:4477") << false;
    QTest::addRow("garbage") << QStringLiteral("localhost") << false;
}

void tst_NgrokWatcher::addrPointsAt()
{
    QFETCH(QString, addr);
    QFETCH(bool, ours);
    QCOMPARE(NgrokWatcher::addrPointsAt(addr, 4477), ours);
}

void tst_NgrokWatcher::pickTunnel_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("url");
    const QByteArray both =
        "{\"tunnels\":[{\"public_url\":\"http://a.ngrok.app\",\"proto\":\"http\","
        "\"config\":{\"addr\":\"http://localhost:4477\"}},"
        "{\"public_url\":\"https://a.ngrok.app\",\"proto\":\"https\","
        "\"config\":{\"addr\":\"http://localhost:4477\"}}]}";
    QTest::addRow("https wins") << both << QStringLiteral("https://a.ngrok.app");
    QTest::addRow("other port only")
        << QByteArray("{\"tunnels\":[{\"public_url\":\"https://b.ngrok.app\",\"proto\":\"https\","
                      "\"config\":{\"addr\":\"http://localhost:3000\"}}]}")
        << QString();
    QTest::addRow("none") << QByteArray("{\"tunnels\":[]}") << QString();
    QTest::addRow("not json") << QByteArray("<html>") << QString();
    QTest::addRow("wrong shape") << QByteArray("{\"tunnels\":{\"a\":1}}") << QString();
}

void tst_NgrokWatcher::pickTunnel()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, url);
    QCOMPARE(NgrokWatcher::pickTunnel(json, 4477), url);
}

QTEST_GUILESS_MAIN(tst_NgrokWatcher)
#include "tst_ngrokwatcher.moc"
