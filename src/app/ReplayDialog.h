// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Capture.h"
#include "delivery/DeliveryOptions.h"
#include "delivery/ForwardRoute.h"
#include "delivery/Replayer.h"
#include "query/Query.h"

#include <QDialog>
#include <QList>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>
#include <utility>

namespace Ui {
class ReplayDialog;
}

// File → Replay…: the window's `hookscope replay`. Sends captured deliveries (all, the
// selection, or those matching a filter expression) to the user's app at their original
// spacing scaled by a speed, or back to back; with duplicates, reordering and drops that the
// seed reproduces; once or like Hoox. Lists each delivery's answer as it comes, then the report.
// The replay runs on this dialog's thread, whose event loop carries its network traffic.
class ReplayDialog : public QDialog {
    Q_OBJECT
public:
    enum class Scope { All, Selection, Filter };
    // Hands the captures of `scope` to `deliver`, now or later (the window reads them back from
    // the journal as a job); `filter` holds the parsed filter for Scope::Filter, else
    // nothing. Called at Start; `deliver` may be called after the dialog is gone.
    using CaptureSink = std::function<void(QList<CapturePtr> captures, const QString &error)>;
    using CaptureProvider =
        std::function<void(Scope scope, const Query &filter, const CaptureSink &deliver)>;

    ReplayDialog(const QUrl &target, int selectedCount, CaptureProvider provider,
                 QWidget *parent = nullptr);
    ~ReplayDialog() override;

    // Retry schedule and timeout (Hoox's by default; tests pass milliseconds). The checkbox
    // decides likeHoox.
    void setDeliveryOptions(const DeliveryOptions &options);
    bool isRunning() const;

    void reject() override; // cancels a replay first

public slots:
    void start();
    void cancel();

signals:
    // After each replay, cancelled or not; `seed` is the one it used.
    void replayFinished(const ReplayReport &report, quint32 seed);

private:
    struct Run {
        QUrl url;
        Query filter;
        ReplayOptions options;
    };

    void setUpFilter();
    void setUpChaos();
    bool readForm(Run *run, QString *problem) const;
    bool readFilter(Query *filter, QString *problem) const;
    bool readSeed(quint32 *seed, QString *problem) const;
    Scope scope() const;
    QString nothingToReplay() const;
    void showFilterProblem();
    void setRunning(bool running);
    void begin(const Run &run, QList<CapturePtr> captures, const QString &error);
    void onDelivered(const ReplayResult &result, int done, int total);
    void flushResults();
    void onFinished(const ReplayReport &report);

    std::unique_ptr<Ui::ReplayDialog> m_ui;
    std::unique_ptr<Replayer> m_replayer; // after m_ui: goes first, silently
    CaptureProvider m_provider;
    quint64 m_reading = 0; // the captures asked for at the last Start; 0 when none are awaited
    quint64 m_readCount = 0;
    DeliveryOptions m_delivery;
    quint32 m_seed = 0; // the running or last replay's
    int m_lastReorder = 0;
    QList<std::pair<QString, bool>> m_pending; // lines not yet in the list, and delivered
    QTimer m_flushTimer;
    QTimer m_filterTimer;
};
