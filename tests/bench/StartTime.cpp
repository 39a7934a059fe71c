// SPDX-License-Identifier: MIT
#include "StartTime.h"

#include "ListenerBar.h"
#include "MainWindow.h"
#include "listener/AnswerPolicy.h"
#include "ngrok/NgrokWatcher.h"
#include "session/AppSettings.h"
#include "session/Language.h"
#include "session/SessionEngine.h"
#include "session/Settings.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

// Says "painted" once the first paint of `window` is done, and quits.
class FirstPaint : public QObject {
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            // Queued: runs once the paint event, which is being delivered now, is handled.
            QTimer::singleShot(0, watched, [] {
                std::printf("painted\n");
                std::fflush(stdout);
                QCoreApplication::quit();
            });
        }
        return false;
    }

private:
    bool m_seen = false;
};

// One start of the child, in ms; negative when it failed.
double startOnce(const QString &program, const QString &folder, int run)
{
    const QString journal = folder + QStringLiteral("/start%1.hkj").arg(run);
    const QString settings = folder + QStringLiteral("/start%1.conf").arg(run);
    QProcess child;
    QElapsedTimer t;
    t.start();
    child.start(program, {QStringLiteral("start-child"), journal, settings});
    while (child.waitForReadyRead(30000)) {
        if (child.readAll().contains("painted")) {
            const double ms = double(t.nsecsElapsed()) / 1e6;
            child.waitForFinished(30000);
            return ms;
        }
    }
    child.kill();
    child.waitForFinished();
    std::fprintf(stderr, "%s", child.readAllStandardError().constData());
    return -1;
}

} // namespace

StartResult measureStart(const QString &program, int runs)
{
    QTemporaryDir dir;
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const double one = startOnce(program, dir.path(), i);
        if (one < 0)
            return {};
        ms.push_back(one);
    }
    std::sort(ms.begin(), ms.end());
    return {true, ms[ms.size() / 2], ms.front(), ms.back()};
}

int runStartChild(const QString &journalPath, const QString &settingsPath)
{
    Settings::useFile(settingsPath); // the figure must not depend on who runs it
    const Language language(Language::systemChoice());
    const AppSettings settings;
    SessionOptions options;
    options.journalPath = journalPath;
    options.limits = settings.limits;
    SessionEngine engine;
    QString error;
    if (!engine.open(options, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    engine.policy()->setRule(settings.response);
    NgrokWatcher ngrok;
    MainWindow window(&engine, &ngrok);
    if (!window.listenerBar()->startListening(QHostAddress::LocalHost, 0)) {
        std::fprintf(stderr, "the listener did not start on 127.0.0.1\n");
        return 1;
    }
    FirstPaint watch;
    window.installEventFilter(&watch);
    window.show();
    return QCoreApplication::exec();
}
