// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Capture.h"

#include <QHash>
#include <QObject>

#include <vector>

// The captures of the open session, in arrival order. Lives on the GUI thread and grows
// by whole batches. Beside the captures it keeps compact per-row columns, so that a
// filter over a million rows scans a few megabytes instead of chasing a million pointers
// (the way Wireshark's packet list keeps its frame data).
class CaptureStore : public QObject {
    Q_OBJECT
public:
    enum Flag : quint8 {
        HasFindings = 1,
        Conflict = 2, // conflicting_duplicate
        Retry = 4,    // not the first delivery of its key
    };

    struct Row {
        HooxTask task = HooxTask::None;
        HooxStatus status = HooxStatus::None;
        quint8 flags = 0;
        qint32 group = -1;    // index into groups(); -1 without a key
        qint32 previous = -1; // row of the previous delivery of the same key
    };

    // The deliveries of one idempotency key.
    struct Group {
        qint32 firstRow = -1;
        qint32 lastRow = -1;
        qint32 count = 0;
        bool conflict = false;
    };

    using QObject::QObject;

    void append(const CaptureBatch &batch);
    void clear();

    qsizetype size() const { return m_captures.size(); }
    const CapturePtr &at(qsizetype row) const { return m_captures.at(row); }
    // All captures; a copy is cheap (shared) and safe to read on another thread.
    const CaptureBatch &captures() const { return m_captures; }
    const Row &row(qsizetype row) const { return m_rows[size_t(row)]; }
    const std::vector<Row> &rows() const { return m_rows; }
    const Group &group(qint32 index) const { return m_groups[size_t(index)]; }
    // The row holding capture `id`, or -1.
    qsizetype rowOfId(quint64 id) const;

signals:
    void aboutToAppend(qsizetype first, qsizetype count);
    void appended(qsizetype first, qsizetype count);
    void aboutToClear();
    void cleared();

private:
    CaptureBatch m_captures;
    std::vector<Row> m_rows;
    std::vector<Group> m_groups;
    QHash<QString, qint32> m_groupOfKey;
};
