// SPDX-License-Identifier: MIT
#include "CaptureFormat.h"

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
    if (c.refused)
        line += QStringLiteral(" REFUSED (no access token; not journaled)");
    if (!h.findings.isEmpty())
        line += QStringLiteral(" findings: ") + h.findings.join(QStringLiteral(", "));
    return line;
}
