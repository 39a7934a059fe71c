// SPDX-License-Identifier: MIT
#include "StartTime.h"

#include "CaptureTableModel.h"
#include "GuiProbe.h"
#include "ListenerBar.h"
#include "MainWindow.h"
#include "capture/CaptureStore.h"
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
#include <functional>
#include <vector>

namespace {

// Says "painted" once the first paint of `window` is done, then calls `then`.
class FirstPaint : public QObject {
public:
    explicit FirstPaint(std::function<void()> then)
        : m_then(std::move(then))
    {
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            // Queued: runs once the paint event, which is being delivered now, is handled.
            QTimer::singleShot(0, watched, [this] {
                std::printf("painted\n");
                std::fflush(stdout);
                m_done = true;
                m_then();
            });
        }
        return false;
    }
    bool done() const { return m_done; }

private:
    std::function<void()> m_then;
    bool m_seen = false;
    bool m_done = false;
};

struct Times {
    double paintedMs = -1;
    double readyMs = -1;
    qint64 rows = 0;
    double p99Ms = 0; // the GUI thread's, from the window shown to ready
    double maxMs = 0;
};

// One start of the child; negative times when it failed.
Times startOnce(const QString &program, const QString &folder, int run, const QString &journal)
{
    const QString path =
        journal.isEmpty() ? folder + QStringLiteral("/start%1.hkj").arg(run) : journal;
    const QString settings = folder + QStringLiteral("/start%1.conf").arg(run);
    QProcess child;
    QElapsedTimer t;
    t.start();
    child.start(program, {QStringLiteral("start-child"), path, settings});
    Times times;
    QByteArray out;
    bool probed = false;
    while (!probed && child.waitForReadyRead(60000)) {
        out += child.readAll();
        const double ms = double(t.nsecsElapsed()) / 1e6;
        if (times.paintedMs < 0 && out.contains("painted\n"))
            times.paintedMs = ms;
        // "ready ROWS", then "gui P99 MAX" once the probe's last events came back.
        const auto line = [&out](const char *word) {
            const qsizetype at = out.indexOf(word);
            const qsizetype end = at < 0 ? -1 : out.indexOf('\n', at);
            return end < 0 ? QList<QByteArray>() : out.mid(at, end - at).split(' ');
        };
        if (const QList<QByteArray> r = line("ready "); times.readyMs < 0 && !r.isEmpty()) {
            times.readyMs = ms;
            times.rows = r.value(1).toLongLong();
        }
        if (const QList<QByteArray> g = line("gui "); !g.isEmpty()) {
            times.p99Ms = g.value(1).toDouble();
            times.maxMs = g.value(2).toDouble();
            probed = true;
        }
    }
    if (times.readyMs >= 0 && child.waitForFinished(30000))
        return times;
    child.kill();
    child.waitForFinished();
    std::fprintf(stderr, "%s", child.readAllStandardError().constData());
    return {};
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

StartResult measureStart(const QString &program, int runs, const QString &journal)
{
    QTemporaryDir dir;
    std::vector<double> painted, ready, p99;
    StartResult r;
    for (int i = 0; i < runs; ++i) {
        const Times one = startOnce(program, dir.path(), i, journal);
        if (one.paintedMs < 0 || one.readyMs < 0)
            return {};
        painted.push_back(one.paintedMs);
        ready.push_back(one.readyMs);
        p99.push_back(one.p99Ms);
        r.guiMaxMs = std::max(r.guiMaxMs, one.maxMs);
        r.rows = one.rows;
    }
    r.ok = true;
    r.medianMs = median(painted);
    r.minMs = *std::min_element(painted.begin(), painted.end());
    r.maxMs = *std::max_element(painted.begin(), painted.end());
    r.readyMedianMs = median(ready);
    r.readyMaxMs = *std::max_element(ready.begin(), ready.end());
    r.guiP99Ms = median(p99);
    return r;
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
    if (!engine.begin(options, &error)) {
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
    // Ready once the journal is open, the table has taken all its rows in (a large journal's
    // over several event-loop passes) and the window has painted. Meanwhile a probe measures
    // how long an input would wait on the GUI thread.
    GuiProbe probe;
    bool done = false;
    std::function<void()> check; // set below: FirstPaint needs it first
    FirstPaint watch([&check] { check(); });
    check = [&] {
        if (done || !engine.hasJournal() || !watch.done() ||
            window.captureModel()->rowCount() != engine.store()->size())
            return;
        done = true;
        window.repaint(); // the table with its rows, painted before it counts as ready
        std::printf("ready %lld\n", static_cast<long long>(engine.store()->size()));
        std::fflush(stdout);
        probe.stop();
        spinUntil([&probe] { return probe.drained(); }, 60'000);
        std::printf("gui %.1f %.1f\n", probe.percentileMs(0.99), probe.percentileMs(1.0));
        std::fflush(stdout);
        QTimer::singleShot(0, qApp, &QCoreApplication::quit);
    };
    window.installEventFilter(&watch);
    QObject::connect(&engine, &SessionEngine::openFailed, [](const QString &, const QString &e) {
        std::fprintf(stderr, "%s\n", qPrintable(e));
        QCoreApplication::exit(1);
    });
    QObject::connect(&engine, &SessionEngine::opened, &window, [&check] { check(); });
    QObject::connect(window.captureModel(), &CaptureTableModel::countsChanged, &window,
                     [&check] { check(); });
    window.show();
    probe.start();
    return QCoreApplication::exec();
}
