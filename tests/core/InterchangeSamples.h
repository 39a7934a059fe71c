// SPDX-License-Identifier: MIT
// Requests whose captures the interchange tests export and import: the shapes that have gone
// wrong in HAR and JSON Lines tools (binary and BOM bodies, chunked bodies with trailers,
// header case and order, repeated fields, obs-text values, empty bodies).
#pragma once

#include "capture/CaptureRecorder.h"
#include "http/HttpRequest.h"

#include <QList>
#include <QTest>

namespace InterchangeSamples {

inline const QByteArray kHooxBody = QByteArrayLiteral(
    "{\"task\":\"video_generate\",\"job_id\":\"run_01234567890abcdef\",\"status\":\"completed\","
    "\"result\":{\"video_id\":\"video_abcdef1234567890\",\"cost\":5,\"note\":\"caf\xc3\xa9 "
    "\xe2\x9c\x93\"}}");

inline HttpRequest hooxRequest(QByteArray body = kHooxBody)
{
    HttpRequest r;
    r.method = "POST";
    r.target = "/webhook/hoox?source=ngrok&x=a%20b";
    r.headers.append("Host", "abc.ngrok.app");
    r.headers.append("user-agent", "Hoox-API/1.0");
    r.headers.append("Content-Type", "application/json");
    r.headers.append("X-Hoox-Webhook", "true");
    r.headers.append("X-Forwarded-For", "203.0.113.7");
    r.headers.append("X-Forwarded-For", "10.0.0.1");
    r.headers.append("Content-Length", QByteArray::number(body.size()));
    r.body = std::move(body);
    return r;
}

inline QByteArray allBytes()
{
    QByteArray b;
    for (int i = 0; i < 256; ++i)
        b.append(char(i));
    return b + QByteArray("\xff\xfe\x00\x80", 4);
}

// Name and request of each shape, in the order a data-driven test adds its rows.
inline QList<std::pair<const char *, HttpRequest>> shapes()
{
    QList<std::pair<const char *, HttpRequest>> out;
    out.append({"hoox delivery", hooxRequest()});
    out.append({"binary body", hooxRequest(allBytes())});
    out.append({"utf-8 bom body", hooxRequest("\xef\xbb\xbf{\"task\":\"video_export\"}")});
    out.append({"invalid utf-8 body", hooxRequest("{\"note\":\"\xc3\x28\xed\xa0\x80\"}")});
    HttpRequest chunked = hooxRequest();
    chunked.headers = {};
    chunked.headers.append("Host", "127.0.0.1:4477");
    chunked.headers.append("Transfer-Encoding", "chunked");
    chunked.headers.append("Trailer", "X-Checksum");
    chunked.chunked = true;
    chunked.trailers.append("X-Checksum", "sha256=abc");
    out.append({"chunked with trailers", chunked});
    HttpRequest latin1 = hooxRequest();
    latin1.headers.append("X-Name", "Jos\xe9");
    out.append({"obs-text header value", latin1});
    HttpRequest empty = hooxRequest({});
    out.append({"empty post", empty});
    HttpRequest get;
    get.method = "GET";
    get.target = "/status?id=7";
    get.httpMinor = 0;
    get.headers.append("ACCEPT", "*/*");
    out.append({"http/1.0 get without host", get});
    HttpRequest oddHost = hooxRequest();
    oddHost.headers = {};
    oddHost.headers.append("Host", "local4h:tso477"); // no URL authority: the URL says localhost
    oddHost.headers.append("Content-Type", "application/json");
    out.append({"host that is no authority", oddHost});
    return out;
}

// Records `requests` in order, the way the listener does.
inline CaptureBatch record(const QList<HttpRequest> &requests, Journal *journal = nullptr)
{
    CaptureRecorder recorder(journal);
    CaptureBatch out;
    qint64 at = 1'764'242'956'123; // 2025-11-27T11:29:16.123Z
    for (HttpRequest r : requests) {
        QString error;
        out.append(recorder.record(std::move(r), QStringLiteral("127.0.0.1:50312"), at,
                                   quint16(200 + out.size() % 2 * 300), &error));
        at += 1001;
    }
    return out;
}

} // namespace InterchangeSamples
