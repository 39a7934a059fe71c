// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QVariant>

#include <memory>

class QSettings;

// Every saved preference in one table of keys with their defaults, in one file
// (~/.config/hookscope/hookscope.conf), through one accessor (KeePassXC's Config shape).
// Widgets and the engine name a Key, never a string. Tests point it at a temporary file.
class Settings {
public:
    enum class Key {
        ListenerPort,
        ListenerBind,
        LimitsMaxTargetBytes,
        LimitsMaxHeaderBytes,
        LimitsMaxHeaderCount,
        LimitsMaxBodyBytes,
        LimitsHeadTimeoutMs,
        LimitsIdleTimeoutMs,
        LimitsMaxConnections,
        ResponseStatus,
        ResponseBody,
        ResponseDelayMs,
        RetentionMaxCaptures,
        RetentionMaxAgeDays,
        JournalSync,
        DeliveryTarget,
        DeliveryTargetHistory,
        SessionRecent,
        WindowGeometry,
        WindowSplitter,
        WindowColumns,
        FilterSaved,
        DiffIgnoredPaths,
        DiffIgnoreVolatileHeaders,
        WebhookUrl,
        NotifyFindings,
        NotifyConflicts,
        NotifyFailedForwards,
        NotifyGaveUp,
        KeyCount
    };

    static Settings &instance();
    // Uses `path` from now on (tests: a temporary file); empty restores the user's file.
    static void useFile(const QString &path);
    static QString defaultFile();

    QVariant get(Key key) const;
    void set(Key key, const QVariant &value);
    void sync();
    QString fileName() const;

    static QString name(Key key);
    static QVariant defaultValue(Key key);

private:
    explicit Settings(const QString &path);
    std::unique_ptr<QSettings> m_store;
};
