// SPDX-License-Identifier: MIT
#include "delivery/DeliveryRequest.h"
#include "hoox/HooxClassifier.h"
#include "hoox/Templates.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

class TestTemplates : public QObject {
    Q_OBJECT
private slots:
    void listsEveryTaskAndOutcome();
    void passesTheClassifier_data();
    void passesTheClassifier();
    void idsAreFreshPerRender();
    void unknownNameRendersNothing();
};

void TestTemplates::listsEveryTaskAndOutcome()
{
    const QStringList expected = {
        u"avatar_create.completed"_s,  u"avatar_create.failed"_s,   u"avatar_edit.completed"_s,
        u"avatar_edit.failed"_s,       u"video_export.completed"_s, u"video_export.failed"_s,
        u"video_generate.completed"_s, u"video_generate.failed"_s,
    };
    QCOMPARE(Templates::names(), expected);
    QVERIFY(Templates::contains(u"video_export.failed"_s));
    QVERIFY(!Templates::contains(u"../video_export.failed"_s));
}

void TestTemplates::passesTheClassifier_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : Templates::names())
        QTest::addRow("%s", qPrintable(name)) << name;
}

void TestTemplates::passesTheClassifier()
{
    QFETCH(QString, name);
    QVERIFY(QJsonDocument::fromJson(Templates::source(name)).isObject()); // the file is JSON
    const QByteArray body = Templates::render(name);
    QVERIFY(!body.contains("{{"));
    const HooxClassification c =
        HooxClassifier::classify("POST", DeliveryRequest::hooxHeaders(), body);
    QVERIFY2(c.findings.isEmpty(), qPrintable(c.findings.join(u", ")));
    QCOMPARE(c.taskText + u'.' + c.statusText, name);
    QVERIFY(!c.key.isEmpty());
}

void TestTemplates::idsAreFreshPerRender()
{
    for (const QString &name : Templates::names()) {
        const QByteArray a = Templates::render(name);
        const QByteArray b = Templates::render(name);
        const auto keyOf = [](const QByteArray &body) {
            return HooxClassifier::classify("POST", DeliveryRequest::hooxHeaders(), body).key;
        };
        QVERIFY2(keyOf(a) != keyOf(b), qPrintable(name));
    }
    const QJsonObject o =
        QJsonDocument::fromJson(Templates::render(u"video_generate.completed"_s)).object();
    QVERIFY(QRegularExpression(u"^run_[0-9a-f]{20}$"_s)
                .match(o.value("job_id"_L1).toString())
                .hasMatch());
    const QDateTime created = QDateTime::fromString(
        o.value("result"_L1).toObject().value("created_at"_L1).toString(), Qt::ISODate);
    QVERIFY(created.isValid());
    QVERIFY(qAbs(created.secsTo(QDateTime::currentDateTimeUtc())) < 60);
}

void TestTemplates::unknownNameRendersNothing()
{
    QVERIFY(Templates::render(u"video_generate.exploded"_s).isEmpty());
}

QTEST_GUILESS_MAIN(TestTemplates)
#include "tst_templates.moc"
