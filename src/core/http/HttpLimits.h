// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

// The listener's limits. Defaults follow those Qt's own HTTP server adopted in 6.11.
struct HttpLimits {
    qsizetype maxTargetBytes = 64 * 1024;   // 414 past this
    qsizetype maxHeaderBytes = 64 * 1024;   // 431 past this (header section, trailers included)
    int maxHeaderCount = 128;               // 431 past this
    qint64 maxBodyBytes = 32 * 1024 * 1024; // 413 past this
    int headTimeoutMs = 10'000;             // a started head must be complete by then: 408
    int idleTimeoutMs = 15'000;             // an idle keep-alive connection is closed
    int maxConnections = 1000;              // past this: 503 and close
};
