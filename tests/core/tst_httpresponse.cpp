// SPDX-License-Identifier: MIT
#include "http/HttpResponse.h"

#include <QDateTime>
#include <QLocale>
#include <QTest>

namespace {

const QString kImfFormat = QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'");

QByteArray dateOf(const QByteArray &answer)
{
    const qsizetype at = answer.indexOf("\r\nDate: ");
    if (at < 0)
        return {};
    const qsizetype end = answer.indexOf("\r\n", at + 2);
    return answer.mid(at + 8, end - at - 8);
}

} // namespace

class tst_HttpResponse : public QObject {
    Q_OBJECT
private slots:
    void cleanup();
    void imfFixdate_data();
    void imfFixdate();
    void imfFixdateMatchesQtOverYears();
    void everyAnswerIsDated_data();
    void everyAnswerIsDated();
};

void tst_HttpResponse::cleanup()
{
    QLocale::setDefault(QLocale::c());
}

void tst_HttpResponse::imfFixdate_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QByteArray>("expected");
    // RFC 9110 5.6.7's own example, leap days and the edges of the epoch.
    QTest::addRow("rfc example") << qint64(784111777)
                                 << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT");
    QTest::addRow("epoch") << qint64(0) << QByteArray("Thu, 01 Jan 1970 00:00:00 GMT");
    QTest::addRow("before the epoch") << qint64(-1) << QByteArray("Wed, 31 Dec 1969 23:59:59 GMT");
    QTest::addRow("leap day 2000")
        << qint64(951782400) << QByteArray("Tue, 29 Feb 2000 00:00:00 GMT");
    QTest::addRow("friday 13th") << qint64(1234567890)
                                 << QByteArray("Fri, 13 Feb 2009 23:31:30 GMT");
    QTest::addRow("end of 2026") << qint64(1798761599)
                                 << QByteArray("Thu, 31 Dec 2026 23:59:59 GMT");
    QTest::addRow("end of 2099") << qint64(4102444799)
                                 << QByteArray("Thu, 31 Dec 2099 23:59:59 GMT");
}

void tst_HttpResponse::imfFixdate()
{
    QFETCH(qint64, seconds);
    QFETCH(QByteArray, expected);
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany)); // names stay English
    QCOMPARE(HttpResponse::imfFixdate(seconds), expected);
}

// Every day from 1970 to 2100, at a time of day that moves from day to day.
void tst_HttpResponse::imfFixdateMatchesQtOverYears()
{
    for (qint64 s = 0; s < 4102444800; s += 86400 + 3607) {
        const QDateTime t = QDateTime::fromSecsSinceEpoch(s, Qt::UTC);
        const QByteArray expected = QLocale::c().toString(t, kImfFormat).toLatin1();
        if (HttpResponse::imfFixdate(s) != expected)
            QFAIL(qPrintable(QStringLiteral("%1: %2, not %3")
                                 .arg(s)
                                 .arg(QString::fromLatin1(HttpResponse::imfFixdate(s)),
                                      QString::fromLatin1(expected))));
    }
}

void tst_HttpResponse::everyAnswerIsDated_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addRow("200") << HttpResponse::serialize(200, "text/plain", "OK", false);
    QTest::addRow("reused 200") << HttpResponse::serializeReusing(200, "text/plain", "OK", false);
    QTest::addRow("head only") << HttpResponse::serialize(204, {}, {}, false, false, true);
    QTest::addRow("400 refusal") << HttpResponse::refusal(400, "bad");
    QTest::addRow("100 continue") << HttpResponse::continue100();
}

void tst_HttpResponse::everyAnswerIsDated()
{
    QFETCH(QByteArray, answer);
    const QByteArray date = dateOf(answer);
    QVERIFY2(!date.isEmpty(), answer.constData());
    QVERIFY(answer.endsWith("\r\n") || answer.contains("\r\n\r\n"));
    QDateTime at = QLocale::c().toDateTime(QString::fromLatin1(date), kImfFormat);
    QVERIFY2(at.isValid(), date.constData());
    at.setTimeSpec(Qt::UTC);
    QVERIFY(qAbs(at.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    QCOMPARE(answer.count("\r\nDate: "), 1);
}

QTEST_GUILESS_MAIN(tst_HttpResponse)
#include "tst_httpresponse.moc"
