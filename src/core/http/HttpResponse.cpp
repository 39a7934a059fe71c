// SPDX-License-Identifier: MIT
#include "HttpResponse.h"

#include <QDateTime>

namespace {
// A bigger answer body is serialised afresh each time rather than kept alive for reuse.
constexpr qsizetype kMaxReusedBody = 64 * 1024;

// The Date of this second, formatted once per second and thread: the listener answers tens of
// thousands of requests a second, and formatting a time for each would show in its profile.
struct DateCache {
    qint64 second = -1;
    QByteArray text;
};

const DateCache &currentDate()
{
    thread_local DateCache cache;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (now != cache.second)
        cache = DateCache{now, HttpResponse::imfFixdate(now)};
    return cache;
}

// Days since 1970-01-01 to a civil date, after Howard Hinnant's days_from_civil inverse.
void civilFromDays(qint64 days, int *year, int *month, int *day)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const auto dayOfEra = unsigned(days - era * 146097);
    const unsigned yearOfEra =
        (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const unsigned dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const unsigned mp = (5 * dayOfYear + 2) / 153;
    *day = int(dayOfYear - (153 * mp + 2) / 5 + 1);
    *month = int(mp < 10 ? mp + 3 : mp - 9);
    *year = int(qint64(yearOfEra) + era * 400 + (*month <= 2 ? 1 : 0));
}

void appendTwoDigits(QByteArray &out, int n)
{
    out.append(char('0' + n / 10)).append(char('0' + n % 10));
}
} // namespace

QByteArray HttpResponse::imfFixdate(qint64 secondsSinceEpoch)
{
    static const char *const kDays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
    static const char *const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const qint64 days =
        secondsSinceEpoch >= 0 ? secondsSinceEpoch / 86400 : (secondsSinceEpoch - 86399) / 86400;
    const auto secondOfDay = int(secondsSinceEpoch - days * 86400);
    int year = 0, month = 0, day = 0;
    civilFromDays(days, &year, &month, &day);
    QByteArray out;
    out.reserve(29);
    out.append(kDays[((days % 7) + 7) % 7]).append(", ");
    appendTwoDigits(out, day);
    out.append(' ').append(kMonths[month - 1]).append(' ');
    out.append(QByteArray::number(year).rightJustified(4, '0')).append(' ');
    appendTwoDigits(out, secondOfDay / 3600);
    out.append(':');
    appendTwoDigits(out, secondOfDay / 60 % 60);
    out.append(':');
    appendTwoDigits(out, secondOfDay % 60);
    out.append(" GMT");
    return out;
}

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
    out.append(reasonPhrase(status)).append("\r\nDate: ").append(currentDate().text);
    out.append("\r\nServer: HookScope\r\n");
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
        qint64 second = -1; // of its Date
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
    const qint64 second = currentDate().second;
    if (last.second != second || last.status != status || last.close != close ||
        last.http10KeepAlive != http10KeepAlive || last.headOnly != headOnly ||
        last.contentType != contentType || last.body != body) {
        last = Last{
            second,      status,
            contentType, body,
            close,       http10KeepAlive,
            headOnly,    serialize(status, contentType, body, close, http10KeepAlive, headOnly)};
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
    return "HTTP/1.1 100 Continue\r\nDate: " + currentDate().text + "\r\n\r\n";
}
