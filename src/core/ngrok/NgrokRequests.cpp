// SPDX-License-Identifier: MIT
#include "NgrokRequests.h"

#include "http/HttpParser.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <optional>

namespace {

// This file's messages, under the catalogue context "NgrokRequests" (lupdate reads it here).
struct NgrokRequestsTr {
    Q_DECLARE_TR_FUNCTIONS(NgrokRequests)
};

// ngrok writes RFC 3339 with nanoseconds ("2026-12-01T10:00:00.123456789Z"); Qt reads
// milliseconds, so the fraction is cut to three digits first.
std::optional<qint64> parseStart(const QString &text)
{
    static const QRegularExpression form(QStringLiteral(
        "^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d)(?:\\.(\\d{1,9}))?(Z|[+-]\\d\\d:\\d\\d)$"));
    const QRegularExpressionMatch m = form.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const QString ms = QString(m.captured(2) + QStringLiteral("000")).left(3);
    const QDateTime t =
        QDateTime::fromString(m.captured(1) + u'.' + ms + m.captured(3), Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    return t.toMSecsSinceEpoch();
}

std::optional<QByteArray> decodeBase64(const QJsonValue &value, qsizetype maxBytes)
{
    if (!value.isString())
        return std::nullopt;
    const QString text = value.toString();
    if (text.size() / 4 * 3 > maxBytes)
        return std::nullopt;
    const QByteArray::FromBase64Result r =
        QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!r || text.isEmpty())
        return std::nullopt;
    return r.decoded;
}

// One entry in the agent's list, or why it cannot be read.
class EntryReader {
public:
    EntryReader(const QJsonValue &value, int index, const NgrokRequests::Limits &limits)
        : m_object(value.toObject())
        , m_index(index)
        , m_limits(limits)
        , m_isObject(value.isObject())
    {
    }

    std::optional<NgrokRequest> read(NgrokProblem *problem);

private:
    bool fail(NgrokProblem *problem, const QString &why);
    bool readResponse(NgrokRequest *r, NgrokProblem *problem);

    QJsonObject m_object;
    int m_index;
    NgrokRequests::Limits m_limits;
    bool m_isObject;
    QString m_id;
};

bool EntryReader::fail(NgrokProblem *problem, const QString &why)
{
    // An entry without a usable id is known by its content, which stays the same from poll to
    // poll while its place in the list does not.
    const QByteArray content = QJsonDocument(m_object).toJson(QJsonDocument::Compact);
    problem->key = m_id.isEmpty()
                       ? QString::fromLatin1(
                             QCryptographicHash::hash(content, QCryptographicHash::Sha1).toHex())
                       : m_id;
    problem->message =
        m_id.isEmpty()
            ? NgrokRequestsTr::tr("ngrok request %1 (no id): %2").arg(m_index + 1).arg(why)
            : NgrokRequestsTr::tr("ngrok request %1: %2").arg(m_id, why);
    return false;
}

std::optional<NgrokRequest> EntryReader::read(NgrokProblem *problem)
{
    if (!m_isObject) {
        fail(problem, NgrokRequestsTr::tr("not a JSON object"));
        return std::nullopt;
    }
    const QJsonValue id = m_object.value(QStringLiteral("id"));
    if (!id.isString() || id.toString().isEmpty() || id.toString().size() > 200) {
        fail(problem, NgrokRequestsTr::tr("no usable id, so it could not be recovered only once"));
        return std::nullopt;
    }
    m_id = id.toString();
    NgrokRequest r;
    r.id = m_id;
    r.tunnelName = m_object.value(QStringLiteral("tunnel_name")).toString();
    const std::optional<qint64> start =
        parseStart(m_object.value(QStringLiteral("start")).toString());
    if (!start) {
        fail(problem, NgrokRequestsTr::tr("its start is not an RFC 3339 time"));
        return std::nullopt;
    }
    r.startMs = *start;
    const QJsonValue request = m_object.value(QStringLiteral("request"));
    const QJsonValue raw = request.toObject().value(QStringLiteral("raw"));
    if (!request.isObject() || !raw.isString()) {
        fail(problem, NgrokRequestsTr::tr("it has no request.raw"));
        return std::nullopt;
    }
    if (raw.toString().size() / 4 * 3 > m_limits.maxRawBytes) {
        fail(problem, NgrokRequestsTr::tr("its request is larger than HookScope accepts (%1 MiB)")
                          .arg(m_limits.maxRawBytes / (1024 * 1024)));
        return std::nullopt;
    }
    const std::optional<QByteArray> bytes = decodeBase64(raw, m_limits.maxRawBytes);
    if (!bytes) {
        fail(problem, NgrokRequestsTr::tr("its request.raw is not base64"));
        return std::nullopt;
    }
    r.raw = *bytes;
    if (!readResponse(&r, problem))
        return std::nullopt;
    return r;
}

bool EntryReader::readResponse(NgrokRequest *r, NgrokProblem *problem)
{
    const QJsonValue response = m_object.value(QStringLiteral("response"));
    if (response.isNull() || response.isUndefined())
        return true;
    if (!response.isObject())
        return fail(problem, NgrokRequestsTr::tr("its response is neither an object nor null"));
    const QJsonObject o = response.toObject();
    const QJsonValue status = o.value(QStringLiteral("status_code"));
    if (!status.isDouble() || status.toDouble() < 100 || status.toDouble() > 999)
        return fail(problem, NgrokRequestsTr::tr("its response has no status_code"));
    r->answered = true;
    r->status = status.toInt();
    if (o.value(QStringLiteral("raw")).isString()) {
        const QByteArray bytes = decodeBase64(o.value(QStringLiteral("raw")), m_limits.maxRawBytes)
                                     .value_or(QByteArray());
        const qsizetype end = bytes.indexOf("\r\n\r\n");
        r->responseHead = end < 0 ? bytes : bytes.left(end);
        r->responseBody = end < 0 ? QByteArray() : bytes.mid(end + 4);
    }
    return true;
}

bool hasHeader(QByteArrayView head, QByteArrayView name, QByteArrayView valuePart)
{
    for (const QByteArray &line : head.toByteArray().split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) != 0)
            continue;
        if (valuePart.isEmpty() || line.mid(colon + 1).toLower().contains(valuePart))
            return true;
    }
    return false;
}

} // namespace

