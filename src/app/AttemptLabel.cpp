// SPDX-License-Identifier: MIT
#include "AttemptLabel.h"

#include "capture/CaptureFormat.h"
#include "capture/CaptureStore.h"
#include "hoox/RetrySchedule.h"

#include <QLocale>
#include <QStringList>

QString AttemptLabel::text(const CaptureStore &store, qsizetype row)
{
    const CaptureStore::Row &r = store.row(row);
    if (r.flags & CaptureStore::Refused)
        return tr("refused: no access token");
    if (r.group < 0)
        return {};
    const CaptureStore::Group &g = store.group(r.group);
    const QString gaveUp = g.gaveUp() ? tr(" · Hoox gave up") : QString();
    const QString text =
        g.isComplete()
            ? tr("%1 of %2").arg(r.attempt).arg(g.attempts)
            : tr("attempt %1 of %2 · %3 shown").arg(r.attempt).arg(g.attempts).arg(g.count);
    if (r.previous < 0 || store.row(r.previous).attempt + 1 != r.attempt)
        return text +
               gaveUp; // the attempt before is not shown: its gap says nothing of the schedule
    const qint64 gap = r.receivedAtMs - store.row(r.previous).receivedAtMs;
    return text +
           tr(" · +%1 s, %2")
               .arg(QLocale().toString(gap / 1000.0, 'f', 1),
                    RetrySchedule::describe(RetrySchedule::fit(r.attempt, gap))) +
           gaveUp;
}

QString AttemptLabel::toolTip(const CaptureStore &store, qsizetype row)
{
    const CaptureStore::Row &r = store.row(row);
    if (r.group < 0 || (r.flags & CaptureStore::Refused))
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
    return lines.join(u'\n');
}
