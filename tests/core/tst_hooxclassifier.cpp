// SPDX-License-Identifier: MIT
#include "hoox/HooxClassifier.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <utility>

using namespace Qt::StringLiterals;

namespace {

// The two examples of the Hoox documentation, verbatim. Not raw strings: moc 6.4 reads the
// "//" of a URL inside a multi-line raw string as a comment and then finds no class.
const QByteArray seedCompleted =
    "{\n"
    "  \"task\": \"video_generate\",\n"
    "  \"job_id\": \"run_01234567890abcdef\",\n"
    "  \"status\": \"completed\",\n"
    "  \"result\": {\n"
    "    \"video_id\": \"video_abcdef1234567890\",\n"
    "    \"thumbnail_url\": \"https://cdn.hoox.video/thumbnails/video_123.jpg\",\n"
    "    \"cost\": 5,\n"
    "    \"created_at\": \"2024-01-15T10:30:00Z\"\n"
    "  }\n"
    "}";

const QByteArray seedFailed =
    "{\n"
    "  \"task\": \"video_generate\",\n"
    "  \"job_id\": \"run_01234567890abcdef\",\n"
    "  \"status\": \"failed\",\n"
    "  \"error\": {\n"
    "    \"code\": \"INSUFFICIENT_CREDITS\",\n"
    "    \"message\": \"Not enough credits to complete video generation\"\n"
    "  }\n"
    "}";

const QByteArray validVideo =
    R"({"task":"video_generate","job_id":"run_1","status":"completed","result":{}})";

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

// A null value leaves the field out.
HttpHeaders makeHeaders(const HeaderList &fields)
{
    HttpHeaders headers;
    for (const auto &[name, value] : fields) {
        if (!value.isNull())
            headers.append(name, value);
    }
    return headers;
}

HeaderList hooxHeaderList()
{
    return {{"User-Agent", "Hoox-API/1.0"},
            {"X-Hoox-Webhook", "true"},
            {"Content-Type", "application/json"}};
}

HttpHeaders hooxHeaders()
{
    return makeHeaders(hooxHeaderList());
}

HttpHeaders hooxHeadersWith(const QByteArray &name, const QByteArray &value)
{
    HeaderList fields = hooxHeaderList();
    for (auto &field : fields) {
        if (field.first == name)
            field.second = value;
    }
    return makeHeaders(fields);
}

HooxClassification classify(const QByteArray &body)
{
    return HooxClassifier::classify("POST", hooxHeaders(), body);
}

} // namespace

class TestHooxClassifier : public QObject {
    Q_OBJECT

private slots:
    void validPayloads_data();
    void validPayloads();
    void bodyFindings_data();
    void bodyFindings();
    void headerFindings_data();
    void headerFindings();
    void findingsOrder();
    void rawTexts_data();
    void rawTexts();
    void keys_data();
    void keys();
    void outcomeHash_data();
    void outcomeHash();
    void outcomeHashIsStable();
    void outcomeHashSpellsCompactJson_data();
    void outcomeHashSpellsCompactJson();
    void duplicateKeys_data();
    void duplicateKeys();
    void notJsonSaysWhereParsingStopped_data();
    void notJsonSaysWhereParsingStopped();
    void explain_data();
    void explain();
    void explainCoversEveryCode();
};

