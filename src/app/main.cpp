// SPDX-License-Identifier: MIT
// `hookscope` with a subcommand or --headless runs the command line (src/cli, no Widgets);
// without, the window over a session engine.
#include "CommandLine.h"
#include "ListenerBar.h"
#include "MainWindow.h"
#include "listener/Listener.h"
#include "ngrok/NgrokWatcher.h"
#include "session/AppSettings.h"
#include "session/Language.h"
#include "session/SessionEngine.h"
#include "session/Settings.h"

#include <QApplication>
#include <QFileInfo>
#include <QMessageBox>

namespace {

// The journal the window opens: the one asked for, else the session it showed last.
QString journalToOpen(const CommandLineOptions &o)
{
    if (o.journalGiven)
        return o.journal;
    const QStringList recent =
        Settings::instance().get(Settings::Key::SessionRecent).toStringList();
    return !recent.isEmpty() && QFileInfo::exists(recent.first()) ? recent.first() : o.journal;
}

// Starts the session, its journal read while the window shows (a journal that cannot be read
// is said then, by SessionMenu); a journal another HookScope writes to is refused at once, and
// the user may start a new session instead.
bool openSession(SessionEngine &engine, SessionOptions options)
{
    QString error;
    if (engine.begin(options, &error))
        return true;
    CommandLine::printError(error);
    const auto answer = QMessageBox::question(
        nullptr, QCoreApplication::translate("main", "Journal in use"),
        error + QStringLiteral("\n\n") +
            QCoreApplication::translate("main", "Start a new session instead?"),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Yes);
    if (answer != QMessageBox::Yes)
        return false;
    options.journalPath = SessionEngine::newSessionPath();
    if (engine.begin(options, &error))
        return true;
    QMessageBox::critical(nullptr, QStringLiteral("HookScope"), error);
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    if (const std::optional<int> code = CommandLine::run(argc, argv))
        return *code;
    std::unique_ptr<QCoreApplication> app;
    if (CommandLine::wantsNoWindow(argc, argv))
        app = std::make_unique<QCoreApplication>(argc, argv); // --help, --version
    else
        app = std::make_unique<QApplication>(argc, argv);
    const Language language(Language::systemChoice());
    QCoreApplication::setApplicationName(QStringLiteral("hookscope"));
    QCoreApplication::setOrganizationName(QStringLiteral("hookscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HOOKSCOPE_VERSION));
    CommandLineOptions opts;
    QString error;
    if (!CommandLine::parse(*app, &opts, &error)) {
        CommandLine::printError(error);
        return 2;
    }

    // The window takes the user's saved preferences; the command line overrides them.
    const AppSettings settings = AppSettings::load();
    SessionOptions options;
    options.journalPath = journalToOpen(opts);
    options.limits = settings.limits;
    options.token = opts.token;
    options.maxCaptures = settings.maxCaptures;
    options.maxAgeDays = settings.maxAgeDays;
    options.syncJournal = opts.syncGiven ? opts.sync : settings.journalSync;
    SessionEngine engine;
    if (!openSession(engine, options))
        return 1;
    engine.policy()->setRule(settings.response);
    CommandLine::apply(opts, engine.policy(), engine.forwarder());
    NgrokWatcher ngrok;
    ngrok.setApiUrl(opts.ngrokApi);
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.hookscope.HookScope"));
    engine.watchNgrok(&ngrok);
    MainWindow window(&engine, &ngrok);
    const quint16 port = opts.portGiven ? opts.port : settings.port;
    const QHostAddress bind = opts.bindGiven ? opts.bind : QHostAddress(settings.bindAddress);
    // A taken port is explained in the listener bar, with what to do; the window still opens.
    window.listenerBar()->startListening(bind, port);
    ngrok.start();
    window.show();
    CommandLine::quitOnSignals(app.get());
    return app->exec();
}
