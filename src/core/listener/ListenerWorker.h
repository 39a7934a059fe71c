// SPDX-License-Identifier: MIT
#pragma once

#include "AccessToken.h"
#include "ResponseRule.h"
#include "capture/Capture.h"
#include "capture/CaptureRecorder.h"
#include "capture/ImportedRequest.h"
#include "capture/JournalSyncer.h"
#include "hoox/RetrySchedule.h"
#include "http/HttpLimits.h"
#include "http/HttpRequest.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <array>
#include <memory>
#include <vector>

class QTcpServer;
class ListenerConnection;
class AnswerPolicy;

// The listener's side of the network thread: accepts sockets, records each accepted
// request and hands the captures to the GUI thread in batches.
//
// Group commit: the requests completed in one pass of the event loop are staged in the journal,
// and a zero timer (it fires once the pass's events are handled) writes them together and hands
// their sync to the sync thread; only once it returned do their answers go out, or their
// answerer hear of them. Meanwhile this thread goes on reading and parsing, and stages the next
// group, written and synced as soon as this one is done. A group the journal cannot write or
// sync is answered 503, as a record that cannot be written always was.
class ListenerWorker : public QObject {
    Q_OBJECT
public:
    ListenerWorker(AnswerPolicy *policy, const HttpLimits &limits, Journal *journal,
                   const CaptureIndex &loaded);
    ~ListenerWorker() override;

    bool listen(const QHostAddress &address, quint16 port, QString *error);
    void close();
    quint16 port() const;
    int connectionCount() const { return int(m_connections.size() + m_refused.size()); }
    // Requests recorded whose group is not yet written (waiting for the pass to end, or for the
    // sync under way); for tests and diagnostics.
    int stagedCount() const { return int(m_staged.size()); }

    // Called by a connection for each complete request: records the request and resolves the
    // connection's token with the rule's answer, or, when an answerer is set, records it first
    // and resolves once the answerer has decided.
    void accept(HttpRequest &&request, ListenerConnection *connection, quint64 token);
    void setAnswerer(RequestAnswerer answerer) { m_answerer = std::move(answerer); }
    void setAccessToken(const AccessToken &token) { m_token = token; }
    void setJournalSync(bool sync);
    const AccessToken &accessToken() const { return m_token; }
    // Journals from now on through `recorder`, whose journal `journal` keeps alive; batches
    // emitted from now on carry `epoch`.
    void setJournal(std::shared_ptr<Journal> journal, CaptureRecorder &&recorder, quint64 epoch);
    void holdJournal(std::shared_ptr<Journal> journal) { m_journal = std::move(journal); }
    // Takes no connection, and records no import, until setJournal(): the journal is still being
    // read. Connections wait in the kernel's backlog meanwhile, so none is answered before its
    // request can be journaled, and none is refused either.
    void waitForJournal();
    // How long after its request an answer counts as late: Hoox's timeout, unless a test
    // makes it shorter.
    int lateAnswerMs() const { return m_lateAnswerMs; }
    void setLateAnswerMs(int ms) { m_lateAnswerMs = ms; }
    // Called by a connection once a late answer was written: journals how late, then tells.
    void noteLateAnswer(quint64 captureId, quint64 epoch, quint16 status, qint64 tookMs);
    // Records requests read from a file as if they had just arrived, in order.
    void importRequests(const QList<ImportedRequest> &requests);
    // Journals annotations made for the journal of `epoch` (dropped after a switch) after the
    // captures staged so far, commits them with those, then hands back through annotated() the
    // ones that are on disk.
    void annotate(Annotations annotations, quint64 epoch);

signals:
    void captured(const CaptureBatch &batch, quint64 epoch);
    void annotated(const Annotations &annotations, quint64 epoch);
    void journalFailed(const QString &error);
    void answeredLate(quint64 captureId, quint16 status, quint32 afterMs, quint64 epoch);

private:
    void onNewConnection();
    void flush();
    void importSlice();
    void refuse(HttpRequest &&request, ListenerConnection *connection, quint64 token);
    void sweep();
    CapturePtr record(HttpRequest &&request, const QString &peer, qint64 receivedAtMs,
                      quint16 answerStatus, ListenerConnection *connection, quint64 token);
    void handOver(CapturePtr capture, const ResponseAnswer &answer, ListenerConnection *connection,
                  quint64 token);
    void ask(const CapturePtr &capture, const ResponseAnswer &proposed,
             ListenerConnection *connection, quint64 token);
    void answered(quint64 heldId, const ResponseAnswer &answer);
    void awaitCommit(const CapturePtr &capture, const ResponseAnswer &answer, bool ask,
                     ListenerConnection *connection, quint64 token);
    bool commit();
    void startGroup();
    void onSynced(quint64 number);
    void drain();
    void endSync(int code);

    // A staged capture whose answer (or answerer) waits for its group's commit.
    struct Staged {
        CapturePtr capture;
        ResponseAnswer answer;
        QDeadlineTimer due; // the rule's delay, counted from the request
        bool ask = false;   // the answerer decides, once the capture is on disk
        QPointer<ListenerConnection> connection;
        quint64 token = 0;
    };
    void answerGroup(std::vector<Staged> group, bool kept, const QString &error);

    // A recorded capture whose answer the answerer has yet to decide.
    struct Held {
        CapturePtr capture;
        Journal *journal = nullptr;           // the one it was recorded in, even after setJournal()
        std::shared_ptr<Journal> keepJournal; // keeps an owned `journal` open until the answer
        quint64 epoch = 0;
        QPointer<ListenerConnection> connection;
        quint64 token = 0;
    };

    AnswerPolicy *m_policy;
    RequestAnswerer m_answerer;
    AccessToken m_token;
    HttpLimits m_limits;
    CaptureRecorder m_recorder;
    std::shared_ptr<Journal> m_journal; // when owned with the engine; null for a borrowed one
    quint64 m_epoch = 0;
    int m_lateAnswerMs = RetrySchedule::kTimeoutMs;
    QTcpServer *m_server = nullptr;
    QSet<ListenerConnection *> m_connections;
    QSet<ListenerConnection *> m_refused; // over the limit: answered 503, closing
    CaptureBatch m_batch;
    QHash<quint64, Held> m_held; // by a number of their own: ids repeat across journals
    quint64 m_nextHeld = 0;
    // The last batches handed over, kept a little longer than their readers need them, so that
    // the captures are freed here, on the thread that allocated them: freed on another thread,
    // their memory went to that thread's cache and every allocation here took malloc's slow
    // path (a tenth of the network thread's time at full ingest).
    std::array<CaptureBatch, 4> m_handedOver;
    size_t m_nextHandedOver = 0;
    QList<ImportedRequest> m_imports;  // being recorded, a slice per event-loop pass
    QList<ImportedRequest> m_deferred; // asked for while waiting for the journal
    bool m_waiting = false;            // see waitForJournal()
    qsizetype m_importNext = 0;
    std::vector<Staged> m_staged;
    std::vector<Staged> m_syncing; // written; their answers wait for the sync under way
    JournalSyncer m_syncer;
    QTimer m_commitTimer;
    QTimer m_flushTimer;
    QTimer m_sweepTimer;
};
