// SPDX-License-Identifier: MIT
#include "GuiLatency.h"

#include "GuiProbe.h"

#include "BenchPayload.h"
#include "ListenerBar.h"
#include "MainWindow.h"
#include "capture/CaptureStore.h"
#include "listener/Listener.h"
#include "ngrok/NgrokWatcher.h"
#include "session/AppSettings.h"
#include "session/SessionEngine.h"
#include "session/Settings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QWindow>

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

// Hoox delivers over several connections at once; eight keep-alive ones with one request in
// flight each carry 10,000 deliveries/s over loopback with room to catch up after a stall.
constexpr int kConnections = 8;
constexpr auto kWarmUp = 1s;
constexpr auto kProbeInterval = 1ms;
// Answers still on their way when sending stops are waited for this long, no longer.
constexpr auto kDrain = 2s;

// The window and what it needs, started as main.cpp starts it: through the session engine.
struct WindowRig {
    SessionEngine engine;
    NgrokWatcher ngrok;
    std::unique_ptr<MainWindow> window;
    Listener *listener() const { return engine.listener(); }
    CaptureStore &store() const { return *engine.store(); }
};

// False with *error.
bool buildWindow(WindowRig *rig, const QString &journalPath, QString *error)
{
    // Defaults rather than AppSettings::load(): the figure must not depend on who runs it.
    const AppSettings settings;
    SessionOptions options;
    options.journalPath = journalPath;
    options.limits = settings.limits;
    if (!rig->engine.open(options, error))
        return false;
    rig->engine.policy()->setRule(settings.response);
    rig->window = std::make_unique<MainWindow>(&rig->engine, &rig->ngrok);
    // Loopback and a free port only. The ngrok watcher stays off: it would poll a local port
    // that may belong to something else, and it takes no part in ingest.
    if (!rig->window->listenerBar()->startListening(QHostAddress::LocalHost, 0)) {
        *error = QStringLiteral("the listener did not start on 127.0.0.1");
        return false;
    }
    return true;
}

QByteArray renderRequest(int i, quint16 port)
{
    const QByteArray body = BenchPayload::body(i);
    return "POST /webhook/hoox HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
           "\r\nContent-Type: application/json\r\nUser-Agent: Hoox-API/1.0\r\n"
           "X-Hoox-Webhook: true\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

struct LoadPlan {
    quint16 port = 0;
    int perSecond = 0;
    Clock::time_point start;
    Clock::time_point measureFrom; // end of the warm-up
    Clock::time_point end;         // no request is sent from here on
    // Rendered beforehand, so that the load thread spends its time on sockets only and
    // takes as little CPU from the window as it can.
    std::vector<QByteArray> requests;
};

struct LoadCounters {
    std::atomic<qint64> sent{0};
    std::atomic<qint64> answeredTotal{0};
    std::atomic<qint64> answered{0};    // answers received within the measured span
    std::atomic<qint64> answered200{0}; // of those, the 200s
    std::atomic<qint64> lost{0};        // requests whose connection failed before an answer
    std::atomic<qint64> maxBehindUs{0}; // how far sending ever fell behind the schedule
    std::atomic<bool> done{false};
};

struct Connection {
    int fd = -1;
    QByteArray in;
    const QByteArray *out = nullptr; // the request in flight
    qsizetype written = 0;
};

int openConnection(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    sockaddr_in addr = {};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK); // never anywhere but 127.0.0.1
    const int one = 1;
    // Small requests must leave at once, not wait for Nagle to coalesce them.
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return -1;
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    return fd;
}

void drop(Connection &c, LoadCounters *counters)
{
    if (c.fd >= 0)
        ::close(c.fd);
    c.fd = -1;
    if (c.out)
        ++counters->lost;
    c.out = nullptr;
    c.in.clear();
}

// Writes what the socket takes of the request in flight; false when the connection failed.
bool writeSome(Connection &c)
{
    while (c.written < c.out->size()) {
        const ssize_t n = ::send(c.fd, c.out->constData() + c.written,
                                 size_t(c.out->size() - c.written), MSG_NOSIGNAL);
        if (n > 0) {
            c.written += n;
            continue;
        }
        return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR);
    }
    return true;
}

// Takes one complete response off the front of `in`: its status, 0 while it is incomplete,
// -1 when it is not HTTP. *close tells whether the server ends the connection after it.
int takeResponse(QByteArray &in, bool *close)
{
    const qsizetype headEnd = in.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return 0;
    if (!in.startsWith("HTTP/1."))
        return -1;
    const QByteArray head = in.left(headEnd + 2).toLower();
    qint64 length = 0;
    const qsizetype field = head.indexOf("\r\ncontent-length:");
    if (field >= 0) {
        const qsizetype from = field + qsizetype(sizeof "\r\ncontent-length:") - 1;
        length = head.mid(from, head.indexOf("\r\n", from) - from).trimmed().toLongLong();
    }
    if (in.size() < headEnd + 4 + length)
        return 0;
    *close = head.contains("\r\nconnection: close\r\n");
    const int status = in.mid(9, 3).toInt();
    in.remove(0, headEnd + 4 + length);
    return status > 0 ? status : -1;
}

