// SPDX-License-Identifier: MIT
#include "CommandLine.h"

#include "CheckCommand.h"
#include "DiffCommand.h"
#include "ExportCommand.h"
#include "ImportCommand.h"
#include "ListenCommand.h"
#include "ReplayCommand.h"
#include "SendCommand.h"
#include "Subcommand.h"
#include "capture/Journal.h"
#include "ngrok/NgrokWatcher.h"
#include "session/Language.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// This file's messages, under the catalogue context "main" (lupdate reads it here).
struct MainTr {
    Q_DECLARE_TR_FUNCTIONS(main)
};

// `hookscope <command> …`: each runs without a window and returns an exit code (0 done,
// 1 failed, 2 bad arguments).
struct Subcommand {
    const char *name;
    int (*run)(int argc, char **argv);
};
// clang-format off
const Subcommand kSubcommands[] = {
    {"send", runSendCommand},
    {"export", runExportCommand},
    {"import", runImportCommand},
    {"listen", runListenCommand},
    {"check", runCheckCommand},
    {"replay", runReplayCommand},
    {"diff", runDiffCommand},
};
// clang-format on

const Subcommand *subcommandOf(int argc, char **argv)
{
    if (argc < 2)
        return nullptr;
    for (const Subcommand &c : kSubcommands) {
        if (std::strcmp(argv[1], c.name) == 0)
            return &c;
    }
    return nullptr;
}

bool parseToken(const QCommandLineParser &p, CommandLineOptions *o, QString *error)
{
    const QByteArray token = p.value(QStringLiteral("token")).toUtf8();
    if (p.isSet(QStringLiteral("token")) && !AccessToken::isValid(token)) {
        *error =
            MainTr::tr("--token takes letters, digits and - . _ ~ only, so that it fits in a URL "
                       "path.");
        return false;
    }
    if (p.isSet(QStringLiteral("token-header")) && !p.isSet(QStringLiteral("token"))) {
        *error = MainTr::tr("--token-header needs --token TOKEN.");
        return false;
    }
    if (p.isSet(QStringLiteral("token")))
        o->token = AccessToken(token, p.isSet(QStringLiteral("token-header"))
                                          ? AccessToken::Place::HeaderOnly
                                          : AccessToken::Place::PathOrHeader);
    return true;
}

