// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Capture.h"

#include <QObject>

class CaptureStore;

// Opens captures for the window. A small record is read at once; a larger one is read and
// decoded on a worker thread, so that selecting a row never holds the GUI thread on the disk
// or on a body of many megabytes. Only the newest request is answered.
class CaptureLoader : public QObject {
    Q_OBJECT
public:
    // Records up to this size are read on the calling thread (well under a millisecond).
    static constexpr quint32 kSyncLimit = 256 * 1024;

    explicit CaptureLoader(const CaptureStore *store, QObject *parent = nullptr);

    // Emits loaded() for `row` (-1: nothing), at once or when the read is done; a pending
    // read for an earlier request is then never answered.
    void load(qsizetype row);
    bool isLoading() const { return m_loading; }

signals:
    // `capture` is null, with `error` set, when the journal can no longer give it.
    void loaded(qsizetype row, const CapturePtr &capture, const QString &error);

private:
    void finish(quint64 generation, qsizetype row, const CapturePtr &capture, const QString &error);

    const CaptureStore *m_store;
    quint64 m_generation = 0;
    bool m_loading = false;
};
