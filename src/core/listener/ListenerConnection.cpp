// SPDX-License-Identifier: MIT
#include "ListenerConnection.h"

#include "ListenerWorker.h"
#include "http/HttpResponse.h"

#include <QDateTime>
#include <QTcpSocket>

#include <algorithm>

#include <sys/socket.h>

namespace {
// Answers queued but not yet written; past this the connection stops reading, so a
// pipelining client cannot make us hold its requests without bound.
constexpr size_t kMaxPendingAnswers = 32;
// Answers written but not yet taken by the client; past this the connection stops reading too,
// so a client that pipelines requests and never reads the answers cannot grow our memory.
constexpr qint64 kMaxUnsentBytes = 1024 * 1024;
constexpr int kLingerMs = 2000;
// Input room kept between reads; more is given back once the bytes in it are parsed.
constexpr qsizetype kKeptInputCapacity = 256 * 1024;
} // namespace

ListenerConnection::ListenerConnection(QTcpSocket *socket, ListenerWorker *worker,
                                       const HttpLimits &limits)
    : m_socket(socket)
    , m_worker(worker)
    , m_limits(limits)
    , m_parser(limits)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(256 * 1024);
    const QHostAddress a = m_socket->peerAddress();
    const QString host =
        a.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + a.toString() + u']' : a.toString();
    m_peer = host + u':' + QString::number(m_socket->peerPort());
    m_clock.start();
    // The access token is checked as soon as a head is whole: a client without it is turned
    // away before it sends its body, however large the body it announces.
    m_parser.setHeadGate(
        [this](const HttpRequest &head) {
            m_turnedAway = !m_worker->accessToken().admits(head);
            return !m_turnedAway;
        },
        401, QByteArrayLiteral("missing or wrong access token"));
    m_delayTimer.setSingleShot(true);
    m_delayTimer.setTimerType(Qt::PreciseTimer); // "past Hoox's 10 s" must not fire at 9.5 s
    connect(&m_delayTimer, &QTimer::timeout, this, &ListenerConnection::writeReady);
    connect(m_socket, &QTcpSocket::readyRead, this, &ListenerConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_out.empty() && m_socket->bytesToWrite() == 0 && m_stopReading && !m_lingering)
            beginLingeringClose();
        else if (m_outputFull && !outputFull())
            resumeReading();
    });
    connect(m_socket, &QTcpSocket::disconnected, this, &ListenerConnection::finish);
    rearmTimer();
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
}

ListenerConnection::~ListenerConnection() = default;

void ListenerConnection::refuseAndClose(int status, QByteArrayView reason)
{
    m_stopReading = true;
    queue(HttpResponse::refusal(status, reason), 0, true);
}

void ListenerConnection::onReadyRead()
{
    if (m_finished)
        return;
    if (m_lingering || m_stopReading) {
        m_socket->readAll(); // drained and dropped: nothing after a final answer counts
        return;
    }
    if (m_out.size() >= kMaxPendingAnswers)
        return; // resumed from writeReady() once answers drain
    if (outputFull())
        return; // resumed from bytesWritten once the client reads
    appendAvailable();
    m_lastReadMs = m_clock.elapsed();
    processInput();
}

void ListenerConnection::processInput()
{
    qsizetype offset = 0;
    while (offset < m_in.size() && !m_stopReading && m_out.size() < kMaxPendingAnswers &&
           !outputFull()) {
        qsizetype used = 0;
        const HttpParser::Event e = m_parser.feed(QByteArrayView(m_in).sliced(offset), &used);
        offset += used;
        if (!handleEvent(e))
            break;
    }
    m_in.remove(0, offset);
    if (m_in.isEmpty() && m_in.capacity() > kKeptInputCapacity)
        m_in = QByteArray(); // a rare big body: do not hold its room for the connection's life
    if (m_parser.inProgress() && !m_parser.headComplete() && m_headStartMs < 0)
        m_headStartMs = m_clock.elapsed();
    if (!m_stopReading)
        rearmTimer();
}

// Returns false when parsing must pause (more bytes needed, or a final answer queued).
bool ListenerConnection::handleEvent(HttpParser::Event event)
{
    switch (event) {
    case HttpParser::Event::NeedMore:
        return false;
    case HttpParser::Event::HeadComplete:
        m_headStartMs = -1;
        if (m_parser.current().expectContinue)
            queue(HttpResponse::continue100(), 0, false);
        return true;
    case HttpParser::Event::Complete:
        m_headStartMs = -1;
        onRequest(m_parser.takeRequest());
        return true;
    case HttpParser::Event::Failed:
        if (m_turnedAway)
            turnAway();
        else
            refuseAndClose(m_parser.errorStatus(), m_parser.errorReason());
        return false;
    }
    return false;
}

void ListenerConnection::onRequest(HttpRequest &&request)
{
    Pending slot;
    slot.waiting = true;
    slot.token = ++m_nextToken;
    slot.close = !request.keepAlive;
    slot.http10 = request.httpMinor == 0;
    slot.headOnly = request.method == "HEAD";
    slot.completeAtMs = m_clock.elapsed();
    if (slot.close)
        m_stopReading = true;
    m_out.push_back(std::move(slot));
    m_worker->accept(std::move(request), this, m_out.back().token);
}

// The worker shows the head of a request without the access token as refused and answers 401
// (ListenerWorker::refuse); its body was never read.
void ListenerConnection::turnAway()
{
    HttpRequest head = m_parser.current();
    head.keepAlive = false;
    onRequest(std::move(head));
}

