// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Capture.h"
#include "interchange/HarWriter.h"
#include "interchange/Interchange.h"

class QIODevice;

// Streams captures to a device as a HAR log or as JSON Lines, one capture at a time, so that
// exporting a million of them never holds them all. Each call returns false when the device
// refused the bytes (disk full, closed pipe).
class CaptureWriter {
public:
    CaptureWriter(QIODevice *out, Interchange::Format format);

    bool begin();
    bool write(const Capture &c);
    bool finish();

private:
    QIODevice *m_out;
    Interchange::Format m_format;
    HarWriter m_har;
};
