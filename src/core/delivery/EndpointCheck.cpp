// SPDX-License-Identifier: MIT
#include "EndpointCheck.h"

#include "DeliveryRequest.h"
#include "hoox/RetrySchedule.h"
#include "hoox/Templates.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <algorithm>

namespace {

// Past this an answer is within Hoox's timeout but with little margin: a warning.
constexpr qint64 kLatencyWarnMs = 2000;

// This file's messages, under the catalogue context "EndpointCheck" (lupdate reads it here).
struct EndpointCheckTr {
    Q_DECLARE_TR_FUNCTIONS(EndpointCheck)
};

// What Hoox does after an attempt that failed.
// "1 s, 2 s and 4 s", from Hoox's schedule.
QString retryDelays()
{
    QStringList delays;
    for (int ms : RetrySchedule::kDelaysMs)
        delays << DeliveryRequest::durationText(ms);
    const QString last = delays.takeLast();
    return EndpointCheckTr::tr("%1 and %2").arg(delays.join(QStringLiteral(", ")), last);
}

QString hooxRetries()
{
    return EndpointCheckTr::tr("Hoox retries after %1, then gives up").arg(retryDelays());
}

// Why a delivery that should have been taken was not, and what follows, in words.
QString failureWords(const DeliveryAttempt &a, int timeoutMs)
{
    if (a.timedOut)
        return EndpointCheckTr::tr(
                   "no answer within %1: Hoox counts that as a failure and retries after %2, "
                   "then gives up; each retry is the same delivery again, processed again if your "
                   "handler got that far")
            .arg(DeliveryRequest::durationText(timeoutMs), retryDelays());
    if (a.status == 0)
        return EndpointCheckTr::tr("not delivered (%1): %2, and the result never reaches your app")
            .arg(a.error, hooxRetries());
    if (a.status >= 300 && a.status < 400)
        return EndpointCheckTr::tr(
                   "%1: Hoox does not follow redirects; %2. Give the final URL as webhook_url")
            .arg(a.error, hooxRetries());
    if (!a.error.isEmpty())
        return EndpointCheckTr::tr("%1: %2").arg(a.error, hooxRetries());
    return EndpointCheckTr::tr("answered %1: %2, and this result would be lost to your app")
        .arg(a.status)
        .arg(hooxRetries());
}

QByteArray withFields(const QByteArray &body, const QJsonObject &changes,
                      const QStringList &remove = {})
{
    QJsonObject o = QJsonDocument::fromJson(body).object();
    for (auto it = changes.begin(); it != changes.end(); ++it)
        o.insert(it.key(), it.value());
    for (const QString &key : remove)
        o.remove(key);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString jobIdOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object().value(QStringLiteral("job_id")).toString();
}

// A delivery with Hoox's headers, one of them replaced when `name` is given.
CheckShot shot(const QString &label, const QByteArray &body, const QByteArray &name = {},
               const QByteArray &value = {})
{
    CheckShot s;
    s.label = label;
    s.body = body;
    HttpHeaders changed;
    if (!name.isEmpty())
        changed.append(name, value);
    s.headers = DeliveryRequest::merged(DeliveryRequest::hooxHeaders(), changed);
    return s;
}

} // namespace

struct EndpointCheck::Scenario {
    struct Step {
        int delayMs = 0; // before the step's shots go out, all at once
        QList<CheckShot> shots;
    };
    QString name;
    QString group;
    QString expectation;
    QList<Step> steps;
    std::function<void(CheckResult &, int timeoutMs)> judge;
    // Stop at the first shot not answered 2xx: the verdict is known, the rest would only wait.
    bool stopAtFailure = false;
};