// Reads what has arrived and settles the request in flight once its answer is whole.
void readAnswers(Connection &c, const LoadPlan &plan, LoadCounters *counters)
{
    char buffer[16384];
    for (;;) {
        const ssize_t n = ::recv(c.fd, buffer, sizeof buffer, 0);
        if (n > 0) {
            c.in.append(buffer, n);
            continue;
        }
        if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
            drop(c, counters);
            return;
        }
        break;
    }
    bool close = false;
    while (const int status = takeResponse(c.in, &close)) {
        if (status < 0 || !c.out) { // garbage, or an answer nobody asked for
            drop(c, counters);
            return;
        }
        c.out = nullptr;
        ++counters->answeredTotal;
        const Clock::time_point now = Clock::now();
        if (now >= plan.measureFrom && now < plan.end) {
            ++counters->answered;
            if (status == 200)
                ++counters->answered200;
        }
        if (close) {
            drop(c, counters);
            return;
        }
    }
}

// The load thread: request k is due at start + k/perSecond, an absolute schedule, so that
// a stall is caught up by sending back to back instead of quietly lowering the rate. Each
// connection has one request in flight at most, as a webhook sender's would.
void runLoad(const LoadPlan &plan, LoadCounters *counters)
{
    // Named, so that a profile tells the benchmark's own threads from the window's.
    pthread_setname_np(pthread_self(), "bench-load");
    std::vector<Connection> connections(kConnections);
    std::vector<pollfd> fds(kConnections);
    const auto period = std::chrono::nanoseconds(1'000'000'000LL / plan.perSecond);
    size_t next = 0;
    const auto dueOf = [&](size_t k) { return plan.start + period * qint64(k); };
    for (;;) {
        const Clock::time_point now = Clock::now();
        const bool sending = now < plan.end && next < plan.requests.size();
        bool inFlight = false;
        for (Connection &c : connections) {
            if (sending && c.fd < 0)
                c.fd = openConnection(plan.port);
            if (c.fd < 0)
                continue;
            if (!c.out && sending && dueOf(next) <= now) {
                const auto behind =
                    std::chrono::duration_cast<std::chrono::microseconds>(now - dueOf(next))
                        .count();
                if (now >= plan.measureFrom && behind > counters->maxBehindUs)
                    counters->maxBehindUs = behind;
                c.out = &plan.requests[next++];
                c.written = 0;
                ++counters->sent;
                if (!writeSome(c))
                    drop(c, counters);
            }
            inFlight = inFlight || c.out;
        }
        if (!sending && (!inFlight || now >= plan.end + kDrain))
            break;

        // Sleep until the next request is due or an answer arrives, whichever comes first.
        Clock::duration wait = 10ms;
        if (sending) {
            wait = std::clamp<Clock::duration>(dueOf(next) - now, 0ns, 10ms);
            const bool idle = std::any_of(connections.begin(), connections.end(),
                                          [](const Connection &c) { return c.fd >= 0 && !c.out; });
            if (!idle) // every connection waits for an answer: only an answer can help
                wait = 10ms;
        }
        for (int i = 0; i < kConnections; ++i) {
            const Connection &c = connections[size_t(i)];
            fds[size_t(i)].fd = c.fd;
            fds[size_t(i)].events =
                short(POLLIN | (c.out && c.written < c.out->size() ? POLLOUT : 0));
            fds[size_t(i)].revents = 0;
        }
        const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(wait).count();
        const timespec timeout = {time_t(ns / 1'000'000'000), long(ns % 1'000'000'000)};
        if (::ppoll(fds.data(), fds.size(), &timeout, nullptr) <= 0)
            continue;
        for (int i = 0; i < kConnections; ++i) {
            Connection &c = connections[size_t(i)];
            const short revents = fds[size_t(i)].revents;
            if (c.fd < 0 || revents == 0)
                continue;
            if ((revents & POLLOUT) && !writeSome(c)) {
                drop(c, counters);
                continue;
            }
            if (revents & (POLLIN | POLLHUP | POLLERR))
                readAnswers(c, plan, counters);
        }
    }
    for (Connection &c : connections) {
        if (c.fd >= 0)
            ::close(c.fd);
    }
    counters->done = true;
}

// Written by the probe thread (posted) and the GUI thread (the rest).
struct ProbeLog {
    std::atomic<qint64> posted{0};
    qint64 received = 0;
    std::vector<qint64> waitsNs; // of the probes posted within the measured span
};

// Every millisecond, posts an event to the GUI thread stamped with its posting time; the GUI
// thread notes how long it sat in the queue. It queues behind whatever the GUI thread is busy
// with, exactly as a click or a key press would, so sampling at a steady rate gives the wait
// an input arriving at a random moment sees. (A QTimer's lateness would understate it: a
// coarse timer may fire 5% late by design, and a late one re-arms from when it fired, so a
// backlog behind it is never seen.)
void runProbes(const LoadPlan &plan, const std::shared_ptr<ProbeLog> &log)
{
    pthread_setname_np(pthread_self(), "bench-probe");
    Clock::time_point next = plan.start;
    for (;;) {
        next += kProbeInterval;
        if (next >= plan.end)
            break;
        std::this_thread::sleep_until(next);
        const Clock::time_point posted = Clock::now();
        // An oversleep is not made up with a burst, which would weigh one moment more.
        next = std::max(next, posted - 500us);
        const bool measured = posted >= plan.measureFrom;
        ++log->posted;
        QMetaObject::invokeMethod(
            qApp,
            [log, posted, measured] {
                ++log->received;
                if (measured)
                    log->waitsNs.push_back((Clock::now() - posted).count());
            },
            Qt::QueuedConnection);
    }
}

double percentileMs(const std::vector<qint64> &sorted, double p)
{
    if (sorted.empty())
        return 0;
    // Nearest rank: the smallest sample with at least p of all samples at or below it.
    const size_t rank = size_t(std::ceil(p * double(sorted.size())));
    return double(sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1]) / 1e6;
}

} // namespace

