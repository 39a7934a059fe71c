// SPDX-License-Identifier: MIT
#pragma once

#include "DeliveryAttempt.h"
#include "ForwardLog.h"
#include "ForwardRoute.h"
#include "capture/Capture.h"
#include "listener/ResponseRule.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <map>
#include <memory>

class Listener;
class QNetworkAccessManager;
class QNetworkReply;

// What live forwarding does, changed as one value.
struct ForwardSettings {
    enum class Answer {
        App,  // answer Hoox with the app's status and body; 502 when it fails to answer in time
        Rule, // answer Hoox at once with the listener's rule, forward in the background
    };

    QUrl fallback;              // where a capture no route matches goes; empty: nowhere
    QList<ForwardRoute> routes; // the first that matches chooses
    Answer answer = Answer::App;
    // Answer Hoox at once with the rule and keep each forward until release() or drop().
    bool hold = false;

    bool forwardsAnywhere() const { return !fallback.isEmpty() || !routes.isEmpty(); }
};

// What became of one capture's forward.
struct ForwardOutcome {
    enum class State {
        NotRouted, // no route matched and there is no fallback: answered per the rule
        Held,      // acknowledged, waiting for release() or drop()
        Sent,      // the app answered, or failed to: see `attempt`
        Dropped,   // released never: dropped while held
    };

    quint64 captureId = 0;
    CapturePtr capture; // as journaled, with the answer Hoox got
    State state = State::NotRouted;
    QUrl target;
    DeliveryAttempt attempt; // when Sent
    quint32 hooxAttempt = 1; // which of Hoox's attempts the capture was: for the retry it implies
    qint64 waitedMs = 0;     // how long the app was given; attempt.timedOut when it used it all

    // In words, for the table, the payload header and the terminal:
    // "→ http://localhost:3000/webhook: 200 in 12 ms", "held: release 12 or drop 12", …
    QString summary() const;
    // In a few words, for the table's Forwarded column: "200", "200 late", "timed out",
    // "not reachable", "held", "dropped", "no route".
    QString cell() const;
    // What Hoox would have made of the app's answer when it came too late or not at all, e.g.
    // "your app answered in 11.4 s: Hoox would have timed out at 10 s and retried after 1 s";
    // empty when the app answered within Hoox's 10 s.
    QString slowWarning() const;
};

// A forward that has not ended: held, or sent and awaited, for the window's Held list.
struct PendingForward {
    quint64 captureId = 0;
    qint64 receivedAtMs = 0;
    QString task;
    QString status;
    QUrl target;
    bool held = false; // else in flight to the app
    // While Hoox still waits for the app's answer (in flight, answered "with the app's"): when
    // HookScope answers it instead (ms since the epoch). 0 once Hoox has its answer.
    qint64 hooxDeadlineMs = 0;
};

Q_DECLARE_METATYPE(ForwardOutcome)
Q_DECLARE_METATYPE(PendingForward)

// Live forwarding, like `stripe listen --forward-to`: every request the listener accepts is
// sent on to the user's app (the first matching route's URL, else the fallback), with the
// captured headers minus hop-by-hop fields and the body byte for byte. Hoox is answered either
// with the app's own answer (502 with the reason when the app fails to answer in time), or at
// once with the listener's rule while the forward runs; or, holding, at once while the forward
// waits for release(): a handler paused at a breakpoint then no longer makes Hoox retry.
//
// The app gets longer than Hoox would wait (kAppWaitMs), so that a slow handler is named with
// its real latency; Hoox's own answer never waits past kHooxAnswerMs.
//
// Threads: the session engine gives the forwarder a thread of its own; the listener calls the
// answerer on its network thread, which chooses the route, holds, or queues the forward to the
// forwarder's thread. Every public method may be called from any thread; the signals are
// emitted on the forwarder's thread. Only one answerer can be installed on a Listener.
class Forwarder : public QObject {
    Q_OBJECT
public:
    // Leaves Hoox time to receive our 502 before its own 10 s run out.
    static constexpr int kHooxAnswerMs = 9000;
    // How long a forward waits for the app, well past Hoox's 10 s.
    static constexpr int kAppWaitMs = 60'000;

    // `listener` must outlive start(); it may be destroyed earlier if stop() was called.
    explicit Forwarder(Listener *listener, QObject *parent = nullptr);
    ~Forwarder() override;

    void setSettings(const ForwardSettings &settings);
    // Changes some of the settings in one step, so that two threads changing different fields
    // never undo each other's change.
    void changeSettings(const std::function<void(ForwardSettings &)> &change);
    ForwardSettings settings() const;
    // For tests: shorter waits than Hoox's.
    void setTimeouts(int hooxAnswerMs, int appWaitMs);

    // Installs/removes this as the listener's answerer. Forwards in flight and held ones stay.
    void start();
    void stop();
    bool isActive() const;

    // Keeps held forwards in the log beside `journalPath`, and takes up those a previous run
    // left there (read back from the journal): pending() lists them when this returns, no
    // outcome() tells of them until they are released or dropped. Call again when the
    // session's journal changes; what the previous one held stays in its log.
    bool openLog(const QString &journalPath, QString *error);

    // Sends held forwards: one (0: the oldest), or all in arrival order. Dropping discards.
    void release(quint64 captureId = 0);
    void releaseAll();
    void drop(quint64 captureId = 0);
    void dropAll();
    // Held and in-flight forwards, oldest first.
    QList<PendingForward> pending() const;

signals:
    // One or more per capture the answerer saw: NotRouted, or Held and later Sent or Dropped,
    // or Sent.
    void outcome(const ForwardOutcome &outcome);
    void pendingChanged();
    void activeChanged(bool active);
    // The log beside the journal could not be written: a hold, a release or a drop, in words.
    void logFailed(const QString &error);

private:
    struct Job;
    struct Gate;

    void drainInbox();
    void send(const std::shared_ptr<Job> &job);
    void onReplyFinished(const std::shared_ptr<Job> &job, QNetworkReply *reply);
    void answerHooxNow(const std::shared_ptr<Job> &job);
    void takeUpLogged();
    // The held forward of `captureId` (0: the oldest), no longer held; null when none is.
    std::shared_ptr<Job> takeHeld(quint64 captureId);
    void releaseHeld(const std::shared_ptr<Job> &job);
    void dropHeld(const std::shared_ptr<Job> &job);
    static ForwardOutcome outcomeOf(const Job &job, ForwardOutcome::State state);
    void publishPending();

    QPointer<Listener> m_listener;
    std::shared_ptr<Gate> m_gate;
    QNetworkAccessManager *m_manager;
    QHash<QNetworkReply *, std::shared_ptr<Job>> m_inFlight;
    std::map<quint64, std::shared_ptr<Job>> m_held; // by capture id: arrival order
};
