// SPDX-License-Identifier: MIT
#pragma once

#include <QList>

// How a Deliverer sends: Hoox's schedule and timeout by default, shorter ones in tests.
struct DeliveryOptions {
    static constexpr int kMaxRetries = 3; // Hoox gives up after three retries

    QList<int> retryDelaysMs{1000, 2000, 4000}; // wait before retry 1, 2, 3
    int timeoutMs = 10'000;                     // an answer must arrive whole within this
    bool likeHoox = true;                       // retry on failure; false sends exactly once
    // Start from Hoox's Content-Type, User-Agent and X-Hoox-Webhook. Off when the caller
    // passes a complete header set (a capture's, the panel's table) that may omit them on
    // purpose, e.g. to see the app reject a request without X-Hoox-Webhook.
    bool addHooxHeaders = true;

    int maxAttempts() const
    {
        return likeHoox ? 1 + int(qMin<qsizetype>(retryDelaysMs.size(), kMaxRetries)) : 1;
    }
};
