// SPDX-License-Identifier: MIT
#include "HttpParser.h"

#include "HttpGrammar.h"

#include <cctype>
#include <cstring>
#include <limits>
#include <utility>

namespace {

// Field values may hold visible ASCII, spaces, tabs and obs-text, no other control byte.
bool isFieldValue(QByteArrayView s)
{
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && c != '\t') || c == 0x7f)
            return false;
    }
    return true;
}

QByteArrayView trimmedOws(QByteArrayView s)
{
    while (!s.isEmpty() && (s.front() == ' ' || s.front() == '\t'))
        s = s.sliced(1);
    while (!s.isEmpty() && (s.back() == ' ' || s.back() == '\t'))
        s.chop(1);
    return s;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Splits a comma-separated field list (over all values of a repeated field) into trimmed
// lower-case elements; empty elements are kept so that callers can refuse them.
QList<QByteArray> listElements(const QList<QByteArray> &values)
{
    QList<QByteArray> out;
    for (const QByteArray &v : values) {
        qsizetype from = 0;
        while (from <= v.size()) {
            qsizetype comma = v.indexOf(',', from);
            if (comma < 0)
                comma = v.size();
            out.append(
                trimmedOws(QByteArrayView(v).sliced(from, comma - from)).toByteArray().toLower());
            from = comma + 1;
        }
    }
    return out;
}

constexpr qsizetype kRequestLineSlack = 8 * 1024; // method, version and spaces beside the target
constexpr qsizetype kChunkLineMax = 4 * 1024;

} // namespace

HttpParser::HttpParser(const HttpLimits &limits)
    : m_limits(limits)
{
}

bool HttpParser::inProgress() const
{
    return m_started && m_state != State::Complete && m_state != State::Failed;
}

bool HttpParser::headComplete() const
{
    return m_state != State::RequestLine && m_state != State::HeaderLine &&
           m_state != State::Failed;
}

void HttpParser::setHeadGate(HeadGate gate, int status, QByteArray reason)
{
    m_gate = std::move(gate);
    m_gateStatus = status;
    m_gateReason = std::move(reason);
}

HttpParser::Event HttpParser::fail(int status, const char *reason)
{
    return fail(status, QByteArray(reason));
}

HttpParser::Event HttpParser::fail(int status, const QByteArray &reason)
{
    m_state = State::Failed;
    m_errorStatus = status;
    m_errorReason = reason;
    return Event::Failed;
}

HttpRequest HttpParser::takeRequest()
{
    HttpRequest out = std::move(m_request);
    m_request = HttpRequest{};
    m_state = State::RequestLine;
    m_line.clear();
    m_sawCR = false;
    m_started = false;
    m_headerBytes = 0;
    m_remaining = 0;
    return out;
}

