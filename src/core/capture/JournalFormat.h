// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Annotation.h"
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
// Records follow, back to back, of two kinds told apart by the top bit of their first word:
// captures, and annotation records (AnnotationMarker set) that say something of an earlier
// capture. Both are framed alike: a length, a CRC-32, then the payload.
//
// Capture record:
//   0  u32     payload length (MinPayloadSize…MaxPayloadSize; top bit clear)
//   4  u32     zlib crc32 of the payload
//   8  payload: a fixed 42-byte summary, then length-prefixed fields (u32 length + bytes;
//      strings are UTF-8), the body last so that a reader can find it without copying it:
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
// Annotation record (version 2): what became known of a capture after its record was written
// (Annotation.h), appended after it; a capture's record is never written again for it:
//   0  u32     AnnotationMarker | payload length (MinAnnotationSize…MaxAnnotationSize)
//   4  u32     zlib crc32 of the payload
//   8  payload: 0 u64 captureId   8 u64 after   16 i64 atMs   24 u8 kind (Annotation::Kind)
//               25 value: u32 length, then the bytes; they end the payload exactly
// Kinds and their values: 1 note (the text, UTF-8; empty removes it), 2 bookmark, 3 unbookmark,
// 4 tombstone (deleted), 5 undelete (no value), 6 late answer (6 bytes: u16 answer status, u32
// milliseconds from the request complete to the answer written; written once an answer went
// out later than the sender waits, atMs being when it went out).
// `after` is the journal's last capture id when the annotation was written: at least the
// annotated id and the id of every capture before it, staged ones included (an annotation made
// while a group of captures is staged joins that group, after them). A reader takes an
// annotation only where it fits (`after` at least the last id read), so that bytes inside a
// damaged record are not read as one. The last annotation of a kind wins (Bookmark/Unbookmark,
// Tombstone/Undelete, Note, LateAnswer); a kind a reader does not know is skipped, not counted
// as damage. Builds that read only version 1 refuse a version 2 file rather than take its
// annotations for damage.
namespace JournalFormat {
inline constexpr char Magic[8] = {'H', 'K', 'S', 'C', 'O', 'P', 'E', 'J'};
inline constexpr quint32 Version = 2;
inline constexpr qint64 FileHeaderSize = 16;
inline constexpr qint64 RecordHeaderSize = 8;
inline constexpr qint64 FixedSummarySize = 42;
// The fixed summary plus every length or count field with nothing after it.
inline constexpr quint32 MinPayloadSize = quint32(FixedSummarySize) + 6 * 4 + 3 * 4 + 4;
// The largest body the listener can be configured to accept, plus room for the head. Anything
// longer is damage, not data, and must not make a reader allocate.
inline constexpr quint32 MaxPayloadSize = (64 + 1) * 1024 * 1024;
inline constexpr quint32 AnnotationMarker = 0x8000'0000u;
inline constexpr quint32 AnnotationFixedSize = 25;
inline constexpr quint32 MinAnnotationSize = AnnotationFixedSize + 4;
inline constexpr quint32 MaxAnnotationValue = 64 * 1024; // a note of about ten pages
inline constexpr quint32 MaxAnnotationSize = MinAnnotationSize + MaxAnnotationValue;

QByteArray fileHeader();
// The format version in a file header (FileHeaderSize bytes at `header`).
quint32 versionOf(const uchar *header);
quint32 checksum(const uchar *data, quint32 size);

// Appends one complete record (record header and payload) for `capture` to `out`. Fails, leaving
// `out` as it was, when the capture does not fit in MaxPayloadSize.
bool appendRecord(QByteArray *out, const Capture &capture, QString *error);
// The same for an annotation, written when the journal's last capture id is `after`. Fails when
// its value is longer than MaxAnnotationValue.
bool appendAnnotation(QByteArray *out, const Annotation &annotation, quint64 after, QString *error);
// An annotation payload whose fields are consistent (an id from 1 to `after`, a kind, a value
// that ends it exactly, of the size its kind takes); unknown kinds are decoded too.
bool decodeAnnotation(const uchar *payload, quint32 size, Annotation *out, quint64 *after);

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

// Cheap tests on the fixed summary of a capture, for skipping over damage without computing a
// CRC at every byte. `payload` must hold at least FixedSummarySize bytes.
quint64 idOf(const uchar *payload);
bool hasValidEnums(const uchar *payload);
} // namespace JournalFormat
