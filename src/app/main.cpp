// SPDX-License-Identifier: MIT
#include "AppSettings.h"
#include "ExportCommand.h"
#include "HeadlessPrinter.h"
#include "ImportCommand.h"
#include "ListenerBar.h"
#include "MainWindow.h"
#include "SendCommand.h"
#include "Session.h"
#include "capture/CaptureStore.h"
#include "capture/Journal.h"
#include "http/Listener.h"
#include "ngrok/NgrokWatcher.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QSocketNotifier>
#include <QStatusBar>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <sys/socket.h>
#include <unistd.h>

namespace {

constexpr quint16 kDefaultPort = AppSettings::kDefaultPort;

struct Options {
    bool headless = false;
    bool json = false;
    QHostAddress bind{QHostAddress::LocalHost};
    quint16 port = kDefaultPort;
    bool portGiven = false;
    bool bindGiven = false;
    QString journal;
    QUrl ngrokApi = NgrokWatcher::defaultApiUrl();
    AccessToken token;
};

void printErr(const QString &text)
{
    std::fprintf(stderr, "%s\n", text.toLocal8Bit().constData());
}

bool wantsCoreApp(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        for (const char *flag : {"--headless", "--help", "-h", "--help-all", "--version", "-v"}) {
            if (std::strcmp(argv[i], flag) == 0)
                return true;
        }
    }
    return false;
}

bool parseToken(const QCommandLineParser &p, Options *o, QString *error)
{
    const QByteArray token = p.value(QStringLiteral("token")).toUtf8();
    if (p.isSet(QStringLiteral("token")) && !AccessToken::isValid(token)) {
        *error = QCoreApplication::translate("main", "--token takes letters, digits and - . _ ~ "
                                                     "only, so that it fits in a URL path.");
        return false;
    }
    if (p.isSet(QStringLiteral("token-header")) && !p.isSet(QStringLiteral("token"))) {
        *error = QCoreApplication::translate("main", "--token-header needs --token TOKEN.");
        return false;
    }
    if (p.isSet(QStringLiteral("token")))
        o->token = AccessToken(token, p.isSet(QStringLiteral("token-header"))
                                          ? AccessToken::Place::HeaderOnly
                                          : AccessToken::Place::PathOrHeader);
    return true;
}