void addOptions(QCommandLineParser &p)
{
    p.setApplicationDescription(MainTr::tr(
        "Receives Hoox webhooks on a local port, checks them against the Hoox contract and "
        "keeps every delivery in a journal. Without a command it opens the window.\n\n"
        "Commands (each with its own --help):\n"
        "  listen   the listener without a window; forwards, routes and holds deliveries\n"
        "  send     deliver a payload to a URL the way Hoox does, with its retries\n"
        "  check    grade your endpoint against the Hoox contract (scorecard, JUnit)\n"
        "  replay   send a journal's captures to your app again, with chaos\n"
        "  diff     what differs between two captures (two attempts of a delivery)\n"
        "  export   write the journal's captures as HAR or JSON Lines\n"
        "  import   read a HAR or JSON Lines file into the journal"));
    p.addHelpOption();
    p.addVersionOption();
    p.addOptions({
        {QStringLiteral("headless"),
         MainTr::tr("Run the listener without a window (the same as `hookscope listen`).")},
        {QStringLiteral("json"),
         MainTr::tr("Headless: print one JSON Lines record per capture, the "
                    "record `hookscope export --format jsonl` writes.")},
        {QStringLiteral("port"),
         MainTr::tr("Port to listen on (default %1; 0 picks a free one).")
             .arg(CommandLineOptions::kDefaultPort),
         QStringLiteral("N")},
        {QStringLiteral("bind"), MainTr::tr("Address to listen on (default 127.0.0.1)."),
         QStringLiteral("ADDR")},
        {QStringLiteral("journal"),
         MainTr::tr("Journal file (default %1).").arg(Journal::defaultPath()),
         QStringLiteral("PATH")},
        {QStringLiteral("sync"),
         MainTr::tr(
             "Answer a delivery only once its record is synced to disk (fdatasync, shared by the "
             "deliveries that arrive together): an answered delivery survives a power cut. The "
             "default.")},
        {QStringLiteral("no-sync"),
         MainTr::tr("Answer once the record is written, without waiting for the disk: faster; an "
                    "answered delivery survives HookScope being killed, not a power cut.")},
        {QStringLiteral("token"),
         MainTr::tr("Answer 401 to requests without TOKEN as the last segment of the URL path "
                    "(/webhook/hoox/TOKEN) or in an X-HookScope-Token header."),
         QStringLiteral("TOKEN")},
        {QStringLiteral("token-header"), MainTr::tr("With --token: accept it only in the header.")},
        {QStringLiteral("ngrok-api"),
         MainTr::tr("The ngrok agent's local API, polled for the public URL (default %1).")
             .arg(NgrokWatcher::defaultApiUrl().toString()),
         QStringLiteral("URL")},
        {QStringLiteral("status"),
         MainTr::tr("Answer every delivery with this HTTP status (default 200)."),
         QStringLiteral("N")},
        {QStringLiteral("body"), MainTr::tr("Answer with this body (default OK)."),
         QStringLiteral("TEXT")},
        {QStringLiteral("delay"), MainTr::tr("Answer each delivery after this many milliseconds."),
         QStringLiteral("MS")},
        {QStringLiteral("fail-next"),
         MainTr::tr(
             "Answer the next N deliveries with STATUS (default 500), so that Hoox retries them."),
         QStringLiteral("N[:STATUS]")},
        {QStringLiteral("delay-next"),
         MainTr::tr(
             "Answer the next N deliveries after 11 s, past Hoox's 10 s timeout, so that Hoox "
             "retries them."),
         QStringLiteral("N")},
        {QStringLiteral("forward-to"),
         MainTr::tr("Forward each delivery, byte for byte, to your app at URL (where no --route "
                    "matches)."),
         QStringLiteral("URL")},
        {QStringLiteral("route"),
         MainTr::tr(
             "Forward deliveries matching CONDITION to URL, e.g. 'task:avatar_*=http://"
             "localhost:3001/avatars'; conditions: task:, status:, path: with * and ? globs, "
             "several separated by spaces must all match. Repeatable: the first match wins."),
         QStringLiteral("CONDITION=URL")},
        {QStringLiteral("answer"),
         MainTr::tr("Forwarding: answer Hoox with your app's answer (app, the default; 502 with "
                    "the reason "
                    "when your app is down or slower than 9 s) or at once with the rule (rule)."),
         QStringLiteral("app|rule")},
        {QStringLiteral("hold"),
         MainTr::tr(
             "Forwarding: answer Hoox at once with the rule and hold each forward until you type "
             "`release [ID|all]` (or drop it with `drop [ID|all]`) on standard input.")},
    });
}

bool parseNumber(const QCommandLineParser &p, const QString &name, int min, int max, int *out,
                 QString *error)
{
    if (!p.isSet(name))
        return true;
    bool ok = false;
    const int value = p.value(name).toInt(&ok);
    if (!ok || value < min || value > max) {
        *error = MainTr::tr("--%1 needs a number from %2 to %3, not \"%4\".")
                     .arg(name)
                     .arg(min)
                     .arg(max)
                     .arg(p.value(name));
        return false;
    }
    *out = value;
    return true;
}

