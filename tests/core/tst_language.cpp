// SPDX-License-Identifier: MIT
// Which language the messages take, and the translators that a Language installs and removes.
#include "session/Language.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QTest>

class tst_Language : public QObject {
    Q_OBJECT

private slots:
    void choose_data();
    void choose();
    void catalogues();
    void frenchWhileItLives();
    void englishPluralForms();
    void qtCatalogueWhereInstalled();
};

namespace {

QString translated(const char *context, const char *text, int n = -1)
{
    return QCoreApplication::translate(context, text, nullptr, n);
}

} // namespace

void tst_Language::choose_data()
{
    QTest::addColumn<QStringList>("uiLanguages");
    QTest::addColumn<QString>("expected");
    QTest::addRow("French, region") << QStringList{QStringLiteral("fr-FR")} << QStringLiteral("fr");
    QTest::addRow("French, POSIX spelling")
        << QStringList{QStringLiteral("fr_CA.UTF-8")} << QStringLiteral("fr");
    QTest::addRow("upper case") << QStringList{QStringLiteral("FR")} << QStringLiteral("fr");
    QTest::addRow("English") << QStringList{QStringLiteral("en-US")} << QStringLiteral("en");
    QTest::addRow("English before French")
        << QStringList{QStringLiteral("en-GB"), QStringLiteral("fr-FR")} << QStringLiteral("en");
    QTest::addRow("unknown, then French") // LANGUAGE=de:fr
        << QStringList{QStringLiteral("de-DE"), QStringLiteral("fr")} << QStringLiteral("fr");
    QTest::addRow("none spoken") << QStringList{QStringLiteral("ja-JP")} << QStringLiteral("en");
    QTest::addRow("C locale") << QStringList{QStringLiteral("C"), QStringLiteral("fr")}
                              << QStringLiteral("en");
    QTest::addRow("nothing") << QStringList{} << QStringLiteral("en");
}

void tst_Language::choose()
{
    QFETCH(QStringList, uiLanguages);
    QFETCH(QString, expected);
    QCOMPARE(Language::choose(uiLanguages, {QStringLiteral("en"), QStringLiteral("fr")}), expected);
}

// lrelease's catalogues are in the core's resources, where the window and the command line
// both find them.
void tst_Language::catalogues()
{
    const QStringList available = Language::available();
    QVERIFY2(available.contains(QStringLiteral("en")), qPrintable(available.join(u' ')));
    QVERIFY2(available.contains(QStringLiteral("fr")), qPrintable(available.join(u' ')));
}

void tst_Language::frenchWhileItLives()
{
    QCOMPARE(translated("JsonTreeModel", "object"), QStringLiteral("object"));
    {
        const Language french(QStringLiteral("fr"));
        QCOMPARE(french.code(), QStringLiteral("fr"));
        QCOMPARE(translated("JsonTreeModel", "object"), QStringLiteral("objet"));
        QCOMPARE(translated("StatusLine", "%Ln capture(s)", 1), QStringLiteral("1 capture"));
        QCOMPARE(translated("StatusLine", "%Ln capture(s)", 3), QStringLiteral("3 captures"));
        // A message of the command line, from a file whose context is declared beside its
        // free functions.
        QCOMPARE(translated("main", "See hookscope --help."),
                 QStringLiteral("Voir hookscope --help."));
    }
    QCOMPARE(translated("JsonTreeModel", "object"), QStringLiteral("object"));
}

// English is the source language; its catalogue turns "(s)" into real plurals.
void tst_Language::englishPluralForms()
{
    const Language english(QStringLiteral("en"));
    QCOMPARE(translated("StatusLine", "%Ln capture(s)", 1), QStringLiteral("1 capture"));
    QCOMPARE(translated("StatusLine", "%Ln capture(s)", 2), QStringLiteral("2 captures"));
    // A million captures read with the locale's thousands.
    QCOMPARE(translated("StatusLine", "%Ln capture(s)", 1234567),
             QLocale().toString(1234567) + QStringLiteral(" captures"));
    QCOMPARE(translated("JsonTreeModel", "object"), QStringLiteral("object"));
    QVERIFY(!english.hasQtCatalogue());
}

// Qt's own catalogue comes from the system (Debian: qt6-translations-l10n): used when there.
void tst_Language::qtCatalogueWhereInstalled()
{
    const QString qtbase =
        QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_fr.qm");
    const Language french(QStringLiteral("fr"));
    QCOMPARE(french.hasQtCatalogue(), QFileInfo::exists(qtbase));
    if (!french.hasQtCatalogue())
        QSKIP("qtbase_fr.qm is not installed (Debian: qt6-translations-l10n)");
    QVERIFY(translated("QCommandLineParser", "Displays version information.") !=
            QStringLiteral("Displays version information."));
}

QTEST_GUILESS_MAIN(tst_Language)
#include "tst_language.moc"
