// SPDX-License-Identifier: MIT
#include "HarReader.h"

#include "interchange/Interchange.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace {
// This file's messages, under the catalogue context "HarReader" (lupdate reads it here).
struct HarReaderTr {
    Q_DECLARE_TR_FUNCTIONS(HarReader)
};

bool fail(QString *error, const QString &message)
{
    *error = message;
    return false;
}

bool decodeBase64(const QJsonValue &text, QByteArray *out)
{
    const auto decoded = QByteArray::fromBase64Encoding(text.toString().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    *out = decoded.decoded;
    return decoded.decodingStatus == QByteArray::Base64DecodingStatus::Ok;
}

bool readHeader(const QJsonObject &h, const QString &where, HttpHeaders *out, QString *error)
{
    const QString name = h.value(QStringLiteral("name")).toString();
    if (name.startsWith(u':'))
        return true; // an HTTP/2 pseudo-header: method, path and authority are in the url
    QByteArray value = h.value(QStringLiteral("value")).toString().toUtf8();
    const QJsonValue raw = h.value(QStringLiteral("_valueBase64"));
    if (raw.isString() && !decodeBase64(raw, &value))
        return fail(error, where + QStringLiteral("._valueBase64 is not base64"));
    if (!Interchange::isToken(name.toLatin1()))
        return fail(error, where + QStringLiteral(".name \"%1\" is not a header name").arg(name));
    if (!Interchange::isFieldValue(value))
        return fail(error, where + QStringLiteral(".value holds control characters"));
    out->append(name.toLatin1(), value);
    return true;
}

bool readHeaders(const QJsonValue &headers, HttpHeaders *out, QString *error)
{
    if (headers.isUndefined() || headers.isNull())
        return true;
    if (!headers.isArray())
        return fail(error, QStringLiteral("request.headers is not an array"));
    const QJsonArray list = headers.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString where = QStringLiteral("request.headers[%1]").arg(i);
        if (!list.at(i).isObject())
            return fail(error, where + QStringLiteral(" is not a {name, value} object"));
        if (!readHeader(list.at(i).toObject(), where, out, error))
            return false;
    }
    return true;
}

// A request that says it had a body (bodySize above 0, or form params) but holds no
// postData.text lost that body on the way, as devtools do with large or binary uploads:
// imported with an empty body, it would pass for a delivery that sent none.
bool checkNoBodyClaimed(const QJsonObject &request, const QJsonObject &postData, QString *error)
{
    const double size = request.value(QStringLiteral("bodySize")).toDouble(-1);
    if (size > 0)
        return fail(error,
                    HarReaderTr::tr("request.bodySize is %1 but request.postData.text is missing")
                        .arg(qint64(size)));
    if (!postData.value(QStringLiteral("params")).toArray().isEmpty())
        return fail(error, HarReaderTr::tr("request.postData has params but no text"));
    return true;
}

// No postData is an empty body (a GET, or a POST that sent nothing), unless the entry says
// otherwise.
bool readBody(const QJsonObject &request, QByteArray *body, QString *error)
{
    const QJsonValue postData = request.value(QStringLiteral("postData"));
    if (postData.isUndefined() || postData.isNull())
        return checkNoBodyClaimed(request, {}, error);
    const QJsonObject o = postData.toObject();
    const QJsonValue text = o.value(QStringLiteral("text"));
    if (!postData.isObject() || (!text.isUndefined() && !text.isString()))
        return fail(error, QStringLiteral("request.postData.text is not a string"));
    if (text.isUndefined())
        return checkNoBodyClaimed(request, o, error);
    if (o.value(QStringLiteral("encoding")).toString() != QLatin1String("base64")) {
        *body = text.toString().toUtf8();
        return true;
    }
    if (!decodeBase64(text, body))
        return fail(error, QStringLiteral("request.postData.text is not valid base64"));
    return true;
}

