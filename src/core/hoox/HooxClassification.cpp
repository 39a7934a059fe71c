// SPDX-License-Identifier: MIT
#include "HooxClassification.h"

QString hooxTaskName(HooxTask task)
{
    switch (task) {
    case HooxTask::None:
        return {};
    case HooxTask::VideoGenerate:
        return QStringLiteral("video_generate");
    case HooxTask::VideoExport:
        return QStringLiteral("video_export");
    case HooxTask::AvatarCreate:
        return QStringLiteral("avatar_create");
    case HooxTask::AvatarEdit:
        return QStringLiteral("avatar_edit");
    case HooxTask::Unknown:
        return QStringLiteral("unknown");
    }
    return {};
}

QString hooxStatusName(HooxStatus status)
{
    switch (status) {
    case HooxStatus::None:
        return {};
    case HooxStatus::Completed:
        return QStringLiteral("completed");
    case HooxStatus::Failed:
        return QStringLiteral("failed");
    case HooxStatus::Other:
        return QStringLiteral("other");
    }
    return {};
}
