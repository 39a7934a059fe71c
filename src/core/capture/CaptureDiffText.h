// SPDX-License-Identifier: MIT
#pragma once

#include "capture/CaptureDiff.h"

#include <QCoreApplication>
#include <QJsonObject>

// A diff in words: one line per change for a terminal or a list, or a JSON object.
class CaptureDiffText {
    Q_DECLARE_TR_FUNCTIONS(CaptureDiffText)
public:
    static constexpr qsizetype kValueLimit = 120;

    // "~ /status: "completed" → "failed"", "- /result: {...}", "+ header x-new: 1".
    static QString line(const DiffChange &change);
    // "~", "+", "-" or "!": readable without colour.
    static QString mark(const DiffChange &change);
    // "/status", "header x-request-id", "target", "body line 3".
    static QString where(const DiffChange &change);
    // The values on one line, separated by ", ": line breaks become spaces, control characters
    // \xNN, and past `limit` characters it ends in "…".
    static QString values(const QList<QByteArray> &values, qsizetype limit = kValueLimit);
    // What to say beside the values: duplicated key, same number, changes with every delivery.
    static QString note(const DiffChange &change);
    // {"equal", "differences", "ignored", "body": "json"|"text", "changes": [...]}: every value
    // whole, as delivered.
    static QJsonObject toJson(const CaptureDiffResult &result);
};
