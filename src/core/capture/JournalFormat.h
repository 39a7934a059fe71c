// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Capture.h"
#include "capture/CaptureIndex.h"

#include <QByteArray>
#include <QString>

class JournalFieldCache;

// The on-disk layout of a HookScope journal (format version 2). Little-endian throughout.
//
// File header (16 bytes):
//   0  char[8] magic "HKSCOPEJ"
//   8  u32     format version (2; version 1 files are read too: their records are valid
//              version 2 capture records, and Journal::open() writes 2 here before appending)
//   12 u32     reserved, written as 0, ignored when read
//
// Records follow, back to back:
//   0  u32     payload length (MinRecordPayloadSize…MaxPayloadSize)
//   4  u32     zlib crc32 of the payload
//   8  payload
//
// Every payload starts alike: u64 id at 0, u8 flags at 19. Flags bit 7 tells the two kinds apart.
//
// Capture (bit 7 clear): a fixed 42-byte summary, then length-prefixed fields (u32 length +
// bytes; strings are UTF-8), the body last so that a reader can find it without copying it:
//   0  u64 id            8  i64 receivedAtMs   16 u16 answerStatus   18 u8 httpMinor
//   19 u8  flags (bit 0: chunked; bit 1: recovered from ngrok, not received live; bit 2: a
//          source string follows the key; other bits 0)               20 u8 HooxTask
//   21 u8  HooxStatus    22 u32 attempt        26 u64 duplicateOf    34 u64 outcomeHash
//   42 peer, method, target, taskText, statusText, key
//      source (only with flags bit 2), e.g. "ngrok:<ngrok's request id>"
//      findings: u32 count, then count strings
//      headers:  u32 count, then count × (name, value)
//      trailers: u32 count, then count × (name, value)
//      body:     u32 length, then the bytes; they end the payload exactly
//
// Answer (bit 7 set; version 2), exactly 24 bytes, appended once an answer went out later than
// the sender waits (the capture's record is written before its answer, so the time the answer
// took can only follow it):
//   0  u64 id of the capture answered   8  i64 answeredAtMs   16 u16 answerStatus   18 u8 0
//   19 u8  flags (0x80)                 20 u32 milliseconds from the request complete to the
//                                          answer written
// An answer record names a capture before it; ids of captures only grow.
namespace JournalFormat {
inline constexpr char Magic[8] = {'H', 'K', 'S', 'C', 'O', 'P', 'E', 'J'};
inline constexpr quint32 Version = 2;
inline constexpr qint64 FileHeaderSize = 16;
inline constexpr qint64 RecordHeaderSize = 8;
inline constexpr qint64 FixedSummarySize = 42;
// The fixed summary plus every length or count field with nothing after it.
inline constexpr quint32 MinPayloadSize = quint32(FixedSummarySize) + 6 * 4 + 3 * 4 + 4;
inline constexpr quint32 AnswerPayloadSize = 24;
inline constexpr quint32 MinRecordPayloadSize = AnswerPayloadSize;
// The largest body the listener can be configured to accept, plus room for the head. Anything
// longer is damage, not data, and must not make a reader allocate.
inline constexpr quint32 MaxPayloadSize = (64 + 1) * 1024 * 1024;

QByteArray fileHeader();
// The format version in a file header (FileHeaderSize bytes at `header`).
quint32 versionOf(const uchar *header);
quint32 checksum(const uchar *data, quint32 size);

// Appends one complete record (record header and payload) for `capture` to `out`. Fails, leaving
// `out` as it was, when the capture does not fit in MaxPayloadSize.
bool appendRecord(QByteArray *out, const Capture &capture, QString *error);

// What an answer record holds.
struct AnswerRecord {
    quint64 captureId = 0;
    qint64 answeredAtMs = 0;
    quint16 answerStatus = 0;
    quint32 afterMs = 0;
};
void appendAnswerRecord(QByteArray *out, const AnswerRecord &answer);
// Whether the payload is an answer record rather than a capture (`size` at least 20).
bool isAnswer(const uchar *payload, quint32 size);
bool decodeAnswer(const uchar *payload, quint32 size, AnswerRecord *out);

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

// Cheap tests on the start of a payload, for skipping over damage without computing a CRC at
// every byte. idOf() needs 8 bytes; looksValid() checks the size against the kind, then the
// flags and enums.
quint64 idOf(const uchar *payload);
bool looksValid(const uchar *payload, quint32 size);
} // namespace JournalFormat
