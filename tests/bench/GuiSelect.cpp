// SPDX-License-Identifier: MIT
#include "GuiSelect.h"

#include "PayloadView.h"
#include "hoox/HooxClassifier.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <ctime>

namespace {

qint64 rssKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

CapturePtr hostile(QByteArray body)
{
    auto c = std::make_shared<Capture>();
    c->id = 1;
    c->method = "POST";
    c->target = "/webhook/hoox";
    c->body = std::move(body);
    c->hoox = HooxClassifier::classify(c->method, c->headers, c->body);
    return c;
}

QByteArray millionKeys()
{
    QByteArray body = "{";
    body.reserve(17 * 1024 * 1024);
    for (int i = 0; i < 1'000'000; ++i)
        body += "\"k" + QByteArray::number(i) + "\":" + QByteArray::number(i) + ',';
    body.back() = '}';
    return body;
}

double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

// Milliseconds from the selection until the view has painted it.
double select(PayloadView &view, const CapturePtr &capture, HostileSelectResult &r)
{
    view.setCapture(nullptr);
    QCoreApplication::sendPostedEvents();
    const qint64 before = rssKiB();
    const double cpuBefore = threadCpuMs();
    QElapsedTimer t;
    t.start();
    view.setCapture(capture);
    view.repaint();
    QCoreApplication::sendPostedEvents();
    const double ms = double(t.nsecsElapsed()) / 1e6;
    r.maxCpuMs = std::max(r.maxCpuMs, threadCpuMs() - cpuBefore);
    r.maxRssGrowthMiB = std::max(r.maxRssGrowthMiB, double(rssKiB() - before) / 1024.0);
    return ms;
}

} // namespace

HostileSelectResult measureSelectHostile()
{
    const CapturePtr string = hostile('"' + QByteArray(30 * 1024 * 1024, 'a') + '"');
    const CapturePtr keys = hostile(millionKeys());
    const CapturePtr nesting = hostile(QByteArray(500'000, '[') + QByteArray(500'000, ']'));
    PayloadView view;
    view.resize(1000, 700);
    view.show();
    HostileSelectResult r;
    r.stringMs = select(view, string, r);
    r.keysMs = select(view, keys, r);
    r.nestingMs = select(view, nesting, r);
    return r;
}
