// SPDX-License-Identifier: MIT
#pragma once

#include "http/HttpLimits.h"
#include "http/ResponseRule.h"

#include <QMetaType>
#include <QString>
#include <QUrl>

class QSettings;

// The user's preferences as one value: read from QSettings, edited by PreferencesDialog,
// applied by the window. A missing or unusable key keeps its default.
struct AppSettings {
    static constexpr quint16 kDefaultPort = 4477; // clear of 3000, where the user's app runs

    quint16 port = kDefaultPort;
    QString bindAddress = QStringLiteral("127.0.0.1");
    HttpLimits limits;
    // Only status, body and delayMs persist: the "next N" counters are per session.
    ResponseRule response;
    int maxCaptures = 0; // 0: keep every capture
    int maxAgeDays = 0;  // 0: keep captures whatever their age
    QUrl deliveryTarget{QStringLiteral("http://localhost:3000/webhook/hoox")};

    // The application's own store (~/.config/hookscope/hookscope.conf).
    static AppSettings load();
    void save() const;

    static AppSettings load(const QSettings &store);
    void save(QSettings &store) const;
};
Q_DECLARE_METATYPE(AppSettings)
