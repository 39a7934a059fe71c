// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Capture.h"

#include <QObject>

// The captures of the open session, in arrival order. Lives on the GUI thread and
// grows by whole batches.
class CaptureStore : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    void append(const CaptureBatch &batch);
    void clear();

    qsizetype size() const { return m_captures.size(); }
    const CapturePtr &at(qsizetype row) const { return m_captures.at(row); }

signals:
    void aboutToAppend(qsizetype first, qsizetype count);
    void appended(qsizetype first, qsizetype count);
    void aboutToClear();
    void cleared();

private:
    CaptureBatch m_captures;
};
