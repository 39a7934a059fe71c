// SPDX-License-Identifier: MIT
#include "Replayer.h"

#include "Deliverer.h"
#include "DeliveryRequest.h"

#include <algorithm>
#include <random>

namespace {

// Uniform in [0, 1): the same sequence from the same seed on every platform, unlike
// std::uniform_real_distribution.
double unit(std::mt19937 &rng)
{
    return double(rng()) / 4294967296.0;
}

} // namespace

Replayer::Replayer(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<ReplayResult>();
    qRegisterMetaType<ReplayReport>();
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Replayer::sendDue);
}

Replayer::~Replayer()
{
    m_running = false;
    qDeleteAll(m_inFlight);
}

QList<ReplayItem> Replayer::plan(const QList<CapturePtr> &captures, const ReplayOptions &o,
                                 int *dropped)
{
    std::mt19937 rng(o.seed);
    // The time slots stay where the session had them; reordering moves captures between
    // slots, within each window.
    QList<qint64> timeSlots;
    QList<CapturePtr> kept;
    int left = 0;
    const qint64 first = captures.isEmpty() ? 0 : captures.first()->receivedAtMs;
    for (const CapturePtr &c : captures) {
        // One draw for each decision, always made, so that changing one share leaves the
        // others' choices as they were.
        const bool drop = unit(rng) < o.drop;
        if (drop) {
            ++left;
            continue;
        }
        kept.append(c);
        const qint64 gap = c->receivedAtMs - first;
        timeSlots.append(o.backToBack ? 0 : qint64(double(qMax<qint64>(0, gap)) / o.speed));
    }
    if (o.reorderWindow > 1) {
        for (qsizetype start = 0; start < kept.size(); start += o.reorderWindow) {
            const qsizetype end = qMin(kept.size(), start + o.reorderWindow);
            std::shuffle(kept.begin() + start, kept.begin() + end, rng);
        }
    }
    QList<ReplayItem> items;
    for (qsizetype i = 0; i < kept.size(); ++i) {
        items.append({kept.at(i), timeSlots.at(i), false});
        if (unit(rng) < o.duplicate)
            items.append({kept.at(i), timeSlots.at(i), true});
    }
    if (dropped)
        *dropped = left;
    return items;
}

void Replayer::start(const QUrl &url, const QList<ReplayItem> &plan, const ReplayOptions &options,
                     int dropped)
{
    cancel();
    m_url = url;
    m_options = options;
    m_plan = plan;
    m_next = 0;
    m_done = 0;
    m_report = {};
    m_report.planned = int(plan.size());
    m_report.dropped = dropped;
    m_report.duplicated = int(
        std::count_if(plan.cbegin(), plan.cend(), [](const ReplayItem &i) { return i.duplicate; }));
    m_running = true;
    m_clock.start();
    if (m_plan.isEmpty()) {
        QMetaObject::invokeMethod(this, &Replayer::finish, Qt::QueuedConnection);
        return;
    }
    sendDue();
}

void Replayer::cancel()
{
    if (!m_running)
        return;
    m_timer.stop();
    m_report.cancelled = true;
    // Each cancel reports finished(false) through onFinished, which counts it.
    const QList<Deliverer *> inFlight = m_inFlight;
    for (Deliverer *d : inFlight)
        d->cancel();
    m_next = m_plan.size();
    finish();
}

// Sends every delivery whose time has come, then sleeps until the next one's. Times are
// offsets from one clock, so that a late wake-up does not push the rest back.
void Replayer::sendDue()
{
    const qint64 now = m_clock.elapsed();
    while (m_next < m_plan.size() && m_plan.at(m_next).atMs <= now &&
           !(m_options.backToBack && !m_inFlight.isEmpty())) {
        const qsizetype index = m_next++;
        const Capture &c = *m_plan.at(index).capture;
        auto *d = new Deliverer(this);
        m_inFlight.append(d);
        connect(d, &Deliverer::finished, this, [this, d, index] { onFinished(d, index); });
        DeliveryOptions options = m_options.delivery;
        options.addHooxHeaders = false; // the captured headers, as they came
        d->deliver(m_url, c.body, DeliveryRequest::capturedHeaders(c.headers), options);
        ++m_report.sent;
    }
    if (m_next < m_plan.size() && !m_options.backToBack)
        m_timer.start(int(qMax<qint64>(0, m_plan.at(m_next).atMs - m_clock.elapsed())));
}

void Replayer::onFinished(Deliverer *d, qsizetype index)
{
    m_inFlight.removeOne(d);
    d->deleteLater();
    ReplayResult r;
    r.item = m_plan.at(index);
    r.attempts = d->attempts();
    if (r.delivered()) {
        ++m_report.delivered;
    } else {
        m_report.failures.append(r);
        if (!r.attempts.isEmpty() && r.attempts.last().timedOut)
            ++m_report.timeouts;
    }
    ++m_done;
    emit delivered(r, m_done, int(m_plan.size()));
    if (m_running && m_options.backToBack && !m_report.cancelled)
        sendDue(); // the next one, now that this one is done
    if (m_running && m_next >= m_plan.size() && m_inFlight.isEmpty() && !m_report.cancelled)
        finish();
}

void Replayer::finish()
{
    if (!m_running)
        return;
    m_running = false;
    std::sort(m_report.failures.begin(), m_report.failures.end(),
              [](const ReplayResult &a, const ReplayResult &b) {
                  return a.item.capture->id < b.item.capture->id;
              });
    emit finished(m_report);
}
