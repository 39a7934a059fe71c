// SPDX-License-Identifier: MIT
#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>

#include <cstdio>

// What `hookscope export` and `hookscope import` share: the application object, --help, and
// exit code 2 for a command line they cannot use. `parse(app, parser, &options, &error)` reads
// the command line; `run(options)` does the work and returns the exit code.
template <typename Options, typename Parse, typename Run>
int runSubcommand(int argc, char **argv, Parse &&parse, Run &&run)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hookscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HOOKSCOPE_VERSION));
    QCommandLineParser parser;
    Options options;
    QString error;
    const bool parsed = parse(app, parser, &options, &error);
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    if (!parsed) {
        std::fprintf(stderr, "%s\n", error.toLocal8Bit().constData());
        return 2;
    }
    return run(options);
}