void TestHooxClassifier::validPayloads_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<HooxTask>("task");
    QTest::addColumn<HooxStatus>("status");
    QTest::addColumn<QString>("key");

    QTest::addRow("seed: successful generation")
        << seedCompleted << HooxTask::VideoGenerate << HooxStatus::Completed
        << u"run_01234567890abcdef"_s;
    QTest::addRow("seed: failed generation") << seedFailed << HooxTask::VideoGenerate
                                             << HooxStatus::Failed << u"run_01234567890abcdef"_s;
    QTest::addRow("video_export completed")
        << QByteArray(R"({"task":"video_export","job_id":"run_2","status":"completed",)"
                      R"("result":{"download_url":"https://cdn.hoox.video/v.mp4"}})")
        << HooxTask::VideoExport << HooxStatus::Completed << u"run_2"_s;
    QTest::addRow("video_export failed")
        << QByteArray(R"({"task":"video_export","job_id":"run_3","status":"failed",)"
                      R"("error":{"code":"EXPORT_FAILED","message":"Render crashed"}})")
        << HooxTask::VideoExport << HooxStatus::Failed << u"run_3"_s;
    QTest::addRow("avatar_create completed")
        << QByteArray(R"({"task":"avatar_create","avatar_id":"av_1","look_id":"lk_1",)"
                      R"("status":"completed","result":{"preview_url":"https://x/p.jpg"}})")
        << HooxTask::AvatarCreate << HooxStatus::Completed << u"av_1:lk_1"_s;
    QTest::addRow("avatar_create failed")
        << QByteArray(R"({"task":"avatar_create","avatar_id":"av_2","look_id":"lk_2",)"
                      R"("status":"failed","error":{"code":"BAD_IMAGE","message":"No face"}})")
        << HooxTask::AvatarCreate << HooxStatus::Failed << u"av_2:lk_2"_s;
    QTest::addRow("avatar_edit completed")
        << QByteArray(R"({"task":"avatar_edit","avatar_id":"av_3","look_id":"lk_3",)"
                      R"("status":"completed","result":{}})")
        << HooxTask::AvatarEdit << HooxStatus::Completed << u"av_3:lk_3"_s;
    QTest::addRow("avatar_edit failed")
        << QByteArray(R"({"task":"avatar_edit","avatar_id":"av_4","look_id":"lk_4",)"
                      R"("status":"failed","error":{"code":"E","message":"m"}})")
        << HooxTask::AvatarEdit << HooxStatus::Failed << u"av_4:lk_4"_s;
}

void TestHooxClassifier::validPayloads()
{
    QFETCH(QByteArray, body);
    QFETCH(HooxTask, task);
    QFETCH(HooxStatus, status);
    QFETCH(QString, key);

    const HooxClassification c = classify(body);
    QCOMPARE(c.findings, QStringList());
    QCOMPARE(c.task, task);
    QCOMPARE(c.taskText, hooxTaskName(task));
    QCOMPARE(c.status, status);
    QCOMPARE(c.statusText, hooxStatusName(status));
    QCOMPARE(c.key, key);
    QVERIFY(c.outcomeHash != 0);
    // Numbering belongs to DuplicateIndex, not to the stateless classifier.
    QCOMPARE(c.attempt, 0u);
    QCOMPARE(c.duplicateOf, 0u);
}

void TestHooxClassifier::bodyFindings_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("findings");

    const QStringList notJson{u"not_json"_s};
    QTest::addRow("empty body") << QByteArray() << notJson;
    QTest::addRow("plain text") << QByteArray("OK") << notJson;
    QTest::addRow("truncated object") << QByteArray(R"({"task":"video_generate")") << notJson;
    QTest::addRow("array") << QByteArray(R"([{"task":"video_generate"}])") << notJson;

    QTest::addRow("task absent") << QByteArray(R"({"job_id":"j","status":"completed","result":{}})")
                                 << QStringList{u"missing_task"_s};
    QTest::addRow("task not a string")
        << QByteArray(R"({"task":1,"job_id":"j","status":"completed","result":{}})")
        << QStringList{u"missing_task"_s};
    QTest::addRow("task unknown")
        << QByteArray(R"({"task":"audio_generate","status":"completed","result":{}})")
        << QStringList{u"unknown_task"_s};
    QTest::addRow("task in the wrong case")
        << QByteArray(R"({"task":"Video_Generate","job_id":"j","status":"completed","result":{}})")
        << QStringList{u"unknown_task"_s};

    const QStringList noJobId{u"missing_field:job_id"_s};
    QTest::addRow("job_id absent")
        << QByteArray(R"({"task":"video_generate","status":"completed","result":{}})") << noJobId;
    QTest::addRow("job_id null")
        << QByteArray(R"({"task":"video_export","job_id":null,"status":"completed","result":{}})")
        << noJobId;
    QTest::addRow("job_id empty")
        << QByteArray(R"({"task":"video_generate","job_id":"","status":"completed","result":{}})")
        << noJobId;
    QTest::addRow("job_id a number")
        << QByteArray(R"({"task":"video_generate","job_id":7,"status":"completed","result":{}})")
        << noJobId;
    QTest::addRow("avatar_id absent")
        << QByteArray(R"({"task":"avatar_create","look_id":"l","status":"completed","result":{}})")
        << QStringList{u"missing_field:avatar_id"_s};
    QTest::addRow("look_id empty")
        << QByteArray(R"({"task":"avatar_edit","avatar_id":"a","look_id":"","status":"completed",)"
                      R"("result":{}})")
        << QStringList{u"missing_field:look_id"_s};
    QTest::addRow("avatar task with only job_id")
        << QByteArray(R"({"task":"avatar_edit","job_id":"j","status":"completed","result":{}})")
        << QStringList{u"missing_field:avatar_id"_s, u"missing_field:look_id"_s};

    QTest::addRow("status absent") << QByteArray(R"({"task":"video_generate","job_id":"j"})")
                                   << QStringList{u"missing_field:status"_s};
    QTest::addRow("status null") << QByteArray(R"({"task":"video_generate","job_id":"j",)"
                                               R"("status":null})")
                                 << QStringList{u"missing_field:status"_s};
    QTest::addRow("status invalid")
        << QByteArray(R"({"task":"video_generate","job_id":"j","status":"processing"})")
        << QStringList{u"invalid_status"_s};
    QTest::addRow("status in the wrong case")
        << QByteArray(R"({"task":"video_generate","job_id":"j","status":"Completed"})")
        << QStringList{u"invalid_status"_s};

    const QStringList noResult{u"missing_field:result"_s};
    QTest::addRow("result absent")
        << QByteArray(R"({"task":"video_generate","job_id":"j","status":"completed"})") << noResult;
    QTest::addRow("result null")
        << QByteArray(R"({"task":"video_generate","job_id":"j","status":"completed",)"
                      R"("result":null})")
        << noResult;
    QTest::addRow("result a string")
        << QByteArray(R"({"task":"video_generate","job_id":"j","status":"completed",)"
                      R"("result":"video_1"})")
        << noResult;

    QTest::addRow("error absent")
        << QByteArray(R"({"task":"video_generate","job_id":"j","status":"failed"})")
        << QStringList{u"missing_field:error"_s};
    QTest::addRow("error a string")
        << QByteArray(R"({"task":"video_generate","job_id":"j","status":"failed",)"
                      R"("error":"INSUFFICIENT_CREDITS"})")
        << QStringList{u"missing_field:error"_s};
    QTest::addRow("error.code absent")
        << QByteArray(R"({"task":"video_generate","job_id":"j","status":"failed",)"
                      R"("error":{"message":"m"}})")
        << QStringList{u"missing_field:error.code"_s};
    QTest::addRow("error.code a number")
        << QByteArray(R"({"task":"video_generate","job_id":"j","status":"failed",)"
                      R"("error":{"code":402,"message":"m"}})")
        << QStringList{u"missing_field:error.code"_s};
    QTest::addRow("error.message absent")
        << QByteArray(R"({"task":"video_generate","job_id":"j","status":"failed",)"
                      R"("error":{"code":"E"}})")
        << QStringList{u"missing_field:error.message"_s};
    QTest::addRow("error empty")
        << QByteArray(R"({"task":"video_generate","job_id":"j","status":"failed","error":{}})")
        << QStringList{u"missing_field:error.code"_s, u"missing_field:error.message"_s};

    // Only completed and failed say which outcome field must be there.
    QTest::addRow("invalid status needs no result")
        << QByteArray(R"({"task":"video_generate","job_id":"j","status":"queued"})")
        << QStringList{u"invalid_status"_s};
    QTest::addRow("completed needs no error")
        << QByteArray(R"({"task":"video_generate","job_id":"j","status":"completed",)"
                      R"("result":{},"error":null})")
        << QStringList();
    // The ids a task needs are unknowable for unknown tasks; status is still always required.
    QTest::addRow("unknown task checks status")
        << QByteArray(R"({"task":"x"})")
        << QStringList{u"unknown_task"_s, u"missing_field:status"_s};
}

