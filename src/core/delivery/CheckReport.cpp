// SPDX-License-Identifier: MIT
#include "CheckReport.h"

#include "DeliveryRequest.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamWriter>

#include <algorithm>

namespace {

// This file's messages, under the catalogue context "CheckReport" (lupdate reads it here).
struct CheckReportTr {
    Q_DECLARE_TR_FUNCTIONS(CheckReport)
};

int countOf(const QList<CheckResult> &results, CheckResult::Verdict v)
{
    return int(std::count_if(results.cbegin(), results.cend(),
                             [v](const CheckResult &r) { return r.verdict == v; }));
}

} // namespace

namespace CheckReport {

QString scorecardLine(const CheckResult &r)
{
    QString line = CheckResult::verdictName(r.verdict).toUpper().leftJustified(6) +
                   r.name.leftJustified(38) + u' ' + r.answer;
    if (r.group != QLatin1String("latency"))
        line += CheckReportTr::tr(" in %1").arg(DeliveryRequest::durationText(r.latencyMs));
    if (!r.reason.isEmpty())
        line += QStringLiteral("\n      ") + r.reason;
    return line;
}

QString summary(const QList<CheckResult> &results, const QUrl &url)
{
    return CheckReportTr::tr("%1 passed, %2 warned, %3 failed: %4")
        .arg(countOf(results, CheckResult::Verdict::Pass))
        .arg(countOf(results, CheckResult::Verdict::Warn))
        .arg(countOf(results, CheckResult::Verdict::Fail))
        .arg(url.toString());
}

int failures(const QList<CheckResult> &results)
{
    return countOf(results, CheckResult::Verdict::Fail);
}

QByteArray jsonLine(const CheckResult &r)
{
    QJsonArray requests;
    for (const CheckShot &s : r.shots) {
        requests.append(QJsonObject{
            {QStringLiteral("label"), s.label},
            {QStringLiteral("status"),
             s.attempt.status > 0 ? QJsonValue(s.attempt.status) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("latency_ms"), s.attempt.latencyMs},
            {QStringLiteral("error"), s.attempt.error.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                                : QJsonValue(s.attempt.error)},
        });
    }
    const QJsonObject o{
        {QStringLiteral("scenario"), r.name},
        {QStringLiteral("group"), r.group},
        {QStringLiteral("verdict"), CheckResult::verdictName(r.verdict)},
        {QStringLiteral("answer"), r.answer},
        {QStringLiteral("latency_ms"), r.latencyMs},
        {QStringLiteral("expectation"), r.expectation},
        {QStringLiteral("reason"),
         r.reason.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(r.reason)},
        {QStringLiteral("requests"), requests},
    };
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray junit(const QList<CheckResult> &results, const QUrl &url, qint64 elapsedMs)
{
    QByteArray out;
    QXmlStreamWriter x(&out);
    x.setAutoFormatting(true);
    x.writeStartDocument();
    x.writeStartElement(QStringLiteral("testsuites"));
    x.writeStartElement(QStringLiteral("testsuite"));
    x.writeAttribute(QStringLiteral("name"), QStringLiteral("hookscope check ") + url.toString());
    x.writeAttribute(QStringLiteral("tests"), QString::number(results.size()));
    x.writeAttribute(QStringLiteral("failures"), QString::number(failures(results)));
    x.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
    x.writeAttribute(QStringLiteral("skipped"), QStringLiteral("0"));
    x.writeAttribute(QStringLiteral("time"), QString::number(double(elapsedMs) / 1000.0, 'f', 3));
    for (const CheckResult &r : results) {
        x.writeStartElement(QStringLiteral("testcase"));
        x.writeAttribute(QStringLiteral("classname"), QStringLiteral("hookscope.check.") + r.group);
        x.writeAttribute(QStringLiteral("name"), r.name);
        x.writeAttribute(QStringLiteral("time"),
                         QString::number(double(r.latencyMs) / 1000.0, 'f', 3));
        if (r.verdict == CheckResult::Verdict::Fail) {
            x.writeStartElement(QStringLiteral("failure"));
            x.writeAttribute(QStringLiteral("message"), r.reason);
            x.writeAttribute(QStringLiteral("type"), QStringLiteral("HooxContract"));
            x.writeCharacters(CheckReportTr::tr("Expected: %1\nGot: %2\n%3")
                                  .arg(r.expectation, r.answer, r.reason));
            x.writeEndElement();
        } else if (r.verdict == CheckResult::Verdict::Warn) {
            x.writeTextElement(QStringLiteral("system-out"),
                               CheckReportTr::tr("warning: %1").arg(r.reason));
        }
        x.writeEndElement();
    }
    x.writeEndElement();
    x.writeEndElement();
    x.writeEndDocument();
    return out;
}

} // namespace CheckReport