HttpParser::Event HttpParser::feed(QByteArrayView data, qsizetype *consumed)
{
    qsizetype pos = 0;
    auto done = [&](Event e) {
        *consumed = pos;
        return e;
    };
    while (pos < data.size()) {
        m_started = true;
        switch (m_state) {
        case State::Failed:
            return done(Event::Failed);
        case State::Complete:
            return done(Event::Complete);
        case State::Body:
        case State::ChunkData: {
            const qsizetype n = qMin<qint64>(m_remaining, data.size() - pos);
            m_request.body.append(data.data() + pos, n);
            pos += n;
            m_remaining -= n;
            if (m_remaining == 0 && m_state == State::Body) {
                m_state = State::Complete;
                return done(Event::Complete);
            }
            if (m_remaining == 0)
                m_state = State::ChunkDataEnd;
            break;
        }
        case State::ChunkDataEnd: {
            // The CRLF after chunk data, one byte at a time so it may straddle feeds.
            const char c = data.at(pos++);
            if (!m_sawCR && c == '\r') {
                m_sawCR = true;
            } else if (m_sawCR && c == '\n') {
                m_sawCR = false;
                m_state = State::ChunkSize;
            } else {
                return done(
                    fail(400, "chunk data longer than its declared size, or no CRLF after it"));
            }
            break;
        }
        default: {
            QByteArrayView line;
            Event e = Event::NeedMore;
            if (m_state == State::RequestLine)
                e = consumeLine(data, &pos, m_limits.maxTargetBytes + kRequestLineSlack, 414,
                                "request target too long", &line);
            else if (m_state == State::ChunkSize)
                e = consumeLine(data, &pos, kChunkLineMax, 400, "chunk size line too long", &line);
            else
                e = consumeLine(data, &pos, m_limits.maxHeaderBytes - m_headerBytes, 431,
                                "header section too large", &line);
            if (e == Event::Failed)
                return done(e);
            if (line.isNull())
                break;
            switch (m_state) {
            case State::RequestLine:
                e = onRequestLine(line);
                break;
            case State::HeaderLine:
                e = onHeaderLine(line, m_request.headers);
                break;
            case State::ChunkSize:
                e = onChunkSizeLine(line);
                break;
            default:
                e = onHeaderLine(line, m_request.trailers);
                break;
            }
            m_line.truncate(0); // keeps its capacity for the next line split across reads
            if (e != Event::NeedMore)
                return done(e);
        }
        }
    }
    return done(m_state == State::Failed ? Event::Failed : Event::NeedMore);
}

// Takes bytes up to and including the next LF. A whole line is viewed in place; only a line
// split across reads is assembled in m_line. *line is the finished line without its CRLF, or
// null while it is unfinished. Only CRLF ends a line: a bare CR or bare LF is refused, since
// peers that disagree on line ends can be made to see different requests. The verdict goes
// to the first offending byte, so that it does not depend on how the bytes were split across
// reads.
HttpParser::Event HttpParser::consumeLine(QByteArrayView data, qsizetype *pos, qsizetype maxLine,
                                          int overStatus, const char *overReason,
                                          QByteArrayView *line)
{
    const char *begin = data.data() + *pos;
    const qsizetype avail = data.size() - *pos;
    const auto *nl = static_cast<const char *>(std::memchr(begin, '\n', avail));
    QByteArrayView seg(begin, nl ? nl - begin : avail);
    const qsizetype taken = nl ? seg.size() + 1 : avail;

    // A CR held over from the previous piece came before every byte of this one.
    if (m_sawCR && !(seg.isEmpty() && nl))
        return fail(400, "bare CR in the request head");
    const qsizetype room = maxLine - m_line.size();
    const qsizetype cr = seg.indexOf('\r');
    const bool crEndsLine = cr >= 0 && cr == seg.size() - 1;
    if (cr >= 0 && !crEndsLine && cr <= room)
        return fail(400, "bare CR in the request head");
    if ((crEndsLine ? seg.size() - 1 : seg.size()) > room)
        return fail(overStatus, overReason);
    if (nl && !crEndsLine && !m_sawCR)
        return fail(400, "bare LF as a line end; lines must end with CRLF");
    m_sawCR = nl ? false : crEndsLine;
    if (crEndsLine)
        seg.chop(1);
    *pos += taken;
    if (nl && m_line.isEmpty()) {
        *line = seg.isNull() ? QByteArrayView("", 0) : seg;
    } else {
        m_line.append(seg);
        if (nl)
            *line = QByteArrayView(m_line.isNull() ? "" : m_line.constData(), m_line.size());
    }
    if (nl && (m_state == State::HeaderLine || m_state == State::TrailerLine))
        m_headerBytes += line->size() + 2; // counted once the line is whole, CRLF included
    return Event::NeedMore;
}

