// SPDX-License-Identifier: MIT
#pragma once

#include "DeliveryAttempt.h"
#include "capture/Capture.h"
#include "listener/ResponseRule.h"

#include <QHash>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>
#include <optional>

class Listener;
class QNetworkReply;

// Live forwarding, like `stripe listen --forward-to`: every request the listener accepts is
// sent on to the user's app, with the captured headers minus hop-by-hop fields and the body
// byte for byte. Hoox is answered either with the app's own answer (an app that fails or is
// down makes Hoox retry: unreachable gives 502) or at once with the listener's rule (200)
// while the forward runs in the background.
//
// Threads: a Forwarder lives on the thread that creates it, which needs an event loop (the
// GUI thread in the app) and must not be the listener's network thread. The listener calls
// the answerer on its network thread; the answerer only queues the request to this thread,
// where the forward is sent and the results are signalled. In AppAnswer mode Hoox's answer
// therefore waits for this thread too. Only one answerer can be installed on a Listener.
//
// The listener journals each request before it asks the answerer, so every forward knows the id
// of its capture from the start, and its result is reported under that id.
class Forwarder : public QObject {
    Q_OBJECT
public:
    enum class AnswerMode {
        AppAnswer,  // answer Hoox with the app's status and body; 502 when unreachable
        RuleAnswer, // answer Hoox per the listener's rule at once, forward in the background
    };
    Q_ENUM(AnswerMode)

    // Leaves Hoox time to receive our 502 before its own 10 s run out.
    static constexpr int kDefaultTimeoutMs = 9000;

    // `listener` must outlive start(); it may be destroyed earlier if stop() was called.
    explicit Forwarder(Listener *listener, QObject *parent = nullptr);
    ~Forwarder() override;

    void setTarget(const QUrl &url) { m_target = url; }
    QUrl target() const { return m_target; }
    void setAnswerMode(AnswerMode mode);
    AnswerMode answerMode() const { return m_mode; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // Installs/removes this as the listener's answerer. Forwards in flight still finish.
    void start();
    void stop();
    bool isActive() const { return m_active; }

    // The forward of capture `captureId` (status, latency, error; no body), if it had one.
    std::optional<DeliveryAttempt> resultFor(quint64 captureId) const;
    // "forwarded → 200 in 12 ms", "forward failed: connection refused".
    static QString summary(const DeliveryAttempt &attempt);

signals:
    // One per forwarded request, when the app's answer (or the failure) is in; `captureId` is
    // the id of the capture the listener emits for the same delivery.
    void forwarded(quint64 captureId, const DeliveryAttempt &attempt);
    void activeChanged(bool active);

private:
    struct Job;
    struct Gate;

    void drainInbox();
    void send(const std::shared_ptr<Job> &job);
    void onReplyFinished(const std::shared_ptr<Job> &job, QNetworkReply *reply);
    ResponseAnswer appAnswer(const DeliveryAttempt &attempt) const;

    QPointer<Listener> m_listener;
    std::shared_ptr<Gate> m_gate;
    QNetworkAccessManager m_manager;
    QUrl m_target;
    AnswerMode m_mode = AnswerMode::AppAnswer;
    int m_timeoutMs = kDefaultTimeoutMs;
    bool m_active = false;
    QHash<QNetworkReply *, std::shared_ptr<Job>> m_inFlight;
    QHash<quint64, DeliveryAttempt> m_results;
};