void TestHooxClassifier::bodyFindings()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, findings);

    QCOMPARE(classify(body).findings, findings);
}

void TestHooxClassifier::headerFindings_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<HttpHeaders>("headers");
    QTest::addColumn<QStringList>("findings");

    const QByteArray post = "POST";
    const QStringList none;
    const QStringList badAgent{u"not_hoox_user_agent"_s};
    const QStringList badMarker{u"missing_hoox_header"_s};
    const QStringList badType{u"not_json_content_type"_s};

    QTest::addRow("proper headers") << post << hooxHeaders() << none;
    QTest::addRow("header names in lower case")
        << post
        << makeHeaders({{"user-agent", "Hoox-API/1.0"},
                        {"x-hoox-webhook", "true"},
                        {"content-type", "application/json"}})
        << none;

    QTest::addRow("user agent absent") << post << hooxHeadersWith("User-Agent", {}) << badAgent;
    QTest::addRow("user agent of curl")
        << post << hooxHeadersWith("User-Agent", "curl/8.5.0") << badAgent;
    QTest::addRow("user agent in the wrong case")
        << post << hooxHeadersWith("User-Agent", "hoox-api/1.0") << badAgent;
    QTest::addRow("user agent containing Hoox-API")
        << post << hooxHeadersWith("User-Agent", "Mozilla/5.0 (Hoox-API/2.1)") << none;

    QTest::addRow("marker absent") << post << hooxHeadersWith("X-Hoox-Webhook", {}) << badMarker;
    QTest::addRow("marker TRUE") << post << hooxHeadersWith("X-Hoox-Webhook", "TRUE") << badMarker;
    QTest::addRow("marker 1") << post << hooxHeadersWith("X-Hoox-Webhook", "1") << badMarker;
    QTest::addRow("marker empty") << post << hooxHeadersWith("X-Hoox-Webhook", "") << badMarker;
    QTest::addRow("marker padded") << post << hooxHeadersWith("X-Hoox-Webhook", " true\t") << none;
    QTest::addRow("marker twice") << post
                                  << makeHeaders({{"User-Agent", "Hoox-API/1.0"},
                                                  {"X-Hoox-Webhook", "true"},
                                                  {"X-Hoox-Webhook", "true"},
                                                  {"Content-Type", "application/json"}})
                                  << badMarker;

    QTest::addRow("GET") << QByteArray("GET") << hooxHeaders() << QStringList{u"not_post"_s};
    QTest::addRow("lower-case post")
        << QByteArray("post") << hooxHeaders() << QStringList{u"not_post"_s};

    QTest::addRow("content type absent") << post << hooxHeadersWith("Content-Type", {}) << badType;
    QTest::addRow("content type text/plain")
        << post << hooxHeadersWith("Content-Type", "text/plain") << badType;
    QTest::addRow("content type with a suffix")
        << post << hooxHeadersWith("Content-Type", "application/json-patch+json") << badType;
    QTest::addRow("content type empty") << post << hooxHeadersWith("Content-Type", "") << badType;
    QTest::addRow("content type with charset")
        << post << hooxHeadersWith("Content-Type", "application/json; charset=utf-8") << none;
    QTest::addRow("content type in upper case, padded")
        << post << hooxHeadersWith("Content-Type", " Application/JSON ;charset=UTF-8") << none;
}

