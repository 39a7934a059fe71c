// SPDX-License-Identifier: MIT
#include "ListenCommand.h"

#include "CommandLine.h"
#include "HeadlessPrinter.h"
#include "listener/Listener.h"
#include "ngrok/NgrokWatcher.h"
#include "session/SessionEngine.h"

#include <QCoreApplication>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("main", text);
}

QString listeningText(const Listener &l)
{
    const QString host = l.address().protocol() == QAbstractSocket::IPv6Protocol
                             ? u'[' + l.address().toString() + u']'
                             : l.address().toString();
    return tr("Listening on http://%1:%2/ — expose it with `ngrok http %2` and use "
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
        printError(tr("Warning: listening on %1 lets other machines send requests to HookScope.")
                       .arg(o.bind.toString()));
    if (o.token.isEnabled())
        printError(tr("Access token required: requests without it get 401 and are shown as "
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
    SessionEngine engine;
    if (!engine.open(session, &error) || !engine.startListening(o.bind, o.port, &error)) {
        CommandLine::printError(error);
        return 1;
    }
    announce(o, engine);
    NgrokWatcher ngrok;
    ngrok.setApiUrl(o.ngrokApi);
    // The webhook_url to paste, as soon as ngrok shows a tunnel to us.
    QObject::connect(&ngrok, &NgrokWatcher::publicUrlChanged, &app, [](const QString &url) {
        CommandLine::printError(url.isEmpty() ? tr("The ngrok tunnel went away.")
                                              : tr("webhook_url: %1/webhook/hoox").arg(url));
    });
    ngrok.setPort(engine.listener()->port());
    ngrok.start();
    HeadlessPrinter printer(o.json);
    QObject::connect(engine.listener(), &Listener::captured, &printer, &HeadlessPrinter::print);
    QObject::connect(&engine, &SessionEngine::journalFailed, &app,
                     [](const QString &e) { CommandLine::printError(e); });
    CommandLine::quitOnSignals(&app);
    return app.exec();
}
