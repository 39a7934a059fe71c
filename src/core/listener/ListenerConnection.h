// SPDX-License-Identifier: MIT
#pragma once

#include "http/HttpParser.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <deque>

class QTcpSocket;
class ListenerWorker;

// One accepted socket: feeds the parser, hands complete requests to the worker and writes
// the answers back in request order (pipelining), each after its rule's delay.
class ListenerConnection : public QObject {
    Q_OBJECT
public:
    ListenerConnection(QTcpSocket *socket, ListenerWorker *worker, const HttpLimits &limits);
    ~ListenerConnection() override;

    QString peer() const { return m_peer; }
    // Sends a refusal at once and closes, e.g. when the server is over its connection limit.
    void refuseAndClose(int status, QByteArrayView reason);
    // The answer to the request queued under `token` (see ListenerWorker::accept).
    void resolve(quint64 token, int status, const QByteArray &contentType, const QByteArray &body,
                 int delayMs, bool close);
    // Names the capture whose answer `token` is: when that answer goes out later than the
    // worker's lateAnswerMs() after the request was complete, the worker hears of it.
    void tag(quint64 token, quint64 captureId, quint64 epoch, quint16 status);
    // Called by the worker's periodic sweep: acts on a head, body or idle deadline past due.
    void checkDeadline();

signals:
    void closed(ListenerConnection *self);

private:
    struct Pending {
        QByteArray bytes;
        qint64 readyAtMs = 0; // monotonic, from m_clock
        bool close = false;
        bool waiting = false; // the answer is not decided yet
        quint64 token = 0;
        bool http10 = false;
        bool headOnly = false;
        qint64 completeAtMs = -1; // when the request was complete, from m_clock
        quint64 captureId = 0;    // see tag()
        quint64 epoch = 0;
        quint16 status = 0;
    };
    void noteWritten(const Pending &answer, qint64 nowMs);

    void onReadyRead();
    void processInput();
    bool handleEvent(HttpParser::Event event);
    void onRequest(HttpRequest &&request);
    void turnAway();
    void queue(QByteArray bytes, int delayMs, bool close);
    void writeReady();
    bool outputFull();
    void resumeReading();
    void appendAvailable();
    void beginLingeringClose();
    void rearmTimer();
    void onTimer();
    void finish();

    QTcpSocket *m_socket;
    ListenerWorker *m_worker;
    HttpLimits m_limits;
    HttpParser m_parser;
    QString m_peer;
    QByteArray m_in;
    std::deque<Pending> m_out;
    QTimer m_delayTimer; // the next delayed answer
    QElapsedTimer m_clock;
    qint64 m_deadlineMs = -1; // the one that applies now: head, body, idle or linger; -1: none
    qint64 m_headStartMs = -1;
    qint64 m_lastReadMs = 0;
    bool m_stopReading = false; // a final answer is queued; later bytes are not parsed
    bool m_lingering = false;   // our side is shut; draining the peer until it closes
    bool m_finished = false;
    bool m_outputFull = false; // reading paused until the client takes our answers
    bool m_turnedAway = false; // the parser failed at the head gate: no access token
    quint64 m_nextToken = 0;
};
