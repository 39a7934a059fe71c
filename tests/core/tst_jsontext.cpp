// SPDX-License-Identifier: MIT
#include "interchange/JsonText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

class tst_JsonText : public QObject {
    Q_OBJECT
private slots:
    void stringsReadBackAsWritten_data();
    void stringsReadBackAsWritten();
    void nestingAndSeparators();
};

void tst_JsonText::stringsReadBackAsWritten_data()
{
    QTest::addColumn<QString>("text");
    QTest::addRow("plain") << QStringLiteral("video_generate");
    QTest::addRow("empty") << QString();
    QTest::addRow("quote and backslash") << QStringLiteral("say \"hi\" \\ bye");
    QTest::addRow("named controls") << QStringLiteral("a\nb\rc\td\be\ff");
    QString controls;
    for (char16_t c = 0; c < 0x20; ++c)
        controls += QChar(c);
    QTest::addRow("every control") << controls + QStringLiteral("\x7f");
    QTest::addRow("non-ASCII") << QStringLiteral("café · 日本 · 🎬");
    QTest::addRow("escapes at both ends") << QStringLiteral("\"middle\"");
}

void tst_JsonText::stringsReadBackAsWritten()
{
    QFETCH(QString, text);
    QByteArray out;
    JsonText(&out).beginArray().string(text).utf8(text.toUtf8()).endArray();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(out, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(doc.array().at(0).toString(), text);
    QCOMPARE(doc.array().at(1).toString(), text);
}

void tst_JsonText::nestingAndSeparators()
{
    QByteArray out;
    JsonText j(&out);
    j.beginObject().key("a").number(-1).key("b").beginArray().boolean(true).null();
    j.beginObject().endObject().beginArray().endArray().endArray();
    j.key("c").stringOrNull({}).key("d").stringOrNull(QStringLiteral("x")).endObject();
    QCOMPARE(out, QByteArray(R"({"a":-1,"b":[true,null,{},[]],"c":null,"d":"x"})"));
}

QTEST_GUILESS_MAIN(tst_JsonText)
#include "tst_jsontext.moc"