void ListenerConnection::resolve(quint64 token, int status, const QByteArray &contentType,
                                 const QByteArray &body, int delayMs, bool close)
{
    const auto it = std::find_if(m_out.begin(), m_out.end(),
                                 [token](const Pending &p) { return p.token == token; });
    if (it == m_out.end() || !it->waiting)
        return;
    it->close = it->close || close;
    if (it->close)
        m_stopReading = true;
    it->bytes = HttpResponse::serializeReusing(status, contentType, body, it->close,
                                               it->http10 && !it->close, it->headOnly);
    it->readyAtMs = m_clock.elapsed() + delayMs;
    it->waiting = false;
    writeReady();
}

void ListenerConnection::tag(quint64 token, quint64 captureId, quint64 epoch, quint16 status)
{
    const auto it = std::find_if(m_out.begin(), m_out.end(),
                                 [token](const Pending &p) { return p.token == token; });
    if (it == m_out.end())
        return;
    it->captureId = captureId;
    it->epoch = epoch;
    it->status = status;
}

// Measured when the answer is handed to the socket, whatever held it: the rule's delay, the
// answerer, or answers ahead of it on the connection.
void ListenerConnection::noteWritten(const Pending &answer, qint64 nowMs)
{
    if (answer.captureId == 0 || answer.completeAtMs < 0)
        return;
    const qint64 took = nowMs - answer.completeAtMs;
    if (took >= m_worker->lateAnswerMs())
        m_worker->noteLateAnswer(answer.captureId, answer.epoch, answer.status, took);
}

void ListenerConnection::queue(QByteArray bytes, int delayMs, bool close)
{
    Pending p;
    p.bytes = std::move(bytes);
    p.readyAtMs = m_clock.elapsed() + delayMs;
    p.close = close;
    m_out.push_back(std::move(p));
    writeReady();
}

// Writes every answer whose time has come, in order; a delayed answer holds back the
// ones behind it, as pipelining requires.
void ListenerConnection::writeReady()
{
    if (m_finished)
        return;
    bool wrote = false;
    const qint64 now = m_clock.elapsed();
    while (!m_out.empty() && !m_out.front().waiting && m_out.front().readyAtMs <= now) {
        m_socket->write(m_out.front().bytes);
        noteWritten(m_out.front(), now);
        const bool close = m_out.front().close;
        m_out.pop_front();
        wrote = true;
        if (close) {
            m_out.clear();
            break;
        }
    }
    if (wrote)
        m_socket->flush();
    if (!m_out.empty()) {
        if (m_out.front().waiting)
            return; // resolve() writes on
        m_delayTimer.start(int(qMax<qint64>(0, m_out.front().readyAtMs - now)));
        return;
    }
    if (m_stopReading) {
        if (m_socket->bytesToWrite() == 0)
            beginLingeringClose();
        return;
    }
    rearmTimer();
    resumeReading();
}

// Records whether the client has left too much of our output unread (see kMaxUnsentBytes).
bool ListenerConnection::outputFull()
{
    m_outputFull = m_socket->bytesToWrite() > kMaxUnsentBytes;
    return m_outputFull;
}

// Reads what the socket holds onto the end of m_in, whose room is reused from read to read.
void ListenerConnection::appendAvailable()
{
    const qint64 available = m_socket->bytesAvailable();
    if (available <= 0)
        return;
    const qsizetype old = m_in.size();
    m_in.resize(old + available);
    const qint64 got = m_socket->read(m_in.data() + old, available);
    m_in.resize(old + qMax<qint64>(got, 0));
}

// Reading paused while answers were pending or unread: go on with what is buffered.
void ListenerConnection::resumeReading()
{
    if (m_finished || m_stopReading || m_lingering || outputFull())
        return;
    if (m_in.isEmpty() && m_socket->bytesAvailable() == 0)
        return;
    appendAvailable();
    QMetaObject::invokeMethod(this, &ListenerConnection::processInput, Qt::QueuedConnection);
}

// After a final answer, shut our sending side and drain what the client still sends, so
// that closing with unread bytes does not reset the connection before it read the answer.
void ListenerConnection::beginLingeringClose()
{
    if (m_lingering || m_finished)
        return;
    m_lingering = true;
    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    m_socket->readAll();
    m_deadlineMs = m_clock.elapsed() + kLingerMs;
}

// Only notes the deadline that applies now; the worker's sweep enforces it. One coarse
// timer for all connections costs far less than restarting a timer on every read.
void ListenerConnection::rearmTimer()
{
    if (m_lingering)
        return;
    const qint64 now = m_clock.elapsed();
    if (!m_out.empty())
        m_deadlineMs = -1; // waiting on our own delayed answer, not on the client
    else if (m_parser.inProgress() && !m_parser.headComplete())
        m_deadlineMs = (m_headStartMs < 0 ? now : m_headStartMs) + m_limits.headTimeoutMs;
    else
        m_deadlineMs = m_lastReadMs + m_limits.idleTimeoutMs; // body in progress, or idle
}

void ListenerConnection::checkDeadline()
{
    if (m_deadlineMs >= 0 && m_clock.elapsed() >= m_deadlineMs && !m_finished)
        onTimer();
}

void ListenerConnection::onTimer()
{
    if (m_lingering) {
        finish();
        return;
    }
    if (m_parser.inProgress() && !m_parser.headComplete()) {
        refuseAndClose(408, "request head not received in time");
        return;
    }
    if (m_parser.inProgress()) {
        refuseAndClose(408, "request body stalled");
        return;
    }
    finish(); // idle keep-alive
}

void ListenerConnection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_deadlineMs = -1;
    m_delayTimer.stop();
    m_socket->abort();
    emit closed(this);
}
