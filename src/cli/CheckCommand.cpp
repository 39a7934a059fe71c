// SPDX-License-Identifier: MIT
#include "CheckCommand.h"

#include "Subcommand.h"
#include "delivery/CheckReport.h"
#include "delivery/EndpointCheck.h"
#include "delivery/ForwardRoute.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSaveFile>

#include <cstdio>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("check", text);
}

struct CheckCommandOptions {
    QUrl url;
    CheckOptions check;
    bool json = false;
    QString junit;
};

bool parseArguments(const QCoreApplication &app, QCommandLineParser &p, CheckCommandOptions *o,
                    QString *error)
{
    p.setApplicationDescription(
        tr("hookscope check: delivers what Hoox can send to your endpoint, exactly as Hoox does, "
           "and grades each answer: every template, duplicates, out-of-order results, an "
           "unknown task, malformed bodies, latency and concurrency."));
    p.addHelpOption();
    p.addOptions({
        {QStringLiteral("to"), tr("Your endpoint, an http:// or https:// URL."),
         QStringLiteral("URL")},
        {QStringLiteral("only"),
         tr("Run only these scenarios or groups (deliveries, duplicates, order, unknown-task, "
            "malformed, latency, concurrency, sender), comma-separated."),
         QStringLiteral("NAME,...")},
        {QStringLiteral("json"), tr("Print one JSON object per scenario.")},
        {QStringLiteral("junit"), tr("Also write JUnit XML to FILE, for CI."),
         QStringLiteral("FILE")},
        {QStringLiteral("timeout"), tr("Milliseconds an answer may take (default 10000, Hoox's)."),
         QStringLiteral("MS")},
        {QStringLiteral("expect-sender-check"),
         tr("Also expect 401 or 403 to a delivery without X-Hoox-Webhook and to one with a "
            "foreign User-Agent.")},
    });
    if (!parseSubcommandLine(app, p, "check", error))
        return false;
    if (!p.isSet(QStringLiteral("to"))) {
        *error = tr("--to URL is needed: your endpoint, e.g. http://localhost:3000/webhook/hoox.");
        return false;
    }
    o->url = QUrl(p.value(QStringLiteral("to")), QUrl::StrictMode);
    if (!isForwardUrl(o->url)) {
        *error = tr("--to needs an http:// or https:// URL such as "
                    "http://localhost:3000/webhook/hoox, not \"%1\".")
                     .arg(p.value(QStringLiteral("to")));
        return false;
    }
    o->check.expectSenderCheck = p.isSet(QStringLiteral("expect-sender-check"));
    if (p.isSet(QStringLiteral("only"))) {
        o->check.only = p.value(QStringLiteral("only")).split(u',', Qt::SkipEmptyParts);
        for (QString &name : o->check.only)
            name = name.trimmed();
        if (o->check.only.isEmpty()) {
            *error = tr("--only needs at least one scenario or group.");
            return false;
        }
        if (!EndpointCheck::validOnly(o->check.only, o->check.expectSenderCheck, error))
            return false;
    }
    if (p.isSet(QStringLiteral("timeout"))) {
        bool ok = false;
        o->check.timeoutMs = p.value(QStringLiteral("timeout")).toInt(&ok);
        if (!ok || o->check.timeoutMs < 1 || o->check.timeoutMs > 600'000) {
            *error = tr("--timeout needs milliseconds from 1 to 600000, not \"%1\".")
                         .arg(p.value(QStringLiteral("timeout")));
            return false;
        }
    }
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
    QObject::connect(&check, &EndpointCheck::finished, &check,
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
                                 printErr(tr("Cannot write %1: %2").arg(o.junit, f.errorString()));
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
