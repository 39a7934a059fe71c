// SPDX-License-Identifier: MIT
#include "session/AppSettings.h"

#include <limits>

namespace {

using Key = Settings::Key;

// A hand-edited file must not yield a negative limit or a port out of range: such a value
// falls back to the default.
template <typename T> T readNumber(const Settings &s, Key key, T low)
{
    const auto fallback = T(Settings::defaultValue(key).toLongLong());
    bool ok = false;
    const qint64 value = s.get(key).toLongLong(&ok);
    if (!ok || value < qint64(low) || value > qint64(std::numeric_limits<T>::max()))
        return fallback;
    return T(value);
}

HttpLimits readLimits(const Settings &s)
{
    HttpLimits l;
    l.maxTargetBytes = readNumber(s, Key::LimitsMaxTargetBytes, qsizetype(1));
    l.maxHeaderBytes = readNumber(s, Key::LimitsMaxHeaderBytes, qsizetype(1));
    l.maxHeaderCount = readNumber(s, Key::LimitsMaxHeaderCount, 1);
    l.maxBodyBytes = readNumber(s, Key::LimitsMaxBodyBytes, qint64(0));
    l.headTimeoutMs = readNumber(s, Key::LimitsHeadTimeoutMs, 1);
    l.idleTimeoutMs = readNumber(s, Key::LimitsIdleTimeoutMs, 1);
    l.maxConnections = readNumber(s, Key::LimitsMaxConnections, 1);
    return l;
}

void writeLimits(Settings &s, const HttpLimits &l)
{
    s.set(Key::LimitsMaxTargetBytes, qint64(l.maxTargetBytes));
    s.set(Key::LimitsMaxHeaderBytes, qint64(l.maxHeaderBytes));
    s.set(Key::LimitsMaxHeaderCount, l.maxHeaderCount);
    s.set(Key::LimitsMaxBodyBytes, l.maxBodyBytes);
    s.set(Key::LimitsHeadTimeoutMs, l.headTimeoutMs);
    s.set(Key::LimitsIdleTimeoutMs, l.idleTimeoutMs);
    s.set(Key::LimitsMaxConnections, l.maxConnections);
}

} // namespace

AppSettings AppSettings::load(const Settings &s)
{
    AppSettings a;
    a.port = readNumber(s, Key::ListenerPort, quint16(0));
    a.bindAddress = s.get(Key::ListenerBind).toString();
    a.limits = readLimits(s);
    a.response.status = readNumber(s, Key::ResponseStatus, 100);
    if (a.response.status > 599)
        a.response.status = Settings::defaultValue(Key::ResponseStatus).toInt();
    a.response.body = s.get(Key::ResponseBody).toString().toUtf8();
    a.response.delayMs = readNumber(s, Key::ResponseDelayMs, 0);
    a.maxCaptures = readNumber(s, Key::RetentionMaxCaptures, 0);
    a.maxAgeDays = readNumber(s, Key::RetentionMaxAgeDays, 0);
    a.journalSync = s.get(Key::JournalSync).toBool();
    const QUrl target(s.get(Key::DeliveryTarget).toString(), QUrl::StrictMode);
    if (target.isValid() && !target.isRelative())
        a.deliveryTarget = target;
    a.notifications = {s.get(Key::NotifyFindings).toBool(), s.get(Key::NotifyConflicts).toBool(),
                       s.get(Key::NotifyFailedForwards).toBool(),
                       s.get(Key::NotifyGaveUp).toBool()};
    return a;
}

void AppSettings::save(Settings &s) const
{
    s.set(Key::ListenerPort, port);
    s.set(Key::ListenerBind, bindAddress);
    writeLimits(s, limits);
    s.set(Key::ResponseStatus, response.status);
    s.set(Key::ResponseBody, QString::fromUtf8(response.body));
    s.set(Key::ResponseDelayMs, response.delayMs);
    s.set(Key::RetentionMaxCaptures, maxCaptures);
    s.set(Key::RetentionMaxAgeDays, maxAgeDays);
    s.set(Key::JournalSync, journalSync);
    s.set(Key::DeliveryTarget, deliveryTarget.toString());
    s.set(Key::NotifyFindings, notifications.findings);
    s.set(Key::NotifyConflicts, notifications.conflicts);
    s.set(Key::NotifyFailedForwards, notifications.failedForwards);
    s.set(Key::NotifyGaveUp, notifications.gaveUp);
    s.sync();
}