HttpParser::Event HttpParser::onRequestLine(QByteArrayView line)
{
    if (line.isEmpty()) {
        m_started = false; // empty lines before a request line are ignored (RFC 9112 2.2)
        return Event::NeedMore;
    }
    const qsizetype sp1 = line.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
    if (sp1 < 0 || sp2 < 0)
        return fail(400, "malformed request line; expected METHOD SP TARGET SP HTTP/1.1");
    const QByteArrayView method = line.first(sp1);
    const QByteArrayView target = line.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = line.sliced(sp2 + 1);
    if (!HttpGrammar::isToken(method))
        return fail(400, "method is not a token");
    if (target.isEmpty())
        return fail(400, "empty request target");
    if (target.size() > m_limits.maxTargetBytes)
        return fail(414, "request target too long");
    if (version.size() != 8 || !version.startsWith("HTTP/") || version.at(6) != '.' ||
        !std::isdigit(static_cast<unsigned char>(version.at(5))) ||
        !std::isdigit(static_cast<unsigned char>(version.at(7))))
        return fail(400, "malformed HTTP version");
    if (version.at(5) != '1' || (version.at(7) != '0' && version.at(7) != '1'))
        return fail(505, "HTTP version not supported; use HTTP/1.1 or HTTP/1.0");
    if (method == "CONNECT")
        return fail(501, "CONNECT is not supported: this server receives webhooks, it is no proxy");
    if (const char *problem = HttpGrammar::targetProblem(method, target))
        return fail(400, problem);
    m_request.method = method.toByteArray();
    m_request.target = target.toByteArray();
    m_request.httpMinor = static_cast<quint8>(version.at(7) - '0');
    m_state = State::HeaderLine;
    return Event::NeedMore;
}

HttpParser::Event HttpParser::onHeaderLine(QByteArrayView line, HttpHeaders &into)
{
    if (line.isEmpty()) {
        if (m_state == State::TrailerLine) {
            m_state = State::Complete;
            return Event::Complete;
        }
        return onHeadEnd();
    }
    if (line.front() == ' ' || line.front() == '\t')
        return fail(400, "obsolete line folding in a header");
    const qsizetype colon = line.indexOf(':');
    if (colon < 0)
        return fail(400, "header line without a colon");
    const QByteArrayView name = line.first(colon);
    if (!name.isEmpty() && (name.back() == ' ' || name.back() == '\t'))
        return fail(400, "whitespace between a header name and its colon");
    if (!HttpGrammar::isToken(name))
        return fail(400, "header name is not a token");
    const QByteArrayView value = trimmedOws(line.sliced(colon + 1));
    if (!isFieldValue(value))
        return fail(400, "NUL or control byte in a header value");
    if (m_request.headers.size() + m_request.trailers.size() >= m_limits.maxHeaderCount)
        return fail(431, "too many header fields");
    into.append(name.toByteArray(), value.toByteArray());
    return Event::NeedMore;
}

HttpParser::Event HttpParser::onHeadEnd()
{
    const HttpHeaders &h = m_request.headers;
    const int hosts = h.count("host");
    if (m_request.httpMinor == 1 && hosts != 1)
        return fail(400, "an HTTP/1.1 request needs exactly one Host header");
    if (hosts > 1)
        return fail(400, "more than one Host header");
    if (hosts == 1) {
        if (const char *problem = HttpGrammar::hostProblem(h.value("host")))
            return fail(400, problem);
    }
    if (const Event e = checkFraming(); e != Event::NeedMore)
        return e;
    if (m_gate && !m_gate(m_request))
        return fail(m_gateStatus, m_gateReason);
    if (m_remaining > m_limits.maxBodyBytes)
        return fail(413, "request body larger than the limit");
    if (const Event e = checkExpect(); e != Event::NeedMore)
        return e;

    bool close = false;
    bool keepAlive = false;
    for (const QByteArray &t : listElements(h.values("connection"))) {
        close = close || t == "close";
        keepAlive = keepAlive || t == "keep-alive";
    }
    m_request.keepAlive = !close && (m_request.httpMinor == 1 || keepAlive);

    if (m_request.chunked) {
        m_state = State::ChunkSize;
        return Event::HeadComplete;
    }
    if (m_remaining == 0) {
        m_state = State::Complete;
        return Event::Complete;
    }
    // Grow with the data, not with the claim: a client may announce 32 MiB and send nothing.
    m_request.body.reserve(qMin<qint64>(m_remaining, 64 * 1024));
    m_state = State::Body;
    return Event::HeadComplete;
}

