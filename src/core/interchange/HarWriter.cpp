// SPDX-License-Identifier: MIT
#include "HarWriter.h"

#include "capture/CaptureFormat.h"
#include "http/HttpResponse.h"
#include "interchange/Interchange.h"
#include "interchange/JsonText.h"

#include <QBuffer>
#include <QUrlQuery>

namespace {

void harHeaders(JsonText &j, const HttpHeaders &headers)
{
    j.beginArray();
    for (const HttpHeader &h : headers) {
        j.beginObject().key("name").latin1(h.name).key("value");
        if (Interchange::isExactUtf8(h.value)) {
            j.utf8(h.value);
        } else {
            // Viewers show the Latin-1 reading; HookScope takes the exact bytes back.
            j.latin1(h.value).key("_valueBase64").latin1(h.value.toBase64());
        }
        j.endObject();
    }
    j.endArray();
}

void queryString(JsonText &j, const QByteArray &target)
{
    j.beginArray();
    const qsizetype q = target.indexOf('?');
    if (q >= 0) {
        const QUrlQuery query(QString::fromUtf8(target.sliced(q + 1)));
        for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded))
            j.beginObject().key("name").string(name).key("value").string(value).endObject();
    }
    j.endArray();
}

void postData(JsonText &j, const Capture &c)
{
    j.beginObject().key("mimeType").utf8(c.headers.value("Content-Type"));
    if (Interchange::isExactUtf8(c.body))
        j.key("text").utf8(c.body);
    else
        j.key("text").latin1(c.body.toBase64()).key("encoding").string(u"base64");
    j.endObject();
}

void request(JsonText &j, const Capture &c)
{
    j.beginObject()
        .key("method")
        .latin1(c.method)
        .key("url")
        .utf8(Interchange::requestUrl(c))
        .key("httpVersion")
        .string(Interchange::httpVersion(c.httpMinor))
        .key("cookies")
        .beginArray()
        .endArray()
        .key("headers");
    harHeaders(j, c.headers);
    j.key("queryString");
    queryString(j, c.target);
    // A request without a body has no postData; an empty POST keeps an empty one.
    if (!c.body.isEmpty() || c.headers.contains("Content-Length") || c.chunked) {
        j.key("postData");
        postData(j, c);
    }
    j.key("headersSize").number(-1).key("bodySize").number(c.body.size()).endObject();
}

// HookScope keeps the status it answered, not the answer's headers or body.
void response(JsonText &j, const Capture &c)
{
    j.beginObject()
        .key("status")
        .number(c.answerStatus)
        .key("statusText")
        .latin1(HttpResponse::reasonPhrase(c.answerStatus))
        .key("httpVersion")
        .string(Interchange::httpVersion(c.httpMinor))
        .key("cookies")
        .beginArray()
        .endArray()
        .key("headers")
        .beginArray()
        .endArray()
        .key("content")
        .beginObject()
        .key("size")
        .number(0)
        .key("mimeType")
        .string({})
        .key("text")
        .string({})
        .endObject()
        .key("redirectURL")
        .string({})
        .key("headersSize")
        .number(-1)
        .key("bodySize")
        .number(-1)
        .endObject();
}

void idOrNull(JsonText &j, quint64 id)
{
    if (id == 0)
        j.null();
    else
        j.number(qint64(id));
}

void extension(JsonText &j, const Capture &c)
{
    const HooxClassification &h = c.hoox;
    j.beginObject()
        .key("id")
        .number(qint64(c.id))
        .key("peer")
        .string(c.peer)
        .key("target")
        .string(QString::fromUtf8(c.target))
        .key("chunked")
        .boolean(c.chunked)
        .key("trailers");
    Interchange::writeHeaderPairs(j, c.trailers);
    j.key("task").stringOrNull(h.taskText).key("status").stringOrNull(h.statusText);
    j.key("key").stringOrNull(h.key).key("attempt");
    idOrNull(j, h.attempt);
    j.key("duplicate_of");
    idOrNull(j, h.duplicateOf);
    j.key("findings").beginArray();
    for (const QString &f : h.findings)
        j.string(f);
    j.endArray();
    j.key("note").stringOrNull(c.note).key("bookmarked").boolean(c.bookmarked);
    Interchange::writeMarks(j, c);
    j.endObject();
}

} // namespace

HarWriter::HarWriter(QIODevice *out)
    : m_out(out)
{
}

bool HarWriter::begin()
{
    QByteArray head = "{\"log\":{\"version\":\"1.2\",\"creator\":";
    JsonText(&head)
        .beginObject()
        .key("name")
        .string(u"HookScope")
        .key("version")
        .string(QStringLiteral(HOOKSCOPE_VERSION))
        .endObject();
    return put(head + ",\"entries\":[\n");
}

bool HarWriter::write(const Capture &c)
{
    m_entry.truncate(0); // keeps its capacity from entry to entry
    if (!m_first)
        m_entry.append(",\n");
    m_first = false;
    JsonText j(&m_entry);
    entry(j, c);
    return put(m_entry);
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

// Members in the order of the HAR 1.2 specification.
void HarWriter::entry(JsonText &j, const Capture &c)
{
    j.beginObject()
        .key("startedDateTime")
        .string(CaptureFormat::isoTime(c.receivedAtMs))
        .key("time")
        .number(0)
        .key("request");
    request(j, c);
    j.key("response");
    response(j, c);
    j.key("cache").beginObject().endObject();
    j.key("timings").beginObject();
    j.key("send").number(0).key("wait").number(0).key("receive").number(0).endObject();
    j.key("_hookscope");
    extension(j, c);
    j.endObject();
}

bool HarWriter::put(const QByteArray &bytes)
{
    return m_out->write(bytes) == bytes.size();
}
