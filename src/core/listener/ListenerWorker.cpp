// SPDX-License-Identifier: MIT
#include "ListenerWorker.h"

#include "AnswerPolicy.h"
#include "ListenerConnection.h"
#include "capture/Journal.h"
#include "hoox/HooxClassifier.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

#include <limits>
#include <utility>

namespace {
// How long captures wait to travel to the GUI thread together: one queued signal per
// batch keeps a retry storm from flooding the GUI's event queue, yet shows a delivery
// well within 100 ms.
constexpr int kBatchIntervalMs = 30;
constexpr qsizetype kImportSlice = 500;
} // namespace

ListenerWorker::ListenerWorker(AnswerPolicy *policy, const HttpLimits &limits, Journal *journal,
                               const CaptureIndex &loaded)
    : m_policy(policy)
    , m_limits(limits)
    , m_recorder(journal)
    , m_commitTimer(this) // children, so that moveToThread() takes them along
    , m_flushTimer(this)
    , m_sweepTimer(this)
{
    m_recorder.restore(loaded);
    m_commitTimer.setSingleShot(true);
    m_commitTimer.setInterval(0);
    connect(&m_commitTimer, &QTimer::timeout, this, &ListenerWorker::startGroup);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kBatchIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &ListenerWorker::flush);
    // Deadlines are checked a few times within the shortest of them, so they hold to
    // within a quarter of their length.
    const int shortest = qMin(limits.headTimeoutMs, limits.idleTimeoutMs);
    m_sweepTimer.setInterval(qBound(10, shortest / 4, 500));
    connect(&m_sweepTimer, &QTimer::timeout, this, &ListenerWorker::sweep);
}

ListenerWorker::~ListenerWorker()
{
    close();
}

bool ListenerWorker::listen(const QHostAddress &address, quint16 port, QString *error)
{
    close();
    m_server = new QTcpServer(this);
    m_server->setMaxPendingConnections(m_limits.maxConnections);
    // The default backlog of 50 drops the SYNs of a burst, and each dropped one costs its client
    // a second or more before it retries; the kernel caps this at net.core.somaxconn.
    m_server->setListenBacklogSize(qMax(50, m_limits.maxConnections));
    connect(m_server, &QTcpServer::newConnection, this, &ListenerWorker::onNewConnection);
    if (m_server->listen(address, port)) {
        if (m_waiting)
            m_server->pauseAccepting();
        m_sweepTimer.start();
        return true;
    }
    const QString where = address.toString() + u':' + QString::number(port);
    if (m_server->serverError() == QAbstractSocket::AddressInUseError) {
        *error = QCoreApplication::translate("Listener",
                                             "Port %1 on %2 is already in use, by another "
                                             "HookScope or another program. Choose a free port "
                                             "with --port N (or 0 to let the system pick one), "
                                             "or stop the program that holds it; "
                                             "`ss -ltnp 'sport = :%1'` shows which one.")
                     .arg(port)
                     .arg(address.toString());
    } else {
        *error = QCoreApplication::translate("Listener", "Cannot listen on %1: %2")
                     .arg(where, m_server->errorString());
    }
    delete m_server;
    m_server = nullptr;
    return false;
}

void ListenerWorker::close()
{
    m_sweepTimer.stop();
    commit();
    flush();
    for (QSet<ListenerConnection *> *set : {&m_connections, &m_refused}) {
        const QSet<ListenerConnection *> connections = std::exchange(*set, {});
        for (ListenerConnection *c : connections)
            delete c;
    }
    delete m_server;
    m_server = nullptr;
}

quint16 ListenerWorker::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

void ListenerWorker::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *c = new ListenerConnection(socket, this, m_limits);
        // Refused connections linger briefly to deliver their 503; they do not count
        // against the limit, or one refusal would keep the next client out too.
        const bool over = m_connections.size() >= m_limits.maxConnections;
        if (over && m_refused.size() >= m_limits.maxConnections) {
            delete c; // a flood: not even a polite answer
            continue;
        }
        QSet<ListenerConnection *> &set = over ? m_refused : m_connections;
        set.insert(c);
        connect(c, &ListenerConnection::closed, this, [this](ListenerConnection *closed) {
            m_connections.remove(closed);
            m_refused.remove(closed);
            closed->deleteLater();
        });
        if (over)
            c->refuseAndClose(503, "too many connections; try again shortly");
    }
}

