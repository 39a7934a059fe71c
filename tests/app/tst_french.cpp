// SPDX-License-Identifier: MIT
// The main window under LANGUAGE=fr, with the translators installed as main() installs them:
// every menu, action, button, label, tab and column header reads in French, and each menu's
// access keys stay unique.
#include "MainWindow.h"
#include "ngrok/NgrokWatcher.h"
#include "session/Language.h"
#include "session/SessionEngine.h"
#include "session/Settings.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

// Texts that French writes as English does, each for a reason.
const QStringList kSameInBothLanguages{
    QStringLiteral("HookScope"),    // the product's name
    QStringLiteral("&Capture"),     // "capture" is a French word too, and the menu keeps its key
    QStringLiteral("webhook_&url"), // Hoox's field name, which the user pastes into Hoox
    QStringLiteral("Type"),         // the JSON tree's column: "type" in French as well
    QStringLiteral("OK"),           // the default answer body, sent as written
};

// The visible texts of a window: menus and their actions, buttons, labels, tabs and the
// horizontal headers of its views, each with where it was found.
QList<std::pair<QString, QString>> textsOf(QWidget *window)
{
    QList<std::pair<QString, QString>> texts;
    for (const QAction *a : window->findChildren<QAction *>()) {
        if (!a->isSeparator())
            texts.append({QStringLiteral("action ") + a->objectName(), a->text()});
    }
    for (const QMenu *m : window->findChildren<QMenu *>())
        texts.append({QStringLiteral("menu ") + m->objectName(), m->title()});
    for (const QAbstractButton *b : window->findChildren<QAbstractButton *>())
        texts.append({QStringLiteral("button ") + b->objectName(), b->text()});
    for (const QLabel *l : window->findChildren<QLabel *>())
        texts.append({QStringLiteral("label ") + l->objectName(), l->text()});
    for (const QTabWidget *t : window->findChildren<QTabWidget *>()) {
        for (int i = 0; i < t->count(); ++i)
            texts.append({QStringLiteral("tab of ") + t->objectName(), t->tabText(i)});
    }
    for (const QHeaderView *h : window->findChildren<QHeaderView *>()) {
        if (h->orientation() != Qt::Horizontal || !h->model())
            continue;
        for (int s = 0; s < h->model()->columnCount(); ++s)
            texts.append({QStringLiteral("header of ") + h->parent()->objectName(),
                          h->model()->headerData(s, Qt::Horizontal).toString()});
    }
    return texts;
}

// A text to translate has a letter; "#", "—" and "0" do not.
bool hasWords(const QString &text)
{
    static const QRegularExpression letter(QStringLiteral("\\p{L}{2}"));
    return letter.match(text).hasMatch();
}

QChar accessKeyOf(const QString &text)
{
    static const QRegularExpression key(QStringLiteral("&([^&\\s])"));
    const auto m = key.match(text);
    return m.hasMatch() ? m.captured(1).at(0).toLower() : QChar();
}

} // namespace

class tst_French : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void everyTextIsFrench();
    void menuAccessKeysAreUnique();
    void cleanupTestCase();

private:
    std::unique_ptr<MainWindow> openWindow();

    QTemporaryDir m_dir;
    std::unique_ptr<SessionEngine> m_engine;
    std::unique_ptr<NgrokWatcher> m_ngrok;
    QStringList m_english;
    std::unique_ptr<Language> m_language;
    std::unique_ptr<MainWindow> m_window;
};

std::unique_ptr<MainWindow> tst_French::openWindow()
{
    auto window = std::make_unique<MainWindow>(m_engine.get(), m_ngrok.get());
    window->show();
    return window;
}

void tst_French::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    Settings::useFile(m_dir.filePath(QStringLiteral("hookscope.conf")));
    m_engine = std::make_unique<SessionEngine>();
    SessionOptions options;
    options.journalPath = m_dir.filePath(QStringLiteral("test.hkj"));
    QString error;
    QVERIFY2(m_engine->open(options, &error), qPrintable(error));
    m_ngrok = std::make_unique<NgrokWatcher>();
    // The same window in the source language first, for its texts.
    for (const auto &[where, text] : textsOf(openWindow().get()))
        m_english << text;
    QCOMPARE(Language::systemChoice(), QStringLiteral("fr")); // LANGUAGE=fr, set in main()
    m_language = std::make_unique<Language>(Language::systemChoice());
    m_window = openWindow();
}

void tst_French::everyTextIsFrench()
{
    QStringList untranslated;
    int checked = 0;
    for (const auto &[where, text] : textsOf(m_window.get())) {
        if (!hasWords(text) || kSameInBothLanguages.contains(text))
            continue;
        ++checked;
        if (m_english.contains(text))
            untranslated << where + QStringLiteral(": ") + text;
    }
    QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(u'\n')));
    QVERIFY2(checked > 60, qPrintable(QString::number(checked)));
}

// Alt+letter reaches one item per menu, and one menu of the menu bar.
void tst_French::menuAccessKeysAreUnique()
{
    QList<QWidget *> menus{m_window->menuBar()};
    for (QMenu *m : m_window->findChildren<QMenu *>())
        menus << m;
    for (QWidget *menu : menus) {
        QHash<QChar, QString> taken;
        for (const QAction *a : menu->actions()) {
            const QChar key = accessKeyOf(a->text());
            if (key.isNull())
                continue;
            QVERIFY2(!taken.contains(key),
                     qPrintable(menu->objectName() + QStringLiteral(": ") + taken.value(key) +
                                QStringLiteral(" and ") + a->text()));
            taken.insert(key, a->text());
        }
    }
}

void tst_French::cleanupTestCase()
{
    m_window.reset();
    m_language.reset();
    m_ngrok.reset();
    m_engine.reset();
}

int main(int argc, char **argv)
{
    // As a French user starts it; main() reads the language the same way.
    qputenv("LANGUAGE", "fr");
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    tst_French test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_french.moc"
