// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Annotation.h"
#include "capture/Capture.h"
#include "capture/CaptureIndex.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QFile;

// How a read went. When `error` is set the file was refused or could not be read to the end;
// what was read before that is still returned.
struct JournalReadStatus {
    qint64 fileSize = 0;
    // Where the next record goes: the end of the last good record, or 0 when the file header is
    // missing or incomplete and has to be written again.
    qint64 validEnd = 0;
    // An incomplete or unreadable last record (an interrupted write), cut off by Journal::open.
    qint64 droppedBytes = 0;
    // Damaged stretches between good records (usually one record each), left in the file.
    int skippedRecords = 0;
    qint64 skippedBytes = 0;
    quint64 lastId = 0;  // the highest id read; 0 when none
    quint32 version = 0; // the file's format version; 0 when it has no header yet
    // The annotation records (late answers included), in file order. read() and readIndex()
    // have applied them already.
    Annotations annotations;
    QString error;
    QString warning; // read, but with losses the user should hear about
};

struct JournalReadResult : JournalReadStatus {
    CaptureBatch captures;
};

struct JournalIndexResult : JournalReadStatus {
    CaptureIndex index;
};

// Reads a journal through a memory map. A torn last record is dropped, a damaged record between
// good ones is skipped, and every length is checked against the data so that no file, however
// hostile, makes it read out of bounds. Annotations are applied to what is read: read() sets
// each capture's note, bookmark and late answer (and leaves deleted ones in, see
// `annotations`), readIndex() sets the rows' flags, notes and late answers.
class JournalReader {
public:
    static JournalReadResult read(const QString &path);
    // Reads `file`, which must be open for reading, from its start.
    static JournalReadResult read(QFile &file);
    // The fast path for loading the table: summaries only, no headers and no bodies.
    static JournalIndexResult readIndex(const QString &path);
    // `progress` (may be empty) hears how many of the file's bytes were read, now and then.
    using Progress = std::function<void(qint64 done, qint64 total)>;
    static JournalIndexResult readIndex(QFile &file, const Progress &progress = {});
    // The one record of `recordSize` bytes at `offset` in `file` (open for reading), checked
    // against its checksum. Null, with *error set, when it is not there (anymore).
    static CapturePtr readRecord(QFile &file, qint64 offset, quint32 recordSize, QString *error);
};
