// SPDX-License-Identifier: MIT
#include "WebhookUrl.h"

#include <QTest>

class tst_WebhookUrl : public QObject {
    Q_OBJECT
private slots:
    void normalized_data();
    void normalized();
    void withOrigin_data();
    void withOrigin();
    void problem_data();
    void problem();
};

void tst_WebhookUrl::normalized_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("url");
    QTest::newRow("blank") << "  "
                           << "";
    QTest::newRow("bare host") << "ab.ngrok-free.app"
                               << "https://ab.ngrok-free.app/webhook/hoox";
    QTest::newRow("origin") << "https://ab.ngrok.app/"
                            << "https://ab.ngrok.app/webhook/hoox";
    QTest::newRow("own path") << " https://ab.ngrok.app/hooks?x=1 "
                              << "https://ab.ngrok.app/hooks?x=1";
    QTest::newRow("http kept") << "http://example.com"
                               << "http://example.com/webhook/hoox";
}

void tst_WebhookUrl::normalized()
{
    QFETCH(QString, typed);
    QFETCH(QString, url);
    QCOMPARE(WebhookUrl::normalized(typed), url);
}

void tst_WebhookUrl::withOrigin_data()
{
    QTest::addColumn<QString>("tunnel");
    QTest::addColumn<QString>("current");
    QTest::addColumn<QString>("url");
    QTest::newRow("nothing yet") << "https://ab.ngrok.app"
                                 << ""
                                 << "https://ab.ngrok.app/webhook/hoox";
    QTest::newRow("path kept") << "https://cd.ngrok.app"
                               << "https://ab.ngrok.app/hooks"
                               << "https://cd.ngrok.app/hooks";
    QTest::newRow("query kept") << "https://cd.ngrok.app"
                                << "https://ab.ngrok.app/h?s=1"
                                << "https://cd.ngrok.app/h?s=1";
    QTest::newRow("garbage before") << "https://cd.ngrok.app"
                                    << "%%%"
                                    << "https://cd.ngrok.app/webhook/hoox";
}

void tst_WebhookUrl::withOrigin()
{
    QFETCH(QString, tunnel);
    QFETCH(QString, current);
    QFETCH(QString, url);
    QCOMPARE(WebhookUrl::withOrigin(tunnel, current), url);
}

void tst_WebhookUrl::problem_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("says");
    QTest::newRow("fine") << "https://ab.ngrok-free.app/webhook/hoox"
                          << "";
    QTest::newRow("empty") << ""
                           << "ngrok";
    QTest::newRow("localhost") << "http://localhost:47771/webhook/hoox"
                               << "cannot reach";
    QTest::newRow("loopback") << "http://127.0.0.1:47771/webhook/hoox"
                              << "cannot reach";
    QTest::newRow("scheme") << "ftp://ab.ngrok.app/x"
                            << "not ftp";
    QTest::newRow("no host") << "https:///x"
                             << "Not a URL";
}

void tst_WebhookUrl::problem()
{
    QFETCH(QString, url);
    QFETCH(QString, says);
    const QString problem = WebhookUrl::problem(url);
    if (says.isEmpty())
        QCOMPARE(problem, QString());
    else
        QVERIFY2(problem.contains(says), qPrintable(problem));
}

QTEST_GUILESS_MAIN(tst_WebhookUrl)
#include "tst_webhookurl.moc"
