// SPDX-License-Identifier: MIT
#include "GuiJobs.h"

#include "CaptureTableModel.h"
#include "GuiProbe.h"
#include "MainWindow.h"
#include "capture/CaptureStore.h"
#include "ngrok/NgrokWatcher.h"
#include "session/SessionEngine.h"
#include "session/Settings.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>
#include <QWindow>

#include <cstdio>
#include <functional>

namespace {

// The window on `journal`, shown and painted, as main.cpp starts it.
struct Window {
    SessionEngine engine;
    NgrokWatcher ngrok;
    std::unique_ptr<MainWindow> window;

    bool open(const QString &journal)
    {
        SessionOptions options;
        options.journalPath = journal;
        QString error;
        if (!engine.open(options, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return false;
        }
        window = std::make_unique<MainWindow>(&engine, &ngrok);
        window->resize(1280, 900);
        window->show();
        const bool exposed = spinUntil(
            [this] { return window->windowHandle() && window->windowHandle()->isExposed(); }, 5000);
        spinUntil([] { return false; }, 200); // first paint and layout, not measured
        return exposed;
    }
};

// Runs `start`, then the event loop until `done`, probing the GUI thread all along.
GuiJobResult measure(const std::function<void()> &start, const std::function<bool()> &done)
{
    GuiJobResult r;
    GuiProbe probe;
    probe.start();
    QElapsedTimer t;
    t.start();
    start();
    const bool finished = spinUntil(done, 120'000);
    r.elapsedMs = double(t.nsecsElapsed()) / 1e6;
    probe.stop();
    r.ok = finished && spinUntil([&] { return probe.drained(); }, 60'000);
    r.p99Ms = probe.percentileMs(0.99);
    r.p50Ms = probe.percentileMs(0.50);
    r.maxMs = probe.percentileMs(1.0);
    return r;
}

} // namespace

GuiJobResult measureGuiOpen(const QString &journal)
{
    QTemporaryDir dir;
    Settings::useFile(dir.filePath(QStringLiteral("hookscope.conf")));
    Window w;
    if (!w.open(dir.filePath(QStringLiteral("empty.hkj"))))
        return {};
    bool opened = false;
    QObject::connect(&w.engine, &SessionEngine::opened, [&opened] { opened = true; });
    // Ready once every row is in the table: a large journal's come in over several passes.
    GuiJobResult r = measure(
        [&] { w.window->openJournal(journal); },
        [&] { return opened && w.window->captureModel()->rowCount() == w.engine.store()->size(); });
    r.rows = w.window->captureModel()->rowCount();
    return r;
}

GuiJobResult measureGuiExport(const QString &journal, int count)
{
    QTemporaryDir dir;
    Settings::useFile(dir.filePath(QStringLiteral("hookscope.conf")));
    Window w;
    if (!w.open(journal))
        return {};
    QList<qsizetype> rows(qMin<qsizetype>(count, w.engine.store()->size()));
    for (qsizetype i = 0; i < rows.size(); ++i)
        rows[i] = i;
    bool exported = false;
    bool ok = false;
    QObject::connect(&w.engine, &SessionEngine::exported,
                     [&](const QString &, const QString &report, bool success) {
                         exported = true;
                         ok = success;
                         if (!success)
                             std::fprintf(stderr, "export: %s\n", qPrintable(report));
                     });
    const QString out = dir.filePath(QStringLiteral("export.har"));
    GuiJobResult r =
        measure([&] { w.engine.exportCaptures(out, Interchange::Format::Har, rows, false); },
                [&] { return exported; });
    r.ok = r.ok && ok;
    r.rows = rows.size();
    return r;
}
