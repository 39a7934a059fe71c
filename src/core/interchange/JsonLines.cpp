// SPDX-License-Identifier: MIT
#include "JsonLines.h"

#include "capture/CaptureFormat.h"
#include "interchange/Interchange.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
QJsonValue textOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonValue numberOrNull(quint64 n)
{
    return n == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(qint64(n));
}

bool fail(QString *error, const QString &message)
{
    *error = message;
    return false;
}

bool readString(const QJsonObject &o, const char *field, QString *out, QString *error)
{
    const QJsonValue v = o.value(QLatin1String(field));
    if (!v.isString() || v.toString().isEmpty())
        return fail(error, QStringLiteral("\"%1\" is missing").arg(QLatin1String(field)));
    *out = v.toString();
    return true;
}

bool readBody(const QJsonObject &o, QByteArray *body, QString *error)
{
    const QJsonValue base64 = o.value(QStringLiteral("body_base64"));
    if (!base64.isString()) {
        *body = o.value(QStringLiteral("body")).toString().toUtf8();
        return true;
    }
    const auto decoded = QByteArray::fromBase64Encoding(base64.toString().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (decoded.decodingStatus != QByteArray::Base64DecodingStatus::Ok)
        return fail(error, QStringLiteral("\"body_base64\" is not valid base64"));
    *body = decoded.decoded;
    return true;
}

bool readRequestLine(const QJsonObject &o, HttpRequest *r, QString *error)
{
    QString method, target;
    if (!readString(o, "method", &method, error) || !readString(o, "target", &target, error))
        return false;
    r->method = method.toLatin1();
    r->target = target.toUtf8();
    if (!Interchange::isToken(r->method))
        return fail(error, QStringLiteral("\"method\" is not an HTTP method: %1").arg(method));
    if (!Interchange::isTarget(r->target))
        return fail(error, QStringLiteral("\"target\" holds spaces or control characters"));
    r->httpMinor = Interchange::httpMinor(o.value(QStringLiteral("http_version")).toString());
    r->chunked = o.value(QStringLiteral("chunked")).toBool();
    return true;
}

bool readTime(const QJsonObject &o, qint64 *ms, QString *error)
{
    const QJsonValue v = o.value(QStringLiteral("received_at"));
    const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (v.isUndefined() || v.isNull())
        *ms = QDateTime::currentMSecsSinceEpoch();
    else if (!t.isValid())
        return fail(error, QStringLiteral("\"received_at\" is not an ISO 8601 time"));
    else
        *ms = t.toMSecsSinceEpoch();
    return true;
}

bool readLine(const QByteArray &line, ImportedRequest *out, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(error, QStringLiteral("not JSON: %1 at column %2")
                               .arg(parseError.errorString())
                               .arg(parseError.offset + 1));
    if (!doc.isObject())
        return fail(error, QStringLiteral("not a JSON object"));
    const QJsonObject o = doc.object();
    out->peer = o.value(QStringLiteral("peer")).toString();
    out->answerStatus = quint16(qBound(0, o.value(QStringLiteral("answer")).toInt(), 999));
    HttpRequest &r = out->request;
    return readRequestLine(o, &r, error) && readTime(o, &out->receivedAtMs, error) &&
           Interchange::readHeaderPairs(o.value(QStringLiteral("headers")),
                                        QStringLiteral("\"headers\""), &r.headers, error) &&
           Interchange::readHeaderPairs(o.value(QStringLiteral("trailers")),
                                        QStringLiteral("\"trailers\""), &r.trailers, error) &&
           readBody(o, &r.body, error);
}
} // namespace

QByteArray JsonLines::line(const Capture &c)
{
    const HooxClassification &h = c.hoox;
    QJsonObject o{
        {QStringLiteral("id"), qint64(c.id)},
        {QStringLiteral("received_at"), CaptureFormat::isoTime(c.receivedAtMs)},
        {QStringLiteral("peer"), c.peer},
        {QStringLiteral("method"), QString::fromLatin1(c.method)},
        {QStringLiteral("target"), QString::fromUtf8(c.target)},
        {QStringLiteral("http_version"), Interchange::httpVersion(c.httpMinor)},
        {QStringLiteral("chunked"), c.chunked},
        {QStringLiteral("headers"), Interchange::headerPairs(c.headers)},
        {QStringLiteral("trailers"), Interchange::headerPairs(c.trailers)},
        {QStringLiteral("answer"), int(c.answerStatus)},
        {QStringLiteral("task"), textOrNull(h.taskText)},
        {QStringLiteral("status"), textOrNull(h.statusText)},
        {QStringLiteral("key"), textOrNull(h.key)},
        {QStringLiteral("duplicate_of"), numberOrNull(h.duplicateOf)},
        {QStringLiteral("attempt"), numberOrNull(h.attempt)},
        {QStringLiteral("findings"), QJsonArray::fromStringList(h.findings)},
    };
    if (Interchange::isExactUtf8(c.body))
        o.insert(QStringLiteral("body"), QString::fromUtf8(c.body));
    else
        o.insert(QStringLiteral("body_base64"), QString::fromLatin1(c.body.toBase64()));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray JsonLines::write(const CaptureBatch &captures)
{
    QByteArray out;
    for (const CapturePtr &c : captures)
        out += line(*c) + '\n';
    return out;
}

ImportResult JsonLines::read(const QByteArray &data)
{
    ImportResult result;
    const QList<QByteArray> lines = data.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        ImportedRequest r;
        QString error;
        if (readLine(line, &r, &error))
            result.requests.append(std::move(r));
        else
            result.problems.append(
                {int(i + 1), QStringLiteral("line %1: %2").arg(i + 1).arg(error)});
    }
    return result;
}
