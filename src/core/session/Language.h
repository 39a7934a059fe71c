// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class QTranslator;

// The language of HookScope's messages, and the translators that speak it while this object
// lives: HookScope's own catalogue (embedded under :/i18n) and Qt's (qtbase_<lang>.qm, for the
// strings of Qt's dialogs and of QCommandLineParser's --help). Created right after the
// application object, by the window and by every subcommand.
class Language {
public:
    // Installs the translators for `code` ("fr"; "en" is the source language, whose catalogue
    // holds the plural forms only). Needs a QCoreApplication.
    explicit Language(const QString &code);
    ~Language();
    Language(const Language &) = delete;
    Language &operator=(const Language &) = delete;

    QString code() const { return m_code; }
    // Whether Qt's own catalogue for the language was found and installed.
    bool hasQtCatalogue() const { return m_qtCatalogue; }

    // The first of `uiLanguages` (most wanted first: "fr-FR", "de", "en_US", "C") that has a
    // catalogue in `available`; English when the user asks for it before any other, or for none
    // that HookScope speaks.
    static QString choose(const QStringList &uiLanguages, const QStringList &available);
    // The languages with a catalogue in the resources, English included: {"en", "fr"}.
    static QStringList available();
    // The choice for the system locale: QLocale::system().uiLanguages(), which on Unix follows
    // LANGUAGE, then LC_ALL, LC_MESSAGES and LANG.
    static QString systemChoice();

private:
    bool install(const QString &name, const QString &directory);

    QString m_code;
    bool m_qtCatalogue = false;
    std::vector<std::unique_ptr<QTranslator>> m_translators;
};
