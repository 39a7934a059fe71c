// SPDX-License-Identifier: MIT
#include "Language.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <algorithm>

namespace {

const QString kSource = QStringLiteral("en");
const QString kResourceDir = QStringLiteral(":/i18n");
const QString kPrefix = QStringLiteral("hookscope_");

// "fr-FR", "fr_FR.UTF-8" and "FR" name the language "fr"; "C" and "POSIX" name none.
QString languageOf(const QString &uiLanguage)
{
    const QString lower = uiLanguage.toLower();
    if (lower == QLatin1String("c") || lower == QLatin1String("posix"))
        return kSource;
    const auto end = std::find_if(lower.cbegin(), lower.cend(), [](QChar c) {
        return c == u'-' || c == u'_' || c == u'.' || c == u'@';
    });
    return lower.left(end - lower.cbegin());
}

} // namespace

Language::Language(const QString &code)
    : m_code(code)
{
    install(kPrefix + code, kResourceDir);
    if (code != kSource)
        m_qtCatalogue = install(QStringLiteral("qtbase_") + code,
                                QLibraryInfo::path(QLibraryInfo::TranslationsPath));
}

Language::~Language()
{
    for (const auto &t : m_translators)
        QCoreApplication::removeTranslator(t.get());
}

bool Language::install(const QString &name, const QString &directory)
{
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(name, directory) ||
        !QCoreApplication::installTranslator(translator.get()))
        return false;
    m_translators.push_back(std::move(translator));
    return true;
}

QString Language::choose(const QStringList &uiLanguages, const QStringList &available)
{
    for (const QString &wanted : uiLanguages) {
        const QString language = languageOf(wanted);
        if (language == kSource || available.contains(language))
            return language;
    }
    return kSource;
}

QStringList Language::available()
{
    QStringList codes;
    const QStringList files = QDir(kResourceDir).entryList({kPrefix + u"*.qm"}, QDir::Files);
    for (const QString &file : files)
        codes << file.mid(kPrefix.size()).chopped(3);
    if (!codes.contains(kSource))
        codes.prepend(kSource);
    return codes;
}

QString Language::systemChoice()
{
    return choose(QLocale::system().uiLanguages(), available());
}
