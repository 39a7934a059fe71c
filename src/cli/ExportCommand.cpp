// SPDX-License-Identifier: MIT
#include "ExportCommand.h"

#include "Subcommand.h"

#include "capture/Journal.h"
#include "capture/JournalReader.h"
#include "interchange/CaptureWriter.h"
#include "query/Query.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

#include <cstdio>
#include <optional>

namespace {
// This file's messages, under the catalogue context "export" (lupdate reads it here).
struct ExportTr {
    Q_DECLARE_TR_FUNCTIONS(export)
};

struct ExportOptions {
    QString journal;
    QString output; // "-" for stdout
    Interchange::Format format = Interchange::Format::Har;
    Query where; // empty: every capture
};

std::optional<Interchange::Format> formatNamed(const QString &name)
{
    if (name == QLatin1String("har"))
        return Interchange::Format::Har;
    if (name == QLatin1String("jsonl") || name == QLatin1String("ndjson"))
        return Interchange::Format::JsonLines;
    return std::nullopt;
}

// Without --format, the output file's extension decides.
bool chooseFormat(const QCommandLineParser &p, ExportOptions *o, QString *error)
{
    QString name = p.value(QStringLiteral("format"));
    if (!p.isSet(QStringLiteral("format")))
        name = o->output.section(u'.', -1).toLower();
    const auto format = formatNamed(name);
    if (format) {
        o->format = *format;
        return true;
    }
    *error = p.isSet(QStringLiteral("format"))
                 ? ExportTr::tr("--format needs har or jsonl, not \"%1\".").arg(name)
                 : ExportTr::tr("--format is needed: har or jsonl.");
    return false;
}

bool parseArguments(const QCoreApplication &app, QCommandLineParser &p, ExportOptions *o,
                    QString *error)
{
    p.setApplicationDescription(ExportTr::tr(
        "hookscope export: writes the journal's captures as HAR 1.2 (browser devtools, "
        "HTTP Toolkit, Charles) or as JSON Lines (one capture per line)."));
    p.addHelpOption();
    p.addOptions({
        {QStringLiteral("journal"),
         ExportTr::tr("Journal to read (default %1).").arg(Journal::defaultPath()),
         QStringLiteral("PATH")},
        {QStringLiteral("format"), ExportTr::tr("har or jsonl."), QStringLiteral("FORMAT")},
        {{QStringLiteral("o"), QStringLiteral("output")},
         ExportTr::tr("File to write; stdout when absent or \"-\"."),
         QStringLiteral("FILE")},
        {QStringLiteral("where"),
         ExportTr::tr(
             "Only the captures matching the filter EXPR, e.g. 'task:avatar_* status:failed' "
             "(the window's filter language)."),
         QStringLiteral("EXPR")},
    });
    if (!parseSubcommandLine(app, p, "export", error))
        return false;
    o->journal = p.isSet(QStringLiteral("journal")) ? p.value(QStringLiteral("journal"))
                                                    : Journal::defaultPath();
    o->output =
        p.isSet(QStringLiteral("output")) ? p.value(QStringLiteral("output")) : QStringLiteral("-");
    o->where = Query::parse(p.value(QStringLiteral("where")));
    if (!o->where.isValid()) {
        *error = ExportTr::tr("--where does not parse:\n%1")
                     .arg(o->where.error().pointAt(o->where.text()));
        return false;
    }
    return chooseFormat(p, o, error);
}

// The journal's captures, read back one at a time by the summaries' offsets: a journal of a
// million captures is streamed, never held.
struct JournalCaptures {
    QFile file;
    CaptureIndex index;
    QString readError; // set when a record could not be read back
    qsizetype written = 0;
};

// The summary rules out most captures that --where does not match without reading them.
bool writeCaptures(QIODevice *out, JournalCaptures &journal, const ExportOptions &o)
{
    CaptureWriter writer(out, o.format);
    bool ok = writer.begin();
    for (qsizetype i = 0; ok && i < journal.index.size(); ++i) {
        const QueryVerdict v = o.where.checkRow(journal.index, i);
        if (v == QueryVerdict::No)
            continue;
        const CaptureIndex::Row &r = journal.index.row(i);
        const CapturePtr c = JournalReader::readRecord(journal.file, r.journalOffset, r.recordSize,
                                                       &journal.readError);
        if (!c)
            return false;
        const QueryFacts facts = Query::factsOf(journal.index, i, nullptr);
        if (v == QueryVerdict::Unknown && !o.where.matches(*c, &facts))
            continue;
        ok = writer.write(*c);
        ++journal.written;
    }
    return ok && writer.finish();
}

int writeOutput(const ExportOptions &o, JournalCaptures &journal)
{
    const auto fail = [&journal](const QString &writeError) {
        printErr(journal.readError.isEmpty() ? writeError : journal.readError);
        return 1;
    };
    if (o.output == QLatin1String("-")) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly) || !writeCaptures(&out, journal, o))
            return fail(ExportTr::tr("Cannot write to stdout: %1").arg(out.errorString()));
        return 0;
    }
    // A failed export leaves an existing file as it was.
    QSaveFile out(o.output);
    if (!out.open(QIODevice::WriteOnly) || !writeCaptures(&out, journal, o) || !out.commit())
        return fail(ExportTr::tr("Cannot write %1: %2").arg(o.output, out.errorString()));
    printErr(
        ExportTr::tr("Exported %n capture(s) to %1.", nullptr, int(journal.written)).arg(o.output));
    return 0;
}

int exportCaptures(const ExportOptions &options)
{
    if (!QFile::exists(options.journal)) {
        printErr(ExportTr::tr("No journal at %1.").arg(options.journal));
        return 1;
    }
    JournalCaptures journal;
    journal.file.setFileName(options.journal);
    JournalIndexResult read = JournalReader::readIndex(journal.file.fileName());
    if (read.error.isEmpty() && !journal.file.open(QIODevice::ReadOnly))
        read.error = ExportTr::tr("Cannot open the journal %1: %2.")
                         .arg(options.journal, journal.file.errorString());
    if (!read.error.isEmpty()) {
        printErr(read.error);
        return 1;
    }
    if (!read.warning.isEmpty())
        printErr(read.warning);
    journal.index = std::move(read.index);
    return writeOutput(options, journal);
}
} // namespace

int runExportCommand(int argc, char **argv)
{
    return runSubcommand<ExportOptions>(argc, argv, parseArguments, exportCaptures);
}
