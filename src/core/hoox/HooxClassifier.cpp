// SPDX-License-Identifier: MIT
#include "HooxClassifier.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QLocale>
#include <QVariant>

#include <algorithm>
#include <charconv>
#include <iterator>

using namespace Qt::StringLiterals;

namespace {

// FNV-1a rather than qHash: outcome hashes are journaled and compared across runs, and qHash
// is seeded per process.
class Fnv1a64 {
public:
    void add(QByteArrayView bytes)
    {
        for (const char b : bytes)
            addByte(quint8(b));
    }
    void add(QStringView text)
    {
        // Little-endian code units, so the value does not depend on the host's byte order.
        for (const QChar ch : text) {
            addByte(quint8(ch.unicode() & 0xff));
            addByte(quint8(ch.unicode() >> 8));
        }
    }
    quint64 value() const { return m_hash; }
    void addByte(quint8 byte)
    {
        m_hash ^= byte;
        m_hash *= 1099511628211ULL;
    }

private:
    quint64 m_hash = 14695981039346656037ULL;
};

QByteArray compactJson(const QJsonValue &value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    // A scalar cannot stand alone in a QJsonDocument; wrapping it still serialises it stably.
    return QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
}

QString missingField(QLatin1StringView name)
{
    return u"missing_field:"_s + name;
}

bool isVideo(HooxTask task)
{
    return task == HooxTask::VideoGenerate || task == HooxTask::VideoExport;
}

bool isAvatar(HooxTask task)
{
    return task == HooxTask::AvatarCreate || task == HooxTask::AvatarEdit;
}

HooxTask taskFromText(const QString &text)
{
    if (text == "video_generate"_L1)
        return HooxTask::VideoGenerate;
    if (text == "video_export"_L1)
        return HooxTask::VideoExport;
    if (text == "avatar_create"_L1)
        return HooxTask::AvatarCreate;
    if (text == "avatar_edit"_L1)
        return HooxTask::AvatarEdit;
    return HooxTask::Unknown;
}

void classifyTask(const QJsonObject &payload, HooxClassification &c)
{
    const QJsonValue task = payload.value("task"_L1);
    if (!task.isString()) {
        c.findings.append(u"missing_task"_s);
        return;
    }
    c.taskText = task.toString();
    c.task = taskFromText(c.taskText);
    if (c.task == HooxTask::Unknown)
        c.findings.append(u"unknown_task"_s);
}

// Ids must be non-empty strings: an empty id cannot serve as an idempotency key.
QString requiredId(const QJsonObject &payload, QLatin1StringView name, QStringList &findings)
{
    QString id = payload.value(name).toString();
    if (id.isEmpty())
        findings.append(missingField(name));
    return id;
}

void classifyIds(const QJsonObject &payload, HooxClassification &c)
{
    if (isVideo(c.task)) {
        c.key = requiredId(payload, "job_id"_L1, c.findings);
    } else if (isAvatar(c.task)) {
        const QString avatarId = requiredId(payload, "avatar_id"_L1, c.findings);
        const QString lookId = requiredId(payload, "look_id"_L1, c.findings);
        if (!avatarId.isEmpty() && !lookId.isEmpty())
            c.key = avatarId + u':' + lookId;
    }
}

void classifyStatus(const QJsonObject &payload, HooxClassification &c)
{
    const QJsonValue status = payload.value("status"_L1);
    if (!status.isString()) {
        c.findings.append(missingField("status"_L1));
        return;
    }
    c.statusText = status.toString();
    if (c.statusText == "completed"_L1) {
        c.status = HooxStatus::Completed;
    } else if (c.statusText == "failed"_L1) {
        c.status = HooxStatus::Failed;
    } else {
        c.status = HooxStatus::Other;
        c.findings.append(u"invalid_status"_s);
    }
}

void checkError(const QJsonValue &error, QStringList &findings)
{
    if (!error.isObject()) {
        findings.append(missingField("error"_L1));
        return;
    }
    const QJsonObject object = error.toObject();
    if (!object.value("code"_L1).isString())
        findings.append(missingField("error.code"_L1));
    if (!object.value("message"_L1).isString())
        findings.append(missingField("error.message"_L1));
}

// Returns the value whose content decides whether two deliveries agree.
QJsonValue classifyOutcome(const QJsonObject &payload, HooxClassification &c)
{
    if (c.status == HooxStatus::Completed) {
        QJsonValue result = payload.value("result"_L1);
        if (!result.isObject())
            c.findings.append(missingField("result"_L1));
        return result;
    }
    if (c.status == HooxStatus::Failed) {
        QJsonValue error = payload.value("error"_L1);
        checkError(error, c.findings);
        return error;
    }
    return QJsonValue(QJsonValue::Undefined);
}

// Feeds `text` as QJsonDocument's writer spells a string's content. Only ASCII is spelled
// here; returns false for anything else, whose UTF-8 and surrogate handling stays Qt's.
bool hashJsonString(QStringView text, Fnv1a64 &hash)
{
    for (const QChar ch : text) {
        const char16_t u = ch.unicode();
        if (u >= 0x80)
            return false;
        if (u >= 0x20 && u != '"' && u != '\\') {
            hash.addByte(quint8(u));
            continue;
        }
        hash.addByte('\\');
        switch (u) {
        case '"':
        case '\\':
            hash.addByte(quint8(u));
            break;
        case '\b':
            hash.addByte('b');
            break;
        case '\f':
            hash.addByte('f');
            break;
        case '\n':
            hash.addByte('n');
            break;
        case '\r':
            hash.addByte('r');
            break;
        case '\t':
            hash.addByte('t');
            break;
        default:
            hash.add(QByteArrayView("u00", 3));
            hash.addByte(quint8("0123456789abcdef"[u >> 4]));
            hash.addByte(quint8("0123456789abcdef"[u & 0xf]));
        }
    }
    return true;
}

// The parser stores integral numbers that fit in 64 bits as integers, which the writer spells
// in plain decimal; other numbers take its shortest floating-point form, or null.
bool hashJsonNumber(const QJsonValue &value, Fnv1a64 &hash)
{
    const QVariant variant = value.toVariant();
    if (variant.typeId() != QMetaType::LongLong) {
        const double d = value.toDouble();
        hash.add(qIsFinite(d)
                     ? QByteArrayView(QByteArray::number(d, 'g', QLocale::FloatingPointShortest))
                     : QByteArrayView("null", 4));
        return true;
    }
    char digits[24];
    const auto [end, ec] =
        std::to_chars(std::begin(digits), std::end(digits), variant.toLongLong());
    hash.add(QByteArrayView(digits, end - digits));
    return ec == std::errc();
}

bool hashCompactJson(const QJsonValue &value, Fnv1a64 &hash);

bool hashJsonObject(const QJsonObject &object, Fnv1a64 &hash)
{
    hash.addByte('{');
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it != object.constBegin())
            hash.addByte(',');
        hash.addByte('"');
        if (!hashJsonString(it.key(), hash))
            return false;
        hash.add(QByteArrayView("\":", 2));
        if (!hashCompactJson(it.value(), hash))
            return false;
    }
    hash.addByte('}');
    return true;
}

