// SPDX-License-Identifier: MIT
// `hookscope export` leaves deleted captures out and writes notes and bookmarks, in both
// formats, from a journal annotated in the window.
#include "capture/Journal.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
Capture captureOf(quint64 id)
{
    Capture c;
    c.id = id;
    c.receivedAtMs = 1'705'314'600'000 + qint64(id) * 1000;
    c.method = "POST";
    c.target = "/webhook/hoox";
    c.headers.append("Host", "localhost");
    c.body = "{\"task\":\"video_generate\",\"job_id\":\"run_" + QByteArray::number(id) + "\"}";
    c.answerStatus = 200;
    c.hoox.key = QStringLiteral("run_%1").arg(id);
    return c;
}
} // namespace

class tst_AnnotationExport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void exportFollowsTheAnnotations_data();
    void exportFollowsTheAnnotations();

private:
    QTemporaryDir m_dir;
    QString m_journal;
};

void tst_AnnotationExport::initTestCase()
{
    m_journal = m_dir.filePath(QStringLiteral("annotated.hkj"));
    Journal journal;
    QString error;
    QVERIFY2(journal.open(m_journal, &error), qPrintable(error));
    for (quint64 id = 1; id <= 4; ++id)
        QVERIFY(journal.append(captureOf(id), &error));
    const Annotations annotations{Annotation::note(1, QStringLiteral("first")),
                                  Annotation::bookmark(2, true),
                                  Annotation::deletion(3, true),
                                  Annotation::deletion(4, true),
                                  Annotation::deletion(4, false), // undone
                                  Annotation::note(1, QStringLiteral("first, edited"))};
    for (const Annotation &a : annotations)
        QVERIFY2(journal.appendAnnotation(a, &error), qPrintable(error));
}

void tst_AnnotationExport::exportFollowsTheAnnotations_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("jsonl") << QStringLiteral("jsonl");
    QTest::newRow("har") << QStringLiteral("har");
}

void tst_AnnotationExport::exportFollowsTheAnnotations()
{
    QFETCH(QString, format);
    const QString out = m_dir.filePath(QStringLiteral("out.") + format);
    QProcess exporter;
    exporter.start(QStringLiteral(HOOKSCOPE_BINARY),
                   {QStringLiteral("export"), QStringLiteral("--journal"), m_journal,
                    QStringLiteral("-o"), out});
    QVERIFY(exporter.waitForFinished(60000));
    const QString said = QString::fromUtf8(exporter.readAllStandardError());
    QCOMPARE(exporter.exitCode(), 0);
    QVERIFY2(said.contains(QStringLiteral("Exported 3 capture")), qPrintable(said));
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QList<QJsonObject> records; // the JSON Lines record, or the HAR entry's _hookscope
    if (format == QLatin1String("har")) {
        const QJsonArray entries =
            QJsonDocument::fromJson(f.readAll()).object()[u"log"][u"entries"].toArray();
        for (const QJsonValue &e : entries)
            records << e[u"_hookscope"].toObject();
    } else {
        for (const QByteArray &line : f.readAll().trimmed().split('\n'))
            records << QJsonDocument::fromJson(line).object();
    }
    QCOMPARE(records.size(), 3);
    QCOMPARE(records.at(0).value(u"id").toInt(), 1);
    QCOMPARE(records.at(0).value(u"note").toString(), QStringLiteral("first, edited"));
    QCOMPARE(records.at(0).value(u"bookmarked").toBool(), false);
    QCOMPARE(records.at(1).value(u"id").toInt(), 2);
    QVERIFY(records.at(1).value(u"note").isNull());
    QCOMPARE(records.at(1).value(u"bookmarked").toBool(), true);
    QCOMPARE(records.at(2).value(u"id").toInt(), 4); // 3 was deleted; 4's deletion was undone
}

QTEST_GUILESS_MAIN(tst_AnnotationExport)
#include "tst_annotationexport.moc"