// The raw target HookScope received, else the url's path and query.
bool readTarget(const QJsonObject &request, const QJsonObject &ext, QByteArray *target,
                QString *error)
{
    const QJsonValue urlValue = request.value(QStringLiteral("url"));
    if (!urlValue.isString() || urlValue.toString().isEmpty())
        return fail(error, QStringLiteral("request.url is missing"));
    const QUrl url(urlValue.toString());
    if (!url.isValid())
        return fail(error, QStringLiteral("request.url \"%1\" is not a URL: %2")
                               .arg(urlValue.toString(), url.errorString()));
    *target = ext.value(QStringLiteral("target")).toString().toUtf8();
    if (target->isEmpty())
        *target = url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
    if (target->isEmpty())
        *target = "/";
    if (!Interchange::isTarget(*target))
        return fail(error, QStringLiteral("the request target holds spaces or control characters"));
    return true;
}

bool readRequest(const QJsonObject &request, const QJsonObject &ext, HttpRequest *out,
                 QString *error)
{
    out->method = request.value(QStringLiteral("method")).toString().toLatin1();
    if (out->method.isEmpty())
        return fail(error, QStringLiteral("request.method is missing"));
    if (!Interchange::isToken(out->method))
        return fail(error, QStringLiteral("request.method \"%1\" is not an HTTP method")
                               .arg(request.value(QStringLiteral("method")).toString()));
    out->httpMinor =
        Interchange::httpMinor(request.value(QStringLiteral("httpVersion")).toString());
    out->chunked = ext.value(QStringLiteral("chunked")).toBool();
    return readTarget(request, ext, &out->target, error) &&
           readHeaders(request.value(QStringLiteral("headers")), &out->headers, error) &&
           Interchange::readHeaderPairs(ext.value(QStringLiteral("trailers")),
                                        QStringLiteral("_hookscope.trailers"), &out->trailers,
                                        error) &&
           readBody(request, &out->body, error);
}

bool readTime(const QJsonValue &started, qint64 *ms, QString *error)
{
    if (started.isUndefined() || started.isNull()) {
        *ms = QDateTime::currentMSecsSinceEpoch();
        return true;
    }
    const QDateTime t = QDateTime::fromString(started.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        return fail(error, QStringLiteral("startedDateTime \"%1\" is not an ISO 8601 time")
                               .arg(started.toString()));
    *ms = t.toMSecsSinceEpoch();
    return true;
}

bool readEntry(const QJsonValue &value, ImportedRequest *out, QString *error)
{
    if (!value.isObject())
        return fail(error, QStringLiteral("not an object"));
    const QJsonObject entry = value.toObject();
    const QJsonValue request = entry.value(QStringLiteral("request"));
    if (!request.isObject())
        return fail(error, QStringLiteral("request is missing"));
    const QJsonObject ext = entry.value(QStringLiteral("_hookscope")).toObject();
    out->peer = ext.value(QStringLiteral("peer")).toString();
    const int status =
        entry.value(QStringLiteral("response")).toObject().value(QStringLiteral("status")).toInt();
    out->answerStatus = quint16(qBound(0, status, 999));
    return readRequest(request.toObject(), ext, &out->request, error) &&
           readTime(entry.value(QStringLiteral("startedDateTime")), &out->receivedAtMs, error);
}
} // namespace

ImportResult HarReader::read(const QByteArray &data)
{
    ImportResult result;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.error = QStringLiteral("not a HAR file: %1 at byte %2")
                           .arg(parseError.errorString())
                           .arg(parseError.offset);
        return result;
    }
    const QJsonValue entries =
        doc.object().value(QStringLiteral("log")).toObject().value(QStringLiteral("entries"));
    if (!entries.isArray()) {
        result.error = QStringLiteral("not a HAR file: log.entries is missing");
        return result;
    }
    const QJsonArray list = entries.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        ImportedRequest r;
        QString error;
        if (readEntry(list.at(i), &r, &error))
            result.requests.append(std::move(r));
        else
            result.problems.append(
                {int(i), QStringLiteral("log.entries[%1]: %2").arg(i).arg(error)});
    }
    return result;
}
