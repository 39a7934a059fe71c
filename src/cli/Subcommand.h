// SPDX-License-Identifier: MIT
#pragma once

#include "session/Language.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <cstdio>

// What the subcommands share: their output, their command line, and running them.

inline void printErr(const QString &text)
{
    std::fprintf(stderr, "%s\n", text.toLocal8Bit().constData());
}

// One line on stdout, flushed, so that a pipe reader sees it at once.
inline void printOut(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

// Reads the options of `hookscope NAME …` into `p` (its options added already): false, with
// *error in words, for an option `p` does not know or any positional argument.
inline bool parseSubcommandLine(const QCoreApplication &app, QCommandLineParser &p,
                                const char *name, QString *error)
{
    QStringList args = app.arguments();
    args.removeAt(1); // the subcommand's name
    if (!p.parse(args)) {
        *error = p.errorText();
        return false;
    }
    if (!p.positionalArguments().isEmpty()) {
        *error = QCoreApplication::translate("main",
                                             "Unexpected argument \"%1\"; see hookscope %2 --help.")
                     .arg(p.positionalArguments().constFirst(), QLatin1String(name));
        return false;
    }
    return true;
}

// The parser's help, its usage line naming the subcommand: "Usage: hookscope send [options]".
inline QString subcommandHelp(const QCommandLineParser &p, const QString &name)
{
    // After the program on the first line, whatever words Qt's catalogue puts around it.
    QString help = p.helpText();
    const QString program = QCoreApplication::arguments().value(0);
    const qsizetype at = QStringView(help).left(help.indexOf(u'\n')).indexOf(program);
    if (!program.isEmpty() && at >= 0)
        help.insert(at + program.size(), u' ' + name);
    return help;
}

// The application object, --help, and exit code 2 for a command line the subcommand cannot use.
// `parse(app, parser, &options, &error)` reads the command line; `run(options)` does the work
// and returns the exit code.
template <typename Options, typename Parse, typename Run>
int runSubcommand(int argc, char **argv, Parse &&parse, Run &&run)
{
    QCoreApplication app(argc, argv);
    const Language language(Language::systemChoice());
    QCoreApplication::setApplicationName(QStringLiteral("hookscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HOOKSCOPE_VERSION));
    QCommandLineParser parser;
    Options options;
    QString error;
    const bool parsed = parse(app, parser, &options, &error);
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(subcommandHelp(parser, QString::fromLocal8Bit(argv[1]))), stdout);
        return 0;
    }
    if (!parsed) {
        std::fprintf(stderr, "%s\n", error.toLocal8Bit().constData());
        return 2;
    }
    return run(options);
}
