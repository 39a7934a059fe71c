// SPDX-License-Identifier: MIT
#include "ReplayCommand.h"

#include "CommandLine.h"
#include "DeliveryArguments.h"
#include "JournalInput.h"
#include "Subcommand.h"
#include "capture/Journal.h"
#include "capture/JournalReader.h"
#include "delivery/ForwardRoute.h"
#include "delivery/ReplayText.h"
#include "delivery/Replayer.h"
#include "query/Query.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>

#include <cstdio>

namespace {

// This file's messages, under the catalogue context "replay" (lupdate reads it here).
struct ReplayTr {
    Q_DECLARE_TR_FUNCTIONS(replay)
};

struct ReplayCommandOptions {
    QString journal;
    QUrl url;
    QSet<quint64> ids; // empty: all
    Query filter;      // empty: all
    ReplayOptions replay;
    bool json = false;
};

// "1,2,5-9" into ids; false for anything else.
bool parseIds(const QString &text, QSet<quint64> *ids)
{
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const QStringList range = part.trimmed().split(u'-');
        bool okFirst = false;
        bool okLast = false;
        const quint64 first = range.first().toULongLong(&okFirst);
        const quint64 last = range.size() == 2 ? range.at(1).toULongLong(&okLast) : first;
        if (range.size() > 2 || !okFirst || (range.size() == 2 && !okLast) || first == 0 ||
            last < first || last - first > 10'000'000)
            return false;
        for (quint64 id = first; id <= last; ++id)
            ids->insert(id);
    }
    return !ids->isEmpty();
}

bool parseShare(const QCommandLineParser &p, const QString &name, double *out, QString *error)
{
    if (!p.isSet(name))
        return true;
    bool ok = false;
    *out = p.value(name).toDouble(&ok);
    if (!ok || *out < 0.0 || *out > 1.0) {
        *error = ReplayTr::tr("--%1 needs a share from 0 to 1, such as 0.2, not \"%2\".")
                     .arg(name, p.value(name));
        return false;
    }
    return true;
}

bool parseTiming(const QCommandLineParser &p, ReplayCommandOptions *o, QString *error)
{
    ReplayOptions &r = o->replay;
    r.backToBack = p.isSet(QStringLiteral("back-to-back"));
    if (p.isSet(QStringLiteral("speed"))) {
        bool ok = false;
        r.speed = p.value(QStringLiteral("speed")).toDouble(&ok);
        if (!ok || !(r.speed > 0.0) || r.speed > 1e6) {
            *error = ReplayTr::tr(
                         "--speed needs a factor above 0, such as 2 (twice as fast) or 0.5, not "
                         "\"%1\"; --back-to-back sends without pauses.")
                         .arg(p.value(QStringLiteral("speed")));
            return false;
        }
        if (r.backToBack) {
            *error = ReplayTr::tr("--speed and --back-to-back exclude each other.");
            return false;
        }
    }
    return DeliveryArguments::parseTimeout(p, &r.delivery, error) &&
           DeliveryArguments::parseRetries(p, &r.delivery, error);
}

bool parseChaos(const QCommandLineParser &p, ReplayCommandOptions *o, QString *error)
{
    ReplayOptions &r = o->replay;
    if (!parseShare(p, QStringLiteral("duplicate"), &r.duplicate, error) ||
        !parseShare(p, QStringLiteral("drop"), &r.drop, error))
        return false;
    if (p.isSet(QStringLiteral("reorder"))) {
        bool ok = false;
        r.reorderWindow = p.value(QStringLiteral("reorder")).toInt(&ok);
        if (!ok || r.reorderWindow < 2 || r.reorderWindow > 100'000) {
            *error = ReplayTr::tr("--reorder needs a window of 2 or more deliveries, not \"%1\".")
                         .arg(p.value(QStringLiteral("reorder")));
            return false;
        }
    }
    if (p.isSet(QStringLiteral("seed"))) {
        bool ok = false;
        r.seed = p.value(QStringLiteral("seed")).toUInt(&ok);
        if (!ok) {
            *error = ReplayTr::tr("--seed needs a whole number from 0 to 4294967295, not \"%1\".")
                         .arg(p.value(QStringLiteral("seed")));
            return false;
        }
    } else {
        r.seed = QRandomGenerator::global()->generate();
    }
    return true;
}

