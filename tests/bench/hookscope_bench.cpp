// SPDX-License-Identifier: MIT
// hookscope-bench [CAPTURES [JOURNAL]] | reload CAPTURES JOURNAL | open JOURNAL | select |
// start [JOURNAL]: prints one "name: value unit" line per figure. A program, not a test: the
// machine's speed never fails anything. Figures that depend on the number of captures carry it in
// their names (insert_250k_ms, insert_4m_ms), and the first line says it ("captures: 4000000").
#include "ActivityStrip.h"
#include "BenchPayload.h"
#include "CaptureTableModel.h"
#include "GuiJobs.h"
#include "GuiLatency.h"
#include "GuiSelect.h"
#include "StartTime.h"
#include "capture/CaptureRecorder.h"
#include "capture/CaptureStore.h"
#include "capture/Journal.h"
#include "hoox/HooxClassifier.h"
#include "query/QuerySearch.h"
#include "session/SessionEngine.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPixmap>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace {

// The number of captures as figure names carry it: "250k", "1m", "4m", or "1234".
std::string g_size = "1m";

std::string sizeLabel(int n)
{
    if (n >= 1'000'000 && n % 1'000'000 == 0)
        return std::to_string(n / 1'000'000) + 'm';
    if (n >= 1'000 && n % 1'000 == 0)
        return std::to_string(n / 1'000) + 'k';
    return std::to_string(n);
}

// `name` with its "_N_" standing for the number of captures (g_size).
void print(const char *name, double value, const char *unit)
{
    std::string named = name;
    if (const size_t at = named.find("_N_"); at != std::string::npos)
        named.replace(at, 3, '_' + g_size + '_');
    std::printf("%s: %.1f %s\n", named.c_str(), value, unit);
    std::fflush(stdout);
}

// Five starts on an empty journal, or on `journal` (its size in the names of the figures).
void printStart(const QString &journal = {})
{
    const StartResult start = measureStart(QCoreApplication::applicationFilePath(), 5, journal);
    if (!start.ok) {
        std::fprintf(stderr, "start: not measured\n");
        return;
    }
    if (journal.isEmpty()) {
        print("start_ms", start.medianMs, "ms");
        print("start_min_ms", start.minMs, "ms");
        print("start_max_ms", start.maxMs, "ms");
        return;
    }
    g_size = sizeLabel(int(start.rows));
    print("start_painted_N_ms", start.medianMs, "ms");
    print("start_painted_N_max_ms", start.maxMs, "ms");
    print("start_ready_N_ms", start.readyMedianMs, "ms");
    print("start_ready_N_max_ms", start.readyMaxMs, "ms");
    print("gui_start_N_p99_ms", start.guiP99Ms, "ms");
    print("gui_start_N_max_ms", start.guiMaxMs, "ms");
}

// Seed-sized deliveries spread over the four tasks, both outcomes, with about one key in
// ten retried and one capture in a hundred carrying the marker "needle" (BenchPayload.h).
HttpRequest request(int i)
{
    HttpRequest r;
    r.method = "POST";
    r.target = "/webhook/hoox";
    r.headers.append("Host", "127.0.0.1:4477");
    r.headers.append("Content-Type", "application/json");
    r.headers.append("User-Agent", "Hoox-API/1.0");
    r.headers.append("X-Hoox-Webhook", "true");
    r.headers.append("Content-Length", QByteArray::number(BenchPayload::kSeed.size()));
    r.body = BenchPayload::body(i);
    return r;
}

// The activity strip over the million rows: counting them once (what opening a session does),
// then one paint at a window's width, the median of 21 after a first one.
void stripFigures(CaptureStore &store)
{
    QElapsedTimer t;
    t.start();
    ActivityStrip strip(&store);
    print("strip_count_N_ms", double(t.nsecsElapsed()) / 1e6, "ms");
    strip.resize(1280, 40);
    QPixmap pixmap(strip.size());
    t.start();
    strip.render(&pixmap);
    print("strip_first_paint_N_ms", double(t.nsecsElapsed()) / 1e6, "ms");
    std::vector<qint64> ns;
    for (int i = 0; i < 21; ++i) {
        t.start();
        strip.render(&pixmap);
        ns.push_back(t.nsecsElapsed());
    }
    std::sort(ns.begin(), ns.end());
    print("strip_paint_N_ms", double(ns[ns.size() / 2]) / 1e6, "ms");
}

int fail(const char *what)
{
    std::fprintf(stderr, "%s: not measured\n", what);
    return 1;
}

qint64 rssMiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() / 1024;
    }
    return 0;
}

