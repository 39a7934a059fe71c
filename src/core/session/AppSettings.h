// SPDX-License-Identifier: MIT
#pragma once

#include "http/HttpLimits.h"
#include "listener/ResponseRule.h"
#include "session/Settings.h"

#include <QMetaType>
#include <QString>
#include <QUrl>

// What raises a desktop notification while the window is not the active one; each is off until
// the user turns it on.
struct NotificationKinds {
    bool findings = false;       // a delivery with findings
    bool conflicts = false;      // a conflicting duplicate
    bool failedForwards = false; // a live forward the app failed, or answered after Hoox's 10 s
    bool gaveUp = false;         // Hoox's last retry of a webhook was not answered 2xx in time

    bool any() const { return findings || conflicts || failedForwards || gaveUp; }
    friend bool operator==(const NotificationKinds &, const NotificationKinds &) = default;
};

// The user's preferences as one value, read through Settings' table, edited by
// PreferencesDialog and applied by the engine and the window. A missing or unusable value
// keeps its default.
struct AppSettings {
    static constexpr quint16 kDefaultPort = 4477; // clear of 3000, where the user's app runs

    quint16 port = kDefaultPort;
    QString bindAddress = QStringLiteral("127.0.0.1");
    HttpLimits limits;
    // Only status, body and delayMs persist: the armed "next N" counters are per session.
    ResponseRule response;
    int maxCaptures = 0; // 0: keep every capture
    int maxAgeDays = 0;  // 0: keep captures whatever their age
    // Answers wait for their record's fdatasync (a power cut loses nothing answered); off is
    // faster, and safe against HookScope being killed only.
    bool journalSync = true;
    QUrl deliveryTarget{QStringLiteral("http://localhost:3000/webhook/hoox")};
    NotificationKinds notifications;

    static AppSettings load(const Settings &store = Settings::instance());
    void save(Settings &store = Settings::instance()) const;
};
Q_DECLARE_METATYPE(AppSettings)