void TestHooxClassifier::headerFindings()
{
    QFETCH(QByteArray, method);
    QFETCH(HttpHeaders, headers);
    QFETCH(QStringList, findings);

    QCOMPARE(HooxClassifier::classify(method, headers, validVideo).findings, findings);
}

void TestHooxClassifier::findingsOrder()
{
    const QByteArray body = R"({"task":"avatar_create","status":"failed","error":{}})";
    const HooxClassification c = HooxClassifier::classify("PUT", HttpHeaders(), body);
    const QStringList expected{
        u"missing_field:avatar_id"_s,
        u"missing_field:look_id"_s,
        u"missing_field:error.code"_s,
        u"missing_field:error.message"_s,
        u"not_hoox_user_agent"_s,
        u"missing_hoox_header"_s,
        u"not_post"_s,
        u"not_json_content_type"_s,
    };
    QCOMPARE(c.findings, expected);

    // Header findings still follow not_json: the request is wrong in both places.
    QCOMPARE(HooxClassifier::classify("GET", HttpHeaders(), "nope").findings,
             (QStringList{u"not_json"_s, u"not_hoox_user_agent"_s, u"missing_hoox_header"_s,
                          u"not_post"_s, u"not_json_content_type"_s}));
}

void TestHooxClassifier::rawTexts_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<HooxTask>("task");
    QTest::addColumn<QString>("taskText");
    QTest::addColumn<HooxStatus>("status");
    QTest::addColumn<QString>("statusText");

    QTest::addRow("unknown task and status")
        << QByteArray(R"({"task":"Avatar_Create","status":"pending"})") << HooxTask::Unknown
        << u"Avatar_Create"_s << HooxStatus::Other << u"pending"_s;
    QTest::addRow("empty task and status")
        << QByteArray(R"({"task":"","status":""})") << HooxTask::Unknown << QString()
        << HooxStatus::Other << QString();
    QTest::addRow("non-string task and status")
        << QByteArray(R"({"task":["video_generate"],"status":true})") << HooxTask::None << QString()
        << HooxStatus::None << QString();
    QTest::addRow("not json") << QByteArray("task=video_generate") << HooxTask::None << QString()
                              << HooxStatus::None << QString();
    QTest::addRow("non-ASCII") << QByteArray(R"({"task":"vidéo_generate","status":"terminé"})")
                               << HooxTask::Unknown << u"vid\u00e9o_generate"_s << HooxStatus::Other
                               << u"termin\u00e9"_s;
}