// The filter language over the million rows: terms the compact columns answer, on the GUI
// thread as the table applies them; then a body path, whose records are read back from the
// journal off the GUI thread (the part that stays on it, QuerySearch::prepare, is shown apart).
void measureQueries(CaptureStore &store, CaptureTableModel &model, QEventLoop &loop)
{
    QElapsedTimer t;
    t.start();
    model.setQuery(Query::parse(QStringLiteral("task:avatar_* status:failed answer:5xx")));
    print("query_fields_N_ms", double(t.elapsed()), "ms");
    print("query_fields_N_rows", double(model.rowCount()), "rows");
    const Query body = Query::parse(QStringLiteral("body.result.cost:>3"));
    t.restart();
    QuerySearch::Plan plan = QuerySearch::prepare(body, store, nullptr);
    print("query_body_prepare_N_ms", double(t.elapsed()), "ms");
    t.restart();
    const std::vector<quint8> matched = QuerySearch::run(body, std::move(plan));
    print("query_body_N_ms", double(t.elapsed()), "ms");
    print("query_body_N_rows", double(std::count(matched.cbegin(), matched.cend(), 1)), "rows");
    t.restart();
    model.setQuery(body);
    loop.exec();
    print("query_body_table_N_ms", double(t.elapsed()), "ms");
}

// Batches arriving while the million rows are sorted by status (they land in a few places) and
// by key (in many, merged at once). The captures are kept in memory, not journaled: only the
// hand-over to the store and the model is timed.
void ingestSorted(CaptureStore &store, CaptureTableModel &model, int n, int batch)
{
    constexpr int kBatches = 20;
    CaptureRecorder recorder(nullptr, quint64(n) + 1);
    int next = n;
    QString error;
    const std::pair<const char *, int> columns[] = {
        {"ingest_by_status_batch_N_ms", CaptureTableModel::StatusColumn},
        {"ingest_by_key_batch_N_ms", CaptureTableModel::KeyColumn}};
    for (const auto &[name, column] : columns) {
        model.sort(column, Qt::AscendingOrder);
        qint64 ns = 0;
        QElapsedTimer t;
        for (int b = 0; b < kBatches; ++b) {
            CaptureBatch captures;
            for (int j = 0; j < batch; ++j, ++next) {
                captures.append(recorder.record(request(next), QStringLiteral("127.0.0.1:50000"),
                                                1'700'000'000'000 + next, 200, &error));
            }
            t.start();
            store.append(captures);
            ns += t.nsecsElapsed();
        }
        print(name, double(ns) / 1e6 / kBatches, "ms");
    }
}

void printSelectHostile()
{
    const HostileSelectResult r = measureSelectHostile();
    print("select_hostile_ms", std::max({r.stringMs, r.keysMs, r.nestingMs}), "ms");
    print("select_hostile_string_ms", r.stringMs, "ms");
    print("select_hostile_keys_ms", r.keysMs, "ms");
    print("select_hostile_nesting_ms", r.nestingMs, "ms");
    print("select_hostile_cpu_ms", r.maxCpuMs, "ms");
    print("select_hostile_rss_mib", r.maxRssGrowthMiB, "MiB");
}

