// SPDX-License-Identifier: MIT
#include "NgrokRecovery.h"

#include "capture/CaptureIndex.h"
#include "listener/Listener.h"
#include "ngrok/NgrokWatcher.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <algorithm>

namespace {
const QString SourcePrefix = QStringLiteral("ngrok:");
} // namespace

NgrokRecovery::NgrokRecovery(Listener *listener, QObject *parent)
    : QObject(parent)
    , m_listener(listener)
    , m_network(new QNetworkAccessManager(this))
{
    connect(m_network, &QNetworkAccessManager::finished, this, &NgrokRecovery::onReply);
}

NgrokRecovery::~NgrokRecovery() = default;

void NgrokRecovery::setRecovered(const QSet<QString> &ngrokIds)
{
    m_recovered = ngrokIds;
    m_known = true;
    ++m_generation;
}

QSet<QString> NgrokRecovery::recoveredIds(const CaptureIndex &index)
{
    QSet<QString> ids;
    for (const QString &source : index.sources()) {
        if (source.startsWith(SourcePrefix))
            ids.insert(source.mid(SourcePrefix.size()));
    }
    return ids;
}

void NgrokRecovery::watch(NgrokWatcher *watcher)
{
    connect(watcher, &NgrokWatcher::tunnelsPolled, this,
            [this, watcher](const QStringList &names) { poll(watcher->apiUrl(), names); });
}

void NgrokRecovery::poll(const QUrl &api, const QStringList &tunnelNames)
{
    if (m_inFlight || !m_known || tunnelNames.isEmpty())
        return;
    m_tunnels = tunnelNames;
    QUrl url = api;
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) +
                QStringLiteral("/api/requests/http"));
    QNetworkRequest request(url);
    request.setTransferTimeout(5000);
    m_inFlight = true;
    QNetworkReply *reply = m_network->get(request);
    // A list larger than HookScope reads is cut off as it arrives, not after it was all kept.
    const qsizetype max = m_limits.maxAnswerBytes;
    connect(reply, &QNetworkReply::downloadProgress, reply, [this, reply, max](qint64 received) {
        if (received <= max)
            return;
        report(QStringLiteral("too-large"),
               tr("ngrok's request list is larger than HookScope reads (%1 MiB); nothing was "
                  "recovered from it.")
                   .arg(max / (1024 * 1024)));
        reply->abort();
    });
}

void NgrokRecovery::onReply(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply->error() != QNetworkReply::NoError) {
        // The tunnel poll tells the user when the agent is gone; an aborted list said why.
        m_inFlight = false;
        emit pollFinished();
        return;
    }
    const QByteArray json = reply->readAll();
    const quint64 generation = m_generation;
    m_jobs.start(
        QString(), this,
        [json, limits = m_limits, known = m_recovered, tunnels = m_tunnels,
         now = QDateTime::currentMSecsSinceEpoch(), grace = m_graceMs](JobControl &) {
            return read(json, limits, known, tunnels, now, grace);
        },
        [this, generation](Found found) { adopt(std::move(found), generation); });
}

// On a pool thread: which entries are ours, missed, and not recovered yet, parsed into requests.
NgrokRecovery::Found NgrokRecovery::read(const QByteArray &json,
                                         const NgrokRequests::Limits &limits,
                                         const QSet<QString> &known, const QStringList &tunnels,
                                         qint64 nowMs, qint64 graceMs)
{
    using NgrokRequests::Fate;
    NgrokRequestList list = NgrokRequests::parse(json, limits);
    Found found{{}, std::move(list.problems), std::move(list.error)};
    for (const NgrokRequest &r : std::as_const(list.entries)) {
        if (known.contains(r.id) || (!r.tunnelName.isEmpty() && !tunnels.contains(r.tunnelName)))
            continue;
        const Fate fate = NgrokRequests::fate(r);
        if (fate == Fate::AnsweredByHookScope || fate == Fate::AnsweredByOther ||
            (fate == Fate::NoAnswer && nowMs - r.startMs < graceMs))
            continue;
        ImportedRequest request;
        QString problem;
        if (NgrokRequests::toImport(r, &request, &problem))
            found.requests.append(std::move(request));
        else
            found.problems.append({r.id, problem});
    }
    // ngrok lists the newest first; they are recorded in the order they arrived.
    std::stable_sort(found.requests.begin(), found.requests.end(),
                     [](const ImportedRequest &a, const ImportedRequest &b) {
                         return a.receivedAtMs < b.receivedAtMs;
                     });
    return found;
}

void NgrokRecovery::adopt(Found found, quint64 generation)
{
    m_inFlight = false;
    if (generation == m_generation) {
        if (!found.error.isEmpty())
            report(QStringLiteral("list"), found.error);
        for (const NgrokProblem &p : std::as_const(found.problems))
            report(p.key, p.message);
        for (const ImportedRequest &r : std::as_const(found.requests))
            m_recovered.insert(r.source.mid(SourcePrefix.size()));
        if (!found.requests.isEmpty()) {
            m_listener->importRequests(found.requests);
            emit recovered(int(found.requests.size()));
        }
    }
    emit pollFinished();
}

void NgrokRecovery::report(const QString &key, const QString &message)
{
    if (m_reported.contains(key))
        return;
    m_reported.insert(key);
    emit problem(message);
}
