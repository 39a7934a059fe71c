// SPDX-License-Identifier: MIT
#include "DiffCommand.h"

#include "JournalInput.h"
#include "Subcommand.h"

#include "capture/CaptureDiff.h"
#include "capture/CaptureDiffText.h"
#include "capture/DiffIgnoreList.h"
#include "capture/Journal.h"
#include "capture/JournalReader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
// This file's messages, under the catalogue context "diff" (lupdate reads it here).
struct DiffTr {
    Q_DECLARE_TR_FUNCTIONS(diff)
};

constexpr int kSame = 0;
constexpr int kDifferent = 1;
constexpr int kBadArguments = 2;

struct DiffOptions {
    QString journal;
    quint64 before = 0;
    quint64 after = 0;
    bool json = false;
    CaptureDiffOptions diff;
};

// "7" or "#7", as the table's # column shows it.
bool parseId(const QString &text, quint64 *id, QString *error)
{
    bool ok = false;
    *id = (text.startsWith(u'#') ? text.sliced(1) : text).toULongLong(&ok);
    if (ok && *id > 0)
        return true;
    *error = DiffTr::tr("\"%1\" is not a capture id: give two numbers from the # column, such as "
                        "hookscope diff 3 4.")
                 .arg(text);
    return false;
}

void addOptions(QCommandLineParser &p)
{
    p.setApplicationDescription(DiffTr::tr(
        "hookscope diff: what differs between two captures of a journal (say, two attempts "
        "of one delivery): body fields by JSON path, key order ignored, then the request "
        "line and the headers. Exit 0 when they are the same, 1 when they differ, 2 on bad "
        "arguments."));
    p.addHelpOption();
    p.addOptions({
        {QStringLiteral("journal"),
         DiffTr::tr("Journal to read (default %1).").arg(Journal::defaultPath()),
         QStringLiteral("PATH")},
        {QStringLiteral("json"),
         DiffTr::tr("Print one JSON object with every change, values whole.")},
        {QStringLiteral("ignore"),
         DiffTr::tr("Leave out a body path (a JSON Pointer; * and ? match within one step, e.g. "
                    "/result/*_at) or a header (header:NAME). Repeatable."),
         QStringLiteral("PATH")},
        {QStringLiteral("all-headers"),
         DiffTr::tr("Count headers that change with every delivery too (Date, X-Request-Id, "
                    "signatures, ...) and Content-Length, which are otherwise shown but ignored.")},
    });
    p.addPositionalArgument(QStringLiteral("A"),
                            DiffTr::tr("The earlier capture's id (# column)."));
    p.addPositionalArgument(QStringLiteral("B"), DiffTr::tr("The later capture's id."));
}

bool parseArguments(const QCoreApplication &app, QCommandLineParser &p, DiffOptions *o,
                    QString *error)
{
    addOptions(p);
    QStringList args = app.arguments();
    args.removeAt(1); // the subcommand's name
    if (!p.parse(args)) {
        *error = p.errorText() + u' ' + DiffTr::tr("See hookscope diff --help.");
        return false;
    }
    const QStringList ids = p.positionalArguments();
    if (ids.size() != 2) {
        *error = DiffTr::tr(
            "Which two captures? hookscope diff --journal PATH A B, with A and B from the "
            "# column (%n given).",
            nullptr, int(ids.size()));
        return false;
    }
    if (!parseId(ids.at(0), &o->before, error) || !parseId(ids.at(1), &o->after, error))
        return false;
    for (const QString &pattern : p.values(QStringLiteral("ignore"))) {
        if (!DiffIgnoreList::isValid(pattern, error))
            return false;
        o->diff.ignore.append(pattern);
    }
    o->diff.ignoreVolatileHeaders = !p.isSet(QStringLiteral("all-headers"));
    o->json = p.isSet(QStringLiteral("json"));
    o->journal = p.isSet(QStringLiteral("journal")) ? p.value(QStringLiteral("journal"))
                                                    : Journal::defaultPath();
    return true;
}

QString idRange(const CaptureIndex &index)
{
    if (index.isEmpty())
        return DiffTr::tr("it holds no captures");
    return DiffTr::tr("it holds #%1 to #%2")
        .arg(index.row(0).id)
        .arg(index.row(index.size() - 1).id);
}

// Captures `ids` of the journal, read without a lock: a running HookScope may be writing it.
bool readCaptures(const DiffOptions &o, CapturePtr *before, CapturePtr *after, QString *error)
{
    if (!QFile::exists(o.journal)) {
        *error =
            DiffTr::tr("No journal at %1: pass the journal HookScope writes to with --journal PATH "
                       "(the window's status bar shows it).")
                .arg(o.journal);
        return false;
    }
    JournalInput journal;
    if (!journal.open(o.journal, error))
        return false;
    const CaptureIndex &index = journal.read.index;
    for (auto [id, out] : {std::pair{o.before, before}, std::pair{o.after, after}}) {
        const qsizetype row = index.rowOfId(id);
        if (row < 0) {
            *error = DiffTr::tr("No capture #%1 in %2: %3. Use an id from the # column.")
                         .arg(id)
                         .arg(o.journal, idRange(index));
            return false;
        }
        const CaptureIndex::Row &r = index.row(row);
        *out = JournalReader::readRecord(journal.file, r.journalOffset, r.recordSize, error);
        if (!*out)
            return false;
    }
    return true;
}

void printLines(const CaptureDiffResult &result, const DiffOptions &o)
{
    for (const DiffChange &c : result.changes) {
        if (c.counts() || c.kind == DiffChange::Kind::Duplicate)
            printOut(CaptureDiffText::line(c).toUtf8());
    }
    if (!result.bodiesAreJson()) {
        printErr(DiffTr::tr("Bodies compared as text: #%1 %2, #%3 %4.")
                     .arg(QString::number(o.before),
                          result.beforeNotJson.isEmpty()
                              ? DiffTr::tr("is JSON")
                              : DiffTr::tr("is not JSON (%1)").arg(result.beforeNotJson),
                          QString::number(o.after),
                          result.afterNotJson.isEmpty()
                              ? DiffTr::tr("is JSON")
                              : DiffTr::tr("is not JSON (%1)").arg(result.afterNotJson)));
    }
    if (const qsizetype ignored = result.ignoredCount())
        printErr(DiffTr::tr("%n difference(s) ignored (--ignore, or headers that change with every "
                            "delivery: --all-headers counts them).",
                            nullptr, int(ignored)));
}

int diff(const DiffOptions &o)
{
    CapturePtr before;
    CapturePtr after;
    QString error;
    if (!readCaptures(o, &before, &after, &error)) {
        printErr(error);
        return kBadArguments;
    }
    const CaptureDiffResult result = CaptureDiff::compare(*before, *after, o.diff);
    if (o.json) {
        QJsonObject out = CaptureDiffText::toJson(result);
        out.insert(QStringLiteral("a"), qint64(o.before));
        out.insert(QStringLiteral("b"), qint64(o.after));
        printOut(QJsonDocument(out).toJson(QJsonDocument::Compact));
    } else {
        printLines(result, o);
    }
    return result.isEqual() ? kSame : kDifferent;
}
} // namespace

int runDiffCommand(int argc, char **argv)
{
    return runSubcommand<DiffOptions>(argc, argv, parseArguments, diff);
}
