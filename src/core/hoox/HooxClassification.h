// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

enum class HooxTask : quint8 {
    None,
    VideoGenerate,
    VideoExport,
    AvatarCreate,
    AvatarEdit,
    Unknown
};
enum class HooxStatus : quint8 { None, Completed, Failed, Other };

// What HookScope makes of one delivery with respect to the Hoox contract.
struct HooxClassification {
    HooxTask task = HooxTask::None;
    QString taskText; // the payload's `task` as sent (also for unknown tasks); empty when absent
    HooxStatus status = HooxStatus::None;
    QString statusText;      // the payload's `status` as sent; empty when absent
    QString key;             // idempotency key: job_id, or avatar_id:look_id; empty when none
    quint64 duplicateOf = 0; // id of the first capture with the same key; 0 when none
    quint32 attempt = 0;     // 1, 2, 3… within the key's group; 0 when there is no key
    quint64 outcomeHash = 0; // hash of status and result/error, to tell conflicting duplicates
    QStringList findings;    // stable codes, e.g. "not_json", "missing_field:job_id"

    friend bool operator==(const HooxClassification &, const HooxClassification &) = default;
};

QString hooxTaskName(HooxTask task); // "video_generate", …, "" for None, "unknown" for Unknown
QString hooxStatusName(HooxStatus status); // "completed", "failed", "other", ""