// Returns false with *error set when an option's value is unusable.
bool parseOptions(const QCoreApplication &app, Options *o, QString *error)
{
    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate(
        "main", "Receives Hoox webhooks on a local port, checks them against the Hoox contract "
                "and keeps every delivery in a journal."));
    p.addHelpOption();
    p.addVersionOption();
    p.addOptions({
        {QStringLiteral("headless"),
         QCoreApplication::translate("main", "Run the listener without a window.")},
        {QStringLiteral("json"),
         QCoreApplication::translate("main", "Headless: print one JSON object per capture.")},
        {QStringLiteral("port"),
         QCoreApplication::translate("main", "Port to listen on (default %1; 0 picks a free one).")
             .arg(kDefaultPort),
         QStringLiteral("N")},
        {QStringLiteral("bind"),
         QCoreApplication::translate("main", "Address to listen on (default 127.0.0.1)."),
         QStringLiteral("ADDR")},
        {QStringLiteral("journal"),
         QCoreApplication::translate("main", "Journal file (default %1).")
             .arg(Journal::defaultPath()),
         QStringLiteral("PATH")},
        {QStringLiteral("token"),
         QCoreApplication::translate("main",
                                     "Answer 401 to requests without TOKEN as the last segment of "
                                     "the URL path (/webhook/hoox/TOKEN) or in an "
                                     "X-HookScope-Token header."),
         QStringLiteral("TOKEN")},
        {QStringLiteral("token-header"),
         QCoreApplication::translate("main", "With --token: accept it only in the header.")},
        {QStringLiteral("ngrok-api"),
         QCoreApplication::translate("main", "The ngrok agent's local API, polled for the public "
                                             "URL (default %1).")
             .arg(NgrokWatcher::defaultApiUrl().toString()),
         QStringLiteral("URL")},
    });
    p.process(app);
    o->headless = p.isSet(QStringLiteral("headless"));
    o->json = p.isSet(QStringLiteral("json"));
    if (p.isSet(QStringLiteral("port"))) {
        bool ok = false;
        const uint port = p.value(QStringLiteral("port")).toUInt(&ok);
        if (!ok || port > 65535) {
            *error = QCoreApplication::translate(
                         "main", "--port needs a number from 0 to 65535, not \"%1\".")
                         .arg(p.value(QStringLiteral("port")));
            return false;
        }
        o->port = quint16(port);
        o->portGiven = true;
    }
    if (p.isSet(QStringLiteral("ngrok-api"))) {
        o->ngrokApi = QUrl(p.value(QStringLiteral("ngrok-api")));
        if (!o->ngrokApi.isValid() || o->ngrokApi.scheme() != QLatin1String("http")) {
            *error = QCoreApplication::translate(
                         "main", "--ngrok-api needs an http URL such as http://127.0.0.1:4040, "
                                 "not \"%1\".")
                         .arg(p.value(QStringLiteral("ngrok-api")));
            return false;
        }
    }
    if (p.isSet(QStringLiteral("bind")) && !o->bind.setAddress(p.value(QStringLiteral("bind")))) {
        *error = QCoreApplication::translate(
                     "main", "--bind needs an IP address such as 127.0.0.1 or ::1, not \"%1\".")
                     .arg(p.value(QStringLiteral("bind")));
        return false;
    }
    o->bindGiven = p.isSet(QStringLiteral("bind"));
    if (!parseToken(p, o, error))
        return false;
    o->journal = p.isSet(QStringLiteral("journal")) ? p.value(QStringLiteral("journal"))
                                                    : Journal::defaultPath();
    if (!o->headless && !p.isSet(QStringLiteral("journal"))) {
        // The window reopens the session it last showed.
        const QStringList recent =
            QSettings().value(QStringLiteral("session/recent")).toStringList();
        if (!recent.isEmpty() && QFileInfo::exists(recent.first()))
            o->journal = recent.first();
    }
    if (!p.positionalArguments().isEmpty()) {
        *error = QCoreApplication::translate("main", "Unexpected argument \"%1\"; see --help.")
                     .arg(p.positionalArguments().first());
        return false;
    }
    return true;
}

// SIGINT and SIGTERM end the event loop, so that the last batch is printed and the
// journal closed; the handler only writes a byte, the rest happens in the loop.
int g_signalFds[2] = {-1, -1};

void quitOnSignals(QCoreApplication *app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalFds[1], QSocketNotifier::Read, app);
    QObject::connect(notifier, &QSocketNotifier::activated, app, [] { QCoreApplication::quit(); });
    struct sigaction sa = {};
    sa.sa_handler = [](int) {
        const char b = 1;
        [[maybe_unused]] auto n = ::write(g_signalFds[0], &b, 1);
    };
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
}

QString listeningText(const Listener &l)
{
    const QString host = l.address().protocol() == QAbstractSocket::IPv6Protocol
                             ? u'[' + l.address().toString() + u']'
                             : l.address().toString();
    return QCoreApplication::translate(
               "main", "Listening on http://%1:%2/ — expose it with `ngrok http %2` "
                       "and use https://<your-ngrok-host>/webhook/hoox as webhook_url.")
        .arg(host)
        .arg(l.port());
}

} // namespace

// `hookscope <command> …`: the subcommands run without a window and return an exit code
// (0 done, 1 failed, 2 bad arguments). Each lives in its own *Command.cpp.
struct Subcommand {
    const char *name;
    int (*run)(int argc, char **argv);
};
const Subcommand kSubcommands[] = {
    {"send", runSendCommand},
    {"export", runExportCommand},
    {"import", runImportCommand},
    {nullptr, nullptr},
};

