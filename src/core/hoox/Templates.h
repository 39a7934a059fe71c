// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// Sample Hoox payloads, one per task and outcome ("video_generate.completed", …), built into
// the core library from resources/templates/. The files are valid JSON whose ids and time are
// placeholders ({{job_id}}, {{video_id}}, {{avatar_id}}, {{look_id}}, {{now}}): each render
// fills in fresh ones, so that two sends are two deliveries, not duplicates of one.
class Templates {
public:
    static QStringList names(); // sorted
    static bool contains(const QString &name);
    // The payload with fresh ids and created_at now; empty when `name` is unknown.
    static QByteArray render(const QString &name);
    // The file as stored, placeholders included.
    static QByteArray source(const QString &name);

    static QString freshJobId(); // "run_" and 20 hex digits, like a Trigger.dev run id
};
