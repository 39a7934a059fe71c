// SPDX-License-Identifier: MIT
#pragma once

#include "HttpLimits.h"
#include "HttpRequest.h"

#include <QByteArray>
#include <QByteArrayView>

#include <functional>

// An incremental HTTP/1.1 request parser. It is fed bytes as they arrive, in pieces
// of any size (one byte at a time works), and has no event loop or socket inside,
// so it can be fuzzed. Strict: anything ambiguous is refused with a status and a
// one-line reason, and the parser then stays failed.
//
//   HttpParser p(limits);
//   while (!data.isEmpty()) {
//       qsizetype used = 0;
//       switch (p.feed(data, &used)) { … }
//       data = data.sliced(used);
//   }
class HttpParser {
public:
    enum class Event {
        NeedMore,     // all bytes consumed; feed more
        HeadComplete, // the head passed every check; the body (if any) follows
        Complete,     // a whole request is ready: takeRequest()
        Failed,       // refused: errorStatus() and errorReason()
    };

    explicit HttpParser(const HttpLimits &limits = {});

    // Consulted once a head is well-formed, before the limits on its body apply: when it
    // returns false the parser fails with `status` and `reason` and reads no further, so that
    // a client turned away (no access token) is told so at once, whatever body it announced.
    using HeadGate = std::function<bool(const HttpRequest &head)>;
    void setHeadGate(HeadGate gate, int status, QByteArray reason);

    // Consumes bytes until the next event and stores how many in *consumed. After
    // Complete, takeRequest() resets the parser for the next (pipelined) request.
    Event feed(QByteArrayView data, qsizetype *consumed);

    HttpRequest takeRequest();
    // The request being parsed: its head is valid from HeadComplete on.
    const HttpRequest &current() const { return m_request; }

    // True while a request has started (bytes of it arrived) but is not complete.
    bool inProgress() const;
    // True once the head of the current request is complete.
    bool headComplete() const;

    int errorStatus() const { return m_errorStatus; }
    const QByteArray &errorReason() const { return m_errorReason; }

private:
    enum class State {
        RequestLine,
        HeaderLine,
        Body,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        TrailerLine,
        Complete,
        Failed
    };

    Event fail(int status, const char *reason);
    Event fail(int status, const QByteArray &reason);
    Event consumeLine(QByteArrayView data, qsizetype *pos, qsizetype maxLine, int overStatus,
                      const char *overReason, QByteArrayView *line);
    Event onRequestLine(QByteArrayView line);
    Event onHeaderLine(QByteArrayView line, HttpHeaders &into);
    Event onHeadEnd();
    Event onChunkSizeLine(QByteArrayView line);
    Event checkFraming();
    Event checkExpect();

    HttpLimits m_limits;
    HeadGate m_gate;
    int m_gateStatus = 0;
    QByteArray m_gateReason;
    State m_state = State::RequestLine;
    HttpRequest m_request;
    QByteArray m_line;      // a line split across reads, being assembled, without CRLF
    bool m_sawCR = false;   // the last byte of m_line's input was CR
    bool m_started = false; // a byte of this request arrived
    qsizetype m_headerBytes = 0;
    qint64 m_remaining = 0; // body or chunk bytes still expected
    int m_errorStatus = 0;
    QByteArray m_errorReason;
};