bool hashJsonArray(const QJsonArray &array, Fnv1a64 &hash)
{
    hash.addByte('[');
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (i > 0)
            hash.addByte(',');
        if (!hashCompactJson(array.at(i), hash))
            return false;
    }
    hash.addByte(']');
    return true;
}

// Feeds `value` to `hash` byte for byte as compactJson() would spell it, without building
// that text: serialising every delivery's outcome cost as much as parsing its body. Returns
// false, with `hash` spoilt, for what it does not spell itself.
bool hashCompactJson(const QJsonValue &value, Fnv1a64 &hash)
{
    switch (value.type()) {
    case QJsonValue::Null:
        hash.add(QByteArrayView("null", 4));
        return true;
    case QJsonValue::Bool:
        hash.add(value.toBool() ? QByteArrayView("true", 4) : QByteArrayView("false", 5));
        return true;
    case QJsonValue::Double:
        return hashJsonNumber(value, hash);
    case QJsonValue::String:
        hash.addByte('"');
        if (!hashJsonString(value.toString(), hash))
            return false;
        hash.addByte('"');
        return true;
    case QJsonValue::Array:
        return hashJsonArray(value.toArray(), hash);
    case QJsonValue::Object:
        return hashJsonObject(value.toObject(), hash);
    case QJsonValue::Undefined:
        break;
    }
    return false;
}

