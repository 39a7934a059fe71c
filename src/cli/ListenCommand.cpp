// SPDX-License-Identifier: MIT
#include "ListenCommand.h"

#include "CommandLine.h"
#include "HeadlessPrinter.h"
#include "HoldConsole.h"
#include "delivery/Forwarder.h"
#include "listener/Listener.h"
#include "ngrok/NgrokWatcher.h"
#include "session/Language.h"
#include "session/NgrokRecovery.h"
#include "session/SessionEngine.h"

#include <QCoreApplication>

namespace {

// This file's messages, under the catalogue context "main" (lupdate reads it here).
struct MainTr {
    Q_DECLARE_TR_FUNCTIONS(main)
};

QString listeningText(const Listener &l)
{
    const QString host = l.address().protocol() == QAbstractSocket::IPv6Protocol
                             ? u'[' + l.address().toString() + u']'
                             : l.address().toString();
    return MainTr::tr("Listening on http://%1:%2/ — expose it with `ngrok http %2` and use "
                      "https://<your-ngrok-host>/webhook/hoox as webhook_url.")
        .arg(host)
        .arg(l.port());
}

void announce(const CommandLineOptions &o, const SessionEngine &engine)
{
    using CommandLine::printError;
    printError(listeningText(*engine.listener()));
    printError(QCoreApplication::translate("main", "Journal: %1 (%n capture(s) so far)", nullptr,
                                           int(engine.loadedCount()))
                   .arg(engine.journalPath()));
    if (!engine.journalWarning().isEmpty())
        printError(engine.journalWarning());
    if (Listener::reachableFromOtherMachines(o.bind))
        printError(
            MainTr::tr("Warning: listening on %1 lets other machines send requests to HookScope.")
                .arg(o.bind.toString()));
    const ForwardSettings &f = o.forward;
    if (f.forwardsAnywhere()) {
        QStringList where;
        for (const ForwardRoute &r : f.routes)
            where << r.text;
        if (!f.fallback.isEmpty())
            where << (f.routes.isEmpty()
                          ? f.fallback.toString()
                          : MainTr::tr("everything else to %1").arg(f.fallback.toString()));
        printError(MainTr::tr("Forwarding to %1.").arg(where.join(QStringLiteral("; "))));
        if (f.hold)
            printError(
                MainTr::tr("Holding: Hoox is answered at once with the rule, each forward waits. "
                           "Type release [ID|all] or drop [ID|all] (held lists them)."));
        else if (f.answer == ForwardSettings::Answer::App)
            printError(
                MainTr::tr("Hoox gets your app's answer (502 with the reason when your app is down "
                           "or takes longer than 9 s)."));
        else
            printError(
                MainTr::tr("Hoox gets the rule's answer at once; each forward runs meanwhile."));
    }
    QStringList before;
    for (const PendingForward &p : engine.forwarder()->pending()) {
        if (p.held)
            before << u'#' + QString::number(p.captureId);
    }
    if (!before.isEmpty() && f.forwardsAnywhere())
        printError(
            MainTr::tr("Held since an earlier run: %1. Type release [ID|all] or drop [ID|all].")
                .arg(before.join(u' ')));
    else if (!before.isEmpty())
        printError(
            MainTr::tr("Held since an earlier run: %1. Start with --forward-to URL to release "
                       "them.")
                .arg(before.join(u' ')));
    if (o.token.isEnabled())
        printError(MainTr::tr("Access token required: requests without it get 401 and are shown as "
                              "refused. Add /<TOKEN> to the webhook_url path, or send the "
                              "X-HookScope-Token header."));
}

} // namespace

int runListenCommand(int argc, char **argv)
{
    // Without a window there is nothing for the GLib loop to serve; Qt's own Unix event
    // dispatcher wakes faster, which shows at thousands of deliveries per second.
    qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    const Language language(Language::systemChoice());
    QCoreApplication::setApplicationName(QStringLiteral("hookscope"));
    QCoreApplication::setOrganizationName(QStringLiteral("hookscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HOOKSCOPE_VERSION));
    CommandLineOptions o;
    QString error;
    if (!CommandLine::parse(app, &o, &error)) {
        CommandLine::printError(error);
        return 2;
    }
    // The command line alone decides: no saved preference changes what a script gets.
    SessionOptions session;
    session.journalPath = o.journal;
    session.token = o.token;
    session.keepCaptures = false;
    session.syncJournal = o.sync;
    SessionEngine engine;
    if (!engine.open(session, &error)) {
        CommandLine::printError(error);
        return 1;
    }
    // Everything that prints or decides an answer is in place before the first delivery.
    HeadlessPrinter printer(o.json);
    QObject::connect(engine.listener(), &Listener::captured, &printer, &HeadlessPrinter::print);
    QObject::connect(&engine, &SessionEngine::answeredLate, &printer,
                     &HeadlessPrinter::printLateAnswer);
    HoldConsole console(engine.forwarder());
    if (o.forward.forwardsAnywhere()) {
        printer.setForwarding(true);
        QObject::connect(engine.forwarder(), &Forwarder::outcome, &printer,
                         &HeadlessPrinter::printOutcome);
        QObject::connect(engine.forwarder(), &Forwarder::logFailed, &app,
                         [](const QString &e) { CommandLine::printError(e); });
        console.start();
    }
    CommandLine::apply(o, engine.policy(), engine.forwarder());
    if (!engine.startListening(o.bind, o.port, &error)) {
        CommandLine::printError(error);
        return 1;
    }
    announce(o, engine);
    NgrokWatcher ngrok;
    ngrok.setApiUrl(o.ngrokApi);
    // The webhook_url to paste, as soon as ngrok shows a tunnel to us.
    QObject::connect(&ngrok, &NgrokWatcher::publicUrlChanged, &app, [](const QString &url) {
        CommandLine::printError(url.isEmpty()
                                    ? MainTr::tr("The ngrok tunnel went away.")
                                    : MainTr::tr("webhook_url: %1/webhook/hoox").arg(url));
    });
    // What ngrok took for us while HookScope was not running is recovered and printed like a
    // delivery, marked as such.
    engine.watchNgrok(&ngrok);
    QObject::connect(engine.ngrokRecovery(), &NgrokRecovery::recovered, &app, [](int n) {
        CommandLine::printError(
            QCoreApplication::translate("main",
                                        "Recovered %n delivery(s) that ngrok received while "
                                        "HookScope was not running.",
                                        nullptr, n));
    });
    QObject::connect(&engine, &SessionEngine::ngrokProblem, &app,
                     [](const QString &e) { CommandLine::printError(e); });
    ngrok.setPort(engine.listener()->port());
    ngrok.start();
    QObject::connect(&engine, &SessionEngine::journalFailed, &app,
                     [](const QString &e) { CommandLine::printError(e); });
    CommandLine::quitOnSignals(&app);
    return app.exec();
}