void ListenerWorker::accept(HttpRequest &&request, ListenerConnection *connection, quint64 token)
{
    if (!m_token.admits(request)) {
        refuse(std::move(request), connection, token);
        return;
    }
    const ResponseAnswer proposed = m_policy->next();
    const qint64 receivedAtMs = QDateTime::currentMSecsSinceEpoch();
    // With an answerer, journaled before it sees the request (answer status 0: not answered),
    // so that whatever it reports (a forward's result) names the capture by its id.
    const bool ask = bool(m_answerer);
    const CapturePtr c = record(std::move(request), connection->peer(), receivedAtMs,
                                ask ? 0 : quint16(proposed.status), connection, token);
    if (c)
        awaitCommit(c, proposed, ask, connection, token);
}

void ListenerWorker::awaitCommit(const CapturePtr &capture, const ResponseAnswer &answer, bool ask,
                                 ListenerConnection *connection, quint64 token)
{
    m_staged.push_back(Staged{capture, answer, QDeadlineTimer(qMax(0, answer.delayMs)), ask,
                              QPointer<ListenerConnection>(connection), token});
    if (!m_recorder.journal())
        commit(); // kept nowhere: nothing to wait for
    else if (!m_commitTimer.isActive() && !m_syncer.busy())
        m_commitTimer.start(); // else onSynced() starts the group
}

// Writes the staged group and hands its sync to the sync thread; with a sync under way, the group
// waits for it to return (onSynced() starts it then).
void ListenerWorker::startGroup()
{
    m_commitTimer.stop();
    if (m_syncer.busy())
        return;
    QString error;
    const Journal::GroupWrite write = m_recorder.writeGroup(&error);
    std::vector<Staged> group = std::exchange(m_staged, {});
    if (write == Journal::GroupWrite::Failed)
        emit journalFailed(error);
    if (write != Journal::GroupWrite::NeedsSync) {
        answerGroup(std::move(group), write == Journal::GroupWrite::Durable, error);
        return;
    }
    m_syncing = std::move(group);
    const Journal *journal = m_recorder.journal();
    m_syncer.start(journal->syncFunction(), journal->descriptor(), [this](quint64 number, int) {
        QMetaObject::invokeMethod(
            this, [this, number] { onSynced(number); }, Qt::QueuedConnection);
    });
}

// Back from the sync thread: the group's answers go out, and the group staged meanwhile starts.
void ListenerWorker::onSynced(quint64 number)
{
    const int code = m_syncer.take(number);
    if (code < 0)
        return; // taken already by drain()
    endSync(code);
    if (!m_staged.empty() || m_recorder.hasStaged())
        startGroup();
}

// Waits for the sync under way, if any, and answers its group.
void ListenerWorker::drain()
{
    if (m_syncer.busy())
        endSync(m_syncer.take());
}

// A failed sync cuts off its group and all that was staged after it (Journal::syncedGroup()).
void ListenerWorker::endSync(int code)
{
    QString error;
    const bool ok = m_recorder.syncedGroup(code, &error);
    if (!ok)
        emit journalFailed(error);
    answerGroup(std::exchange(m_syncing, {}), ok, error);
    if (!ok)
        answerGroup(std::exchange(m_staged, {}), false, error);
}

// Writes and syncs what is staged now, after the sync under way: for a switch of journals, an
// import slice or annotations, which go on only once it is on disk. False when it was not kept.
bool ListenerWorker::commit()
{
    m_commitTimer.stop();
    drain();
    QString error;
    const bool ok = m_recorder.commit(&error);
    if (!ok)
        emit journalFailed(error);
    answerGroup(std::exchange(m_staged, {}), ok, error);
    return ok;
}

// Lets the answers of a group that was kept out (each after what is left of its rule's delay),
// or asks the answerer; a group that was not kept is answered 503, so that Hoox retries, and is
// not handed over.
void ListenerWorker::answerGroup(std::vector<Staged> group, bool kept, const QString &error)
{
    for (const Staged &s : group) {
        ListenerConnection *connection = s.connection.data();
        if (!kept) {
            if (connection)
                connection->resolve(
                    s.token, 503, QByteArrayLiteral("text/plain; charset=utf-8"),
                    QByteArrayLiteral("journal not writable: ") + error.toUtf8() + '\n', 0, true);
        } else if (s.ask) {
            ask(s.capture, s.answer, connection, s.token);
        } else {
            ResponseAnswer answer = s.answer;
            answer.delayMs = int(qMax<qint64>(0, s.due.remainingTime()));
            handOver(s.capture, answer, connection, s.token);
        }
    }
}

