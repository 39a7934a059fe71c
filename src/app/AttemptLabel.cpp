// SPDX-License-Identifier: MIT
#include "AttemptLabel.h"

#include "capture/CaptureFormat.h"
#include "capture/CaptureStore.h"
#include "hoox/RetrySchedule.h"

#include <QLocale>
#include <QStringList>

// Compact, for a column that must fit a laptop screen: "2/3 +1.1s". The tooltip says it whole.
QString AttemptLabel::text(const CaptureStore &store, qsizetype row)
{
    const CaptureStore::Row &r = store.row(row);
    if (r.flags & CaptureStore::Refused)
        return tr("refused");
    if (r.group < 0)
        return {};
    const CaptureStore::Group &g = store.group(r.group);
    QString text = tr("%1/%2").arg(r.attempt).arg(g.attempts);
    if (const qint64 gap = gapToPrevious(store, row); gap >= 0)
        text += tr(" +%1s").arg(QLocale().toString(gap / 1000.0, 'f', 1));
    return text;
}

// -1 when the attempt before is not shown: then the gap says nothing of the schedule.
qint64 AttemptLabel::gapToPrevious(const CaptureStore &store, qsizetype row)
{
    const CaptureStore::Row &r = store.row(row);
    if (r.previous < 0 || store.row(r.previous).attempt + 1 != r.attempt)
        return -1;
    return r.receivedAtMs - store.row(r.previous).receivedAtMs;
}

QString AttemptLabel::toolTip(const CaptureStore &store, qsizetype row)
{
    const CaptureStore::Row &r = store.row(row);
    if (r.flags & CaptureStore::Refused)
        return tr("Refused: the request carried no access token, so it was not counted.");
    if (r.group < 0)
        return {};
    const CaptureStore::Group &g = store.group(r.group);
    QStringList lines;
    if (g.gaveUp())
        lines << CaptureFormat::gaveUpText() +
                     tr(" (%1 deliveries, none answered 2xx within 10 s): fetch the job's status "
                        "instead.")
                         .arg(g.attempts);
    if (r.flags & CaptureStore::Conflict)
        lines << tr("Same key as #%1 but a different status or result: the sender "
                    "contradicts itself.")
                     .arg(g.firstId);
    if (!g.isComplete()) {
        lines << tr("Delivery %1 of the %2 this key has had so far. Only %3 of them are loaded: "
                    "retention left the earlier ones out, the first (#%4) among them.")
                     .arg(r.attempt)
                     .arg(g.attempts)
                     .arg(g.count)
                     .arg(g.firstId);
    } else if (g.attempts > 1) {
        lines << tr("Delivery %1 of the %2 this key has had so far; the first is #%3.")
                     .arg(r.attempt)
                     .arg(g.attempts)
                     .arg(g.firstId);
    }
    if (const qint64 gap = gapToPrevious(store, row); gap >= 0)
        lines << tr("Came %1 s after attempt %2: %3.")
                     .arg(QLocale().toString(gap / 1000.0, 'f', 1))
                     .arg(r.attempt - 1)
                     .arg(RetrySchedule::describe(RetrySchedule::fit(r.attempt, gap)));
    return lines.join(u'\n');
}
