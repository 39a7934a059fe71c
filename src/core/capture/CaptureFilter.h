// SPDX-License-Identifier: MIT
#pragma once

#include "capture/CaptureStore.h"

#include <QRegularExpression>
#include <QString>

#include <limits>

// What the capture table shows: never a deleted capture. The column criteria are checked on the
// store's compact rows; the free text (key, path, body and note) is checked by a TextMatcher, off
// the GUI thread.
struct CaptureFilter {
    enum Task : quint8 {
        VideoGenerate = 1,
        VideoExport = 2,
        AvatarCreate = 4,
        AvatarEdit = 8,
        OtherTask = 16, // unknown or missing task
        AllTasks = 31
    };
    enum Status : quint8 {
        Completed = 1,
        Failed = 2,
        OtherStatus = 4, // anything else, or missing
        AllStatuses = 7
    };

    quint8 tasks = AllTasks;
    quint8 statuses = AllStatuses;
    bool duplicatesOnly = false; // rows of keys delivered more than once
    bool findingsOnly = false;
    qint32 group = -1; // only the deliveries of this key group (CaptureStore::Row::group)
    // Only the captures received in [sinceMs, untilMs), ms since the epoch (UTC); the defaults
    // let every capture through. The activity strip's drag sets it; a "since:" term of a filter
    // language would set sinceMs alone.
    qint64 sinceMs = std::numeric_limits<qint64>::min();
    qint64 untilMs = std::numeric_limits<qint64>::max();
    QString text;
    bool regex = false;

    bool hasText() const { return !text.isEmpty(); }
    bool hasTimeRange() const
    {
        return sinceMs != std::numeric_limits<qint64>::min() ||
               untilMs != std::numeric_limits<qint64>::max();
    }
    bool matchesColumns(const CaptureStore &store, qsizetype row) const;
    friend bool operator==(const CaptureFilter &, const CaptureFilter &) = default;
};

// Free-text matching over a capture's key, target and body. Plain text is matched without
// regard to case; a regular expression as written. Immutable, so it can be shared with
// a search thread.
class TextMatcher {
public:
    TextMatcher(const QString &text, bool regex);
    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    bool matches(const Capture &c) const;
    // The same on the raw fields, as the journal holds them (the key in UTF-8).
    bool matches(QByteArrayView key, QByteArrayView target, QByteArrayView body) const;

private:
    bool containsCaseless(QByteArrayView hay) const;

    QString m_text;
    QByteArray m_folded; // an ASCII needle, lower case
    quint8 m_skip[256] = {};
    bool m_ascii = true;
    QRegularExpression m_regex;
    bool m_useRegex = false;
    QString m_error;
};
