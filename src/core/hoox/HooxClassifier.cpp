// SPDX-License-Identifier: MIT
#include "HooxClassifier.h"

#include "HooxPayload.h"
#include "OutcomeHash.h"

#include <QCoreApplication>

#include <algorithm>
#include <iterator>

using namespace Qt::StringLiterals;

namespace {

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

void classifyTask(const HooxPayload &payload, HooxClassification &c)
{
    if (!payload.task.isString()) {
        c.findings.append(u"missing_task"_s);
        return;
    }
    c.taskText = payload.task.text();
    c.task = taskFromText(c.taskText);
    if (c.task == HooxTask::Unknown)
        c.findings.append(u"unknown_task"_s);
}

// Ids must be non-empty strings: an empty id cannot serve as an idempotency key.
QString requiredId(const HooxPayload::Field &field, QLatin1StringView name, QStringList &findings)
{
    QString id = field.text();
    if (id.isEmpty())
        findings.append(missingField(name));
    return id;
}

void classifyIds(const HooxPayload &payload, HooxClassification &c)
{
    if (isVideo(c.task)) {
        c.key = requiredId(payload.jobId, "job_id"_L1, c.findings);
    } else if (isAvatar(c.task)) {
        const QString avatarId = requiredId(payload.avatarId, "avatar_id"_L1, c.findings);
        const QString lookId = requiredId(payload.lookId, "look_id"_L1, c.findings);
        if (!avatarId.isEmpty() && !lookId.isEmpty())
            c.key = avatarId + u':' + lookId;
    }
}

void classifyStatus(const HooxPayload &payload, HooxClassification &c)
{
    if (!payload.status.isString()) {
        c.findings.append(missingField("status"_L1));
        return;
    }
    c.statusText = payload.status.text();
    if (c.statusText == "completed"_L1) {
        c.status = HooxStatus::Completed;
    } else if (c.statusText == "failed"_L1) {
        c.status = HooxStatus::Failed;
    } else {
        c.status = HooxStatus::Other;
        c.findings.append(u"invalid_status"_s);
    }
}

void checkError(const HooxPayload::Field &error, QStringList &findings)
{
    if (!error.isObject()) {
        findings.append(missingField("error"_L1));
        return;
    }
    if (HooxPayload::stringMember(error.raw, u"code"_s).isNull())
        findings.append(missingField("error.code"_L1));
    if (HooxPayload::stringMember(error.raw, u"message"_s).isNull())
        findings.append(missingField("error.message"_L1));
}

// Returns the text of the value whose content decides whether two deliveries agree; a null
// view when there is none.
QByteArrayView classifyOutcome(const HooxPayload &payload, HooxClassification &c)
{
    if (c.status == HooxStatus::Completed) {
        if (!payload.result.isObject())
            c.findings.append(missingField("result"_L1));
        return payload.result.raw;
    }
    if (c.status == HooxStatus::Failed) {
        checkError(payload.errorObject, c.findings);
        return payload.errorObject.raw;
    }
    return {};
}

void classifyPayload(const HooxPayload &payload, HooxClassification &c)
{
    classifyTask(payload, c);
    classifyIds(payload, c);
    classifyStatus(payload, c);
    const QByteArrayView outcome = classifyOutcome(payload, c);
    c.outcomeHash = OutcomeHash::of(c.statusText, outcome);
    for (const QString &key : payload.duplicateKeys)
        c.findings.append(u"duplicate_key:"_s + key);
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
    {"duplicate_key"_L1,
     QT_TRANSLATE_NOOP("HooxClassifier",
                       "A JSON object in this body carries the key \"%1\" more than once. Hoox "
                       "sends each key once; receivers disagree on which value wins (JSON.parse "
                       "keeps the last, other parsers the first or refuse the body).")},
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
    const HooxPayload payload = HooxPayload::read(body);
    if (payload.isObject)
        classifyPayload(payload, c);
    else
        c.findings.append(u"not_json"_s);
    classifyHeaders(method, headers, c.findings);
    return c;
}

QString HooxClassifier::explain(const QString &findingCode)
{
    const qsizetype colon = findingCode.indexOf(u':');
    const bool named = findingCode.startsWith("duplicate_key:"_L1);
    const QStringView code =
        named ? QStringView(findingCode).first(colon) : QStringView(findingCode);
    const auto it = std::find_if(std::begin(explanations), std::end(explanations),
                                 [&](const Explanation &e) { return e.code == code; });
    if (it == std::end(explanations)) {
        return QCoreApplication::translate(
            "HooxClassifier",
            "This finding is not part of the Hoox webhook contract that HookScope checks.");
    }
    const QString sentence = QCoreApplication::translate("HooxClassifier", it->text);
    return named ? sentence.arg(findingCode.mid(colon + 1)) : sentence;
}

QString HooxClassifier::explain(const QString &findingCode, QByteArrayView body)
{
    const QString sentence = explain(findingCode);
    if (findingCode != "not_json"_L1)
        return sentence;
    return sentence + u' ' + jsonProblem(body);
}

QString HooxClassifier::jsonProblem(QByteArrayView body)
{
    const HooxPayload payload = HooxPayload::read(body);
    if (payload.error.isError()) {
        return QCoreApplication::translate("HooxClassifier", "Parsing stopped at %1.")
            .arg(payload.error.toString());
    }
    if (!payload.isObject) {
        return QCoreApplication::translate("HooxClassifier",
                                           "The body is valid JSON, but not an object.");
    }
    return {};
}