// What opening a session does: read the summaries, let the listener's duplicate index catch
// up, and fill the store; timed from here to a table over every row. False when it failed.
bool printReload(const QString &path)
{
    QElapsedTimer t;
    t.start();
    SessionEngine engine;
    SessionOptions options;
    options.journalPath = path;
    QString error;
    if (!engine.open(options, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return false;
    }
    CaptureTableModel reloaded(engine.store());
    print("reload_N_ms", double(t.elapsed()), "ms");
    print("reload_N_rows", double(reloaded.rowCount()), "rows");
    print("rss_after_reload_mib", double(rssMiB()), "MiB");
    return true;
}

// "hookscope-bench reload N PATH": only the reload figure, on a journal of N captures kept at
// PATH (written first if PATH does not exist), so that it can be profiled and compared alone.
// File → Open of `path` in the window, until every row is in the table, and the GUI thread's
// waits meanwhile.
bool printOpen(const QString &path)
{
    const GuiJobResult open = measureGuiOpen(path);
    if (!open.ok)
        return false;
    g_size = sizeLabel(int(open.rows));
    print("open_N_ms", open.elapsedMs, "ms");
    print("open_N_rows", double(open.rows), "rows");
    print("gui_open_p99_ms", open.p99Ms, "ms");
    print("gui_open_max_ms", open.maxMs, "ms");
    return true;
}

int reloadOnly(int n, const QString &path)
{
    g_size = sizeLabel(n);
    QString error;
    if (!QFile::exists(path)) {
        Journal journal;
        if (!journal.open(path, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        CaptureRecorder recorder(&journal);
        for (int i = 0; i < n; ++i)
            recorder.record(request(i), QStringLiteral("127.0.0.1:50000"), 1'700'000'000'000 + i,
                            200, &error);
    }
    return printReload(path) ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    // "hookscope-bench select": only the payload viewer's figures.
    if (argc > 1 && QByteArray(argv[1]) == "select") {
        printSelectHostile();
        return 0;
    }
    // "hookscope-bench start": only the start-up figure; start-child is its child process.
    if (argc > 3 && QByteArray(argv[1]) == "start-child")
        return runStartChild(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]));
    if (argc > 1 && QByteArray(argv[1]) == "start") {
        printStart(argc > 2 ? QString::fromLocal8Bit(argv[2]) : QString());
        return 0;
    }
    if (argc > 3 && QByteArray(argv[1]) == "reload")
        return reloadOnly(QByteArray(argv[2]).toInt(), QString::fromLocal8Bit(argv[3]));
    if (argc > 2 && QByteArray(argv[1]) == "open")
        return printOpen(QString::fromLocal8Bit(argv[2])) ? 0 : 1;
    const int n = argc > 1 ? QByteArray(argv[1]).toInt() : 1'000'000;
    if (n <= 0) {
        std::fprintf(stderr,
                     "usage: hookscope-bench [CAPTURES [JOURNAL]] | reload CAPTURES JOURNAL | "
                     "open JOURNAL | select | start [JOURNAL]\n");
        return 2;
    }
    g_size = sizeLabel(n);
    std::printf("captures: %d\n", n);
    printStart();
    constexpr int kBatch = 500; // what the listener hands over in 30 ms at ~16k deliveries/s

    {
        const HttpRequest r = request(0);
        QElapsedTimer t;
        t.start();
        constexpr int kRounds = 100'000;
        for (int i = 0; i < kRounds; ++i)
            HooxClassifier::classify(r.method, r.headers, r.body);
        print("classify_us", double(t.nsecsElapsed()) / kRounds / 1000.0, "us");
    }
    printSelectHostile();

    // The listener journals each capture, then hands the store batches of them; the store
    // keeps summaries and reads the rest back from the journal. Only the hand-over is timed.
    QTemporaryDir dir;
    // A second argument keeps the journal there, e.g. to open a million captures in the window.
    const QString path =
        argc > 2 ? QString::fromLocal8Bit(argv[2]) : dir.filePath(QStringLiteral("bench.hkj"));
    QFile::remove(path);
    Journal journal;
    QString error;
    if (!journal.open(path, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    CaptureStore store;
    store.setJournalPath(path);
    CaptureTableModel model(&store);
    {
        CaptureRecorder recorder(&journal);
        qint64 insertNs = 0;
        QElapsedTimer t;
        for (int i = 0; i < n; i += kBatch) {
            CaptureBatch b;
            for (int j = i; j < qMin(n, i + kBatch); ++j) {
                b.append(recorder.record(request(j), QStringLiteral("127.0.0.1:50000"),
                                         1'700'000'000'000 + j, 200, &error));
            }
            t.start();
            store.append(b);
            insertNs += t.nsecsElapsed();
        }
        print("insert_N_ms", double(insertNs) / 1e6, "ms");
    }
    journal.close();
    print("rss_N_mib", double(rssMiB()), "MiB");
    stripFigures(store);

    QElapsedTimer t;
    t.start();
    model.setQuery(Query::parse(QStringLiteral("task:avatar_edit")));
    print("filter_N_ms", double(t.elapsed()), "ms");
    print("filter_N_rows", double(model.rowCount()), "rows");
    t.restart();
    model.setQuery(Query());
    print("filter_clear_N_ms", double(t.elapsed()), "ms");

    QEventLoop loop;
    QObject::connect(&model, &CaptureTableModel::searchingChanged, &loop, [&](bool searching) {
        if (!searching)
            loop.quit();
    });
    t.restart();
    model.setQuery(Query::parse(QStringLiteral("needle")));
    loop.exec();
    print("text_filter_N_ms", double(t.elapsed()), "ms");
    print("text_filter_N_rows", double(model.rowCount()), "rows");
    measureQueries(store, model, loop);
    model.setQuery(Query());

    t.restart();
    model.sort(CaptureTableModel::TimeColumn, Qt::DescendingOrder);
    print("sort_N_ms", double(t.elapsed()), "ms");
    ingestSorted(store, model, n, kBatch);

    store.clear();
    if (!printReload(path))
        return 1;

    // The window while it opens the journal, then while it exports part of it: jobs.
    if (!printOpen(path))
        return fail("gui open");
    const GuiJobResult exported = measureGuiExport(path, 200'000);
    if (!exported.ok)
        return fail("gui export");
    print("export_200k_ms", exported.elapsedMs, "ms");
    print("gui_export_p99_ms", exported.p99Ms, "ms");
    print("gui_export_max_ms", exported.maxMs, "ms");

    // Last, so that the figures above are taken on a quiet machine.
    const GuiLatencyResult gui = measureGuiLatency(10'000, 5);
    if (!gui.ok)
        return fail("gui latency");
    print("gui_p99_ms", gui.p99Ms, "ms");
    print("gui_p50_ms", gui.p50Ms, "ms");
    print("gui_max_ms", gui.maxMs, "ms");
    print("gui_ingest_per_s", gui.deliveredPerSecond, "deliveries/s");
    // The same load into the journal above, its table sorted by Status. It appends to it.
    const GuiLatencyResult sorted =
        measureGuiLatency(10'000, 5, path, CaptureTableModel::StatusColumn);
    if (!sorted.ok)
        return fail("gui latency, sorted");
    print("gui_sorted_p99_ms", sorted.p99Ms, "ms");
    print("gui_sorted_max_ms", sorted.maxMs, "ms");
    print("gui_sorted_ingest_per_s", sorted.deliveredPerSecond, "deliveries/s");
    return 0;
}