// The numbered, journaled capture; null when the journal could not take it, after answering 503:
// not kept, so not acknowledged, and Hoox retries once the journal can take it again.
CapturePtr ListenerWorker::record(HttpRequest &&request, const QString &peer, qint64 receivedAtMs,
                                  quint16 answerStatus, ListenerConnection *connection,
                                  quint64 token)
{
    QString error;
    CapturePtr c = m_recorder.stage(std::move(request), peer, receivedAtMs, answerStatus, &error);
    if (c)
        return c;
    emit journalFailed(error);
    if (connection)
        connection->resolve(token, 503, QByteArrayLiteral("text/plain; charset=utf-8"),
                            QByteArrayLiteral("journal not writable: ") + error.toUtf8() + '\n', 0,
                            true);
    return nullptr;
}

// A connection gone meanwhile still has its capture handed over: it was received whole.
void ListenerWorker::handOver(CapturePtr capture, const ResponseAnswer &answer,
                              ListenerConnection *connection, quint64 token)
{
    const quint64 id = capture->id;
    m_batch.append(std::move(capture));
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
    if (connection) {
        connection->tag(token, id, m_epoch, quint16(answer.status));
        connection->resolve(token, answer.status, answer.contentType, answer.body, answer.delayMs,
                            false);
    }
}

void ListenerWorker::ask(const CapturePtr &capture, const ResponseAnswer &proposed,
                         ListenerConnection *connection, quint64 token)
{
    const quint64 heldId = ++m_nextHeld;
    m_held.insert(heldId, Held{capture, m_recorder.journal(), m_journal, m_epoch,
                               QPointer<ListenerConnection>(connection), token});
    m_answerer(capture, proposed, [this, heldId](const ResponseAnswer &answer) {
        // Back on the network thread, whichever thread the answerer finished on.
        QMetaObject::invokeMethod(
            this, [this, heldId, answer] { answered(heldId, answer); }, Qt::QueuedConnection);
    });
}

// The journal gets the final answer before the connection writes it. Should that write fail the
// answer still goes out: the delivery itself is on disk, only its answer status is missing.
void ListenerWorker::answered(quint64 heldId, const ResponseAnswer &answer)
{
    const Held held = m_held.take(heldId);
    if (!held.capture)
        return; // answered twice: the answerer broke its contract
    auto c = std::make_shared<Capture>(*held.capture); // shares the body, no copy
    c->answerStatus = quint16(answer.status);
    QString error;
    if (held.journal && !held.journal->rewriteAnswer(c->journalOffset, *c, &error))
        emit journalFailed(error);
    if (held.epoch == m_epoch) {
        handOver(std::move(c), answer, held.connection.data(), held.token);
    } else if (held.connection) {
        // Recorded in a journal that is no longer shown: answered, not emitted.
        held.connection->resolve(held.token, answer.status, answer.contentType, answer.body,
                                 answer.delayMs, false);
    }
}

// A request without the access token is answered 401 and shown as refused, but not journaled
// and kept out of duplicate groups: whoever sent it has no say in the session's history, and a
// flood of them must not fill the disk.
void ListenerWorker::refuse(HttpRequest &&request, ListenerConnection *connection, quint64 token)
{
    auto c = CaptureRecorder::build(std::move(request), m_recorder.takeId(), connection->peer(),
                                    QDateTime::currentMSecsSinceEpoch(), 401);
    c->refused = true;
    // Without a key it joins no duplicate group, in the store either: anyone can send a body
    // that names a real job_id, and it must not count as that job's next attempt.
    c->hoox.key.clear();
    m_batch.append(std::move(c));
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
    connection->resolve(token, 401, QByteArrayLiteral("text/plain; charset=utf-8"),
                        m_token.refusalReason() + '\n', 0, true);
}

void ListenerWorker::setJournalSync(bool sync)
{
    if (Journal *journal = m_recorder.journal())
        journal->setSync(sync ? Journal::SyncFunction(&Journal::dataSync) : nullptr);
}