namespace {

using Scenario = EndpointCheck::Scenario;

// Every shot answered 2xx within the timeout; `what` says what the failure means here.
void expectAccepted(CheckResult &r, int timeoutMs, const QString &what = {})
{
    for (const CheckShot &s : std::as_const(r.shots)) {
        if (s.attempt.delivered())
            continue;
        r.verdict = CheckResult::Verdict::Fail;
        r.reason = (r.shots.size() > 1 ? s.label + QStringLiteral(": ") : QString()) +
                   failureWords(s.attempt, timeoutMs) + (what.isEmpty() ? QString() : u' ' + what);
        return;
    }
}

// A bad body may be refused (4xx), never crash the handler (5xx) or hang it.
void expectNoCrash(CheckResult &r, int timeoutMs)
{
    const DeliveryAttempt &a = r.shots.first().attempt;
    if (a.delivered() || (a.status >= 400 && a.status < 500 && a.error.isEmpty()))
        return;
    r.verdict = CheckResult::Verdict::Fail;
    if (a.status >= 500)
        r.reason = EndpointCheckTr::tr(
                       "answered %1: your handler fails on this body instead of refusing it (a "
                       "crash is a bug to fix); %2, failing each time")
                       .arg(a.status)
                       .arg(hooxRetries());
    else
        r.reason = failureWords(a, timeoutMs);
}

QList<std::shared_ptr<Scenario>> buildScenarios(const CheckOptions &o)
{
    QList<std::shared_ptr<Scenario>> all;
    const auto add = [&all](const QString &name, const QString &group, const QString &expectation,
                            QList<Scenario::Step> steps,
                            std::function<void(CheckResult &, int)> judge) {
        auto s = std::make_shared<Scenario>();
        s->name = name;
        s->group = group;
        s->expectation = expectation;
        s->steps = std::move(steps);
        s->judge = std::move(judge);
        all.append(s);
    };
    const auto accepted = [](const QString &what) {
        return [what](CheckResult &r, int timeoutMs) { expectAccepted(r, timeoutMs, what); };
    };

    for (const QString &t : Templates::names()) {
        add(QStringLiteral("deliveries/") + t, QStringLiteral("deliveries"),
            EndpointCheckTr::tr("2xx within %1").arg(DeliveryRequest::durationText(o.timeoutMs)),
            {{0, {shot(EndpointCheckTr::tr("delivery"), Templates::render(t))}}}, accepted({}));
    }

    const QByteArray same = Templates::render(QStringLiteral("video_generate.completed"));
    add(QStringLiteral("duplicates"), QStringLiteral("duplicates"),
        EndpointCheckTr::tr("2xx to the same delivery twice, and to its retry 1 s later"),
        {{0, {shot(EndpointCheckTr::tr("first"), same)}},
         {0, {shot(EndpointCheckTr::tr("duplicate"), same)}},
         {o.retryGapMs, {shot(EndpointCheckTr::tr("retry 1 s later"), same)}}},
        accepted(EndpointCheckTr::tr(
            "The Hoox page asks receivers to answer 200 to a delivery they already "
            "have, so that Hoox stops sending it.")));

    const QByteArray completed = Templates::render(QStringLiteral("video_export.completed"));
    const QByteArray failedAfter =
        withFields(Templates::render(QStringLiteral("video_export.failed")),
                   {{QStringLiteral("job_id"), jobIdOf(completed)}});
    add(QStringLiteral("order/failed-after-completed"), QStringLiteral("order"),
        EndpointCheckTr::tr("2xx to a failed result for a job after its completed one"),
        {{0, {shot(EndpointCheckTr::tr("completed"), completed)}},
         {0, {shot(EndpointCheckTr::tr("failed, same job"), failedAfter)}}},
        accepted(EndpointCheckTr::tr(
            "Deliveries can arrive in any order; a handler must not fail on a state it "
            "did not expect.")));
    const QByteArray failed = Templates::render(QStringLiteral("video_generate.failed"));
    const QByteArray completedAfter =
        withFields(Templates::render(QStringLiteral("video_generate.completed")),
                   {{QStringLiteral("job_id"), jobIdOf(failed)}});
    add(QStringLiteral("order/completed-after-failed"), QStringLiteral("order"),
        EndpointCheckTr::tr("2xx to a completed result for a job after its failed one"),
        {{0, {shot(EndpointCheckTr::tr("failed"), failed)}},
         {0, {shot(EndpointCheckTr::tr("completed, same job"), completedAfter)}}},
        accepted(EndpointCheckTr::tr(
            "Deliveries can arrive in any order; a handler must not fail on a state it "
            "did not expect.")));

    add(QStringLiteral("unknown-task"), QStringLiteral("unknown-task"),
        EndpointCheckTr::tr("2xx to a task the Hoox page does not list"),
        {{0,
          {shot(EndpointCheckTr::tr("video_translate"),
                withFields(Templates::render(QStringLiteral("video_generate.completed")),
                           {{QStringLiteral("task"), QStringLiteral("video_translate")}}))}}},
        accepted(EndpointCheckTr::tr(
            "Hoox may add tasks; the page's own receiver warns and answers 200.")));

    const QString noCrash = EndpointCheckTr::tr("no 5xx and no timeout (2xx or 4xx)");
    const QList<std::pair<QString, CheckShot>> malformed = {
        {QStringLiteral("malformed/not-json"),
         shot(EndpointCheckTr::tr("not JSON"), QByteArrayLiteral("this is not JSON {"))},
        {QStringLiteral("malformed/text-plain"),
         shot(EndpointCheckTr::tr("JSON sent as text/plain"),
              Templates::render(QStringLiteral("video_generate.completed")),
              QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain"))},
        {QStringLiteral("malformed/missing-job-id"),
         shot(EndpointCheckTr::tr("no job_id"),
              withFields(Templates::render(QStringLiteral("video_generate.completed")), {},
                         {QStringLiteral("job_id")}))},
        {QStringLiteral("malformed/missing-look-id"),
         shot(EndpointCheckTr::tr("no look_id"),
              withFields(Templates::render(QStringLiteral("avatar_create.completed")), {},
                         {QStringLiteral("look_id")}))},
        {QStringLiteral("malformed/empty-body"),
         shot(EndpointCheckTr::tr("empty body"), QByteArray())},
    };
    for (const auto &[name, s] : malformed)
        add(name, QStringLiteral("malformed"), noCrash, {{0, {s}}}, expectNoCrash);

    QList<Scenario::Step> inARow;
    for (int i = 0; i < o.latencyCount; ++i)
        inARow.append({0,
                       {shot(EndpointCheckTr::tr("delivery %1").arg(i + 1),
                             Templates::render(QStringLiteral("video_generate.completed")))}});
    add(QStringLiteral("latency"), QStringLiteral("latency"),
        EndpointCheckTr::tr("%1 deliveries in a row, each within %2 (%3 at most)")
            .arg(o.latencyCount)
            .arg(DeliveryRequest::durationText(kLatencyWarnMs),
                 DeliveryRequest::durationText(o.timeoutMs)),
        inARow, [](CheckResult &r, int timeoutMs) {
            QList<qint64> latencies;
            for (const CheckShot &s : std::as_const(r.shots))
                latencies.append(s.attempt.latencyMs);
            std::sort(latencies.begin(), latencies.end());
            const auto at = [&latencies](double q) {
                return latencies.at(qMin(latencies.size() - 1, qsizetype(q * latencies.size())));
            };
            r.answer = EndpointCheckTr::tr("p50 %1, p99 %2")
                           .arg(DeliveryRequest::durationText(at(0.5)),
                                DeliveryRequest::durationText(at(0.99)));
            expectAccepted(r, timeoutMs);
            if (r.verdict == CheckResult::Verdict::Pass && latencies.last() > kLatencyWarnMs) {
                r.verdict = CheckResult::Verdict::Warn;
                r.reason = EndpointCheckTr::tr(
                               "the slowest answer took %1: within Hoox's %2 s, but little "
                               "margin for a slow database or a cold start")
                               .arg(DeliveryRequest::durationText(latencies.last()))
                               .arg(RetrySchedule::kTimeoutMs / 1000);
            }
        });
    all.last()->stopAtFailure = true;

    QList<CheckShot> atOnce;
    for (int i = 0; i < o.concurrency; ++i)
        atOnce.append(shot(EndpointCheckTr::tr("delivery %1").arg(i + 1),
                           Templates::render(QStringLiteral("avatar_edit.completed"))));
    add(QStringLiteral("concurrency"), QStringLiteral("concurrency"),
        EndpointCheckTr::tr("%1 deliveries at once, all 2xx").arg(o.concurrency), {{0, atOnce}},
        accepted(EndpointCheckTr::tr("Hoox delivers results of parallel jobs in parallel.")));

    if (o.expectSenderCheck) {
        const auto refused = [](CheckResult &r, int timeoutMs) {
            const DeliveryAttempt &a = r.shots.first().attempt;
            if ((a.status == 401 || a.status == 403) && a.error.isEmpty())
                return;
            if (a.delivered()) {
                r.verdict = CheckResult::Verdict::Fail;
                r.reason = EndpointCheckTr::tr(
                               "answered %1: your app takes deliveries that do not look like "
                               "Hoox's, so anyone who finds the URL can post results to it")
                               .arg(a.status);
            } else {
                r.verdict = CheckResult::Verdict::Warn;
                r.reason = a.status > 0
                               ? EndpointCheckTr::tr("answered %1; 401 or 403 says what happened")
                                     .arg(a.status)
                               : failureWords(a, timeoutMs);
            }
        };
        CheckShot noHeader = shot(EndpointCheckTr::tr("no X-Hoox-Webhook"),
                                  Templates::render(QStringLiteral("video_generate.completed")));
        noHeader.headers.clear();
        for (const HttpHeader &h : DeliveryRequest::hooxHeaders()) {
            if (h.name != "X-Hoox-Webhook")
                noHeader.headers.append(h.name, h.value);
        }
        add(QStringLiteral("sender/no-hoox-header"), QStringLiteral("sender"),
            EndpointCheckTr::tr("401 or 403"), {{0, {noHeader}}}, refused);
        add(QStringLiteral("sender/foreign-user-agent"), QStringLiteral("sender"),
            EndpointCheckTr::tr("401 or 403"),
            {{0,
              {shot(EndpointCheckTr::tr("User-Agent: curl/8.0"),
                    Templates::render(QStringLiteral("video_generate.completed")),
                    QByteArrayLiteral("User-Agent"), QByteArrayLiteral("curl/8.0"))}}},
            refused);
    }
    return all;
}

} // namespace

QString CheckResult::verdictName(Verdict v)
{
    switch (v) {
    case Verdict::Pass:
        return QStringLiteral("pass");
    case Verdict::Warn:
        return QStringLiteral("warn");
    case Verdict::Fail:
        return QStringLiteral("fail");
    }
    return {};
}

EndpointCheck::EndpointCheck(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<CheckResult>();
    m_stepTimer.setSingleShot(true);
    m_stepTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_stepTimer, &QTimer::timeout, this, &EndpointCheck::runStep);
}

EndpointCheck::~EndpointCheck()
{
    ++m_generation;
    for (QNetworkReply *reply : std::as_const(m_replies)) {
        if (reply) {
            reply->disconnect(this);
            reply->abort();
        }
    }
}

QList<std::pair<QString, QString>> EndpointCheck::catalogue(bool withSenderCheck)
{
    CheckOptions o;
    o.expectSenderCheck = withSenderCheck;
    o.latencyCount = 1;
    o.concurrency = 1;
    QList<std::pair<QString, QString>> out;
    for (const auto &s : buildScenarios(o))
        out.append({s->name, s->group});
    return out;
}

bool EndpointCheck::validOnly(const QStringList &only, bool withSenderCheck, QString *error)
{
    const auto all = catalogue(withSenderCheck);
    for (const QString &name : only) {
        const bool known = std::any_of(all.cbegin(), all.cend(), [&name](const auto &s) {
            return s.first == name || s.second == name;
        });
        if (!known) {
            QStringList groups;
            for (const auto &s : all) {
                if (!groups.contains(s.second))
                    groups << s.second;
            }
            *error = EndpointCheckTr::tr(
                         "--only: no scenario or group \"%1\"; groups: %2, or a scenario's full "
                         "name such as deliveries/video_generate.completed.")
                         .arg(name, groups.join(QStringLiteral(", ")));
            return false;
        }
    }
    return true;
}

void EndpointCheck::start(const QUrl &url, const CheckOptions &options)
{
    cancel();
    m_url = url;
    m_options = options;
    m_scenarios.clear();
    for (const auto &s : buildScenarios(options)) {
        if (options.only.isEmpty() || options.only.contains(s->name) ||
            options.only.contains(s->group))
            m_scenarios.append(s);
    }
    m_results.clear();
    m_current = 0;
    m_running = true;
    ++m_generation;
    runScenario();
}

void EndpointCheck::cancel()
{
    if (!m_running)
        return;
    m_running = false;
    ++m_generation;
    m_stepTimer.stop();
    for (QNetworkReply *reply : std::as_const(m_replies)) {
        if (reply) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
    }
    m_replies.clear();
    emit finished(m_results, {});
}

void EndpointCheck::runScenario()
{
    if (m_current >= m_scenarios.size()) {
        m_running = false;
        emit finished(m_results, {});
        return;
    }
    m_step = 0;
    m_stepTimer.start(m_scenarios.at(m_current)->steps.first().delayMs);
}

void EndpointCheck::runStep()
{
    Scenario &s = *m_scenarios.at(m_current);
    const Scenario::Step &step = s.steps.at(m_step);
    m_waiting = int(step.shots.size());
    m_replies.fill(nullptr, step.shots.size());
    while (m_managers.size() < step.shots.size())
        m_managers.append(new QNetworkAccessManager(this));
    for (qsizetype i = 0; i < step.shots.size(); ++i)
        sendShot(i);
}

void EndpointCheck::sendShot(qsizetype index)
{
    CheckShot &s = m_scenarios.at(m_current)->steps[m_step].shots[index];
    s.attempt = {};
    s.attempt.number = 1;
    s.attempt.startedAt = QDateTime::currentDateTimeUtc();
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    QNetworkReply *reply =
        m_managers.at(index)->post(DeliveryRequest::make(m_url, s.headers), s.body);
    m_replies[index] = reply;
    auto timedOut = std::make_shared<bool>(false);
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    timer->setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5% early
    connect(timer, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    timer->start(m_options.timeoutMs);
    const quint64 generation = m_generation;
    connect(reply, &QNetworkReply::finished, this,
            [this, index, reply, timedOut, clock, generation] {
                if (generation == m_generation)
                    onShotFinished(index, reply, *timedOut, clock->elapsed());
            });
}

void EndpointCheck::onShotFinished(qsizetype index, QNetworkReply *reply, bool timedOut,
                                   qint64 latencyMs)
{
    reply->deleteLater();
    m_replies[index] = nullptr;
    CheckShot &s = m_scenarios.at(m_current)->steps[m_step].shots[index];
    DeliveryRequest::read(reply, timedOut, m_options.timeoutMs, latencyMs, &s.attempt);
    if (--m_waiting > 0)
        return;
    Scenario &scenario = *m_scenarios.at(m_current);
    const auto &shots = scenario.steps.at(m_step).shots;
    const bool failed = std::any_of(shots.cbegin(), shots.cend(),
                                    [](const CheckShot &s) { return !s.attempt.delivered(); });
    if (failed && scenario.stopAtFailure)
        scenario.steps.resize(m_step + 1);
    if (++m_step < scenario.steps.size()) {
        m_stepTimer.start(scenario.steps.at(m_step).delayMs);
        return;
    }
    finishScenario();
}

void EndpointCheck::finishScenario()
{
    const Scenario &s = *m_scenarios.at(m_current);
    CheckResult r;
    r.name = s.name;
    r.group = s.group;
    r.expectation = s.expectation;
    QStringList answers;
    for (const Scenario::Step &step : s.steps) {
        for (const CheckShot &shot : step.shots) {
            r.shots.append(shot);
            r.latencyMs = qMax(r.latencyMs, shot.attempt.latencyMs);
            answers << (shot.attempt.status > 0
                            ? QString::number(shot.attempt.status)
                            : (shot.attempt.timedOut ? EndpointCheckTr::tr("timeout")
                                                     : EndpointCheckTr::tr("none")));
        }
    }
    answers.removeDuplicates();
    r.answer = answers.join(u' ');
    s.judge(r, m_options.timeoutMs);
    // Nothing reached the endpoint at all, or it sends Hoox elsewhere: no scenario can tell
    // more, and the user needs to fix the URL first.
    if (m_results.isEmpty()) {
        const DeliveryAttempt &first = r.shots.first().attempt;
        QString unreachable;
        if (first.status == 0 && !first.timedOut)
            unreachable = EndpointCheckTr::tr(
                              "Cannot reach %1: %2. Is your app running, and is that its URL?")
                              .arg(m_url.toString(), first.error);
        else if (first.status >= 300 && first.status < 400)
            unreachable = EndpointCheckTr::tr(
                              "%1 answers with a redirect (%2): Hoox does not follow redirects. "
                              "Give the final URL.")
                              .arg(m_url.toString(), first.error);
        if (!unreachable.isEmpty()) {
            m_running = false;
            emit finished({}, unreachable);
            return;
        }
    }
    m_results.append(r);
    emit scenarioFinished(r, int(m_results.size()), int(m_scenarios.size()));
    ++m_current;
    runScenario();
}