void TestHooxClassifier::rawTexts()
{
    QFETCH(QByteArray, body);
    QFETCH(HooxTask, task);
    QFETCH(QString, taskText);
    QFETCH(HooxStatus, status);
    QFETCH(QString, statusText);

    const HooxClassification c = classify(body);
    QCOMPARE(c.task, task);
    QCOMPARE(c.taskText, taskText);
    QCOMPARE(c.status, status);
    QCOMPARE(c.statusText, statusText);
}

void TestHooxClassifier::keys_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("key");

    QTest::addRow("video_generate uses job_id")
        << QByteArray(R"({"task":"video_generate","job_id":"run_9","avatar_id":"a","look_id":"l"})")
        << u"run_9"_s;
    QTest::addRow("video_export uses job_id")
        << QByteArray(R"({"task":"video_export","job_id":"run_8"})") << u"run_8"_s;
    QTest::addRow("avatar_create uses avatar_id:look_id")
        << QByteArray(
               R"({"task":"avatar_create","job_id":"run_7","avatar_id":"a1","look_id":"l1"})")
        << u"a1:l1"_s;
    QTest::addRow("avatar_edit uses avatar_id:look_id")
        << QByteArray(R"({"look_id":"l2","avatar_id":"a2","task":"avatar_edit"})") << u"a2:l2"_s;
    QTest::addRow("avatar without look_id")
        << QByteArray(R"({"task":"avatar_edit","avatar_id":"a3"})") << QString();
    QTest::addRow("avatar without avatar_id")
        << QByteArray(R"({"task":"avatar_create","look_id":"l3"})") << QString();
    QTest::addRow("video with an empty job_id")
        << QByteArray(R"({"task":"video_generate","job_id":""})") << QString();
    QTest::addRow("unknown task") << QByteArray(R"({"task":"other","job_id":"run_6"})")
                                  << QString();
    QTest::addRow("missing task") << QByteArray(R"({"job_id":"run_5"})") << QString();
}

void TestHooxClassifier::keys()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, key);

    QCOMPARE(classify(body).key, key);
}

