// SPDX-License-Identifier: MIT
#include "JsonLines.h"

#include "capture/CaptureFormat.h"
#include "interchange/Interchange.h"
#include "interchange/JsonText.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
// This file's messages, under the catalogue context "JsonLines" (lupdate reads it here).
struct JsonLinesTr {
    Q_DECLARE_TR_FUNCTIONS(JsonLines)
};

bool fail(QString *error, const QString &message)
{
    *error = message;
    return false;
}

bool readString(const QJsonObject &o, const char *field, QString *out, QString *error)
{
    const QJsonValue v = o.value(QLatin1String(field));
    if (!v.isString() || v.toString().isEmpty())
        return fail(error, JsonLinesTr::tr("\"%1\" is missing").arg(QLatin1String(field)));
    *out = v.toString();
    return true;
}

bool readBase64(const QJsonValue &v, QByteArray *body, QString *error)
{
    const auto decoded = QByteArray::fromBase64Encoding(v.toString().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!v.isString() || decoded.decodingStatus != QByteArray::Base64DecodingStatus::Ok)
        return fail(error, JsonLinesTr::tr("\"body_base64\" is not valid base64"));
    *body = decoded.decoded;
    return true;
}

// Every record names its body, an empty one too ("body": ""). A line without one is a summary
// or a cut record: importing it with an empty body would lose the payload without a word.
bool readBody(const QJsonObject &o, QByteArray *body, QString *error)
{
    const QJsonValue text = o.value(QStringLiteral("body"));
    const QJsonValue base64 = o.value(QStringLiteral("body_base64"));
    if (text.isUndefined() && base64.isUndefined())
        return fail(error, JsonLinesTr::tr("no \"body\" or \"body_base64\""));
    if (!text.isUndefined() && !base64.isUndefined())
        return fail(error,
                    JsonLinesTr::tr("both \"body\" and \"body_base64\"; a record has one of them"));
    if (!base64.isUndefined())
        return readBase64(base64, body, error);
    if (!text.isString())
        return fail(error, JsonLinesTr::tr("\"body\" is not a string"));
    *body = text.toString().toUtf8();
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
        return fail(error, JsonLinesTr::tr("\"method\" is not an HTTP method: %1").arg(method));
    if (!Interchange::isTarget(r->target))
        return fail(error, JsonLinesTr::tr("\"target\" holds spaces or control characters"));
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
        return fail(error, JsonLinesTr::tr("\"received_at\" is not an ISO 8601 time"));
    else
        *ms = t.toMSecsSinceEpoch();
    return true;
}

// A refused request was turned away before it counted and never reaches a journal (see
// ListenerWorker::refuse): importing it would give its sender the say the token denied.
bool checkNotRefused(const QJsonObject &o, QString *error)
{
    const QJsonValue refused = o.value(QStringLiteral("refused"));
    if (refused.isUndefined() || refused.isNull() || refused == QJsonValue(false))
        return true;
    if (!refused.isBool())
        return fail(error, JsonLinesTr::tr("\"refused\" is neither true nor false"));
    return fail(error, JsonLinesTr::tr("a refused request (no access token) is not imported"));
}

bool parseObject(const QByteArray &line, QJsonObject *out, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(error, JsonLinesTr::tr("not JSON: %1 at column %2")
                               .arg(parseError.errorString())
                               .arg(parseError.offset + 1));
    if (!doc.isObject())
        return fail(error, JsonLinesTr::tr("not a JSON object"));
    *out = doc.object();
    return true;
}

bool readRecord(const QJsonObject &o, ImportedRequest *out, QString *error)
{
    out->peer = o.value(QStringLiteral("peer")).toString();
    out->answerStatus = quint16(qBound(0, o.value(QStringLiteral("answer")).toInt(), 999));
    out->note = o.value(QStringLiteral("note")).toString();
    out->bookmarked = o.value(QStringLiteral("bookmarked")).toBool();
    HttpRequest &r = out->request;
    return readRequestLine(o, &r, error) && readTime(o, &out->receivedAtMs, error) &&
           Interchange::readHeaderPairs(o.value(QStringLiteral("headers")),
                                        QStringLiteral("\"headers\""), &r.headers, error) &&
           Interchange::readHeaderPairs(o.value(QStringLiteral("trailers")),
                                        QStringLiteral("\"trailers\""), &r.trailers, error) &&
           readBody(o, &r.body, error);
}

bool readLine(const QByteArray &line, ImportedRequest *out, QString *error)
{
    QJsonObject o;
    return parseObject(line, &o, error) && checkNotRefused(o, error) && readRecord(o, out, error);
}
} // namespace

// Written as JSON text, members in the documented order: `hookscope listen --json` prints one
// per delivery, and building a QJsonObject for each cost more than recording it.
QByteArray JsonLines::line(const Capture &c)
{
    const HooxClassification &h = c.hoox;
    QByteArray out;
    out.reserve(c.body.size() + 512);
    JsonText j(&out);
    j.beginObject().key("id").number(qint64(c.id));
    j.key("received_at").string(CaptureFormat::isoTime(c.receivedAtMs));
    j.key("peer").string(c.peer).key("method").latin1(c.method);
    j.key("target").string(QString::fromUtf8(c.target));
    j.key("http_version").string(Interchange::httpVersion(c.httpMinor));
    j.key("chunked").boolean(c.chunked).key("headers");
    Interchange::writeHeaderPairs(j, c.headers);
    j.key("trailers");
    Interchange::writeHeaderPairs(j, c.trailers);
    if (Interchange::isExactUtf8(c.body))
        j.key("body").utf8(c.body);
    else
        j.key("body_base64").latin1(c.body.toBase64());
    j.key("answer"); // null: HookScope had not answered (a held forward, then a crash)
    c.answerStatus == 0 ? j.null() : j.number(c.answerStatus);
    j.key("task").stringOrNull(h.taskText).key("status").stringOrNull(h.statusText);
    j.key("key").stringOrNull(h.key);
    j.key("duplicate_of");
    h.duplicateOf == 0 ? j.null() : j.number(qint64(h.duplicateOf));
    j.key("attempt");
    h.attempt == 0 ? j.null() : j.number(qint64(h.attempt));
    j.key("findings").beginArray();
    for (const QString &f : h.findings)
        j.string(f);
    j.endArray();
    j.key("note").stringOrNull(c.note).key("bookmarked").boolean(c.bookmarked);
    Interchange::writeMarks(j, c);
    if (c.refused) // only then, so that the records of real captures keep their shape
        j.key("refused").boolean(true);
    j.endObject();
    return out;
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
                {int(i + 1), JsonLinesTr::tr("line %1: %2").arg(i + 1).arg(error)});
    }
    return result;
}