// --status, --body, --delay, --fail-next N[:STATUS], --delay-next N.
bool parseAnswer(const QCommandLineParser &p, CommandLineOptions *o, QString *error)
{
    AnswerPolicy::State &a = o->answer;
    if (!parseNumber(p, QStringLiteral("status"), 100, 599, &a.rule.status, error) ||
        !parseNumber(p, QStringLiteral("delay"), 0, 600'000, &a.rule.delayMs, error) ||
        !parseNumber(p, QStringLiteral("delay-next"), 1, 1'000'000, &a.delayNextLeft, error))
        return false;
    if (p.isSet(QStringLiteral("body")))
        a.rule.body = p.value(QStringLiteral("body")).toUtf8();
    o->ruleGiven = p.isSet(QStringLiteral("status")) || p.isSet(QStringLiteral("body")) ||
                   p.isSet(QStringLiteral("delay"));
    if (p.isSet(QStringLiteral("fail-next"))) {
        const QString value = p.value(QStringLiteral("fail-next"));
        const QStringList parts = value.split(u':');
        bool countOk = false;
        bool statusOk = true;
        const int count = parts.at(0).toInt(&countOk);
        const int status = parts.size() == 2 ? parts.at(1).toInt(&statusOk) : 500;
        if (parts.size() > 2 || !countOk || count < 1 || !statusOk || status < 100 ||
            status > 599) {
            *error =
                MainTr::tr("--fail-next needs a count and an optional status from 100 to 599, such "
                           "as 2 or 2:503, not \"%1\".")
                    .arg(value);
            return false;
        }
        a.failNextLeft = count;
        a.failNextStatus = status;
    }
    return true;
}

// --forward-to, --route (repeatable), --answer, --hold.
bool parseForward(const QCommandLineParser &p, CommandLineOptions *o, QString *error)
{
    ForwardSettings &f = o->forward;
    if (p.isSet(QStringLiteral("forward-to"))) {
        const QString text = p.value(QStringLiteral("forward-to"));
        f.fallback = QUrl(text, QUrl::StrictMode);
        if (!isForwardUrl(f.fallback)) {
            *error = MainTr::tr("--forward-to needs an http:// or https:// URL such as "
                                "http://localhost:3000/webhook, not \"%1\".")
                         .arg(text);
            return false;
        }
    }
    for (const QString &text : p.values(QStringLiteral("route"))) {
        ForwardRoute route;
        if (!ForwardRoute::parse(text, &route, error))
            return false;
        f.routes.append(route);
    }
    if (p.isSet(QStringLiteral("answer"))) {
        const QString answer = p.value(QStringLiteral("answer"));
        if (answer == QLatin1String("app")) {
            f.answer = ForwardSettings::Answer::App;
        } else if (answer == QLatin1String("rule")) {
            f.answer = ForwardSettings::Answer::Rule;
        } else {
            *error = MainTr::tr("--answer takes app or rule, not \"%1\".").arg(answer);
            return false;
        }
    }
    f.hold = p.isSet(QStringLiteral("hold"));
    for (const char *needsTarget : {"answer", "hold"}) {
        if (p.isSet(QLatin1String(needsTarget)) && !f.forwardsAnywhere()) {
            *error = MainTr::tr("--%1 is about forwarding: add --forward-to URL or --route "
                                "CONDITION=URL.")
                         .arg(QLatin1String(needsTarget));
            return false;
        }
    }
    return true;
}

bool parseAddress(const QCommandLineParser &p, CommandLineOptions *o, QString *error)
{
    if (p.isSet(QStringLiteral("port"))) {
        bool ok = false;
        const uint port = p.value(QStringLiteral("port")).toUInt(&ok);
        if (!ok || port > 65535) {
            *error = MainTr::tr("--port needs a number from 0 to 65535, not \"%1\".")
                         .arg(p.value(QStringLiteral("port")));
            return false;
        }
        o->port = quint16(port);
        o->portGiven = true;
    }
    if (p.isSet(QStringLiteral("bind")) && !o->bind.setAddress(p.value(QStringLiteral("bind")))) {
        *error = MainTr::tr("--bind needs an IP address such as 127.0.0.1 or ::1, not \"%1\".")
                     .arg(p.value(QStringLiteral("bind")));
        return false;
    }
    o->bindGiven = p.isSet(QStringLiteral("bind"));
    return true;
}

int g_signalFds[2] = {-1, -1};

// Whether Qt can find a platform to show the window on.
bool hasDisplay(int argc, char **argv)
{
    for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"}) {
        if (!qEnvironmentVariableIsEmpty(name))
            return true;
    }
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "-platform") == 0)
            return true;
    }
    return false;
}

// The window was asked for where it cannot open: the options are still checked (2 when one is
// unusable), then 1 with what to run instead, rather than Qt aborting for want of a display.
int refuseWindow(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const Language language(Language::systemChoice());
    CommandLineOptions o;
    QString error;
    if (!CommandLine::parse(app, &o, &error)) {
        CommandLine::printError(error);
        return 2;
    }
    CommandLine::printError(
        MainTr::tr("The window needs a display (DISPLAY or WAYLAND_DISPLAY is not "
                   "set). Without one, run hookscope listen; see hookscope --help."));
    return 1;
}

} // namespace

namespace CommandLine {

bool wantsNoWindow(int argc, char **argv)
{
    if (subcommandOf(argc, argv))
        return true;
    for (int i = 1; i < argc; ++i) {
        for (const char *flag : {"--headless", "--help", "-h", "--help-all", "--version", "-v"}) {
            if (std::strcmp(argv[i], flag) == 0)
                return true;
        }
    }
    return false;
}

std::optional<int> run(int argc, char **argv)
{
    if (const Subcommand *c = subcommandOf(argc, argv)) {
        qputenv("QT_NO_GLIB", "1");
        return c->run(argc, argv);
    }
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--headless") == 0)
            return runListenCommand(argc, argv);
    }
    if (argc > 1 && argv[1][0] != '-') {
        printError(
            MainTr::tr("Unknown command \"%1\": the commands are listen, send, check, replay, "
                       "diff, export and import; see hookscope --help.")
                .arg(QString::fromLocal8Bit(argv[1])));
        return 2;
    }
    if (!wantsNoWindow(argc, argv) && !hasDisplay(argc, argv))
        return refuseWindow(argc, argv);
    return std::nullopt;
}

