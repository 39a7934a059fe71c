// SPDX-License-Identifier: MIT
#include "DeliveryRequest.h"

#include <QCoreApplication>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace {

// This file's messages, under the catalogue context "DeliveryRequest" (lupdate reads it here).
struct DeliveryRequestTr {
    Q_DECLARE_TR_FUNCTIONS(DeliveryRequest)
};

QString errorText(QNetworkReply::NetworkError error, const QString &fallback, bool https)
{
    // Qt reports some TLS failures (no common protocol, bad record) only by their wording.
    if (https && (fallback.contains("SSL"_L1) || fallback.contains("TLS"_L1)))
        return DeliveryRequestTr::tr("TLS failure") + u": "_s + fallback;
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return DeliveryRequestTr::tr("connection refused");
    case QNetworkReply::HostNotFoundError:
        return DeliveryRequestTr::tr("name not resolved");
    case QNetworkReply::RemoteHostClosedError:
        return DeliveryRequestTr::tr("connection closed before an answer");
    case QNetworkReply::OperationCanceledError:
        return DeliveryRequestTr::tr("cancelled");
    case QNetworkReply::SslHandshakeFailedError:
        return DeliveryRequestTr::tr("TLS failure") + u": "_s + fallback;
    default:
        return fallback;
    }
}

} // namespace

bool DeliveryRequest::isHopByHop(QByteArrayView name)
{
    static const QByteArrayView kNames[] = {
        "connection", "keep-alive", "transfer-encoding", "te", "upgrade", "host", "content-length",
        "trailer",
        // HookScope's own access token: a resend or a forward must not hand it on.
        "x-hookscope-token"};
    const QByteArray lower = name.toByteArray().toLower();
    if (lower.startsWith("proxy-"))
        return true;
    for (QByteArrayView n : kNames) {
        if (lower == n)
            return true;
    }
    return false;
}

HttpHeaders DeliveryRequest::hooxHeaders()
{
    HttpHeaders h;
    h.append("Content-Type", "application/json");
    h.append("User-Agent", "Hoox-API/1.0 (HookScope)");
    h.append("X-Hoox-Webhook", "true");
    return h;
}

HttpHeaders DeliveryRequest::withoutHopByHop(const HttpHeaders &headers)
{
    HttpHeaders out;
    for (const HttpHeader &h : headers) {
        if (!isHopByHop(h.name))
            out.append(h.name, h.value);
    }
    return out;
}

HttpHeaders DeliveryRequest::capturedHeaders(const HttpHeaders &headers)
{
    HttpHeaders out;
    for (const HttpHeader &h : headers) {
        if (!isHopByHop(h.name) && qstricmp(h.name.constData(), "accept-encoding") != 0)
            out.append(h.name, h.value);
    }
    return out;
}

HttpHeaders DeliveryRequest::merged(const HttpHeaders &base, const HttpHeaders &overrides)
{
    HttpHeaders out;
    for (const HttpHeader &h : base) {
        if (!overrides.contains(h.name))
            out.append(h.name, h.value);
    }
    for (const HttpHeader &h : overrides)
        out.append(h.name, h.value);
    return out;
}

QNetworkRequest DeliveryRequest::make(const QUrl &url, const HttpHeaders &headers)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    // A cookie from one answer must not ride along on the next attempt: Hoox keeps none.
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    // Hoox's Node client speaks HTTP/1.1; h2 through ALPN would test another code path.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    for (const HttpHeader &h : withoutHopByHop(headers)) {
        const QByteArray previous = request.rawHeader(h.name);
        request.setRawHeader(h.name, previous.isNull() ? h.value : previous + ", " + h.value);
    }
    return request;
}

QString DeliveryRequest::timeoutText(int timeoutMs)
{
    if (timeoutMs % 1000 == 0)
        return DeliveryRequestTr::tr("timeout after %1 s").arg(timeoutMs / 1000);
    return DeliveryRequestTr::tr("timeout after %1 ms").arg(timeoutMs);
}

QString DeliveryRequest::durationText(qint64 ms)
{
    if (ms < 1000)
        return DeliveryRequestTr::tr("%1 ms").arg(ms);
    if (ms % 1000 == 0)
        return DeliveryRequestTr::tr("%1 s").arg(ms / 1000);
    return DeliveryRequestTr::tr("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}

QString DeliveryRequest::attemptText(const DeliveryAttempt &a)
{
    if (a.status > 0 && a.error.isEmpty())
        return DeliveryRequestTr::tr("%1 in %2").arg(a.status).arg(durationText(a.latencyMs));
    return a.error;
}

void DeliveryRequest::read(QNetworkReply *reply, bool timedOut, int timeoutMs, qint64 latencyMs,
                           DeliveryAttempt *attempt)
{
    attempt->latencyMs = latencyMs;
    if (timedOut) {
        attempt->timedOut = true;
        attempt->error = timeoutText(timeoutMs);
        return;
    }
    attempt->status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    for (const QNetworkReply::RawHeaderPair &pair : reply->rawHeaderPairs())
        attempt->headers.append(pair.first, pair.second);
    attempt->body = reply->read(DeliveryAttempt::kMaxBodyBytes);
    attempt->bodyTruncated = reply->bytesAvailable() > 0;
    if (attempt->status >= 300 && attempt->status < 400) {
        const QByteArray location = reply->rawHeader("Location");
        attempt->error = DeliveryRequestTr::tr("redirect not followed (%1 to %2)")
                             .arg(attempt->status)
                             .arg(QString::fromUtf8(location));
        return;
    }
    // A status line, then the connection failed: the answer never arrived whole.
    if (attempt->status > 0 && reply->error() > QNetworkReply::NoError &&
        reply->error() < QNetworkReply::ProxyConnectionRefusedError) {
        attempt->error = DeliveryRequestTr::tr(
                             "connection closed mid-answer (after \"%1\", before the end of the "
                             "body)")
                             .arg(attempt->status);
        return;
    }
    // An HTTP error status is an answer, not a transport error: the status says it all.
    if (attempt->status == 0 && reply->error() != QNetworkReply::NoError)
        attempt->error =
            errorText(reply->error(), reply->errorString(), reply->url().scheme() == "https"_L1);
}
