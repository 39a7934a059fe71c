// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Capture.h"
#include "capture/JournalReader.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <functional>

// The append-only file every accepted capture goes to before it is answered (format in
// JournalFormat.h). Opening it reads what is there and repairs an interrupted last write.
// Used from one thread (the network thread); not thread-safe.
//
// The listener commits in groups: it stages the records of one event-loop pass, then commit()
// writes them with one pwrite() and makes them durable with one fdatasync(), and only then are
// their answers written. A group that cannot be written or synced is cut off whole.
//
// The sync may run on another thread: writeGroup() writes the group and says whether it needs a
// sync; the caller runs syncFunction() on descriptor() elsewhere, and hands its result to
// syncedGroup() back on the journal's thread. Meanwhile the next group is staged after it (it
// is written only once the sync returned); should the sync fail, both are cut off.
class Journal {
public:
    // Makes what was written to `fd` durable; returns 0 or the errno of the failure.
    using SyncFunction = std::function<int(int fd)>;
    enum class GroupWrite { Durable, NeedsSync, Failed };

    Journal();
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
    // system's hands (written, not synced: commit() syncs it).
    bool append(const Capture &capture, QString *error);
    // Adds the record of `capture` to the group that commit() writes and syncs; nothing reaches
    // the file before then, unless the group grows past a megabyte (written, not yet synced).
    // False when the record cannot be encoded, or the group already failed.
    bool stage(const Capture &capture, QString *error);
    // Writes the staged group in one pwrite(), then syncs the file if anything was written since
    // the last sync. On failure the whole group (every record staged or appended since the last
    // commit) is cut off the file, *error says why, and none of it may be acknowledged.
    bool commit(QString *error);
    // commit() in two halves. writeGroup() writes the staged group; when it returns NeedsSync,
    // syncFunction() must be run on descriptor() (any thread), and its result handed to
    // syncedGroup() before the group counts as kept. Records staged in between join the next
    // group. syncedGroup() with a failure cuts off the group and all staged after it.
    GroupWrite writeGroup(QString *error);
    bool syncedGroup(int code, QString *error);
    bool syncing() const { return m_syncingEnd >= 0; }
    int descriptor() const { return m_file.handle(); }
    SyncFunction syncFunction() const { return m_sync; }
    bool hasStaged() const { return !m_pending.isEmpty() || !m_groupError.isEmpty(); }
    // What commit() calls; fdatasync() by default. An empty function skips the sync: records
    // then survive the app being killed, not a power cut. Set before the network thread uses
    // the journal.
    void setSync(SyncFunction sync) { m_sync = std::move(sync); }
    bool syncs() const { return bool(m_sync); }
    static int dataSync(int fd);

    // Where the last append() or stage() put its record: file offset and size.
    qint64 lastRecordOffset() const { return m_lastRecordOffset; }
    quint32 lastRecordSize() const { return m_lastRecordSize; }
    // Appends `annotation` (JournalFormat.h) of a capture already appended or staged (an id up
    // to nextId() - 1); the capture's own record is left as it is. While a group is open (records
    // staged, or written early, since the last commit) it joins the group after them: written and
    // synced by commit(), cut off with the group should that fail. Otherwise it is written at
    // once, as append() writes, and the next commit() syncs it.
    bool appendAnnotation(const Annotation &annotation, QString *error);
    // Appends a late-answer annotation: capture `captureId`'s answer, `status`, went out
    // `afterMs` after its request, later than the sender waits.
    bool appendLateAnswer(quint64 captureId, quint16 status, quint32 afterMs, QString *error);
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
    bool upgradeVersion(quint32 version, QString *error);
    int writeAll(const QByteArray &bytes);
    bool stageRecord(const Capture &capture, QString *error);
    int writeStaged();
    void dropGroup();
    void closeGroup();
    bool groupOpen() const { return !m_pending.isEmpty() || m_end > m_groupStart; }
    QString writeFailure(int code) const;
    bool readRecordPrefix(qint64 offset, quint64 id, qsizetype recordSize, QByteArray *prefix,
                          QString *error);
    int writeAt(qint64 offset, QByteArrayView bytes);
    bool fail(QString *error, const QString &message);

    QFile m_file;
    QByteArray m_buffer;  // reused, so that rewriting an answer does not allocate
    QByteArray m_pending; // the staged records, not yet written; reused likewise
    SyncFunction m_sync;
    QString m_groupError; // the staged group could not be written: commit() reports it
    CaptureIndex m_loaded;
    QString m_warning;
    qint64 m_end = 0;         // end of the last complete record: everything after it is garbage
    qint64 m_groupStart = 0;  // where the group that commit() ends began
    qint64 m_syncedEnd = 0;   // how far the file is known durable
    qint64 m_syncingEnd = -1; // how far the sync under way reaches; -1: none under way
    quint64 m_syncingLastId = 0;
    qint64 m_droppedBytes = 0;
    qint64 m_lastRecordOffset = -1;
    quint32 m_lastRecordSize = 0;
    int m_skippedRecords = 0;
    quint64 m_lastId = 0;
    quint64 m_groupLastId = 0; // m_lastId when the group began
    bool m_damaged = false;    // a failed write could not be undone; refuse to write after it
};
