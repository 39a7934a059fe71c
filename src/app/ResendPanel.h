// SPDX-License-Identifier: MIT
#pragma once

#include "ReflowGrid.h"
#include "capture/Capture.h"
#include "delivery/DeliveryAttempt.h"
#include "delivery/DeliveryOptions.h"
#include "delivery/ForwardRoute.h"

#include <QList>
#include <QTimer>
#include <QUrl>
#include <QWidget>

#include <memory>

class AttemptLog;
class Deliverer;
class Forwarder;
class Listener;
namespace Ui {
class ResendPanel;
}

// The delivery panel: sends a payload to the user's app the way Hoox does (once, like Hoox
// with retries, or N times), resends captures in order, and drives live forwarding. Every
// attempt lands in the timeline with what the app answered. The window embeds it and feeds
// it the selected capture through setCapture().
class ResendPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr auto kDefaultTarget = "http://localhost:3000/webhook/hoox";

    // `forwarder` (may be null: no live forwarding) belongs to the session engine and must
    // outlive the panel.
    explicit ResendPanel(Forwarder *forwarder, QWidget *parent = nullptr);
    ~ResendPanel() override;

    QUrl targetUrl() const;
    QStringList targetHistory() const; // most recent first, for the window to keep
    void setTargetHistory(const QStringList &urls);
    // Hoox's schedule and timeout by default; tests pass milliseconds.
    void setDeliveryOptions(const DeliveryOptions &options);
    // The payload as it would go out now: the capture's bytes unless the body was edited.
    QByteArray body() const;
    bool isBusy() const;
    Forwarder *forwarder() const { return m_forwarder; }

public slots:
    void setCapture(const CapturePtr &capture);
    void sendOnce();
    void deliverLikeHoox();
    void sendTimes(int count);
    // Sends each capture once, in order: back to back, or spaced as they arrived.
    void resend(const QList<CapturePtr> &captures, bool keepOriginalSpacing);
    void cancel();

signals:
    void busyChanged(bool busy);
    // After each delivery of a run, and once more with the whole run.
    void deliveryFinished(bool delivered);
    void runFinished(int delivered, int total);
    // A live forward's result, for the capture table: "→ http://localhost:3000: 200 in 12 ms";
    // `slow` when the app answered later than Hoox waits, or not at all.
    // `status`: what the app answered, 0 when it did not (or the capture was not sent on).
    void forwarded(quint64 captureId, const QString &summary, const QString &cell, bool slow,
                   int status);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Job {
        QByteArray body;
        HttpHeaders headers;
        DeliveryOptions options;
        int waitMs = 0; // before this job starts
        QString label;
    };

    void setUpForm();
    void setUpRows();
    void setUpHeaders();
    void setUpForwarding();
    void showForwarding();
    void showRoutes(const QList<ForwardRoute> &routes);
    void setHeaders(const HttpHeaders &headers);
    HttpHeaders headers() const;
    void useTemplate();
    void validateBody();
    bool checkTarget();
    void rememberTarget();
    void setCurrentTarget(const QString &url);
    void startRun(QList<Job> jobs);
    void startNext();
    void onAttemptStarted(const DeliveryAttempt &attempt);
    void onAttemptFinished(const DeliveryAttempt &attempt);
    void onDeliveryFinished(bool delivered);
    void endRun();
    void setBusy(bool busy);
    void updateForwarding();
    void updateAnswer();
    void updateHold();
    void showForwardingStatus();
    void setForwardStatus(const QString &text, bool warn);

    std::unique_ptr<Ui::ResendPanel> m_ui;
    std::unique_ptr<Deliverer> m_deliverer;
    Forwarder *m_forwarder;
    DeliveryOptions m_options;
    QByteArray m_originalBody; // the capture's or template's bytes, sent while unedited
    QTimer m_validateTimer;
    QTimer m_spacingTimer;
    QList<Job> m_queue;
    AttemptLog *m_log = nullptr;
    QList<ReflowGrid> m_rows; // controls on one row each when the pane is wide enough
    QString m_currentLabel;
    bool m_busy = false;
};