quint64 outcomeHash(const QString &statusText, const QJsonValue &outcome)
{
    Fnv1a64 hash;
    hash.add(QStringView(statusText));
    // The separator keeps "a" + "bc" apart from "ab" + "c".
    hash.add(QByteArrayView("\0", 1));
    if (outcome.isUndefined())
        return hash.value();
    Fnv1a64 streamed = hash;
    // compactJson() wraps a scalar in an array, and so does this.
    const bool scalar = !outcome.isObject() && !outcome.isArray();
    if (scalar)
        streamed.addByte('[');
    if (!hashCompactJson(outcome, streamed)) {
        hash.add(QByteArrayView(compactJson(outcome)));
        return hash.value();
    }
    if (scalar)
        streamed.addByte(']');
    return streamed.value();
}

void classifyPayload(const QJsonObject &payload, HooxClassification &c)
{
    classifyTask(payload, c);
    classifyIds(payload, c);
    classifyStatus(payload, c);
    const QJsonValue outcome = classifyOutcome(payload, c);
    c.outcomeHash = outcomeHash(c.statusText, outcome);
}

bool isJsonMediaType(QByteArrayView contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    const QByteArrayView mediaType =
        (semicolon < 0 ? contentType : contentType.first(semicolon)).trimmed();
    return mediaType.compare("application/json", Qt::CaseInsensitive) == 0;
}

// Node joins repeated X-Hoox-Webhook fields with ", ", so the seed's check only passes
// when the field appears exactly once.
bool hasHooxWebhookHeader(const HttpHeaders &headers)
{
    const QList<QByteArray> values = headers.values("X-Hoox-Webhook");
    return values.size() == 1 && QByteArrayView(values.first()).trimmed() == "true";
}

void classifyHeaders(QByteArrayView method, const HttpHeaders &headers, QStringList &findings)
{
    if (!headers.value("User-Agent").contains("Hoox-API"))
        findings.append(u"not_hoox_user_agent"_s);
    if (!hasHooxWebhookHeader(headers))
        findings.append(u"missing_hoox_header"_s);
    // Methods are case-sensitive (RFC 9110), so "post" is not POST.
    if (method != "POST")
        findings.append(u"not_post"_s);
    // An absent Content-Type reads as empty, which is not application/json either.
    if (!isJsonMediaType(headers.value("Content-Type")))
        findings.append(u"not_json_content_type"_s);
}

struct Explanation {
    QLatin1StringView code;
    const char *text = nullptr;
};

