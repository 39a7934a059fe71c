// SPDX-License-Identifier: MIT
// The Hoox delivery body both benchmarks send, kept in one place so that the store figures
// and the GUI latency figure measure the same kind of traffic.
#pragma once

#include <QByteArray>
#include <QStringBuilder> // operator+ on byte arrays, as QT_USE_QSTRINGBUILDER asks

namespace BenchPayload {

inline const QByteArray kSeed = QByteArrayLiteral(
    "{\"task\":\"video_generate\",\"job_id\":\"run_01234567890abcdef\",\"status\":\"completed\","
    "\"result\":{\"video_id\":\"video_abcdef1234567890\",\"thumbnail_url\":\"https://"
    "cdn.hoox.video/"
    "thumbnails/video_123.jpg\",\"cost\":5,\"created_at\":\"2024-01-15T10:30:00Z\"}}");

inline const char *const kTasks[] = {"video_generate", "video_export", "avatar_create",
                                     "avatar_edit"};

// Delivery `i`: seed-sized, spread over the four tasks, both id shapes, with about one key
// in ten retried (delivery i with i % 10 == 9 repeats the key of i - 1) and one body in a
// hundred carrying the marker "needle".
inline QByteArray body(int i)
{
    const int key = i % 10 == 9 ? i - 1 : i;
    QByteArray b = kSeed;
    b.replace("video_generate", kTasks[i % 4]);
    b.replace("run_01234567890abcdef", QByteArray("run_" + QByteArray::number(key)));
    if (i % 4 >= 2)
        b.replace("\"job_id\":", "\"avatar_id\":\"av\",\"look_id\":");
    if (i % 100 == 42)
        b.replace("video_123", "needle_1");
    return b;
}

} // namespace BenchPayload
