// SPDX-License-Identifier: MIT
#pragma once

#include "AccessToken.h"
#include "HttpLimits.h"
#include "ResponseRule.h"
#include "capture/CaptureIndex.h"
#include "interchange/ImportResult.h"

#include <QHostAddress>
#include <QObject>
#include <QThread>

class Journal;
class ListenerWorker;

// The embedded HTTP listener. Its sockets, parser and journal writes live on a network
// thread of their own, so a busy window never slows ingest; captures come back to the
// owner's thread in batches through captured().
class Listener : public QObject {
    Q_OBJECT
public:
    // `journal` (may be null) must outlive the listener; `loaded` holds the captures read
    // back from it, so that ids and duplicate groups carry on.
    explicit Listener(Journal *journal = nullptr, const CaptureIndex &loaded = {},
                      const HttpLimits &limits = {}, QObject *parent = nullptr);
    ~Listener() override;

    // Blocks until the socket listens or fails; *error says why and what to do.
    bool start(const QHostAddress &address, quint16 port, QString *error);
    void stop();
    bool isListening() const { return m_port != 0; }
    quint16 port() const { return m_port; }
    QHostAddress address() const { return m_address; }

    // Applied to the next request, from any thread.
    void setResponseRule(const ResponseRule &rule) { m_policy.setRule(rule); }
    ResponseRule responseRule() const { return m_policy.rule(); }
    // Lets `answerer` decide each answer (see RequestAnswerer); an empty one restores the rule.
    void setAnswerer(RequestAnswerer answerer);
    // Requires `token` of every request from the next one on; a disabled token admits all.
    void setAccessToken(const AccessToken &token);
    // Switches journals (a new or reopened session); `journal` must outlive the listener or
    // the next switch. Blocks until the network thread has switched.
    void setJournal(Journal *journal, const CaptureIndex &loaded);
    // Records imported requests on the network thread: numbered, classified, journaled and
    // emitted through captured() like deliveries.
    void importRequests(const QList<ImportedRequest> &requests);
    // Open connections, refused ones still closing included; for tests and diagnostics.
    int connectionCount() const;

    // True when `address` lets other machines connect: the window asks the user to confirm
    // such a bind, and headless mode warns about it.
    static bool reachableFromOtherMachines(const QHostAddress &address);

signals:
    void captured(const CaptureBatch &batch);
    void journalFailed(const QString &error);

private:
    ResponsePolicy m_policy;
    QThread m_thread;
    ListenerWorker *m_worker;
    QHostAddress m_address;
    quint16 m_port = 0;
};
