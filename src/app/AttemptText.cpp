// SPDX-License-Identifier: MIT
#include "AttemptText.h"

#include "delivery/DeliveryRequest.h"

#include <QJsonDocument>
#include <QJsonParseError>

QString AttemptText::headers(const HttpHeaders &headers)
{
    QString text;
    for (const HttpHeader &h : headers)
        text +=
            QString::fromLatin1(h.name) + QStringLiteral(": ") + QString::fromUtf8(h.value) + u'\n';
    return text;
}

QString AttemptText::body(const QByteArray &body)
{
    if (body.isEmpty())
        return tr("(no body)");
    QJsonParseError error{};
    const QJsonDocument json = QJsonDocument::fromJson(body, &error);
    if (error.error == QJsonParseError::NoError && !json.isNull())
        return QString::fromUtf8(json.toJson(QJsonDocument::Indented)).trimmed();
    return QString::fromUtf8(body);
}

QString AttemptText::request(const QUrl &url, const HttpHeaders &headers, const QByteArray &body)
{
    return QStringLiteral("POST ") + url.toString() + u'\n' + AttemptText::headers(headers) +
           u'\n' + AttemptText::body(body);
}

QString AttemptText::answer(const DeliveryAttempt &a)
{
    if (!a.finished())
        return tr("Answer: still waiting");
    QString text;
    if (a.status == 0)
        text = tr("Answer: none, %1 after %2")
                   .arg(a.error, DeliveryRequest::durationText(a.latencyMs));
    else if (!a.error.isEmpty())
        text = tr("Answer: %1 in %2, %3")
                   .arg(a.status)
                   .arg(DeliveryRequest::durationText(a.latencyMs), a.error);
    else
        text = tr("Answer: %1 in %2").arg(a.status).arg(DeliveryRequest::durationText(a.latencyMs));
    if (a.status == 0)
        return text;
    text += u'\n' + headers(a.headers) + u'\n' + body(a.body);
    if (a.bodyTruncated)
        text += u'\n' + tr("[cut at %1 KiB]").arg(DeliveryAttempt::kMaxBodyBytes / 1024);
    return text;
}
