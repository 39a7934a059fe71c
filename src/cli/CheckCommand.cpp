// SPDX-License-Identifier: MIT
#include "CheckCommand.h"

#include "DeliveryArguments.h"
#include "Subcommand.h"
#include "delivery/CheckReport.h"
#include "delivery/EndpointCheck.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSaveFile>

#include <cstdio>

namespace {

// This file's messages, under the catalogue context "check" (lupdate reads it here).
struct CheckTr {
    Q_DECLARE_TR_FUNCTIONS(check)
};

struct CheckCommandOptions {
    QUrl url;
    CheckOptions check;
    bool json = false;
    QString junit;
};

bool parseArguments(const QCoreApplication &app, QCommandLineParser &p, CheckCommandOptions *o,
                    QString *error)
{
    p.setApplicationDescription(CheckTr::tr(
        "hookscope check: delivers what Hoox can send to your endpoint, exactly as Hoox does, "
        "and grades each answer: every template, duplicates, out-of-order results, an "
        "unknown task, malformed bodies, latency and concurrency."));
    p.addHelpOption();
    p.addOptions({
        {QStringLiteral("to"), CheckTr::tr("Your endpoint, an http:// or https:// URL."),
         QStringLiteral("URL")},
        {QStringLiteral("only"),
         CheckTr::tr(
             "Run only these scenarios or groups (deliveries, duplicates, order, unknown-task, "
             "malformed, latency, concurrency, sender), comma-separated."),
         QStringLiteral("NAME,...")},
        {QStringLiteral("json"), CheckTr::tr("Print one JSON object per scenario.")},
        {QStringLiteral("junit"), CheckTr::tr("Also write JUnit XML to FILE, for CI."),
         QStringLiteral("FILE")},
        {QStringLiteral("timeout"),
         CheckTr::tr("Milliseconds an answer may take (default 10000, Hoox's)."),
         QStringLiteral("MS")},
        {QStringLiteral("expect-sender-check"),
         CheckTr::tr(
             "Also expect 401 or 403 to a delivery without X-Hoox-Webhook and to one with a "
             "foreign User-Agent.")},
    });
    if (!parseSubcommandLine(app, p, "check", error))
        return false;
    if (!DeliveryArguments::parseTarget(p, &o->url, error))
        return false;
    o->check.expectSenderCheck = p.isSet(QStringLiteral("expect-sender-check"));
    if (p.isSet(QStringLiteral("only"))) {
        o->check.only = p.value(QStringLiteral("only")).split(u',', Qt::SkipEmptyParts);
        for (QString &name : o->check.only)
            name = name.trimmed();
        if (o->check.only.isEmpty()) {
            *error = CheckTr::tr("--only needs at least one scenario or group.");
            return false;
        }
        if (!EndpointCheck::validOnly(o->check.only, o->check.expectSenderCheck, error))
            return false;
    }
    DeliveryOptions timing;
    if (!DeliveryArguments::parseTimeout(p, &timing, error))
        return false;
    o->check.timeoutMs = timing.timeoutMs;
    o->json = p.isSet(QStringLiteral("json"));
    o->junit = p.value(QStringLiteral("junit"));
    return true;
}

int check(const CheckCommandOptions &o)
{
    EndpointCheck check;
    QElapsedTimer clock;
    clock.start();
    int code = 0;
    QObject::connect(
        &check, &EndpointCheck::scenarioFinished, &check, [&o](const CheckResult &r, int, int) {
            printOut(o.json ? CheckReport::jsonLine(r) : CheckReport::scorecardLine(r).toUtf8());
        });
    QObject::connect(
        &check, &EndpointCheck::finished, &check,
        [&](const QList<CheckResult> &results, const QString &unreachable) {
            if (!unreachable.isEmpty()) {
                printErr(unreachable);
                code = 2;
                QCoreApplication::exit();
                return;
            }
            printErr(CheckReport::summary(results, o.url));
            code = CheckReport::failures(results) > 0 ? 1 : 0;
            if (!o.junit.isEmpty()) {
                QSaveFile f(o.junit);
                if (!f.open(QIODevice::WriteOnly) ||
                    f.write(CheckReport::junit(results, o.url, clock.elapsed())) < 0 ||
                    !f.commit()) {
                    printErr(CheckTr::tr("Cannot write %1: %2").arg(o.junit, f.errorString()));
                    code = 1;
                }
            }
            QCoreApplication::exit();
        });
    QMetaObject::invokeMethod(
        &check, [&] { check.start(o.url, o.check); }, Qt::QueuedConnection);
    QCoreApplication::exec();
    return code;
}

} // namespace

int runCheckCommand(int argc, char **argv)
{
    return runSubcommand<CheckCommandOptions>(argc, argv, parseArguments, check);
}
