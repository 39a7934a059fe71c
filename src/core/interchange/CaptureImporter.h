// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Capture.h"
#include "interchange/ImportResult.h"
#include "interchange/Interchange.h"

#include <QByteArray>
#include <QString>

class CaptureRecorder;

// Turns a HAR or JSON Lines file into captures the same way live requests become captures:
// through CaptureRecorder, so that they are classified, numbered and journaled.
class CaptureImporter {
public:
    // By the extension (.har; .jsonl, .ndjson), else by the content: a first line that is a
    // whole JSON object without "log" is JSON Lines, anything else is read as HAR.
    static Interchange::Format sniff(const QByteArray &data, const QString &fileName);
    static ImportResult parse(const QByteArray &data, const QString &fileName);
    // Records the requests of `result` in order and returns the captures. When the journal
    // refuses one, recording stops and result->error says why.
    static CaptureBatch record(ImportResult *result, CaptureRecorder &recorder);
};
