// SPDX-License-Identifier: MIT
#include "CaptureFormat.h"

#include "capture/CaptureIndex.h"
#include "hoox/RetrySchedule.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cstdio>
#include <limits>

QString CaptureFormat::isoTime(qint64 msecsSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString CaptureFormat::clockTime(qint64 msecsSinceEpoch)
{
    thread_local qint64 cachedMinute = std::numeric_limits<qint64>::min();
    thread_local qint64 offsetMs = 0;
    const qint64 minute = msecsSinceEpoch / 60'000;
    if (minute != cachedMinute) {
        cachedMinute = minute;
        offsetMs = qint64(QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch).offsetFromUtc()) * 1000;
    }
    qint64 dayMs = (msecsSinceEpoch + offsetMs) % 86'400'000;
    if (dayMs < 0)
        dayMs += 86'400'000;
    char text[13];
    std::snprintf(text, sizeof text, "%02d:%02d:%02d.%03d", int(dayMs / 3'600'000),
                  int(dayMs / 60'000 % 60), int(dayMs / 1000 % 60), int(dayMs % 1000));
    return QString::fromLatin1(text, 12);
}

QString CaptureFormat::answerText(quint16 answerStatus)
{
    if (answerStatus == 0)
        return QCoreApplication::translate("CaptureFormat", "not answered");
    return QString::number(answerStatus);
}

QString CaptureFormat::humanLine(const Capture &c)
{
    const HooxClassification &h = c.hoox;
    QString line = u'#' + QString::number(c.id) + u' ' + clockTime(c.receivedAtMs) + u' ' +
                   QString::fromLatin1(c.method) + u' ' + QString::fromUtf8(c.target) + u' ' +
                   (h.taskText.isEmpty() ? QStringLiteral("-") : h.taskText) + u' ' +
                   (h.statusText.isEmpty() ? QStringLiteral("-") : h.statusText);
    if (!h.key.isEmpty())
        line += QStringLiteral(" key=") + h.key + QStringLiteral(" attempt ") +
                QString::number(h.attempt);
    if (h.duplicateOf != 0)
        line += QStringLiteral(" (duplicate of #") + QString::number(h.duplicateOf) + u')';
    line += QStringLiteral(" -> ") + answerText(c.answerStatus);
    if (c.recovered)
        line += QStringLiteral(" RECOVERED ") + recoveredText(c.answerStatus);
    if (c.lateAnswerMs > 0)
        line += QStringLiteral(" LATE ") + lateAnswerText(c.answerStatus, c.lateAnswerMs,
                                                          h.attempt > RetrySchedule::kMaxRetries);
    if (gaveUp(c))
        line += QStringLiteral(" GAVE UP ") + gaveUpText();
    if (c.refused)
        line += QStringLiteral(" REFUSED (no access token; not journaled)");
    if (!h.findings.isEmpty())
        line += QStringLiteral(" findings: ") + h.findings.join(QStringLiteral(", "));
    return line;
}

QString CaptureFormat::recoveredText(quint16 answerStatus)
{
    if (answerStatus == 0)
        return QCoreApplication::translate("CaptureFormat",
                                           "recovered from ngrok: the sender got no answer; "
                                           "HookScope was not running");
    return QCoreApplication::translate("CaptureFormat", "recovered from ngrok: ngrok answered %1: "
                                                        "HookScope was not running")
        .arg(answerStatus);
}

QString CaptureFormat::gaveUpText()
{
    return QCoreApplication::translate("CaptureFormat",
                                       "Hoox gave up: this job's webhook will not come again");
}

QString CaptureFormat::lateAnswerText(quint16 answerStatus, quint32 afterMs, bool lastAttempt)
{
    const QString seconds = QString::number(afterMs / 1000.0, 'f', 1);
    return lastAttempt ? QCoreApplication::translate("CaptureFormat",
                                                     "answered %1 after %2 s; Hoox had already "
                                                     "timed out")
                             .arg(answerText(answerStatus), seconds)
                       : QCoreApplication::translate("CaptureFormat",
                                                     "answered %1 after %2 s; Hoox had already "
                                                     "timed out and retries")
                             .arg(answerText(answerStatus), seconds);
}

bool CaptureFormat::gaveUp(const Capture &c)
{
    return !c.refused && c.hoox.attempt > quint32(RetrySchedule::kMaxRetries) &&
           !CaptureIndex::answeredInTime(c.answerStatus, c.lateAnswerMs > 0);
}