bool parseArguments(const QCoreApplication &app, QCommandLineParser &p, ReplayCommandOptions *o,
                    QString *error)
{
    p.setApplicationDescription(ReplayTr::tr(
        "hookscope replay: sends captured deliveries to your app again, at their original "
        "spacing, with chaos for idempotency testing that a seed reproduces."));
    p.addHelpOption();
    p.addOptions({
        {QStringLiteral("journal"),
         ReplayTr::tr("Journal to read (default %1).").arg(Journal::defaultPath()),
         QStringLiteral("PATH")},
        {QStringLiteral("to"), ReplayTr::tr("Your app's URL, http:// or https://."),
         QStringLiteral("URL")},
        {QStringLiteral("ids"), ReplayTr::tr("Only these captures, e.g. 1,2,5-9."),
         QStringLiteral("LIST")},
        {QStringLiteral("filter"),
         ReplayTr::tr(
             "Only captures matching the filter EXPR, e.g. 'task:avatar_* status:failed' (the "
             "filter language of the window and of export --where)."),
         QStringLiteral("EXPR")},
        {QStringLiteral("speed"), ReplayTr::tr("Divide the original spacing by X (default 1)."),
         QStringLiteral("X")},
        {QStringLiteral("back-to-back"), ReplayTr::tr("Send without pauses.")},
        {QStringLiteral("duplicate"),
         ReplayTr::tr("Send this share of deliveries a second time (0 to 1)."),
         QStringLiteral("P")},
        {QStringLiteral("reorder"), ReplayTr::tr("Shuffle deliveries within windows of N."),
         QStringLiteral("N")},
        {QStringLiteral("drop"), ReplayTr::tr("Leave out this share of deliveries (0 to 1)."),
         QStringLiteral("P")},
        {QStringLiteral("seed"),
         ReplayTr::tr("Seed for --duplicate, --reorder and --drop (default: new "
                      "each run, printed)."),
         QStringLiteral("N")},
        {QStringLiteral("like-hoox"),
         ReplayTr::tr("Retry each like Hoox (after 1 s, 2 s and 4 s).")},
        {QStringLiteral("timeout"),
         ReplayTr::tr("Milliseconds an answer may take (default 10000)."), QStringLiteral("MS")},
        {QStringLiteral("schedule"),
         ReplayTr::tr("Retry delays in ms, at most 3 (default 1000,2000,4000)."),
         QStringLiteral("MS,MS,MS")},
        {QStringLiteral("json"),
         ReplayTr::tr("Print one JSON object per delivery, then the report.")},
    });
    if (!parseSubcommandLine(app, p, "replay", error))
        return false;
    o->journal = p.isSet(QStringLiteral("journal")) ? p.value(QStringLiteral("journal"))
                                                    : Journal::defaultPath();
    if (!DeliveryArguments::parseTarget(p, &o->url, error))
        return false;
    if (p.isSet(QStringLiteral("ids")) && !parseIds(p.value(QStringLiteral("ids")), &o->ids)) {
        *error = ReplayTr::tr("--ids needs capture ids such as 1,2,5-9, not \"%1\".")
                     .arg(p.value(QStringLiteral("ids")));
        return false;
    }
    if (p.isSet(QStringLiteral("filter"))) {
        o->filter = Query::parse(p.value(QStringLiteral("filter")));
        if (!o->filter.isValid()) {
            *error = ReplayTr::tr("--filter does not parse:\n%1")
                         .arg(o->filter.error().pointAt(o->filter.text()));
            return false;
        }
    }
    o->json = p.isSet(QStringLiteral("json"));
    return parseTiming(p, o, error) && parseChaos(p, o, error);
}

