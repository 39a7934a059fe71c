// SPDX-License-Identifier: MIT
#pragma once

#include "DeliveryAttempt.h"
#include "hoox/RetrySchedule.h"
#include "http/HttpHeaders.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

// How `hookscope check` grades an endpoint.
struct CheckOptions {
    QStringList only; // scenario names or groups ("deliveries", "malformed/empty-body"); all
    int timeoutMs = RetrySchedule::kTimeoutMs;
    bool expectSenderCheck = false; // also run the sender scenarios: expect 401 or 403
    int latencyCount = 20;
    int concurrency = 20;
    int retryGapMs = RetrySchedule::kDelaysMs[0];
};

// One request of a scenario and what the endpoint made of it.
struct CheckShot {
    QString label; // "first", "duplicate", "retry 1 s later", …
    QByteArray body;
    HttpHeaders headers;
    DeliveryAttempt attempt;
};

// The grade of one scenario.
struct CheckResult {
    enum class Verdict { Pass, Warn, Fail };

    QString name;        // "deliveries/video_generate.completed", "duplicates", …
    QString group;       // "deliveries", "duplicates", "order", "unknown-task", "malformed", …
    QString expectation; // what a good receiver does, in words
    Verdict verdict = Verdict::Pass;
    QString answer;       // "200", "200 200 200", "p50 3 ms, p99 12 ms"
    qint64 latencyMs = 0; // the slowest answer
    // For a warning or a failure: what went wrong, what Hoox would do next and why it matters.
    QString reason;
    QList<CheckShot> shots;

    static QString verdictName(Verdict v); // "pass", "warn", "fail"
};

Q_DECLARE_METATYPE(CheckResult)

// Runs the Hoox contract scenarios against the user's endpoint, one after the other, each
// delivery made exactly as Hoox makes it (POST, Hoox's headers, the timeout), and grades each.
// Lives on the thread that creates it, which needs an event loop.
class EndpointCheck : public QObject {
    Q_OBJECT
public:
    explicit EndpointCheck(QObject *parent = nullptr);
    ~EndpointCheck() override;

    // Every scenario's name and group, in the order they run.
    struct Scenario;
    static QList<std::pair<QString, QString>> catalogue(bool withSenderCheck);
    // Whether each entry of `only` names a scenario or a group; *error names the first that
    // does not.
    static bool validOnly(const QStringList &only, bool withSenderCheck, QString *error);

    void start(const QUrl &url, const CheckOptions &options = {});
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void scenarioFinished(const CheckResult &result, int done, int total);
    // `unreachable` is empty when the endpoint answered at all; else why nothing could be
    // delivered (the first scenario's error, in words), and the check stopped there.
    void finished(const QList<CheckResult> &results, const QString &unreachable);

private:
    void runScenario();
    void runStep();
    void sendShot(qsizetype index);
    void onShotFinished(qsizetype index, QNetworkReply *reply, bool timedOut, qint64 latencyMs);
    void finishScenario();

    QUrl m_url;
    CheckOptions m_options;
    QList<std::shared_ptr<Scenario>> m_scenarios;
    QList<CheckResult> m_results;
    qsizetype m_current = 0;
    qsizetype m_step = 0;
    int m_waiting = 0;                         // shots of the current step still in flight
    QList<QNetworkAccessManager *> m_managers; // one per shot in flight: no connection limit
    QList<QNetworkReply *> m_replies;
    QTimer m_stepTimer;
    quint64 m_generation = 0;
    bool m_running = false;
};