GuiLatencyResult measureGuiLatency(int deliveriesPerSecond, int seconds, const QString &journal,
                                   int sortColumn)
{
    GuiLatencyResult result;
    QTemporaryDir dir;
    if (!dir.isValid() || deliveriesPerSecond <= 0 || seconds <= 0)
        return result;
    // The window remembers geometry and recent journals: keep them in the temporary folder,
    // away from the settings of whoever runs the benchmark.
    Settings::useFile(dir.filePath(QStringLiteral("hookscope.conf")));

    WindowRig rig;
    QString error;
    if (!buildWindow(&rig, journal.isEmpty() ? dir.filePath(QStringLiteral("gui.hkj")) : journal,
                     &error)) {
        std::fprintf(stderr, "gui latency: %s\n", qPrintable(error));
        return result;
    }
    // Big enough for some forty rows, so that painting and scrolling cost what they do on a
    // desktop; shown, so that the offscreen platform really paints into its backing store.
    rig.window->resize(1280, 900);
    rig.window->show();
    if (!spinUntil(
            [&] { return rig.window->windowHandle() && rig.window->windowHandle()->isExposed(); },
            5000)) {
        std::fprintf(stderr, "gui latency: the window was never exposed\n");
        return result;
    }
    if (sortColumn >= 0)
        rig.window->findChild<QTableView *>(QStringLiteral("captureTable"))
            ->sortByColumn(sortColumn, Qt::AscendingOrder);
    spinUntil([] { return false; }, 200); // first paint and layout, outside the measurement

    LoadPlan plan;
    plan.port = rig.listener()->port();
    plan.perSecond = deliveriesPerSecond;
    const auto span = kWarmUp + std::chrono::seconds(seconds);
    const qint64 total = qint64(deliveriesPerSecond) * (1 + seconds + 1); // a second to spare
    plan.requests.reserve(size_t(total));
    for (qint64 i = 0; i < total; ++i)
        plan.requests.push_back(renderRequest(int(i), plan.port));
    plan.start = Clock::now() + 50ms;
    plan.measureFrom = plan.start + kWarmUp;
    plan.end = plan.start + span;

    LoadCounters counters;
    auto probes = std::make_shared<ProbeLog>();
    std::thread load(runLoad, std::cref(plan), &counters);
    std::thread probe(runProbes, std::cref(plan), probes);

    // The GUI thread runs only its own event loop meanwhile, as in the application.
    QEventLoop loop;
    QTimer::singleShot(
        int(std::chrono::ceil<std::chrono::milliseconds>(plan.end - Clock::now()).count()), &loop,
        &QEventLoop::quit);
    loop.exec();
    probe.join(); // it stops posting at plan.end; joining it never waits on this thread
    // Probes still queued count too: their wait is part of the figure.
    const bool drained = spinUntil([&] { return probes->received == probes->posted; }, 60'000);
    spinUntil([&] { return counters.done.load(); }, 10'000);
    load.join();

    std::vector<qint64> &waits = probes->waitsNs;
    std::sort(waits.begin(), waits.end());
    result.probes = qint64(waits.size());
    result.p50Ms = percentileMs(waits, 0.50);
    result.p99Ms = percentileMs(waits, 0.99);
    result.maxMs = waits.empty() ? 0 : double(waits.back()) / 1e6;
    result.delivered = counters.answered;
    result.answered200 = counters.answered200;
    result.deliveredPerSecond = double(result.delivered) / seconds;
    result.ok = drained && !waits.empty();
    std::fprintf(stderr,
                 "gui latency: %lld probes, %lld requests sent, %lld answered (%lld 200s in the "
                 "measured %d s), %lld lost, %lld rows in the window, sending fell behind by "
                 "%.1f ms at most\n",
                 qint64(result.probes), qint64(counters.sent), qint64(counters.answeredTotal),
                 qint64(result.answered200), seconds, qint64(counters.lost),
                 qint64(rig.store().size()), double(counters.maxBehindUs) / 1000.0);
    rig.listener()->stop();
    return result;
}
