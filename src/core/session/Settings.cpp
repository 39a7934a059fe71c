// SPDX-License-Identifier: MIT
#include "Settings.h"

#include "http/HttpLimits.h"
#include "listener/ResponseRule.h"

#include <QSettings>
#include <QStandardPaths>

#include <array>

namespace {

struct Entry {
    Settings::Key key;
    const char *name;
    QVariant defaultValue;
};

// The one table: name in the file and default of every key.
const std::array<Entry, size_t(Settings::Key::KeyCount)> &table()
{
    using K = Settings::Key;
    const HttpLimits l;
    const ResponseRule r;
    static const std::array<Entry, size_t(K::KeyCount)> entries = {{
        {K::ListenerPort, "listener/port", 4477},
        {K::ListenerBind, "listener/bind", QStringLiteral("127.0.0.1")},
        {K::LimitsMaxTargetBytes, "limits/maxTargetBytes", qint64(l.maxTargetBytes)},
        {K::LimitsMaxHeaderBytes, "limits/maxHeaderBytes", qint64(l.maxHeaderBytes)},
        {K::LimitsMaxHeaderCount, "limits/maxHeaderCount", l.maxHeaderCount},
        {K::LimitsMaxBodyBytes, "limits/maxBodyBytes", l.maxBodyBytes},
        {K::LimitsHeadTimeoutMs, "limits/headTimeoutMs", l.headTimeoutMs},
        {K::LimitsIdleTimeoutMs, "limits/idleTimeoutMs", l.idleTimeoutMs},
        {K::LimitsMaxConnections, "limits/maxConnections", l.maxConnections},
        {K::ResponseStatus, "response/status", r.status},
        {K::ResponseBody, "response/body", QString::fromUtf8(r.body)},
        {K::ResponseDelayMs, "response/delayMs", r.delayMs},
        {K::RetentionMaxCaptures, "retention/maxCaptures", 0},
        {K::RetentionMaxAgeDays, "retention/maxAgeDays", 0},
        {K::JournalSync, "journal/sync", true},
        {K::DeliveryTarget, "delivery/target",
         QStringLiteral("http://localhost:3000/webhook/hoox")},
        {K::DeliveryTargetHistory, "delivery/targetHistory", QStringList()},
        {K::SessionRecent, "session/recent", QStringList()},
        {K::WindowGeometry, "window/geometry", QByteArray()},
        {K::WindowSplitter, "window/splitter", QByteArray()},
        {K::WindowColumns, "window/columns2", QByteArray()},
        {K::FilterSaved, "filter/saved", QVariantMap()},
        {K::DiffIgnoredPaths, "diff/ignoredPaths", QStringList()},
        {K::DiffIgnoreVolatileHeaders, "diff/ignoreVolatileHeaders", true},
        {K::WebhookUrl, "listener/webhookUrl", QString()},
        {K::NotifyFindings, "notify/findings", false},
        {K::NotifyConflicts, "notify/conflicts", false},
        {K::NotifyFailedForwards, "notify/failedForwards", false},
        {K::NotifyGaveUp, "notify/gaveUp", false},
    }};
    return entries;
}

std::unique_ptr<Settings> &current()
{
    static std::unique_ptr<Settings> settings;
    return settings;
}

QString &overridePath()
{
    static QString path;
    return path;
}

} // namespace

Settings::Settings(const QString &path)
    : m_store(std::make_unique<QSettings>(path, QSettings::IniFormat))
{
}

Settings &Settings::instance()
{
    std::unique_ptr<Settings> &s = current();
    if (!s)
        s.reset(new Settings(overridePath().isEmpty() ? defaultFile() : overridePath()));
    return *s;
}

void Settings::useFile(const QString &path)
{
    overridePath() = path;
    current().reset();
}

QString Settings::defaultFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/hookscope/hookscope.conf");
}

QVariant Settings::get(Key key) const
{
    return m_store->value(name(key), defaultValue(key));
}

void Settings::set(Key key, const QVariant &value)
{
    m_store->setValue(name(key), value);
}

void Settings::sync()
{
    m_store->sync();
}

QString Settings::fileName() const
{
    return m_store->fileName();
}

QString Settings::name(Key key)
{
    return QString::fromLatin1(table().at(size_t(key)).name);
}

QVariant Settings::defaultValue(Key key)
{
    return table().at(size_t(key)).defaultValue;
}