void TestHooxClassifier::outcomeHash_data()
{
    QTest::addColumn<QByteArray>("first");
    QTest::addColumn<QByteArray>("second");
    QTest::addColumn<bool>("equal");

    const QByteArray a = R"({"task":"video_generate","job_id":"j","status":"completed",)";
    const QByteArray f = R"({"task":"video_generate","job_id":"j","status":"failed",)";
    QTest::addRow("same delivery") << seedCompleted << seedCompleted << true;
    QTest::addRow("key order and whitespace")
        << QByteArray(a + R"("result":{"video_id":"v","cost":5}})")
        << QByteArray(R"({ "result" : { "cost" : 5, "video_id" : "v" }, "status" : "completed",)"
                      R"( "job_id" : "j", "task" : "video_generate" })")
        << true;
    // The outcome is what was produced, not which delivery or route carried it.
    QTest::addRow("different job_id")
        << QByteArray(a + R"("result":{"video_id":"v"}})")
        << QByteArray(R"({"task":"video_export","job_id":"k","status":"completed",)"
                      R"("result":{"video_id":"v"}})")
        << true;
    QTest::addRow("error ignored when completed")
        << QByteArray(a + R"("result":{"video_id":"v"}})")
        << QByteArray(a + R"("result":{"video_id":"v"},"error":{"code":"X","message":"y"}})")
        << true;
    QTest::addRow("different result value")
        << QByteArray(a + R"("result":{"video_id":"v1"}})")
        << QByteArray(a + R"("result":{"video_id":"v2"}})") << false;
    QTest::addRow("different result number") << QByteArray(a + R"("result":{"cost":5}})")
                                             << QByteArray(a + R"("result":{"cost":6}})") << false;
    QTest::addRow("extra result field")
        << QByteArray(a + R"("result":{"video_id":"v"}})")
        << QByteArray(a + R"("result":{"video_id":"v","cost":5}})") << false;
    // Malformed outcomes still count: a retry must not turn "v1" into "v2" unnoticed.
    QTest::addRow("different result string")
        << QByteArray(a + R"("result":"v1"})") << QByteArray(a + R"("result":"v2"})") << false;
    QTest::addRow("different error code")
        << QByteArray(f + R"("error":{"code":"A","message":"m"}})")
        << QByteArray(f + R"("error":{"code":"B","message":"m"}})") << false;
    QTest::addRow("completed versus failed") << seedCompleted << seedFailed << false;
    QTest::addRow("different invalid status")
        << QByteArray(R"({"task":"video_generate","job_id":"j","status":"queued"})")
        << QByteArray(R"({"task":"video_generate","job_id":"j","status":"running"})") << false;
    QTest::addRow("result absent versus empty")
        << QByteArray(a + R"("x":1})") << QByteArray(a + R"("result":{}})") << false;
}

void TestHooxClassifier::outcomeHash()
{
    QFETCH(QByteArray, first);
    QFETCH(QByteArray, second);
    QFETCH(bool, equal);

    QCOMPARE(classify(first).outcomeHash == classify(second).outcomeHash, equal);
}

void TestHooxClassifier::outcomeHashIsStable()
{
    // Outcome hashes are journaled and compared after a restart, so they must not depend on
    // the process (qHash is seeded per process) nor change between versions.
    // FNV-1a 64 of "completed" in UTF-16LE, a NUL byte and the compact, key-sorted result.
    QCOMPARE(classify(seedCompleted).outcomeHash, 0x95d6086d3610ea43ULL);
    QCOMPARE(classify("not json").outcomeHash, 0u);
}

void TestHooxClassifier::outcomeHashSpellsCompactJson_data()
{
    QTest::addColumn<QByteArray>("result");

    QTest::addRow("seed") << QByteArray(R"({"video_id":"v","thumbnail_url":"https://c/t.jpg",)"
                                        R"("cost":5,"created_at":"2024-01-15T10:30:00Z"})");
    QTest::addRow("empty object") << QByteArray("{}");
    QTest::addRow("nested") << QByteArray(R"({"a":[1,[],{},{"b":[true,false,null]}],"c":{}})");
    QTest::addRow("escapes") << QByteArray(R"({"q\"b\\":"\b\f\n\r\t\u0001\u001f/\u007f"})");
    QTest::addRow("non-ASCII") << QByteArray(R"({"k\u00e9":"\u00e9\ud83d\ude00\ud800x"})");
    QTest::addRow("integers") << QByteArray(R"([0,-0,-1,9007199254740993,-9223372036854775808])");
    QTest::addRow("integral doubles") << QByteArray(R"([5.0,1e3,1E6,100000,-0.0,1e15,1e16])");
    QTest::addRow("fractions") << QByteArray(R"([1.5,-0.25,1e-7,3.141592653589793,1e300])");
    QTest::addRow("beyond 64 bits")
        << QByteArray(R"([12345678901234567890,-1e19,-1.7976931348623157e308])");
    QTest::addRow("scalar string") << QByteArray(R"("v1")");
    QTest::addRow("scalar number") << QByteArray("42");
    QTest::addRow("scalar null") << QByteArray("null");
    QTest::addRow("array") << QByteArray(R"(["x",{"y":1}])");
    QTest::addRow("duplicated keys, last wins")
        << QByteArray(R"({"a":1,"a":2,"b":{"c":1,"c":[2]}})");
    QTest::addRow("escaped keys") << QByteArray(R"({"\u0061":1,"b\n":2,"a":3})");
    QTest::addRow("keys by code unit")
        << QByteArray(R"({"bb":1,"a":2,"B":3,"ab":4,"\u00e9":5,"Z":6,"":7})");
    QTest::addRow("deep") << QByteArray(20, '[') + "1.25" + QByteArray(20, ']');
    QTest::addRow("subnormal and extremes")
        << QByteArray(R"([5e-324,2.2250738585072014e-308,1.7976931348623157e308])");
    QTest::addRow("around 2^63") << QByteArray(
        R"([9223372036854775807,9223372036854775808,9.3e18,-9223372036854775808.0])");
    QTest::addRow("escaped ASCII string") << QByteArray(R"(["a\/b\u0041\t"])");
}