int main(int argc, char **argv)
{
    if (argc > 1) {
        for (const Subcommand *c = kSubcommands; c->name; ++c) {
            if (std::strcmp(argv[1], c->name) == 0) {
                qputenv("QT_NO_GLIB", "1");
                return c->run(argc, argv);
            }
        }
    }
    std::unique_ptr<QCoreApplication> app;
    if (wantsCoreApp(argc, argv)) {
        // Without a window there is nothing for the GLib loop to serve; Qt's own Unix event
        // dispatcher wakes faster, which shows at thousands of deliveries per second.
        qputenv("QT_NO_GLIB", "1");
        app = std::make_unique<QCoreApplication>(argc, argv);
    } else
        app = std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hookscope"));
    QCoreApplication::setOrganizationName(QStringLiteral("hookscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HOOKSCOPE_VERSION));

    Options opts;
    QString error;
    if (!parseOptions(*app, &opts, &error)) {
        printErr(error);
        return 2;
    }

    Journal journal;
    if (!journal.open(opts.journal, &error)) {
        printErr(error);
        if (!opts.headless) // a refused journal (say, from a newer HookScope) is not misread
            QMessageBox::critical(nullptr, QStringLiteral("HookScope"), error);
        return 1;
    }
    if (!journal.warning().isEmpty())
        printErr(journal.warning());
    CaptureIndex loaded = journal.takeLoaded();

    // The window takes the user's preferences; headless runs take the command line alone.
    const AppSettings settings = opts.headless ? AppSettings{} : AppSettings::load();
    Listener listener(&journal, loaded, settings.limits);
    listener.setAccessToken(opts.token);
    NgrokWatcher ngrok;
    ngrok.setApiUrl(opts.ngrokApi);

    if (opts.headless) {
        if (!listener.start(opts.bind, opts.port, &error)) {
            printErr(error);
            return 1;
        }
        printErr(listeningText(listener));
        printErr(QCoreApplication::translate("main", "Journal: %1 (%n capture(s) so far)", nullptr,
                                             int(loaded.size()))
                     .arg(opts.journal));
        loaded.clear(); // the listener has what it needs; nothing shows the summaries
        if (Listener::reachableFromOtherMachines(opts.bind))
            printErr(QCoreApplication::translate(
                         "main",
                         "Warning: listening on %1 lets other machines send requests to HookScope.")
                         .arg(opts.bind.toString()));
        if (opts.token.isEnabled())
            printErr(QCoreApplication::translate(
                "main", "Access token required: requests without it get 401 and are shown as "
                        "refused. Add /<TOKEN> to the webhook_url path, or send the "
                        "X-HookScope-Token header."));
        // The webhook_url to paste, as soon as ngrok shows a tunnel to us.
        QObject::connect(
            &ngrok, &NgrokWatcher::publicUrlChanged, app.get(), [](const QString &url) {
                printErr(url.isEmpty()
                             ? QCoreApplication::translate("main", "The ngrok tunnel went away.")
                             : QCoreApplication::translate("main", "webhook_url: %1/webhook/hoox")
                                   .arg(url));
            });
        ngrok.setPort(listener.port());
        ngrok.start();
        HeadlessPrinter printer(opts.json);
        QObject::connect(&listener, &Listener::captured, &printer, &HeadlessPrinter::print);
        QObject::connect(&listener, &Listener::journalFailed, app.get(),
                         [](const QString &e) { printErr(e); });
        quitOnSignals(app.get());
        return app->exec();
    }

    CaptureStore store;
    store.setJournalPath(journal.path());
    store.appendLoaded(Session::retained(std::move(loaded), settings.maxCaptures,
                                         settings.maxAgeDays, QDateTime::currentMSecsSinceEpoch()));
    QObject::connect(&listener, &Listener::captured, &store, &CaptureStore::append);
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.hookscope.HookScope"));
    MainWindow window(&store, &listener, &ngrok, opts.journal);
    Session session(&journal, &store, &listener);
    window.setSession(&session);
    if (!journal.warning().isEmpty()) // e.g. how many bytes of a torn last record were dropped
        window.statusBar()->showMessage(journal.warning());
    listener.setResponseRule(settings.response);
    const quint16 port = opts.portGiven ? opts.port : settings.port;
    const QHostAddress bind = opts.bindGiven ? opts.bind : QHostAddress(settings.bindAddress);
    // A taken port is explained in the listener bar, with what to do; the window still opens.
    window.listenerBar()->startListening(bind, port);
    ngrok.start();
    window.show();
    quitOnSignals(app.get());
    return app->exec();
}