NgrokRequestList NgrokRequests::parse(QByteArrayView json, const Limits &limits)
{
    NgrokRequestList list;
    if (json.size() > limits.maxAnswerBytes) {
        list.error = NgrokRequestsTr::tr(
                         "ngrok's request list is %1 MiB, more than HookScope reads (%2 MiB).")
                         .arg(json.size() / (1024 * 1024))
                         .arg(limits.maxAnswerBytes / (1024 * 1024));
        return list;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &error);
    const QJsonValue requests = doc.object().value(QStringLiteral("requests"));
    if (error.error != QJsonParseError::NoError || !requests.isArray()) {
        list.error =
            NgrokRequestsTr::tr("ngrok's answer to /api/requests/http is not a request list: %1")
                .arg(error.error != QJsonParseError::NoError
                         ? error.errorString()
                         : NgrokRequestsTr::tr("it has no \"requests\" array"));
        return list;
    }
    const QJsonArray array = requests.toArray();
    const int count = int(qMin<qsizetype>(array.size(), limits.maxEntries));
    if (array.size() > count) {
        list.problems.append(
            {QStringLiteral("too-many"),
             NgrokRequestsTr::tr("ngrok lists %1 requests; HookScope reads the first %2.")
                 .arg(array.size())
                 .arg(count)});
    }
    for (int i = 0; i < count; ++i) {
        NgrokProblem problem;
        if (std::optional<NgrokRequest> r = EntryReader(array.at(i), i, limits).read(&problem))
            list.entries.append(std::move(*r));
        else
            list.problems.append(std::move(problem));
    }
    return list;
}

NgrokRequests::Fate NgrokRequests::fate(const NgrokRequest &r)
{
    if (!r.answered)
        return Fate::NoAnswer;
    if (hasHeader(r.responseHead, "server", "hookscope"))
        return Fate::AnsweredByHookScope;
    if (hasHeader(r.responseHead, "ngrok-error-code", {}) || r.responseBody.contains("ERR_NGROK_"))
        return Fate::AnsweredByNgrok;
    // Without the answer's bytes, a gateway error is ngrok's: HookScope's answers carry a head.
    if (r.responseHead.isEmpty() && (r.status == 502 || r.status == 503 || r.status == 504))
        return Fate::AnsweredByNgrok;
    return Fate::AnsweredByOther;
}

bool NgrokRequests::toImport(const NgrokRequest &r, ImportedRequest *out, QString *problem)
{
    HttpParser parser;
    QByteArrayView rest(r.raw);
    HttpParser::Event e = HttpParser::Event::HeadComplete;
    // The head passes first, then the body follows in the same bytes.
    for (int step = 0; step < 3 && e == HttpParser::Event::HeadComplete; ++step) {
        qsizetype used = 0;
        e = parser.feed(rest, &used);
        rest = rest.sliced(used);
    }
    if (e != HttpParser::Event::Complete) {
        *problem = e == HttpParser::Event::Failed
                       ? NgrokRequestsTr::tr(
                             "ngrok request %1: its raw bytes are not a request HookScope accepts "
                             "(%2).")
                             .arg(r.id, QString::fromLatin1(parser.errorReason()))
                       : NgrokRequestsTr::tr(
                             "ngrok request %1: its raw bytes hold an incomplete HTTP request.")
                             .arg(r.id);
        return false;
    }
    out->request = parser.takeRequest();
    const QByteArray forwardedFor =
        out->request.headers.value("X-Forwarded-For").split(',').first();
    out->peer =
        forwardedFor.trimmed().isEmpty()
            ? QStringLiteral("ngrok")
            : QString(QString::fromLatin1(forwardedFor.trimmed()) + QStringLiteral(" via ngrok"));
    out->receivedAtMs = r.startMs;
    out->answerStatus = quint16(r.answered ? r.status : 0);
    out->recovered = true;
    out->source = QStringLiteral("ngrok:") + r.id;
    return true;
}