// The hash is of the outcome as QJsonDocument writes it compactly; hashes journaled by earlier
// versions must keep matching, however the value is spelt.
void TestHooxClassifier::outcomeHashSpellsCompactJson()
{
    QFETCH(QByteArray, result);

    const QByteArray body =
        R"({"task":"video_generate","job_id":"j","status":"completed","result":)" + result + '}';
    const QJsonValue outcome = QJsonDocument::fromJson(body).object().value("result"_L1);
    QVERIFY(!outcome.isUndefined());
    const QJsonArray wrapped{outcome};
    const QByteArray spelt =
        outcome.isObject()  ? QJsonDocument(outcome.toObject()).toJson(QJsonDocument::Compact)
        : outcome.isArray() ? QJsonDocument(outcome.toArray()).toJson(QJsonDocument::Compact)
                            : QJsonDocument(wrapped).toJson(QJsonDocument::Compact);
    quint64 expected = 14695981039346656037ULL;
    const auto add = [&expected](char byte) {
        expected ^= quint8(byte);
        expected *= 1099511628211ULL;
    };
    for (const QChar ch : QStringView(u"completed")) {
        const char16_t u = ch.unicode();
        add(char(u & 0xff));
        add(char(u >> 8));
    }
    add('\0');
    for (const char byte : spelt)
        add(byte);
    QCOMPARE(classify(body).outcomeHash, expected);
}

void TestHooxClassifier::duplicateKeys_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("duplicates");
    QTest::addRow("none") << validVideo << QStringList{};
    QTest::addRow("status twice")
        << QByteArray(R"({"task":"video_generate","job_id":"j","status":"completed",)"
                      R"("result":{},"status":"failed"})")
        << QStringList{u"duplicate_key:status"_s};
    QTest::addRow("nested and escaped")
        << QByteArray(R"({"task":"video_generate","job_id":"j","status":"completed",)"
                      R"("result":{"url":"a","\u0075rl":"b"}})")
        << QStringList{u"duplicate_key:url"_s};
    QTest::addRow("each name once") << QByteArray(R"({"a":1,"a":2,"a":3,"b":[{"a":1},{"a":2}]})")
                                    << QStringList{u"duplicate_key:a"_s};
    QTest::addRow("not JSON: no duplicates") << QByteArray(R"({"a":1,"a":2)") << QStringList{};
}

// The last of duplicated keys counts, as QJsonDocument and JSON.parse read it; the finding
// says that receivers may disagree.
void TestHooxClassifier::duplicateKeys()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, duplicates);
    const HooxClassification c = classify(body);
    QStringList found;
    for (const QString &f : c.findings) {
        if (f.startsWith(u"duplicate_key:"_s))
            found << f;
    }
    QCOMPARE(found, duplicates);
    if (body.contains("\"status\":\"failed\"}"))
        QCOMPARE(c.status, HooxStatus::Failed);
    if (!duplicates.isEmpty())
        QVERIFY(HooxClassifier::explain(duplicates.first()).contains(duplicates.first().mid(14)));
}

void TestHooxClassifier::notJsonSaysWhereParsingStopped_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("where");
    QTest::addRow("missing comma")
        << QByteArray("{\n  \"status\": \"failed\"\n  \"task\": \"x\"\n}")
        << u"line 3, column 3: expected ',' or '}' after the value of \"status\""_s;
    QTest::addRow("empty") << QByteArray() << u"line 1, column 1: expected a JSON value"_s;
    QTest::addRow("array") << QByteArray("[1]") << u"valid JSON, but not an object"_s;
}

