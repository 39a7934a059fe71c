// SPDX-License-Identifier: MIT
#include "AttemptStatusLabel.h"

#include <QPainter>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace {

const auto kSeparator = u" · "_s;

QString seconds(qint64 ms)
{
    return AttemptStatusLabel::tr("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}

// "connection refused" → "Connection refused": the error starts the line.
QString capitalized(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

} // namespace

QString AttemptStatusLabel::attemptText(const DeliveryAttempt &a)
{
    if (!a.finished())
        return tr("Sending…");
    if (a.timedOut)
        return tr("No answer") + kSeparator + tr("timed out after %1").arg(seconds(a.latencyMs));
    if (a.status <= 0)
        return capitalized(a.error.isEmpty() ? tr("no answer") : a.error);
    QString text = tr("HTTP %1").arg(a.status) + kSeparator + tr("%1 ms").arg(a.latencyMs);
    if (!a.error.isEmpty()) // a redirect not followed, an answer cut short
        text += kSeparator + a.error;
    return text;
}

AnswerClass::Kind AttemptStatusLabel::kindOf(const DeliveryAttempt &a)
{
    if (!a.finished())
        return AnswerClass::None;
    if (a.delivered())
        return AnswerClass::Success;
    if (a.status >= 400 && a.status < 500 && a.error.isEmpty())
        return AnswerClass::ClientError;
    return AnswerClass::ServerError;
}

void AttemptStatusLabel::showAttempt(const DeliveryAttempt &attempt, const QString &runText)
{
    m_kind = kindOf(attempt);
    QFont bold = font();
    bold.setBold(attempt.finished() && !attempt.delivered());
    setFont(bold);
    const QString text = attemptText(attempt) + kSeparator + runText;
    setText(text);
    setToolTip(text);
}

void AttemptStatusLabel::clearAttempt()
{
    m_kind = AnswerClass::None;
    QFont normal = font();
    normal.setBold(false);
    setFont(normal);
    clear();
    setToolTip({});
}

// The colour is derived at each paint, so that it follows a change of theme at once.
void AttemptStatusLabel::paintEvent(QPaintEvent *)
{
    QPalette pal = palette();
    if (m_kind != AnswerClass::None)
        pal.setColor(QPalette::WindowText,
                     AnswerClass::textColor(m_kind, pal, pal.color(QPalette::Window)));
    QPainter painter(this);
    const QRect area = contentsRect();
    const QString shown = fontMetrics().elidedText(text(), Qt::ElideRight, area.width());
    style()->drawItemText(&painter, area, int(alignment()) | Qt::TextSingleLine, pal, isEnabled(),
                          shown, QPalette::WindowText);
}