// The capture was journaled before its answer; how late the answer was follows it as a record
// of its own. A capture of a journal no longer open keeps no record of it.
void ListenerWorker::noteLateAnswer(quint64 captureId, quint64 epoch, quint16 status, qint64 tookMs)
{
    if (epoch != m_epoch)
        return;
    const auto afterMs = quint32(qBound<qint64>(1, tookMs, std::numeric_limits<quint32>::max()));
    QString error;
    if (Journal *journal = m_recorder.journal();
        journal && !journal->appendLateAnswer(captureId, status, afterMs, &error))
        emit journalFailed(error);
    flush(); // the capture reaches the owner's thread before the news about its answer
    emit answeredLate(captureId, status, afterMs, m_epoch);
}

void ListenerWorker::setJournal(std::shared_ptr<Journal> journal, CaptureRecorder &&recorder,
                                quint64 epoch)
{
    commit(); // the old journal's group is kept (or answered 503) before it is let go
    flush();  // what was recorded in the old journal travels before the switch, and is dropped
    m_recorder = std::move(recorder);
    m_journal = std::move(journal); // the old journal is closed here, once nothing writes to it
    m_epoch = epoch;
    if (!std::exchange(m_waiting, false))
        return;
    if (m_server)
        m_server->resumeAccepting();
    if (!m_deferred.isEmpty())
        importRequests(std::exchange(m_deferred, {}));
}

void ListenerWorker::waitForJournal()
{
    m_waiting = true;
    if (m_server)
        m_server->pauseAccepting();
}

void ListenerWorker::importRequests(const QList<ImportedRequest> &requests)
{
    if (m_waiting) {
        m_deferred += requests;
        return;
    }
    const bool idle = m_imports.isEmpty();
    m_imports += requests;
    if (idle)
        importSlice();
}

// A few hundred at a time, each slice handed over as one batch: a large import neither holds
// up the deliveries arriving meanwhile nor lands on the GUI thread as one huge batch.
void ListenerWorker::importSlice()
{
    drain(); // a failed sync would cut the slice off after it was staged
    const qsizetype end = qMin(m_importNext + kImportSlice, m_imports.size());
    CaptureBatch slice;
    for (; m_importNext < end; ++m_importNext) {
        QString error;
        CapturePtr c = m_recorder.stage(m_imports.at(m_importNext), &error);
        if (c && !error.isEmpty())
            emit journalFailed(error); // staged, without its note or star
        if (!c) {
            emit journalFailed(error);
            m_importNext = m_imports.size(); // the rest would fail the same way
            break;
        }
        slice.append(std::move(c));
    }
    // One write and one sync per slice; the deliveries staged meanwhile commit with it.
    if (commit())
        m_batch += slice;
    flush();
    if (m_importNext < m_imports.size()) {
        QMetaObject::invokeMethod(this, &ListenerWorker::importSlice, Qt::QueuedConnection);
        return;
    }
    m_imports.clear();
    m_importNext = 0;
}

// The annotations join the captures staged in this pass and are committed with them now, so
// that the captures reach the view before what is said of them, and the view hears only of
// annotations that are on disk.
void ListenerWorker::annotate(Annotations annotations, quint64 epoch)
{
    if (epoch != m_epoch)
        return; // made in a journal that is no longer the one written
    drain();    // a failed sync would cut the annotations off after they were appended
    QString error;
    if (!m_recorder.annotate(&annotations, &error))
        emit journalFailed(error);
    const bool kept = commit();
    flush();
    if (kept && !annotations.isEmpty())
        emit annotated(annotations, m_epoch);
}

void ListenerWorker::flush()
{
    m_flushTimer.stop();
    if (m_batch.isEmpty())
        return;
    emit captured(m_batch, m_epoch);
    m_handedOver[m_nextHandedOver] = std::exchange(m_batch, {});
    m_nextHandedOver = (m_nextHandedOver + 1) % m_handedOver.size();
}

void ListenerWorker::sweep()
{
    for (QSet<ListenerConnection *> *set : {&m_connections, &m_refused}) {
        const QSet<ListenerConnection *> connections = *set; // checkDeadline() may close some
        for (ListenerConnection *c : connections)
            c->checkDeadline();
    }
}
