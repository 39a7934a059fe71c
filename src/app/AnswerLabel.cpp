// SPDX-License-Identifier: MIT
#include "AnswerLabel.h"

#include "capture/CaptureFormat.h"
#include "capture/CaptureStore.h"
#include "hoox/RetrySchedule.h"

#include <QStringList>
#include <QStyle>

namespace {
bool isLastAttempt(const CaptureStore::Row &r)
{
    return r.attempt > quint32(RetrySchedule::kMaxRetries);
}
} // namespace

QVariant AnswerLabel::display(const CaptureStore &store, qsizetype row)
{
    const CaptureStore::Row &r = store.row(row);
    const QString status = r.answerStatus == 0 ? tr("—") : QString::number(r.answerStatus);
    if (r.flags & CaptureStore::Recovered)
        return tr("%1 · ngrok").arg(status);
    if (r.flags & CaptureStore::LateAnswer)
        return tr("%1 · late").arg(status);
    return r.answerStatus == 0 ? QVariant(status) : QVariant(int(r.answerStatus));
}

QString AnswerLabel::toolTip(const CaptureStore &store, qsizetype row)
{
    const CaptureStore::Row &r = store.row(row);
    QStringList lines;
    if (r.flags & CaptureStore::Recovered) {
        lines << CaptureFormat::recoveredText(r.answerStatus);
        lines << tr("HookScope read it from the ngrok agent's request list (%1).")
                     .arg(store.index().source(row));
    } else if (r.answerStatus == 0) {
        lines << tr("Not answered: HookScope stopped while the answer was being decided, or "
                    "the imported file had no answer.");
    }
    if (r.flags & CaptureStore::LateAnswer)
        lines << CaptureFormat::lateAnswerText(r.answerStatus, store.index().lateAnswerMs(row),
                                               isLastAttempt(r));
    return lines.join(u'\n');
}

int AnswerLabel::icon(const CaptureStore &store, qsizetype row)
{
    const CaptureStore::Row &r = store.row(row);
    if (r.flags & CaptureStore::LateAnswer)
        return QStyle::SP_MessageBoxWarning;
    if (r.flags & CaptureStore::Recovered)
        return QStyle::SP_BrowserReload;
    return -1;
}
