// SPDX-License-Identifier: MIT
#pragma once

#include "DeliveryAttempt.h"
#include "DeliveryOptions.h"
#include "capture/Capture.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>

class Deliverer;

// How a session is replayed: its pace, and chaos for idempotency testing, all of it reproducible
// from the seed.
struct ReplayOptions {
    double speed = 1.0;      // original spacing divided by this
    bool backToBack = false; // one after the other, each as soon as the previous is answered
    double duplicate = 0.0;  // share of deliveries sent a second time, right after the first
    int reorderWindow = 0;   // shuffle within windows of this many deliveries (0, 1: keep order)
    double drop = 0.0;       // share of deliveries left out
    quint32 seed = 0;
    DeliveryOptions delivery; // once, or like Hoox with retries; captured headers as they were
};

// One delivery of the plan.
struct ReplayItem {
    CapturePtr capture;
    qint64 atMs = 0;        // after the start
    bool duplicate = false; // the second sending of a capture
};

// The outcome of one planned delivery: its attempts (more than one when like Hoox).
struct ReplayResult {
    ReplayItem item;
    QList<DeliveryAttempt> attempts;
    bool delivered() const { return !attempts.isEmpty() && attempts.last().delivered(); }
};

struct ReplayReport {
    int planned = 0;
    int sent = 0;
    int delivered = 0; // 2xx
    int timeouts = 0;
    int dropped = 0;
    int duplicated = 0;
    bool cancelled = false;
    QList<ReplayResult> failures; // not 2xx in the end, by capture id
};

// Sends captured deliveries to the user's app as the plan says: at their original spacing
// (scaled), the captured headers and body byte for byte. Deliveries overlap when one takes
// longer than the gap to the next, as they would from Hoox; back to back, they never do. Lives on
// the thread that creates it, which needs an event loop.
class Replayer : public QObject {
    Q_OBJECT
public:
    explicit Replayer(QObject *parent = nullptr);
    ~Replayer() override;

    // The deliveries for `captures` (in arrival order) under `options`: the same seed gives
    // the same plan. `dropped` gets how many were left out.
    static QList<ReplayItem> plan(const QList<CapturePtr> &captures, const ReplayOptions &options,
                                  int *dropped = nullptr);

    void start(const QUrl &url, const QList<ReplayItem> &plan, const ReplayOptions &options,
               int dropped = 0);
    // Stops the deliveries in flight and what is still planned; finished() follows.
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void delivered(const ReplayResult &result, int done, int total);
    void finished(const ReplayReport &report);

private:
    void sendDue();
    void onFinished(Deliverer *deliverer, qsizetype index);
    void finish();

    QUrl m_url;
    ReplayOptions m_options;
    QList<ReplayItem> m_plan;
    qsizetype m_next = 0;
    int m_done = 0;
    QList<Deliverer *> m_inFlight;
    ReplayReport m_report;
    QElapsedTimer m_clock;
    QTimer m_timer;
    bool m_running = false;
};

Q_DECLARE_METATYPE(ReplayResult)
Q_DECLARE_METATYPE(ReplayReport)