void TestHooxClassifier::notJsonSaysWhereParsingStopped()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, where);
    QVERIFY(classify(body).findings.contains(u"not_json"_s));
    const QString sentence = HooxClassifier::explain(u"not_json"_s, body);
    QVERIFY2(sentence.contains(where), qPrintable(sentence));
    QVERIFY(sentence.startsWith(HooxClassifier::explain(u"not_json"_s)));
}

void TestHooxClassifier::explain_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("mentions");

    QTest::addRow("not_json") << u"not_json"_s << u"JSON object"_s;
    QTest::addRow("missing_task") << u"missing_task"_s << u"task"_s;
    QTest::addRow("unknown_task") << u"unknown_task"_s << u"avatar_edit"_s;
    QTest::addRow("missing_field:job_id") << u"missing_field:job_id"_s << u"job_id"_s;
    QTest::addRow("missing_field:avatar_id") << u"missing_field:avatar_id"_s << u"avatar_id"_s;
    QTest::addRow("missing_field:look_id") << u"missing_field:look_id"_s << u"look_id"_s;
    QTest::addRow("missing_field:status") << u"missing_field:status"_s << u"status"_s;
    QTest::addRow("invalid_status") << u"invalid_status"_s << u"completed or failed"_s;
    QTest::addRow("missing_field:result") << u"missing_field:result"_s << u"result"_s;
    QTest::addRow("missing_field:error") << u"missing_field:error"_s << u"error object"_s;
    QTest::addRow("missing_field:error.code") << u"missing_field:error.code"_s << u"code"_s;
    QTest::addRow("missing_field:error.message")
        << u"missing_field:error.message"_s << u"message"_s;
    QTest::addRow("not_hoox_user_agent") << u"not_hoox_user_agent"_s << u"Hoox-API"_s;
    QTest::addRow("missing_hoox_header") << u"missing_hoox_header"_s << u"X-Hoox-Webhook"_s;
    QTest::addRow("not_post") << u"not_post"_s << u"POST"_s;
    QTest::addRow("not_json_content_type") << u"not_json_content_type"_s << u"application/json"_s;
    QTest::addRow("conflicting_duplicate") << u"conflicting_duplicate"_s << u"duplicate"_s;
}

void TestHooxClassifier::explain()
{
    QFETCH(QString, code);
    QFETCH(QString, mentions);

    const QString sentence = HooxClassifier::explain(code);
    QVERIFY2(sentence.contains(mentions), qPrintable(sentence));
    QVERIFY2(sentence.contains(u"Hoox"_s), qPrintable(sentence));
    QVERIFY(sentence.endsWith(u'.'));
    QVERIFY(sentence != HooxClassifier::explain(u"no_such_finding"_s));
}

void TestHooxClassifier::explainCoversEveryCode()
{
    QCOMPARE(HooxClassifier::explain(u"missing_field:job_id"_s),
             u"Hoox video tasks (video_generate, video_export) always carry job_id, the "
             u"idempotency key of the delivery."_s);

    const QString generic = HooxClassifier::explain(u"no_such_finding"_s);
    QVERIFY(!generic.isEmpty());
    QCOMPARE(HooxClassifier::explain(u"missing_field:video_id"_s), generic);
    QCOMPARE(HooxClassifier::explain(QString()), generic);

    // Every code the classifier can emit has its own sentence.
    const QList<QByteArray> bodies{
        "x",
        R"({})",
        R"({"task":"y","status":"z"})",
        R"({"task":"video_generate","status":"completed"})",
        R"({"task":"avatar_edit","status":"failed"})",
        R"({"task":"avatar_edit","status":"failed","error":{}})",
    };
    QSet<QString> sentences;
    QSet<QString> codes;
    for (const QByteArray &body : bodies) {
        const QStringList findings = HooxClassifier::classify("GET", {}, body).findings;
        for (const QString &code : findings) {
            codes.insert(code);
            const QString sentence = HooxClassifier::explain(code);
            QVERIFY2(sentence != generic, qPrintable(code));
            sentences.insert(sentence);
        }
    }
    QCOMPARE(codes.size(), 16);
    QCOMPARE(sentences.size(), codes.size());
}

QTEST_GUILESS_MAIN(TestHooxClassifier)
#include "tst_hooxclassifier.moc"
