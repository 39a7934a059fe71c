// SPDX-License-Identifier: MIT
#pragma once

#include "AccessToken.h"
#include "AnswerPolicy.h"
#include "capture/CaptureIndex.h"
#include "capture/CaptureRecorder.h"
#include "capture/ImportedRequest.h"
#include "http/HttpLimits.h"

#include <QHostAddress>
#include <QObject>
#include <QThread>

#include <memory>

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
    // The same, sharing ownership of `journal` with the network thread, which lets go of it
    // only once it writes elsewhere (see setJournal()).
    Listener(std::shared_ptr<Journal> journal, const CaptureIndex &loaded,
             const HttpLimits &limits = {}, QObject *parent = nullptr);
    ~Listener() override;

    // Blocks until the socket listens or fails; *error says why and what to do.
    bool start(const QHostAddress &address, quint16 port, QString *error);
    void stop();
    bool isListening() const { return m_port != 0; }
    quint16 port() const { return m_port; }
    QHostAddress address() const { return m_address; }

    // The rule and armed counters for the next requests; safe to use from any thread.
    AnswerPolicy *policy() { return &m_policy; }
    // Lets `answerer` decide each answer (see RequestAnswerer); an empty one restores the rule.
    void setAnswerer(RequestAnswerer answerer);
    // Requires `token` of every request from the next one on; a disabled token admits all.
    void setAccessToken(const AccessToken &token);
    // Whether answers wait for the fdatasync of their record (the default) or for the write
    // only; applies to the journal written now and from the next group on.
    void setJournalSync(bool sync);
    // Switches journals (a new or reopened session) without waiting for the network thread:
    // `recorder` was prepared off the GUI thread (CaptureRecorder::restore() of a million
    // captures takes a while) and the worker keeps `journal` alive while it writes to it.
    // Captures recorded in the old journal but not yet handed over are not emitted after this.
    void setJournal(std::shared_ptr<Journal> journal, CaptureRecorder &&recorder);
    // Until the next setJournal(), takes no connection and records no import: a journal is
    // being read. A bound port keeps its connections waiting in the kernel's backlog meanwhile,
    // so a delivery that comes in then is answered, once journaled, instead of refused.
    void waitForJournal();
    // Records imported requests on the network thread: numbered, classified, journaled and
    // emitted through captured() like deliveries.
    void importRequests(const QList<ImportedRequest> &requests);
    // Appends annotations of the journal's captures to it on the network thread, after what was
    // recorded before; annotated() hands them back once journaled (not when the journal has
    // been switched meanwhile, nor when it failed: journalFailed() says why).
    void annotate(const Annotations &annotations);
    // Answers written later than `ms` after their request count as late (default: Hoox's 10 s
    // timeout); tests make it short.
    void setLateAnswerMs(int ms);
    // Open connections, refused ones still closing included; for tests and diagnostics.
    int connectionCount() const;
    // Requests recorded whose journal group is not written yet: staged while the sync of the
    // group before them runs, or until the network thread's pass ends; for tests.
    int stagedCount() const;

    // True when `address` lets other machines connect: the window asks the user to confirm
    // such a bind, and headless mode warns about it.
    static bool reachableFromOtherMachines(const QHostAddress &address);

signals:
    void captured(const CaptureBatch &batch);
    void annotated(const Annotations &annotations);
    void journalFailed(const QString &error);
    // Capture `id`'s answer, `status`, went out `afterMs` after its request: later than the
    // sender waits. Journaled before it is emitted, after the capture itself was.
    void answeredLate(quint64 id, quint16 status, quint32 afterMs);

private:
    AnswerPolicy m_policy;
    QThread m_thread;
    ListenerWorker *m_worker;
    QHostAddress m_address;
    quint16 m_port = 0;
    quint64 m_epoch = 0; // counts journal switches; batches of an earlier journal are dropped
};
