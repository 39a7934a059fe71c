// SPDX-License-Identifier: MIT
#pragma once

#include "delivery/Forwarder.h"
#include "listener/AccessToken.h"
#include "listener/AnswerPolicy.h"

#include <QHostAddress>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

class QCoreApplication;

// The options of `hookscope` (the window) and `hookscope listen` (also `--headless`).
struct CommandLineOptions {
    static constexpr quint16 kDefaultPort = 4477; // clear of 3000, where the user's app runs

    bool headless = false;
    bool json = false;
    QHostAddress bind{QHostAddress::LocalHost};
    quint16 port = kDefaultPort;
    bool portGiven = false;
    bool bindGiven = false;
    QString journal;
    bool journalGiven = false;
    // --sync / --no-sync: whether an answer waits for its record's fdatasync (see Journal).
    bool sync = true;
    bool syncGiven = false;
    QUrl ngrokApi;
    AccessToken token;
    // The listener's answer: the rule and the armed counters, from --status, --body, --delay,
    // --fail-next and --delay-next.
    AnswerPolicy::State answer;
    bool ruleGiven = false; // --status, --body or --delay: the window's saved rule gives way
    // --forward-to, --route, --answer and --hold.
    ForwardSettings forward;
};

namespace CommandLine {
// Runs a subcommand (`send`, `export`, `import`, `listen`, `check`, `replay`, `diff`) or the
// headless listener when argv asks for one, and returns its exit code; nullopt when argv asks for
// the window. An unknown command, or the window where there is no display, gets an error and an
// exit code here too (2 for bad arguments, 1 for no display), never a Qt abort.
std::optional<int> run(int argc, char **argv);
// True when argv needs no window: a subcommand, --headless, --help or --version.
bool wantsNoWindow(int argc, char **argv);
// Reads the command line of `app`; false, with *error in words, when an option is unusable.
// --help and --version print and exit, as QCommandLineParser does.
bool parse(const QCoreApplication &app, CommandLineOptions *options, QString *error);
void printError(const QString &text);
// Sets the answer rule, the armed counters and forwarding of `options` on a session's parts.
void apply(const CommandLineOptions &options, AnswerPolicy *policy, Forwarder *forwarder);
// SIGINT and SIGTERM end the event loop, so that the last batch is printed and the journal
// closed.
void quitOnSignals(QCoreApplication *app);
// Runs `handler` in the event loop at each SIGINT or SIGTERM instead.
void onSignals(QCoreApplication *app, std::function<void()> handler);
} // namespace CommandLine