HttpParser::Event HttpParser::checkFraming()
{
    const HttpHeaders &h = m_request.headers;
    const QList<QByteArray> te = h.values("transfer-encoding");
    const QList<QByteArray> cl = h.values("content-length");
    m_remaining = 0;
    if (!te.isEmpty() && !cl.isEmpty())
        return fail(400, "both Content-Length and Transfer-Encoding; the framing is ambiguous");
    if (!te.isEmpty()) {
        if (m_request.httpMinor == 0)
            return fail(400, "Transfer-Encoding in an HTTP/1.0 request");
        const QList<QByteArray> codings = listElements(te);
        const auto chunked = codings.count("chunked");
        if (codings.contains(QByteArray()))
            return fail(400, "empty element in Transfer-Encoding");
        if (chunked > 1)
            return fail(400, "chunked applied more than once");
        if (chunked == 1 && codings.last() != "chunked")
            return fail(400, "chunked is not the last transfer coding");
        if (chunked == 0 || codings.size() > 1)
            return fail(501, "transfer coding not implemented; only chunked is");
        m_request.chunked = true;
        return Event::NeedMore;
    }
    if (cl.isEmpty())
        return Event::NeedMore;
    if (cl.size() > 1)
        return fail(400, "more than one Content-Length header");
    const QByteArray &v = cl.first();
    if (v.isEmpty() || v.size() > 18)
        return fail(400, "Content-Length is not a plain decimal number, or too large");
    qint64 n = 0;
    for (char c : v) {
        if (c < '0' || c > '9')
            return fail(400, "Content-Length is not a plain decimal number");
        n = n * 10 + (c - '0');
    }
    m_remaining = n; // held to the limit once the head gate had its say
    return Event::NeedMore;
}

HttpParser::Event HttpParser::checkExpect()
{
    const QList<QByteArray> expect = m_request.headers.values("expect");
    if (expect.isEmpty())
        return Event::NeedMore;
    if (expect.size() != 1 || expect.first().compare("100-continue", Qt::CaseInsensitive) != 0)
        return fail(417, "unsupported expectation; only 100-continue is");
    // An HTTP/1.0 client cannot mean it (RFC 9110 10.1.1): ignore it there.
    m_request.expectContinue = m_request.httpMinor == 1;
    return Event::NeedMore;
}

HttpParser::Event HttpParser::onChunkSizeLine(QByteArrayView line)
{
    qsizetype digits = 0;
    quint64 n = 0;
    for (; digits < line.size(); ++digits) {
        const int d = hexValue(line.at(digits));
        if (d < 0)
            break;
        if (n > (std::numeric_limits<quint64>::max() >> 4))
            return fail(400, "chunk size overflows");
        n = (n << 4) | static_cast<quint64>(d);
    }
    if (digits == 0)
        return fail(400, line.isEmpty() || line.front() == ';'
                             ? "empty chunk size"
                             : "chunk size is not plain hexadecimal");
    // Extensions mean nothing to us, but one that breaks the grammar may be read differently
    // by a proxy in front, so it is refused rather than skipped.
    if (const char *problem = HttpGrammar::chunkExtensionProblem(line.sliced(digits)))
        return fail(400, problem);
    if (n > static_cast<quint64>(m_limits.maxBodyBytes - m_request.body.size()))
        return fail(413, "request body larger than the limit");
    if (n == 0) {
        m_state = State::TrailerLine;
        return Event::NeedMore;
    }
    m_remaining = static_cast<qint64>(n);
    m_state = State::ChunkData;
    return Event::NeedMore;
}
