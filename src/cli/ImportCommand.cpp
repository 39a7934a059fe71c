// SPDX-License-Identifier: MIT
#include "ImportCommand.h"

#include "Subcommand.h"

#include "capture/CaptureRecorder.h"
#include "capture/Journal.h"
#include "interchange/CaptureImporter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <cstdio>

namespace {
// This file's messages, under the catalogue context "import" (lupdate reads it here).
struct ImportTr {
    Q_DECLARE_TR_FUNCTIONS(import)
};

struct ImportOptions {
    QString file;
    QString journal;
};

bool parseArguments(const QCoreApplication &app, QCommandLineParser &p, ImportOptions *o,
                    QString *error)
{
    p.setApplicationDescription(
        ImportTr::tr("hookscope import: appends the requests of a HAR file (browser devtools, HTTP "
                     "Toolkit, webhook.site) or a JSON Lines file to a journal, as captures."));
    p.addHelpOption();
    p.addOption({QStringLiteral("journal"),
                 ImportTr::tr("Journal to add to (default %1).").arg(Journal::defaultPath()),
                 QStringLiteral("PATH")});
    p.addPositionalArgument(QStringLiteral("FILE"),
                            ImportTr::tr("The .har or .jsonl file to import."));
    QStringList args = app.arguments();
    args.removeAt(1); // the subcommand's name
    if (!p.parse(args)) {
        *error = p.errorText();
        return false;
    }
    const QStringList files = p.positionalArguments();
    if (files.size() != 1) {
        *error = files.isEmpty()
                     ? ImportTr::tr("Which file? hookscope import FILE --journal PATH")
                     : ImportTr::tr("One file at a time; \"%1\" is one too many.").arg(files.at(1));
        return false;
    }
    o->file = files.constFirst();
    o->journal = p.isSet(QStringLiteral("journal")) ? p.value(QStringLiteral("journal"))
                                                    : Journal::defaultPath();
    return true;
}

bool readFile(const QString &path, QByteArray *data)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        printErr(ImportTr::tr("Cannot read %1: %2").arg(path, f.errorString()));
        return false;
    }
    *data = f.readAll();
    return true;
}

// Appends the good entries; returns how many went in, or -1 when the journal refused.
qsizetype record(ImportResult *result, const QString &journalPath)
{
    Journal journal;
    QString error;
    if (!journal.open(journalPath, &error)) {
        printErr(error);
        return -1;
    }
    if (!journal.warning().isEmpty())
        printErr(journal.warning());
    CaptureRecorder recorder(&journal, journal.nextId());
    // So that imported retries join the groups of the deliveries already there.
    recorder.restore(journal.takeLoaded());
    const qsizetype imported = CaptureImporter::record(result, recorder).size();
    if (!result->error.isEmpty())
        printErr(result->error);
    return imported;
}

int importFile(const ImportOptions &options)
{
    QByteArray data;
    if (!readFile(options.file, &data))
        return 1;
    ImportResult result = CaptureImporter::parse(data, options.file);
    if (!result.error.isEmpty()) {
        printErr(options.file + QStringLiteral(": ") + result.error);
        return 1;
    }
    for (const ImportProblem &problem : result.problems)
        printErr(options.file + QStringLiteral(": ") + problem.message);
    const qsizetype imported = record(&result, options.journal);
    if (imported < 0)
        return 1;
    std::printf("%s\n", qPrintable(ImportTr::tr("Imported %n capture(s) into %1; %2 bad.", nullptr,
                                                int(imported))
                                       .arg(options.journal)
                                       .arg(result.problems.size())));
    return result.problems.isEmpty() && result.error.isEmpty() ? 0 : 1;
}
} // namespace

int runImportCommand(int argc, char **argv)
{
    return runSubcommand<ImportOptions>(argc, argv, parseArguments, importFile);
}
