// SPDX-License-Identifier: MIT
// The command line speaks the user's language, chosen from LANGUAGE (then LC_ALL, LC_MESSAGES,
// LANG), without a display.
#include <QFileInfo>
#include <QLibraryInfo>
#include <QProcess>
#include <QTest>

class tst_LanguageCli : public QObject {
    Q_OBJECT

private slots:
    void help_data();
    void help();
    void subcommandHelpNamesTheCommand();
    void errorsInFrench();
    void qtsOwnWordsInFrench();
};

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run hookscope(const QStringList &args, const QString &language)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANGUAGE"), language);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(HOOKSCOPE_BINARY), args);
    if (!p.waitForFinished(60000))
        return {};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

void tst_LanguageCli::help_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("absent");
    const QString french = QStringLiteral("Reçoit les webhooks Hoox sur un port local");
    const QString english = QStringLiteral("Receives Hoox webhooks on a local port");
    QTest::addRow("fr") << QStringLiteral("fr") << french << english;
    QTest::addRow("fr_FR.UTF-8") << QStringLiteral("fr_FR.UTF-8") << french << english;
    QTest::addRow("de, then fr") << QStringLiteral("de:fr") << french << english;
    QTest::addRow("en") << QStringLiteral("en") << english << french;
    QTest::addRow("ja: none spoken") << QStringLiteral("ja") << english << french;
}

void tst_LanguageCli::help()
{
    QFETCH(QString, language);
    QFETCH(QString, expected);
    QFETCH(QString, absent);
    const Run r = hookscope({QStringLiteral("--help")}, language);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(expected), qPrintable(r.out));
    QVERIFY2(!r.out.contains(absent), qPrintable(r.out));
}

void tst_LanguageCli::subcommandHelpNamesTheCommand()
{
    const Run r =
        hookscope({QStringLiteral("send"), QStringLiteral("--help")}, QStringLiteral("fr"));
    QCOMPARE(r.exitCode, 0);
    const QString firstLine = r.out.section(u'\n', 0, 0);
    QVERIFY2(firstLine.contains(QStringLiteral("hookscope send")), qPrintable(firstLine));
    QVERIFY2(r.out.contains(QStringLiteral("Livre une charge utile à URL comme le fait Hoox")),
             qPrintable(r.out));
}

void tst_LanguageCli::errorsInFrench()
{
    const Run r =
        hookscope({QStringLiteral("listen"), QStringLiteral("--port"), QStringLiteral("huit")},
                  QStringLiteral("fr"));
    QCOMPARE(r.exitCode, 2);
    // French typography: no-break spaces inside « ».
    QVERIFY2(r.err.contains(QStringLiteral("--port attend un nombre de 0 à 65535, pas "
                                           "«\u00a0huit\u00a0»")),
             qPrintable(r.err));
}

// QCommandLineParser's headings come from Qt's catalogue (Debian: qt6-translations-l10n).
void tst_LanguageCli::qtsOwnWordsInFrench()
{
    if (!QFileInfo::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) +
                           QStringLiteral("/qtbase_fr.qm")))
        QSKIP("qtbase_fr.qm is not installed (Debian: qt6-translations-l10n)");
    const Run r = hookscope({QStringLiteral("--help")}, QStringLiteral("fr"));
    QVERIFY2(r.out.startsWith(QStringLiteral("Utilisation")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("Afficher les informations de version.")),
             qPrintable(r.out));
}

QTEST_GUILESS_MAIN(tst_LanguageCli)
#include "tst_languagecli.moc"
