// SPDX-License-Identifier: MIT
#pragma once

#include "http/HttpRequest.h"

#include <QString>

// One request read from a file, ready for CaptureRecorder::record(): it becomes a capture as if
// it had just arrived, numbered after the journal's last one.
struct ImportedRequest {
    HttpRequest request;
    QString peer;
    qint64 receivedAtMs = 0;
    quint16 answerStatus = 0;
    bool recovered = false; // recovered from ngrok (see Capture::recovered)
    QString source;         // see Capture::source
    // The annotations the file carried (an export of HookScope), journaled after the capture.
    QString note;
    bool bookmarked = false;
};
