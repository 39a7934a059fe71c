// SPDX-License-Identifier: MIT
#include "AppSettings.h"

#include <QSettings>

#include <limits>

namespace {

namespace Key {
const auto port = QStringLiteral("listener/port");
const auto bind = QStringLiteral("listener/bind");
const auto maxTarget = QStringLiteral("limits/maxTargetBytes");
const auto maxHeader = QStringLiteral("limits/maxHeaderBytes");
const auto maxHeaderCount = QStringLiteral("limits/maxHeaderCount");
const auto maxBody = QStringLiteral("limits/maxBodyBytes");
const auto headTimeout = QStringLiteral("limits/headTimeoutMs");
const auto idleTimeout = QStringLiteral("limits/idleTimeoutMs");
const auto maxConnections = QStringLiteral("limits/maxConnections");
const auto status = QStringLiteral("response/status");
const auto body = QStringLiteral("response/body");
const auto delay = QStringLiteral("response/delayMs");
const auto maxCaptures = QStringLiteral("retention/maxCaptures");
const auto maxAgeDays = QStringLiteral("retention/maxAgeDays");
const auto target = QStringLiteral("delivery/target");
} // namespace Key

QString applicationName()
{
    return QStringLiteral("hookscope");
}

// A hand-edited file must not yield a negative limit or a port out of range: such a value
// falls back to the default.
template <typename T> T readNumber(const QSettings &s, const QString &key, T fallback, T low)
{
    bool ok = false;
    const qint64 value = s.value(key).toLongLong(&ok);
    if (!ok || value < qint64(low) || value > qint64(std::numeric_limits<T>::max()))
        return fallback;
    return T(value);
}

HttpLimits readLimits(const QSettings &s)
{
    const HttpLimits d;
    HttpLimits l;
    l.maxTargetBytes = readNumber(s, Key::maxTarget, d.maxTargetBytes, qsizetype(1));
    l.maxHeaderBytes = readNumber(s, Key::maxHeader, d.maxHeaderBytes, qsizetype(1));
    l.maxHeaderCount = readNumber(s, Key::maxHeaderCount, d.maxHeaderCount, 1);
    l.maxBodyBytes = readNumber(s, Key::maxBody, d.maxBodyBytes, qint64(0));
    l.headTimeoutMs = readNumber(s, Key::headTimeout, d.headTimeoutMs, 1);
    l.idleTimeoutMs = readNumber(s, Key::idleTimeout, d.idleTimeoutMs, 1);
    l.maxConnections = readNumber(s, Key::maxConnections, d.maxConnections, 1);
    return l;
}

void writeLimits(QSettings &s, const HttpLimits &l)
{
    s.setValue(Key::maxTarget, qint64(l.maxTargetBytes));
    s.setValue(Key::maxHeader, qint64(l.maxHeaderBytes));
    s.setValue(Key::maxHeaderCount, l.maxHeaderCount);
    s.setValue(Key::maxBody, l.maxBodyBytes);
    s.setValue(Key::headTimeout, l.headTimeoutMs);
    s.setValue(Key::idleTimeout, l.idleTimeoutMs);
    s.setValue(Key::maxConnections, l.maxConnections);
}

} // namespace

AppSettings AppSettings::load()
{
    const QSettings store(applicationName(), applicationName());
    return load(store);
}

void AppSettings::save() const
{
    QSettings store(applicationName(), applicationName());
    save(store);
}

AppSettings AppSettings::load(const QSettings &s)
{
    const AppSettings d;
    AppSettings a;
    a.port = readNumber(s, Key::port, d.port, quint16(0));
    a.bindAddress = s.value(Key::bind, d.bindAddress).toString();
    a.limits = readLimits(s);
    a.response.status = readNumber(s, Key::status, d.response.status, 100);
    if (a.response.status > 599)
        a.response.status = d.response.status;
    a.response.body = s.value(Key::body, QString::fromUtf8(d.response.body)).toString().toUtf8();
    a.response.delayMs = readNumber(s, Key::delay, d.response.delayMs, 0);
    a.maxCaptures = readNumber(s, Key::maxCaptures, d.maxCaptures, 0);
    a.maxAgeDays = readNumber(s, Key::maxAgeDays, d.maxAgeDays, 0);
    const QUrl target(s.value(Key::target).toString(), QUrl::StrictMode);
    a.deliveryTarget = target.isValid() && !target.isRelative() ? target : d.deliveryTarget;
    return a;
}

void AppSettings::save(QSettings &s) const
{
    s.setValue(Key::port, port);
    s.setValue(Key::bind, bindAddress);
    writeLimits(s, limits);
    s.setValue(Key::status, response.status);
    s.setValue(Key::body, QString::fromUtf8(response.body));
    s.setValue(Key::delay, response.delayMs);
    s.setValue(Key::maxCaptures, maxCaptures);
    s.setValue(Key::maxAgeDays, maxAgeDays);
    s.setValue(Key::target, deliveryTarget.toString());
    s.sync();
}
