// SPDX-License-Identifier: MIT
#include "ReplayText.h"

#include "DeliveryRequest.h"

#include <QCoreApplication>

#include <algorithm>

namespace {

// This file's messages, under the catalogue context "ReplayText" (lupdate reads it here).
struct ReplayTextTr {
    Q_DECLARE_TR_FUNCTIONS(ReplayText)
};

} // namespace

namespace ReplayText {

QString start(qsizetype deliveries, qsizetype captures, const QUrl &url, quint32 seed)
{
    return ReplayTextTr::tr("Replaying %1 deliveries of %2 captures to %3 (seed %4).")
        .arg(deliveries)
        .arg(captures)
        .arg(url.toString())
        .arg(seed);
}

QString result(const ReplayResult &r)
{
    const DeliveryAttempt last = r.attempts.isEmpty() ? DeliveryAttempt{} : r.attempts.last();
    QString line = u'#' + QString::number(r.item.capture->id) +
                   (r.item.duplicate ? ReplayTextTr::tr(" (again)") : QString()) +
                   QStringLiteral(" → ") + DeliveryRequest::attemptText(last);
    if (r.attempts.size() > 1)
        line += ReplayTextTr::tr(" after %1 attempts").arg(r.attempts.size());
    return line;
}

QString summary(const ReplayReport &r, quint32 seed)
{
    return ReplayTextTr::tr(
               "%1 sent, %2 answered 2xx, %3 not, %4 timed out; %5 dropped, %6 duplicated on "
               "purpose (seed %7)%8")
        .arg(r.sent)
        .arg(r.delivered)
        .arg(r.failures.size())
        .arg(r.timeouts)
        .arg(r.dropped)
        .arg(r.duplicated)
        .arg(seed)
        .arg(r.cancelled ? ReplayTextTr::tr("; cancelled") : QString());
}

QString failure(const ReplayResult &r)
{
    return ReplayTextTr::tr("  not delivered: %1").arg(result(r));
}

QString noneReached(const ReplayReport &r, const QString &urlSource)
{
    const bool none =
        r.sent > 0 && r.delivered == 0 && !r.failures.isEmpty() &&
        std::all_of(r.failures.cbegin(), r.failures.cend(), [](const ReplayResult &f) {
            return !f.attempts.isEmpty() && f.attempts.last().status == 0 &&
                   !f.attempts.last().timedOut;
        });
    if (!none)
        return {};
    return ReplayTextTr::tr("Nothing reached your app (%1): is it running, and is %2 its URL?")
        .arg(r.failures.first().attempts.last().error, urlSource);
}

} // namespace ReplayText
