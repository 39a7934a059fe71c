// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Capture.h"

#include <QByteArray>

class JsonText;
class QIODevice;

// Writes captures as a HAR 1.2 log, the form browser devtools, HTTP Toolkit and Charles open.
// Entries are streamed one by one, so that exporting a large journal does not build the whole
// document in memory. What HAR has no field for (capture id, peer, raw target, chunked,
// trailers, the Hoox classification, the user's note and bookmark) goes into each entry's
// "_hookscope" object, and a body that is not UTF-8 is written in base64 with "encoding": "base64",
// as HTTP Toolkit does.
class HarWriter {
public:
    explicit HarWriter(QIODevice *out);

    // Each returns false when the device refused the bytes (disk full, closed pipe).
    bool begin();
    bool write(const Capture &c);
    bool finish();

    static QByteArray toHar(const CaptureBatch &captures);

private:
    static void entry(JsonText &j, const Capture &c);
    bool put(const QByteArray &bytes);

    QIODevice *m_out;
    QByteArray m_entry;
    bool m_first = true;
};