// The selected captures, read from a journal that another HookScope may be writing: reading
// needs no lock.
bool readSelection(const ReplayCommandOptions &o, QList<CapturePtr> *captures, QString *error)
{
    if (!QFile::exists(o.journal)) {
        *error = ReplayTr::tr("No journal at %1.").arg(o.journal);
        return false;
    }
    JournalInput journal;
    if (!journal.open(o.journal, error))
        return false;
    const CaptureIndex &index = journal.read.index;
    for (qsizetype i = 0; i < index.size(); ++i) {
        const CaptureIndex::Row &row = index.row(i);
        if ((!o.ids.isEmpty() && !o.ids.contains(row.id)) || !o.filter.matchesRow(index, i))
            continue;
        CapturePtr c =
            JournalReader::readRecord(journal.file, row.journalOffset, row.recordSize, error);
        if (!c)
            return false;
        const QueryFacts facts = Query::factsOf(index, i, nullptr);
        if (o.filter.matches(*c, &facts))
            captures->append(std::move(c));
    }
    return true;
}

QByteArray resultLine(const ReplayResult &r, bool json)
{
    const DeliveryAttempt last = r.attempts.isEmpty() ? DeliveryAttempt{} : r.attempts.last();
    if (json) {
        const QJsonObject o{
            {QStringLiteral("id"), qint64(r.item.capture->id)},
            {QStringLiteral("duplicate"), r.item.duplicate},
            {QStringLiteral("planned_at_ms"), r.item.atMs},
            {QStringLiteral("attempts"), int(r.attempts.size())},
            {QStringLiteral("status"), last.status > 0 ? QJsonValue(last.status) : QJsonValue()},
            {QStringLiteral("latency_ms"), last.latencyMs},
            {QStringLiteral("error"), last.error.isEmpty() ? QJsonValue() : QJsonValue(last.error)},
            {QStringLiteral("delivered"), r.delivered()},
        };
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }
    return ReplayText::result(r).toUtf8();
}

void printReport(const ReplayReport &r, quint32 seed, bool json)
{
    if (json) {
        QJsonObject o{{QStringLiteral("sent"), r.sent},
                      {QStringLiteral("delivered"), r.delivered},
                      {QStringLiteral("not_delivered"), int(r.failures.size())},
                      {QStringLiteral("timeouts"), r.timeouts},
                      {QStringLiteral("dropped"), r.dropped},
                      {QStringLiteral("duplicated"), r.duplicated},
                      {QStringLiteral("cancelled"), r.cancelled},
                      {QStringLiteral("seed"), qint64(seed)}};
        printOut(QJsonDocument(QJsonObject{{QStringLiteral("report"), o}})
                     .toJson(QJsonDocument::Compact));
        return;
    }
    printOut(ReplayText::summary(r, seed).toUtf8());
    if (const QString advice = ReplayText::noneReached(r, QStringLiteral("--to"));
        !advice.isEmpty())
        printErr(advice);
    for (const ReplayResult &f : r.failures)
        printOut(ReplayText::failure(f).toUtf8());
}

int replay(const ReplayCommandOptions &o)
{
    QList<CapturePtr> captures;
    QString error;
    if (!readSelection(o, &captures, &error)) {
        printErr(error);
        return 1;
    }
    if (captures.isEmpty()) {
        printErr(ReplayTr::tr("Nothing to replay: no capture in %1 matches --ids and --filter.")
                     .arg(o.journal));
        return 2;
    }
    int dropped = 0;
    const QList<ReplayItem> plan = Replayer::plan(captures, o.replay, &dropped);
    printErr(ReplayText::start(plan.size(), captures.size(), o.url, o.replay.seed));
    Replayer replayer;
    int code = 0;
    QObject::connect(&replayer, &Replayer::delivered, &replayer,
                     [&o](const ReplayResult &r, int, int) { printOut(resultLine(r, o.json)); });
    QObject::connect(&replayer, &Replayer::finished, &replayer, [&](const ReplayReport &r) {
        printReport(r, o.replay.seed, o.json);
        code = r.failures.isEmpty() && !r.cancelled ? 0 : 1;
        QCoreApplication::exit();
    });
    // Ctrl+C stops cleanly: what is in flight is cancelled and the report still printed.
    CommandLine::onSignals(QCoreApplication::instance(), [&replayer] { replayer.cancel(); });
    QMetaObject::invokeMethod(
        &replayer, [&] { replayer.start(o.url, plan, o.replay, dropped); }, Qt::QueuedConnection);
    QCoreApplication::exec();
    return code;
}

} // namespace

int runReplayCommand(int argc, char **argv)
{
    return runSubcommand<ReplayCommandOptions>(argc, argv, parseArguments, replay);
}
