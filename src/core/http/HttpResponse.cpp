// SPDX-License-Identifier: MIT
#include "HttpResponse.h"

namespace {
// A bigger answer body is serialised afresh each time rather than kept alive for reuse.
constexpr qsizetype kMaxReusedBody = 64 * 1024;
} // namespace

QByteArray HttpResponse::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return QByteArrayLiteral("Continue");
    case 200:
        return QByteArrayLiteral("OK");
    case 201:
        return QByteArrayLiteral("Created");
    case 202:
        return QByteArrayLiteral("Accepted");
    case 204:
        return QByteArrayLiteral("No Content");
    case 301:
        return QByteArrayLiteral("Moved Permanently");
    case 302:
        return QByteArrayLiteral("Found");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 408:
        return QByteArrayLiteral("Request Timeout");
    case 409:
        return QByteArrayLiteral("Conflict");
    case 413:
        return QByteArrayLiteral("Content Too Large");
    case 414:
        return QByteArrayLiteral("URI Too Long");
    case 417:
        return QByteArrayLiteral("Expectation Failed");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 501:
        return QByteArrayLiteral("Not Implemented");
    case 502:
        return QByteArrayLiteral("Bad Gateway");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    case 504:
        return QByteArrayLiteral("Gateway Timeout");
    case 505:
        return QByteArrayLiteral("HTTP Version Not Supported");
    default:
        return QByteArrayLiteral("Status");
    }
}

QByteArray HttpResponse::serialize(int status, QByteArrayView contentType, QByteArrayView body,
                                   bool close, bool http10KeepAlive, bool headOnly)
{
    QByteArray out;
    out.reserve(128 + contentType.size() + body.size());
    out.append("HTTP/1.1 ").append(QByteArray::number(status)).append(' ');
    out.append(reasonPhrase(status)).append("\r\nServer: HookScope\r\n");
    if (!contentType.isEmpty())
        out.append("Content-Type: ").append(contentType).append("\r\n");
    out.append("Content-Length: ").append(QByteArray::number(body.size())).append("\r\n");
    if (close)
        out.append("Connection: close\r\n");
    else if (http10KeepAlive)
        out.append("Connection: keep-alive\r\n");
    out.append("\r\n");
    if (!headOnly)
        out.append(body);
    return out;
}

QByteArray HttpResponse::serializeReusing(int status, const QByteArray &contentType,
                                          const QByteArray &body, bool close, bool http10KeepAlive,
                                          bool headOnly)
{
    struct Last {
        int status = 0;
        QByteArray contentType;
        QByteArray body;
        bool close = false;
        bool http10KeepAlive = false;
        bool headOnly = false;
        QByteArray bytes;
    };
    // One per thread: the listener's thread reuses its own, and nothing is shared unlocked.
    thread_local Last last;
    if (body.size() > kMaxReusedBody)
        return serialize(status, contentType, body, close, http10KeepAlive, headOnly);
    if (last.status != status || last.close != close || last.http10KeepAlive != http10KeepAlive ||
        last.headOnly != headOnly || last.contentType != contentType || last.body != body) {
        last = Last{status,
                    contentType,
                    body,
                    close,
                    http10KeepAlive,
                    headOnly,
                    serialize(status, contentType, body, close, http10KeepAlive, headOnly)};
    }
    return last.bytes;
}

QByteArray HttpResponse::refusal(int status, QByteArrayView reason)
{
    QByteArray body = reason.toByteArray();
    body.append('\n');
    return serialize(status, "text/plain; charset=utf-8", body, true);
}

QByteArray HttpResponse::continue100()
{
    return QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n");
}
