// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Capture.h"
#include "capture/JournalReader.h"

#include <QByteArray>
#include <QFile>
#include <QString>

// The append-only file every accepted capture goes to before it is answered (format in
// JournalFormat.h). Opening it reads what is there and repairs an interrupted last write.
// Used from one thread (the network thread); not thread-safe.
class Journal {
public:
    Journal() = default;
    Q_DISABLE_COPY_MOVE(Journal)

    // Creates the file and its folder when missing. Refuses, and leaves untouched, a file that is
    // not a journal or was written by a newer HookScope.
    // `progress` hears how far reading it has come (see JournalReader::readIndex()).
    bool open(const QString &path, QString *error, const JournalReader::Progress &progress = {});
    void close();
    bool isOpen() const { return m_file.isOpen(); }
    QString path() const { return m_file.fileName(); }

    // The summaries of the captures found by open(), in file order; the journal keeps no copy.
    CaptureIndex takeLoaded();
    // What open() had to repair or skip; warning() is empty when the file was intact.
    qint64 droppedBytes() const { return m_droppedBytes; }
    int skippedRecords() const { return m_skippedRecords; }
    QString warning() const { return m_warning; }

    quint64 nextId() const { return m_lastId + 1; }
    // `capture.id` must be at least nextId(). Returns only once the record is in the operating
    // system's hands.
    bool append(const Capture &capture, QString *error);
    // Appends `annotation` of a capture already in the journal (an id up to nextId() - 1), after
    // the captures written so far; returns once it is in the operating system's hands, as
    // append() does. The capture's own record is left as it is.
    bool appendAnnotation(const Annotation &annotation, QString *error);
    // Where the last append() put its record: file offset and size.
    qint64 lastRecordOffset() const { return m_lastRecordOffset; }
    quint32 lastRecordSize() const { return m_lastRecordSize; }
    // Writes `capture.answerStatus` into the record at `recordOffset`, in place: a capture is
    // journaled before its answer is decided when an answerer decides it. `capture` must be the
    // one recorded there, answer aside; a record of another id or size is refused and left as
    // it was. Returns once the change is in the operating system's hands, as append() does.
    bool rewriteAnswer(qint64 recordOffset, const Capture &capture, QString *error);

    static JournalReadResult read(const QString &path) { return JournalReader::read(path); }
    static QString defaultPath();

private:
    bool createFolder(const QString &path, QString *error);
    bool adopt(const JournalReadStatus &result, QString *error);
    int writeAll(const QByteArray &bytes);
    bool readRecordPrefix(qint64 offset, quint64 id, qsizetype recordSize, QByteArray *prefix,
                          QString *error);
    int writeAt(qint64 offset, QByteArrayView bytes);
    bool fail(QString *error, const QString &message);

    QFile m_file;
    QByteArray m_buffer; // reused, so that appending does not allocate
    CaptureIndex m_loaded;
    QString m_warning;
    qint64 m_end = 0; // end of the last complete record: everything after it is garbage
    qint64 m_droppedBytes = 0;
    qint64 m_lastRecordOffset = -1;
    quint32 m_lastRecordSize = 0;
    int m_skippedRecords = 0;
    quint64 m_lastId = 0;
    bool m_damaged = false; // a failed write could not be undone; refuse to write after it
};
