// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

// Runs the event loop until `done` holds or `timeoutMs` has passed; true when it held.
inline bool spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() >= timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

// Measures how long the GUI thread keeps an input waiting while something runs: a thread posts
// a stamped event to the GUI thread every millisecond, and the GUI thread notes how long each
// sat in its queue (the same probe as GuiLatency.cpp's, for work without a fixed schedule).
class GuiProbe {
public:
    using Clock = std::chrono::steady_clock;

    void start()
    {
        m_log = std::make_shared<Log>();
        m_stop = false;
        m_thread = std::thread([this, log = m_log] {
            Clock::time_point next = Clock::now();
            while (!m_stop) {
                next += std::chrono::milliseconds(1);
                std::this_thread::sleep_until(next);
                const Clock::time_point posted = Clock::now();
                next = std::max(next, posted - std::chrono::microseconds(500));
                ++log->posted;
                QMetaObject::invokeMethod(
                    qApp,
                    [log, posted] {
                        ++log->received;
                        log->waitsNs.push_back((Clock::now() - posted).count());
                    },
                    Qt::QueuedConnection);
            }
        });
    }

    // Stops posting; the caller then runs the event loop until drained() so that the probes
    // still queued count too.
    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    bool drained() const { return m_log->received == m_log->posted; }

    double percentileMs(double p)
    {
        std::vector<qint64> &w = m_log->waitsNs;
        if (w.empty())
            return 0;
        std::sort(w.begin(), w.end());
        const size_t rank = size_t(std::ceil(p * double(w.size())));
        return double(w[std::clamp<size_t>(rank, 1, w.size()) - 1]) / 1e6;
    }
    qint64 samples() const { return qint64(m_log->waitsNs.size()); }

private:
    struct Log {
        std::atomic<qint64> posted{0};
        qint64 received = 0; // GUI thread only
        std::vector<qint64> waitsNs;
    };
    std::shared_ptr<Log> m_log;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};