// QT_TRANSLATE_NOOP lets lupdate find sentences that are translated only on lookup.
constexpr Explanation explanations[] = {
    {"not_json"_L1,
     QT_TRANSLATE_NOOP("HooxClassifier", "Hoox sends every webhook body as a JSON object; this "
                                         "body is not a JSON object.")},
    {"missing_task"_L1,
     QT_TRANSLATE_NOOP("HooxClassifier",
                       "Every Hoox webhook carries a task string (video_generate, video_export, "
                       "avatar_create or avatar_edit) that receivers route on.")},
    {"unknown_task"_L1,
     QT_TRANSLATE_NOOP("HooxClassifier",
                       "Hoox documents only the tasks video_generate, video_export, avatar_create "
                       "and avatar_edit, so a Hoox receiver cannot route this task.")},
    {"missing_field:job_id"_L1,
     QT_TRANSLATE_NOOP("HooxClassifier",
                       "Hoox video tasks (video_generate, video_export) always carry job_id, the "
                       "idempotency key of the delivery.")},
    {"missing_field:avatar_id"_L1,
     QT_TRANSLATE_NOOP("HooxClassifier",
                       "Hoox avatar tasks (avatar_create, avatar_edit) always carry avatar_id, "
                       "which with look_id forms the idempotency key of the delivery.")},
    {"missing_field:look_id"_L1,
     QT_TRANSLATE_NOOP("HooxClassifier",
                       "Hoox avatar tasks (avatar_create, avatar_edit) always carry look_id, "
                       "which with avatar_id forms the idempotency key of the delivery.")},
    {"missing_field:status"_L1,
     QT_TRANSLATE_NOOP("HooxClassifier",
                       "Every Hoox webhook carries a status string, completed or failed.")},
    {"invalid_status"_L1,
     QT_TRANSLATE_NOOP("HooxClassifier", "Hoox sends webhooks only when a job has finished, with "
                                         "the status completed or failed.")},
    {"missing_field:result"_L1,
     QT_TRANSLATE_NOOP("HooxClassifier", "A completed Hoox webhook always carries a result object "
                                         "describing what the job produced.")},
    {"missing_field:error"_L1,
     QT_TRANSLATE_NOOP("HooxClassifier", "A failed Hoox webhook always carries an error object "
                                         "with a code and a message.")},
    {"missing_field:error.code"_L1,
     QT_TRANSLATE_NOOP("HooxClassifier", "The error object of a failed Hoox webhook always carries "
                                         "a code string, such as INSUFFICIENT_CREDITS.")},
    {"missing_field:error.message"_L1,
     QT_TRANSLATE_NOOP("HooxClassifier", "The error object of a failed Hoox webhook always carries "
                                         "a human-readable message string.")},
    {"not_hoox_user_agent"_L1,
     QT_TRANSLATE_NOOP("HooxClassifier",
                       "Hoox sends a User-Agent containing Hoox-API, and receivers following the "
                       "Hoox security guide answer 401 to requests without it.")},
    {"missing_hoox_header"_L1,
     QT_TRANSLATE_NOOP("HooxClassifier",
                       "Hoox sends the header X-Hoox-Webhook: true once, and receivers following "
                       "the Hoox security guide answer 401 to requests without it.")},
    {"not_post"_L1,
     QT_TRANSLATE_NOOP("HooxClassifier", "Hoox delivers every webhook as an HTTP POST request.")},
    {"not_json_content_type"_L1,
     QT_TRANSLATE_NOOP("HooxClassifier",
                       "Hoox sends its payload as application/json, and receivers like the Hoox "
                       "example's express.json() ignore bodies of any other content type.")},
    {"conflicting_duplicate"_L1,
     QT_TRANSLATE_NOOP("HooxClassifier",
                       "Hoox retries repeat the same outcome for the same job_id or "
                       "avatar_id:look_id, but this duplicate differs from the first delivery, "
                       "which an idempotent receiver would have kept.")},
};

} // namespace

HooxClassification HooxClassifier::classify(QByteArrayView method, const HttpHeaders &headers,
                                            const QByteArray &body)
{
    HooxClassification c;
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isObject())
        classifyPayload(document.object(), c);
    else
        c.findings.append(u"not_json"_s);
    classifyHeaders(method, headers, c.findings);
    return c;
}

QString HooxClassifier::explain(const QString &findingCode)
{
    const auto it = std::find_if(std::begin(explanations), std::end(explanations),
                                 [&](const Explanation &e) { return e.code == findingCode; });
    if (it != std::end(explanations))
        return QCoreApplication::translate("HooxClassifier", it->text);
    return QCoreApplication::translate(
        "HooxClassifier",
        "This finding is not part of the Hoox webhook contract that HookScope checks.");
}
