// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Capture.h"
#include "capture/CaptureIndex.h"

#include <QByteArray>
#include <QString>

class JournalFieldCache;

// The on-disk layout of a HookScope journal (format version 1). Little-endian throughout.
//
// File header (16 bytes):
//   0  char[8] magic "HKSCOPEJ"
//   8  u32     format version (1)
//   12 u32     reserved, written as 0, ignored when read
//
// Records follow, back to back:
//   0  u32     payload length (MinPayloadSize…MaxPayloadSize)
//   4  u32     zlib crc32 of the payload
//   8  payload
//
// Payload: a fixed 42-byte summary, then length-prefixed fields (u32 length + bytes; strings are
// UTF-8), the body last so that a reader can find it without copying it:
//   0  u64 id            8  i64 receivedAtMs   16 u16 answerStatus   18 u8 httpMinor
//   19 u8  flags (bit 0: chunked; other bits must be 0)               20 u8 HooxTask
//   21 u8  HooxStatus    22 u32 attempt        26 u64 duplicateOf    34 u64 outcomeHash
//   42 peer, method, target, taskText, statusText, key
//      findings: u32 count, then count strings
//      headers:  u32 count, then count × (name, value)
//      trailers: u32 count, then count × (name, value)
//      body:     u32 length, then the bytes; they end the payload exactly
namespace JournalFormat {
inline constexpr char Magic[8] = {'H', 'K', 'S', 'C', 'O', 'P', 'E', 'J'};
inline constexpr quint32 Version = 1;
inline constexpr qint64 FileHeaderSize = 16;
inline constexpr qint64 RecordHeaderSize = 8;
inline constexpr qint64 FixedSummarySize = 42;
// The fixed summary plus every length or count field with nothing after it.
inline constexpr quint32 MinPayloadSize = quint32(FixedSummarySize) + 6 * 4 + 3 * 4 + 4;
// The largest body the listener can be configured to accept, plus room for the head. Anything
// longer is damage, not data, and must not make a reader allocate.
inline constexpr quint32 MaxPayloadSize = (64 + 1) * 1024 * 1024;

QByteArray fileHeader();
quint32 checksum(const uchar *data, quint32 size);

// Appends one complete record (record header and payload) for `capture` to `out`. Fails, leaving
// `out` as it was, when the capture does not fit in MaxPayloadSize.
bool appendRecord(QByteArray *out, const Capture &capture, QString *error);

// Each decoder checks every length against the end of the payload and fails instead of reading
// past it; on failure the output is unspecified. One cache serves all records of one read.
bool decodeCapture(const uchar *payload, quint32 size, JournalFieldCache &cache, Capture *out);
// The summary the capture table needs, without the headers and the body (of which it takes
// the size). `out->key` views `keyBuffer`, which is reused from record to record.
bool decodeIndexEntry(const uchar *payload, quint32 size, JournalFieldCache &cache,
                      QString *keyBuffer, CaptureIndex::Entry *out);
// What the free-text search looks at, as views into the payload (key and target UTF-8).
struct SearchFields {
    QByteArrayView key;
    QByteArrayView target;
    QByteArrayView body;
};
bool searchFields(const uchar *payload, quint32 size, SearchFields *out);
bool isWellFormed(const uchar *payload, quint32 size);

// Cheap tests on the fixed summary, for skipping over damage without computing a CRC at every
// byte. `payload` must hold at least FixedSummarySize bytes.
quint64 idOf(const uchar *payload);
bool hasValidEnums(const uchar *payload);
} // namespace JournalFormat
