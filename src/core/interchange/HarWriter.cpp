// SPDX-License-Identifier: MIT
#include "HarWriter.h"

#include "capture/CaptureFormat.h"
#include "http/HttpResponse.h"
#include "interchange/Interchange.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace {
QJsonArray harHeaders(const HttpHeaders &headers)
{
    QJsonArray out;
    for (const HttpHeader &h : headers) {
        QJsonObject o{{QStringLiteral("name"), QString::fromLatin1(h.name)}};
        if (Interchange::isExactUtf8(h.value)) {
            o.insert(QStringLiteral("value"), QString::fromUtf8(h.value));
        } else {
            // Viewers show the Latin-1 reading; HookScope takes the exact bytes back.
            o.insert(QStringLiteral("value"), QString::fromLatin1(h.value));
            o.insert(QStringLiteral("_valueBase64"), QString::fromLatin1(h.value.toBase64()));
        }
        out.append(o);
    }
    return out;
}

QJsonArray queryString(const QByteArray &target)
{
    const qsizetype q = target.indexOf('?');
    QJsonArray out;
    if (q < 0)
        return out;
    const QUrlQuery query(QString::fromUtf8(target.sliced(q + 1)));
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded))
        out.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("value"), value}});
    return out;
}

QJsonObject postData(const Capture &c)
{
    QJsonObject o{{QStringLiteral("mimeType"), QString::fromUtf8(c.headers.value("Content-Type"))}};
    if (Interchange::isExactUtf8(c.body)) {
        o.insert(QStringLiteral("text"), QString::fromUtf8(c.body));
    } else {
        o.insert(QStringLiteral("text"), QString::fromLatin1(c.body.toBase64()));
        o.insert(QStringLiteral("encoding"), QStringLiteral("base64"));
    }
    return o;
}

QJsonObject request(const Capture &c)
{
    QJsonObject o{
        {QStringLiteral("method"), QString::fromLatin1(c.method)},
        {QStringLiteral("url"), QString::fromUtf8(Interchange::requestUrl(c))},
        {QStringLiteral("httpVersion"), Interchange::httpVersion(c.httpMinor)},
        {QStringLiteral("headers"), harHeaders(c.headers)},
        {QStringLiteral("queryString"), queryString(c.target)},
        {QStringLiteral("cookies"), QJsonArray()},
        {QStringLiteral("headersSize"), -1},
        {QStringLiteral("bodySize"), qint64(c.body.size())},
    };
    // A request without a body has no postData; an empty POST keeps an empty one.
    if (!c.body.isEmpty() || c.headers.contains("Content-Length") || c.chunked)
        o.insert(QStringLiteral("postData"), postData(c));
    return o;
}

// HookScope keeps the status it answered, not the answer's headers or body.
QJsonObject response(const Capture &c)
{
    return {
        {QStringLiteral("status"), int(c.answerStatus)},
        {QStringLiteral("statusText"),
         QString::fromLatin1(HttpResponse::reasonPhrase(c.answerStatus))},
        {QStringLiteral("httpVersion"), Interchange::httpVersion(c.httpMinor)},
        {QStringLiteral("headers"), QJsonArray()},
        {QStringLiteral("cookies"), QJsonArray()},
        {QStringLiteral("content"), QJsonObject{{QStringLiteral("size"), 0},
                                                {QStringLiteral("mimeType"), QString()},
                                                {QStringLiteral("text"), QString()}}},
        {QStringLiteral("redirectURL"), QString()},
        {QStringLiteral("headersSize"), -1},
        {QStringLiteral("bodySize"), -1},
    };
}

QJsonValue idOrNull(quint64 id)
{
    return id == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(qint64(id));
}

QJsonValue textOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonObject extension(const Capture &c)
{
    const HooxClassification &h = c.hoox;
    return {
        {QStringLiteral("id"), qint64(c.id)},
        {QStringLiteral("peer"), c.peer},
        {QStringLiteral("target"), QString::fromUtf8(c.target)},
        {QStringLiteral("chunked"), c.chunked},
        {QStringLiteral("trailers"), Interchange::headerPairs(c.trailers)},
        {QStringLiteral("task"), textOrNull(h.taskText)},
        {QStringLiteral("status"), textOrNull(h.statusText)},
        {QStringLiteral("key"), textOrNull(h.key)},
        {QStringLiteral("attempt"), idOrNull(h.attempt)},
        {QStringLiteral("duplicate_of"), idOrNull(h.duplicateOf)},
        {QStringLiteral("findings"), QJsonArray::fromStringList(h.findings)},
    };
}
} // namespace

HarWriter::HarWriter(QIODevice *out)
    : m_out(out)
{
}

bool HarWriter::begin()
{
    const QJsonObject creator{{QStringLiteral("name"), QStringLiteral("HookScope")},
                              {QStringLiteral("version"), QStringLiteral(HOOKSCOPE_VERSION)}};
    m_first = true;
    return put("{\"log\":{\"version\":\"1.2\",\"creator\":" +
               QJsonDocument(creator).toJson(QJsonDocument::Compact) + ",\"entries\":[\n");
}

bool HarWriter::write(const Capture &c)
{
    const QByteArray separator = m_first ? QByteArray() : QByteArrayLiteral(",\n");
    m_first = false;
    return put(separator + QJsonDocument(entry(c)).toJson(QJsonDocument::Compact));
}

bool HarWriter::finish()
{
    return put("\n]}}\n");
}

QByteArray HarWriter::toHar(const CaptureBatch &captures)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    HarWriter writer(&buffer);
    writer.begin();
    for (const CapturePtr &c : captures)
        writer.write(*c);
    writer.finish();
    return buffer.data();
}

QJsonObject HarWriter::entry(const Capture &c)
{
    return {
        {QStringLiteral("startedDateTime"), CaptureFormat::isoTime(c.receivedAtMs)},
        {QStringLiteral("time"), 0},
        {QStringLiteral("request"), request(c)},
        {QStringLiteral("response"), response(c)},
        {QStringLiteral("cache"), QJsonObject()},
        {QStringLiteral("timings"), QJsonObject{{QStringLiteral("send"), 0},
                                                {QStringLiteral("wait"), 0},
                                                {QStringLiteral("receive"), 0}}},
        {QStringLiteral("_hookscope"), extension(c)},
    };
}

bool HarWriter::put(const QByteArray &bytes)
{
    return m_out->write(bytes) == bytes.size();
}
