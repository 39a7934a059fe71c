// SPDX-License-Identifier: MIT
#pragma once

#include "JobRunner.h"
#include "capture/ImportedRequest.h"
#include "ngrok/NgrokRequests.h"

#include <QObject>
#include <QSet>
#include <QStringList>
#include <QUrl>

class CaptureIndex;
class Listener;
class NgrokWatcher;
class QNetworkAccessManager;
class QNetworkReply;

// Recovers what ngrok received for our port while HookScope was not there to take it. After each
// poll of the agent's tunnels, it reads the agent's request list (GET <api>/api/requests/http) and
// records every request to a tunnel of ours that ngrok answered itself (its 502 page) or never
// answered, through the listener like an import: classified, journaled, shown, marked recovered,
// with ngrok's id as its source so that it is recovered once, across restarts too.
//
// The list is fetched here and read on a pool thread; nothing of it touches the network thread
// until the recovered requests are handed to the listener.
class NgrokRecovery : public QObject {
    Q_OBJECT
public:
    explicit NgrokRecovery(Listener *listener, QObject *parent = nullptr);
    ~NgrokRecovery() override;

    // The ngrok ids already recovered into the journal (see recoveredIds()); replaces those
    // known, as when another journal is opened.
    void setRecovered(const QSet<QString> &ngrokIds);
    // Polls nothing until the next setRecovered(): the journal that says what was recovered
    // is still being read.
    void waitForRecovered() { m_known = false; }
    // The ngrok ids of the captures of `index` recovered from ngrok.
    static QSet<QString> recoveredIds(const CaptureIndex &index);
    void setLimits(const NgrokRequests::Limits &limits) { m_limits = limits; }
    // How long a request ngrok has not answered is left to the listener before it counts as
    // missed: longer than the longest answer delay a rule can set.
    void setPendingGraceMs(qint64 ms) { m_graceMs = ms; }

    // Polls after every tunnel poll of `watcher` that found a tunnel to our port.
    void watch(NgrokWatcher *watcher);
    void poll(const QUrl &api, const QStringList &tunnelNames);

signals:
    // Requests handed to the listener, which emits their captures as it records them.
    void recovered(int count);
    // Something ngrok listed could not be recovered, in words; each once.
    void problem(const QString &message);
    // One poll was read to the end (for tests and diagnostics).
    void pollFinished();

private:
    struct Found {
        QList<ImportedRequest> requests;
        QList<NgrokProblem> problems;
        QString error;
    };
    static Found read(const QByteArray &json, const NgrokRequests::Limits &limits,
                      const QSet<QString> &known, const QStringList &tunnels, qint64 nowMs,
                      qint64 graceMs);
    void onReply(QNetworkReply *reply);
    void adopt(Found found, quint64 generation);
    void report(const QString &key, const QString &message);

    Listener *m_listener;
    QNetworkAccessManager *m_network;
    JobRunner m_jobs; // its own: a poll every few seconds is no job to show the user
    NgrokRequests::Limits m_limits;
    qint64 m_graceMs = 11 * 60 * 1000;
    QSet<QString> m_recovered;
    QSet<QString> m_reported;
    QStringList m_tunnels;
    quint64 m_generation = 0; // counts journal switches: a poll read for another is dropped
    bool m_inFlight = false;
    bool m_known = true; // see waitForRecovered()
};
