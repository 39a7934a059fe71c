// SPDX-License-Identifier: MIT
// libFuzzer target for HttpParser. The input is fed twice: whole, and cut at split points drawn
// from the input itself, the way TCP may cut it. Both runs must see the same requests and the
// same refusal, since a parser whose verdict depends on segmentation can be made to see a
// request that another peer does not. Each feed is also checked against the parser's contract.
#include "FuzzCheck.h"
#include "http/HttpParser.h"

#include <QList>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

// Small limits let short inputs reach every 413, 414 and 431 path; the defaults check the
// ordinary configuration.
HttpLimits limitsFor(uint8_t selector)
{
    HttpLimits l;
    if (selector & 1) {
        l.maxTargetBytes = 1 + (selector >> 1) % 64;
        l.maxHeaderBytes = 8 + (selector >> 1) % 256;
        l.maxHeaderCount = 1 + (selector >> 2) % 8;
        l.maxBodyBytes = (selector >> 1) % 128;
    }
    return l;
}

struct Outcome {
    QList<HttpRequest> requests;
    int failedStatus = 0;
};

// Everything the parser decides, its connection flags too.
bool sameParse(const HttpRequest &a, const HttpRequest &b)
{
    return a.method == b.method && a.target == b.target && a.httpMinor == b.httpMinor &&
           a.headers == b.headers && a.trailers == b.trailers && a.body == b.body &&
           a.chunked == b.chunked && a.expectContinue == b.expectContinue &&
           a.keepAlive == b.keepAlive;
}

void checkComplete(const HttpRequest &r, const HttpLimits &limits)
{
    check(!r.method.isEmpty());
    check(!r.target.isEmpty() && r.target.size() <= limits.maxTargetBytes);
    check(r.httpMinor <= 1);
    check(r.headers.size() + r.trailers.size() <= limits.maxHeaderCount);
    check(r.body.size() <= limits.maxBodyBytes);
    check(r.chunked || r.trailers.isEmpty());
}

// Feeds one piece the way ListenerConnection does; returns false once the parser failed.
bool feedPiece(HttpParser &p, QByteArrayView piece, const HttpLimits &limits, Outcome *out)
{
    bool headSeen = false;
    while (!piece.isEmpty()) {
        qsizetype used = -1;
        const HttpParser::Event e = p.feed(piece, &used);
        check(used >= 0 && used <= piece.size());
        switch (e) {
        case HttpParser::Event::NeedMore:
            check(used == piece.size());
            break;
        case HttpParser::Event::HeadComplete:
            check(!headSeen && p.headComplete() && p.inProgress());
            headSeen = true;
            break;
        case HttpParser::Event::Complete: {
            const HttpRequest r = p.takeRequest();
            checkComplete(r, limits);
            out->requests.append(r);
            headSeen = false;
            break;
        }
        case HttpParser::Event::Failed: {
            const int status = p.errorStatus();
            check(status >= 400 && status <= 505 && !p.errorReason().isEmpty());
            check(!p.errorReason().contains('\n'));
            qsizetype again = -1;
            // Failed is sticky: nothing more is consumed, the verdict does not change.
            check(p.feed(piece.sliced(used), &again) == HttpParser::Event::Failed);
            check(p.feed("GET / HTTP/1.1\r\nHost: x\r\n\r\n", &again) == HttpParser::Event::Failed);
            check(again == 0 && p.errorStatus() == status && !p.inProgress());
            out->failedStatus = status;
            return false;
        }
        }
        piece = piece.sliced(used);
    }
    return true;
}

Outcome run(QByteArrayView data, const HttpLimits &limits, uint32_t seed)
{
    HttpParser p(limits);
    // A head gate as the listener sets for its access token: a verdict on the head alone.
    p.setHeadGate([](const HttpRequest &head) { return !head.target.contains("deny"); }, 401,
                  "turned away");
    Outcome out;
    // A linear congruential generator: deterministic per input, so crashes reproduce.
    uint32_t state = seed;
    while (!data.isEmpty()) {
        qsizetype n = data.size();
        if (seed != 0) {
            state = state * 1664525u + 1013904223u;
            n = qMin<qsizetype>(n, 1 + (state >> 16) % ((state & 0x100) ? 4 : 300));
        }
        if (!feedPiece(p, data.first(n), limits, &out))
            return out;
        data = data.sliced(n);
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const HttpLimits limits = limitsFor(data[0]);
    const QByteArrayView input(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));
    const Outcome whole = run(input, limits, 0);
    const Outcome split = run(input, limits, 0x9e3779b9u ^ data[1]);
    check(whole.requests.size() == split.requests.size());
    for (qsizetype i = 0; i < whole.requests.size(); ++i)
        check(sameParse(whole.requests.at(i), split.requests.at(i)));
    check(whole.failedStatus == split.failedStatus);
    return 0;
}
