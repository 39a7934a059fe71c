// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Capture.h"

#include <QList>
#include <QString>
#include <QStringList>

class QFile;

// What the capture table needs of one capture, read without copying its headers or body.
struct JournalSummary {
    quint64 id = 0;
    qint64 receivedAtMs = 0;
    quint16 answerStatus = 0;
    quint8 httpMinor = 1;
    bool chunked = false;
    HooxTask task = HooxTask::None;
    HooxStatus status = HooxStatus::None;
    quint32 attempt = 0;
    quint64 duplicateOf = 0;
    quint64 outcomeHash = 0;
    QString peer;
    QByteArray method;
    QByteArray target;
    QString taskText;
    QString statusText;
    QString key;
    QStringList findings;
    qint64 recordOffset = 0; // file offset of the record header
    qint64 bodyOffset = 0;   // file offset of the first body byte
    qint64 bodyLength = 0;
};
// Every member is relocatable, so QList grows by moving memory, not element by element.
Q_DECLARE_TYPEINFO(JournalSummary, Q_RELOCATABLE_TYPE);

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
    quint64 lastId = 0; // the highest id read; 0 when none
    QString error;
    QString warning; // read, but with losses the user should hear about
};

struct JournalReadResult : JournalReadStatus {
    CaptureBatch captures;
};

struct JournalSummaryResult : JournalReadStatus {
    QList<JournalSummary> summaries;
};

// Reads a journal through a memory map. A torn last record is dropped, a damaged record between
// good ones is skipped, and every length is checked against the data so that no file, however
// hostile, makes it read out of bounds.
class JournalReader {
public:
    static JournalReadResult read(const QString &path);
    // Reads `file`, which must be open for reading, from its start.
    static JournalReadResult read(QFile &file);
    // The fast path for loading the table: no headers, no bodies.
    static JournalSummaryResult readSummaries(const QString &path);
};
