// SPDX-License-Identifier: MIT
#pragma once

#include "capture/CaptureIndex.h"
#include "http/HttpLimits.h"
#include "interchange/Interchange.h"
#include "listener/AccessToken.h"

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>

class CaptureStore;
class Forwarder;
class JobRunner;
class Journal;
class Listener;
class AnswerPolicy;
class NgrokRecovery;
class NgrokWatcher;

// How a session starts: which journal, the listener's limits and access token, and whether
// captures are kept in a store for a window (the command line prints them instead).
struct SessionOptions {
    QString journalPath;
    HttpLimits limits;
    AccessToken token;
    bool keepCaptures = true;
    // Retention: what the store loads of a journal (the journal keeps everything). 0: no limit.
    int maxCaptures = 0;
    int maxAgeDays = 0;
    // Answers wait for the fdatasync of their record (group commit); off, for the write only.
    bool syncJournal = true;
};

// One HookScope session: the journal (locked, one writer), the listener on its network
// thread, the capture store the window shows, the forwarder and the job runner, with their
// lifetimes in one place. The window and the command line both drive it; nothing else wires
// these parts together. Lives on the thread that runs the event loop (the GUI thread).
class SessionEngine : public QObject {
    Q_OBJECT
public:
    explicit SessionEngine(QObject *parent = nullptr);
    ~SessionEngine() override;

    // Opens and locks the journal and reads it, synchronously: at start, before any window.
    // The listener is ready but not listening. False, with *error in words, when the journal
    // cannot be used (held by another HookScope, not a journal, not writable).
    bool open(const SessionOptions &options, QString *error);
    // Starts the session without waiting for its journal to be read, for the window: the store
    // (empty, marked opening), the listener and the forwarder exist at once, and the journal is
    // read as a job (progress and Cancel in the status bar), opened() or openFailed() telling
    // the outcome as for openJournal(). Until it is open the listener may bind its port but takes
    // no connection: they wait in the kernel's backlog, and are answered once journaled.
    // False, with *error in words, only when another HookScope holds the journal.
    bool begin(const SessionOptions &options, QString *error);
    // False from begin() until its journal is open, and after it failed to open.
    bool hasJournal() const { return bool(m_journal); }
    bool startListening(const QHostAddress &address, quint16 port, QString *error);

    Listener *listener() const { return m_listener.get(); }
    CaptureStore *store() const { return m_store.get(); } // null without keepCaptures
    // Lives on a thread of its own; its methods may be called from any thread.
    Forwarder *forwarder() const { return m_forwarder.get(); }
    JobRunner *jobs() const { return m_jobs.get(); }
    AnswerPolicy *policy() const;
    NgrokRecovery *ngrokRecovery() const { return m_ngrok.get(); }
    // Recovers, after each of `watcher`'s polls, what ngrok took for our port while HookScope
    // was not running (see NgrokRecovery); ngrokProblem() tells what could not be.
    void watchNgrok(NgrokWatcher *watcher);

    QString journalPath() const;
    // What opening the journal had to repair or skip; empty when it was intact.
    QString journalWarning() const { return m_warning; }
    // The captures the journal held when it was opened.
    qsizetype loadedCount() const { return m_loadedCount; }
    void setRetention(int maxCaptures, int maxAgeDays);
    // Whether answers wait for the disk (SessionOptions::syncJournal), from the next delivery on.
    void setJournalSync(bool sync);

    // Switches to the journal at `path` (created when missing), read as a job; the listener
    // keeps running and writes to it from then on. opened() or openFailed() tells the outcome.
    // Returns the job's id, or 0 when `path` is the open journal (opened() follows at once).
    quint64 openJournal(const QString &path);
    // A new, empty journal beside the default one, named after the time.
    quint64 startNewSession();
    static QString newSessionPath();
    // Reads a HAR or JSON Lines file as a job; its good entries become captures of this
    // session, recorded on the network thread. imported() reports.
    quint64 importFile(const QString &file);
    // Writes the captures at `storeRows` (all when empty and `all`) of the store to `file` as a
    // job, reading each back from the journal. exported() reports.
    quint64 exportCaptures(const QString &file, Interchange::Format format,
                           const QList<qsizetype> &storeRows, bool all);

    // Reads back the captures at `storeRows` of the store (all when `all`) as a job, keeping
    // those `keep` accepts (all when empty; called on the job's thread). `done` gets them in row
    // order, or an error in words; it is not called when the job is cancelled.
    quint64 readCaptures(const QList<qsizetype> &storeRows, bool all,
                         std::function<bool(const Capture &)> keep,
                         std::function<void(QList<CapturePtr>, QString)> done);

    // Appends notes, stars and deletions of the store's captures to the journal, on the network
    // thread; the store shows them once they are journaled.
    void annotate(const Annotations &annotations);

    // The captures shown of what a journal holds: retention keeps the newest, and those
    // younger than the age limit (0: no limit).
    static CaptureIndex retained(CaptureIndex &&loaded, int maxCaptures, int maxAgeDays,
                                 qint64 nowMs);

signals:
    void opened(const QString &path, const QString &warning);
    void openFailed(const QString &path, const QString &error);
    void imported(const QString &file, const QString &report, bool complete);
    void exported(const QString &file, const QString &report, bool ok);
    void journalFailed(const QString &error);
    void ngrokProblem(const QString &message);
    // Capture `id`'s answer went out after Hoox's timeout (see Listener::answeredLate()).
    void answeredLate(quint64 id, quint16 status, quint32 afterMs);

private:
    struct Opened;
    void adopt(Opened &&opened);
    void build(const std::shared_ptr<Journal> &journal, const CaptureIndex &loaded);
    void failStart(const QString &error);

    SessionOptions m_options;
    std::shared_ptr<Journal> m_journal;
    std::unique_ptr<JobRunner> m_jobs;
    std::unique_ptr<CaptureStore> m_store;
    std::unique_ptr<Listener> m_listener;
    QThread m_forwardThread;
    std::unique_ptr<Forwarder> m_forwarder; // lives on m_forwardThread
    std::unique_ptr<NgrokRecovery> m_ngrok;
    QString m_warning;
    qsizetype m_loadedCount = 0;
    QString m_openingPath; // of begin(), until its journal is open
};