bool parse(const QCoreApplication &app, CommandLineOptions *o, QString *error)
{
    QCommandLineParser p;
    addOptions(p);
    QStringList args = app.arguments();
    if (args.size() > 1 && args.at(1) == QLatin1String("listen")) {
        args.removeAt(1);
        o->headless = true;
    }
    // Not process(): a bad option exits 2 with the others, naming the option.
    if (!p.parse(args)) {
        *error = p.errorText() + u' ' + MainTr::tr("See hookscope --help.");
        return false;
    }
    if (p.isSet(QStringLiteral("help")) || p.isSet(QStringLiteral("help-all"))) {
        std::fputs(qPrintable(o->headless && app.arguments().value(1) == QLatin1String("listen")
                                  ? subcommandHelp(p, QStringLiteral("listen"))
                                  : p.helpText()),
                   stdout);
        std::exit(0);
    }
    if (p.isSet(QStringLiteral("version")))
        p.showVersion();
    o->headless = o->headless || p.isSet(QStringLiteral("headless"));
    o->json = p.isSet(QStringLiteral("json"));
    o->ngrokApi = NgrokWatcher::defaultApiUrl();
    if (p.isSet(QStringLiteral("ngrok-api"))) {
        o->ngrokApi = QUrl(p.value(QStringLiteral("ngrok-api")));
        if (!o->ngrokApi.isValid() || o->ngrokApi.scheme() != QLatin1String("http")) {
            *error = MainTr::tr(
                         "--ngrok-api needs an http URL such as http://127.0.0.1:4040, not \"%1\".")
                         .arg(p.value(QStringLiteral("ngrok-api")));
            return false;
        }
    }
    if (!parseAddress(p, o, error) || !parseToken(p, o, error) || !parseAnswer(p, o, error) ||
        !parseForward(p, o, error))
        return false;
    if (p.isSet(QStringLiteral("sync")) && p.isSet(QStringLiteral("no-sync"))) {
        *error = MainTr::tr("--sync and --no-sync contradict each other; give one.");
        return false;
    }
    o->syncGiven = p.isSet(QStringLiteral("sync")) || p.isSet(QStringLiteral("no-sync"));
    o->sync = !p.isSet(QStringLiteral("no-sync"));
    o->journalGiven = p.isSet(QStringLiteral("journal"));
    o->journal = o->journalGiven ? p.value(QStringLiteral("journal")) : Journal::defaultPath();
    if (!p.positionalArguments().isEmpty()) {
        *error = MainTr::tr("Unexpected argument \"%1\"; see --help.")
                     .arg(p.positionalArguments().first());
        return false;
    }
    return true;
}

void printError(const QString &text)
{
    std::fprintf(stderr, "%s\n", text.toLocal8Bit().constData());
}

void apply(const CommandLineOptions &o, AnswerPolicy *policy, Forwarder *forwarder)
{
    if (o.ruleGiven)
        policy->setRule(o.answer.rule);
    if (o.answer.failNextLeft > 0)
        policy->armFailNext(o.answer.failNextLeft, o.answer.failNextStatus);
    if (o.answer.delayNextLeft > 0)
        policy->armDelayNext(o.answer.delayNextLeft, o.answer.delayNextMs);
    if (o.forward.forwardsAnywhere()) {
        forwarder->setSettings(o.forward);
        forwarder->start();
    }
}

void quitOnSignals(QCoreApplication *app)
{
    onSignals(app, [] { QCoreApplication::quit(); });
}

void onSignals(QCoreApplication *app, std::function<void()> handler)
{
    // The handler only writes a byte; the rest happens in the event loop.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalFds[1], QSocketNotifier::Read, app);
    QObject::connect(notifier, &QSocketNotifier::activated, app, [handler = std::move(handler)] {
        char b[16];
        [[maybe_unused]] auto n = ::read(g_signalFds[1], b, sizeof b);
        handler();
    });
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

} // namespace CommandLine
