// SPDX-License-Identifier: MIT
#include "Journal.h"

#include "JournalLock.h"

#include "capture/JournalFormat.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QtEndian>

#include <cerrno>
#include <unistd.h>
#include <utility>

namespace {
constexpr qsizetype KeptBufferSize = qsizetype(1024) * 1024;
// The record header and the fixed summary: all that an answer status changes (itself and the
// checksum).
constexpr qint64 RecordPrefixSize =
    JournalFormat::RecordHeaderSize + JournalFormat::FixedSummarySize;

QString osError(int code)
{
    return qt_error_string(code);
}

QString writeAdvice(int code)
{
    switch (code) {
    case ENOSPC:
    case EDQUOT:
        return QStringLiteral("Free some disk space, then try again.");
    case EFBIG:
        return QStringLiteral("The file has reached its size limit; start a new journal.");
    case EACCES:
    case EPERM:
    case EROFS:
        return QStringLiteral("Make the journal writable, or choose another location.");
    default:
        return QStringLiteral("Check the disk, then try again.");
    }
}
} // namespace

bool Journal::open(const QString &path, QString *error, const JournalReader::Progress &progress)
{
    close();
    if (!createFolder(path, error))
        return false;
    m_file.setFileName(path);
    // Unbuffered: records go straight to the descriptor, nothing lingers in a userspace buffer.
    if (!m_file.open(QIODevice::ReadWrite | QIODevice::Unbuffered)) {
        return fail(error, QStringLiteral("Cannot open the journal %1 for writing: %2. Check "
                                          "its permissions, or choose another location.")
                               .arg(path, m_file.errorString()));
    }
    // Before anything is read: a second HookScope on this journal would number its captures
    // after the same last id and write over the first one's records.
    if (!JournalLock::acquire(m_file.handle(), path, error)) {
        m_file.close();
        return false;
    }
    JournalIndexResult result = JournalReader::readIndex(m_file, progress);
    if (!result.error.isEmpty()) {
        m_file.close();
        return fail(error, result.error);
    }
    if (!adopt(result, error)) {
        m_file.close();
        return false;
    }
    m_loaded = std::move(result.index);
    m_warning = result.warning;
    m_droppedBytes = result.droppedBytes;
    m_skippedRecords = result.skippedRecords;
    m_lastId = result.lastId;
    m_syncedEnd = m_end; // what was there is taken as durable; the first commit() syncs it all
    closeGroup();
    return true;
}

void Journal::close()
{
    m_file.close();
    m_loaded.clear();
    m_warning.clear();
    m_pending.truncate(0); // never acknowledged: commit() first to keep it
    m_groupError.clear();
    m_end = 0;
    m_groupStart = 0;
    m_syncedEnd = 0;
    m_syncingEnd = -1;
    m_droppedBytes = 0;
    m_skippedRecords = 0;
    m_lastId = 0;
    m_groupLastId = 0;
    m_damaged = false;
}

CaptureIndex Journal::takeLoaded()
{
    return std::exchange(m_loaded, {});
}

Journal::Journal()
    : m_sync(&Journal::dataSync)
{
}

int Journal::dataSync(int fd)
{
    int result = 0;
    do {
        result = ::fdatasync(fd);
    } while (result != 0 && errno == EINTR);
    return result == 0 ? 0 : errno;
}

// A group of one, written at once and not synced: the next commit() syncs it.
bool Journal::append(const Capture &capture, QString *error)
{
    if (!stageRecord(capture, error))
        return false;
    if (const int code = writeStaged()) {
        dropGroup();
        return fail(error, QStringLiteral("Could not write capture %1 to the journal %2: %3. %4")
                               .arg(capture.id)
                               .arg(path(), osError(code), writeAdvice(code)));
    }
    closeGroup();
    return true;
}

bool Journal::stage(const Capture &capture, QString *error)
{
    if (!m_groupError.isEmpty())
        return fail(error, m_groupError);
    if (!stageRecord(capture, error))
        return false;
    if (m_pending.size() < KeptBufferSize)
        return true;
    // A pass with large bodies: written now, so that the group's memory stays bounded; still
    // synced, and acknowledged, only by commit().
    if (const int code = writeStaged()) {
        m_groupError = writeFailure(code);
        dropGroup();
        return fail(error, m_groupError);
    }
    return true;
}

bool Journal::commit(QString *error)
{
    switch (writeGroup(error)) {
    case GroupWrite::Durable:
        return true;
    case GroupWrite::Failed:
        return false;
    case GroupWrite::NeedsSync:
        break;
    }
    return syncedGroup(m_sync(m_file.handle()), error);
}

Journal::GroupWrite Journal::writeGroup(QString *error)
{
    Q_ASSERT(!syncing());
    if (!m_groupError.isEmpty()) {
        const QString message = std::exchange(m_groupError, {});
        closeGroup();
        fail(error, message);
        return GroupWrite::Failed;
    }
    if (const int code = writeStaged()) {
        dropGroup();
        fail(error, writeFailure(code));
        return GroupWrite::Failed;
    }
    if (!m_sync || m_syncedEnd >= m_end) {
        m_syncedEnd = m_end;
        closeGroup();
        return GroupWrite::Durable;
    }
    m_syncingEnd = m_end;
    m_syncingLastId = m_lastId;
    return GroupWrite::NeedsSync;
}

bool Journal::syncedGroup(int code, QString *error)
{
    Q_ASSERT(syncing());
    const qint64 synced = std::exchange(m_syncingEnd, -1);
    if (code != 0) {
        // After a failed fdatasync() the kernel may have dropped the dirty pages: whether the
        // group is on disk is unknown, so it is cut off rather than half kept, with whatever was
        // staged after it, whose records were placed and numbered after it.
        m_groupError.clear();
        dropGroup();
        return fail(error, QCoreApplication::translate("Journal", "Could not save the "
                                                                  "journal %1 to disk: %2. %3")
                               .arg(path(), osError(code), writeAdvice(code)));
    }
    m_syncedEnd = synced;
    m_groupStart = synced; // what was staged meanwhile stays open: the next group
    m_groupLastId = m_syncingLastId;
    return true;
}

// Encodes the record at the end of the staged group.
bool Journal::stageRecord(const Capture &capture, QString *error)
{
    if (!m_file.isOpen() || m_damaged) {
        return fail(error, m_damaged ? QStringLiteral("The journal could not be repaired after "
                                                      "a failed write; open it again.")
                                     : QStringLiteral("The journal is not open."));
    }
    if (capture.id <= m_lastId) {
        return fail(error, QStringLiteral("Capture id %1 does not follow the journal's last id "
                                          "%2.")
                               .arg(capture.id)
                               .arg(m_lastId));
    }
    const qsizetype start = m_pending.size();
    if (!JournalFormat::appendRecord(&m_pending, capture, error)) {
        m_pending.truncate(start);
        return false;
    }
    m_lastId = capture.id;
    m_lastRecordOffset = m_end + start;
    m_lastRecordSize = quint32(m_pending.size() - start);
    return true;
}

// Writes the staged records in one pwrite(); returns 0 or the errno of the failure, after
// cutting off what was written of them.
int Journal::writeStaged()
{
    if (m_pending.isEmpty())
        return 0;
    const int code = writeAll(m_pending);
    m_pending.truncate(0); // keeps the capacity
    if (m_pending.capacity() > 2 * KeptBufferSize)
        m_pending = QByteArray(); // a rare big body
    return code;
}

// Cuts the current group off the file: none of it was acknowledged, and a restart must not
// show as received what the sender was told to send again.
// While a sync is under way only what was staged after its group is cut: that group's fate is
// for syncedGroup() to decide.
void Journal::dropGroup()
{
    const qint64 start = syncing() ? m_syncingEnd : m_groupStart;
    m_pending.truncate(0);
    if (m_end > start && ::ftruncate(m_file.handle(), start) != 0)
        m_damaged = true;
    m_end = start;
    m_syncedEnd = qMin(m_syncedEnd, m_end);
    m_lastId = syncing() ? m_syncingLastId : m_groupLastId;
}

void Journal::closeGroup()
{
    m_groupStart = m_end;
    m_groupLastId = m_lastId;
}

QString Journal::writeFailure(int code) const
{
    return QCoreApplication::translate("Journal", "Could not write to the journal %1: %2. %3")
        .arg(path(), osError(code), writeAdvice(code));
}

bool Journal::appendLateAnswer(quint64 captureId, quint16 status, quint32 afterMs, QString *error)
{
    return appendAnnotation(
        Annotation::lateAnswer(captureId, status, afterMs, QDateTime::currentMSecsSinceEpoch()),
        error);
}

bool Journal::appendAnnotation(const Annotation &annotation, QString *error)
{
    if (!m_file.isOpen() || m_damaged) {
        return fail(error, QCoreApplication::translate("Journal", "The journal is not open for "
                                                                  "writing; open it again."));
    }
    if (!m_groupError.isEmpty())
        return fail(error, m_groupError);
    if (annotation.captureId == 0 || annotation.captureId > m_lastId) {
        return fail(error, QCoreApplication::translate("Journal", "The journal %1 holds no "
                                                                  "capture %2 to annotate.")
                               .arg(path())
                               .arg(annotation.captureId));
    }
    // Staged records were given their offsets already: the annotation goes after them, and
    // `after` (the last id, staged ones included) says so.
    const bool joins = groupOpen();
    const qsizetype start = m_pending.size();
    if (!JournalFormat::appendAnnotation(&m_pending, annotation, m_lastId, error)) {
        m_pending.truncate(start);
        return false;
    }
    if (joins)
        return true;
    if (const int code = writeStaged())
        return fail(error, writeFailure(code));
    closeGroup();
    return true;
}

bool Journal::rewriteAnswer(qint64 recordOffset, const Capture &capture, QString *error)
{
    if (!m_file.isOpen() || m_damaged) {
        return fail(error, QCoreApplication::translate("Journal", "The journal is not open for "
                                                                  "writing; open it again."));
    }
    if (recordOffset >= m_end && !m_pending.isEmpty()) {
        if (const int code = writeStaged()) { // the record is still staged
            m_groupError = writeFailure(code);
            dropGroup();
            return fail(error, m_groupError);
        }
    }
    m_buffer.truncate(0);
    QByteArray old;
    if (!JournalFormat::appendRecord(&m_buffer, capture, error) ||
        !readRecordPrefix(recordOffset, capture.id, m_buffer.size(), &old, error))
        return false;
    // Only the prefix is written: the rest of the record is the same bytes, and one small write
    // cannot be cut short by a kill, where a whole record of a large body could be torn between
    // pages and then fail its checksum, losing a delivery that was already safe.
    const int code = writeAt(recordOffset, QByteArrayView(m_buffer).first(RecordPrefixSize));
    if (m_buffer.size() > KeptBufferSize)
        m_buffer = QByteArray();
    if (code == 0)
        return true;
    if (writeAt(recordOffset, old) != 0)
        m_damaged = true;
    return fail(error, QCoreApplication::translate("Journal", "Could not write the answer of "
                                                              "capture %1 to the journal %2: %3.")
                           .arg(capture.id)
                           .arg(path(), osError(code)));
}

// Reads into *prefix the record header and fixed summary at `offset`, which must start the
// record of capture `id`, `recordSize` bytes long.
bool Journal::readRecordPrefix(qint64 offset, quint64 id, qsizetype recordSize, QByteArray *prefix,
                               QString *error)
{
    prefix->resize(RecordPrefixSize);
    ssize_t n = -1;
    if (offset >= JournalFormat::FileHeaderSize && offset + RecordPrefixSize <= m_end) {
        do {
            n = ::pread(m_file.handle(), prefix->data(), size_t(RecordPrefixSize), offset);
        } while (n < 0 && errno == EINTR);
    }
    if (n != RecordPrefixSize) {
        return fail(error, QCoreApplication::translate("Journal", "The journal %1 holds no "
                                                                  "record at offset %2.")
                               .arg(path())
                               .arg(offset));
    }
    const auto *bytes = reinterpret_cast<const uchar *>(prefix->constData());
    const qint64 size = qint64(qFromLittleEndian<quint32>(bytes)) + JournalFormat::RecordHeaderSize;
    if (JournalFormat::idOf(bytes + JournalFormat::RecordHeaderSize) == id && size == recordSize)
        return true;
    return fail(error, QCoreApplication::translate("Journal", "The record at offset %1 of the "
                                                              "journal %2 is not capture %3 as "
                                                              "recorded; its answer was not "
                                                              "written.")
                           .arg(offset)
                           .arg(path())
                           .arg(id));
}

// A version 1 journal is a valid version 2 one: its header says 2 from the first append on, so
// that the records only version 2 has are not read by a HookScope that does not know them.
bool Journal::upgradeVersion(quint32 version, QString *error)
{
    if (version >= JournalFormat::Version)
        return true;
    QByteArray field(4, Qt::Uninitialized);
    qToLittleEndian(JournalFormat::Version, field.data());
    if (const int code = writeAt(sizeof(JournalFormat::Magic), field)) {
        return fail(error, QCoreApplication::translate("Journal", "Cannot update the journal %1 "
                                                                  "to format version %2: %3.")
                               .arg(path())
                               .arg(JournalFormat::Version)
                               .arg(osError(code)));
    }
    return true;
}

// Writes `bytes` over what is at `offset`; returns 0 or the errno of the failure.
int Journal::writeAt(qint64 offset, QByteArrayView bytes)
{
    qint64 done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::pwrite(m_file.handle(), bytes.data() + done,
                                   size_t(bytes.size() - done), offset + done);
        if (n > 0)
            done += n;
        else if (n == 0 || errno != EINTR)
            return n == 0 ? EIO : errno;
    }
    return 0;
}

QString Journal::defaultPath()
{
    // ~/.local/share/hookscope/journal.hkj, as the manual says. Versions up to 0.1 used the
    // application's data folder, which the organisation name nests one level deeper: a
    // journal found there is still the default.
    const QString path = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) %
                         QStringLiteral("/hookscope/journal.hkj");
    const QString earlier = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) %
                            QStringLiteral("/journal.hkj");
    return !QFileInfo::exists(path) && QFileInfo::exists(earlier) ? earlier : path;
}

bool Journal::createFolder(const QString &path, QString *error)
{
    const QString folder = QFileInfo(path).absolutePath();
    if (QDir().mkpath(folder))
        return true;
    return fail(error, QStringLiteral("Cannot create the folder %1 for the journal. Check that "
                                      "its parent is a writable folder, or choose another "
                                      "location.")
                           .arg(folder));
}

// A new file, an empty one or one whose header was cut short gets a fresh header; a torn last
// record is cut off, so that the next record starts where the reader expects one.
bool Journal::adopt(const JournalReadStatus &result, QString *error)
{
    m_end = result.validEnd;
    if (result.droppedBytes > 0 && ::ftruncate(m_file.handle(), m_end) != 0) {
        const int code = errno;
        return fail(error, QStringLiteral("Cannot cut the incomplete last record off the journal "
                                          "%1: %2. %3")
                               .arg(path(), osError(code), writeAdvice(code)));
    }
    if (m_end > 0)
        return upgradeVersion(result.version, error);
    if (const int code = writeAll(JournalFormat::fileHeader())) {
        return fail(error, QStringLiteral("Cannot write the journal %1: %2. %3")
                               .arg(path(), osError(code), writeAdvice(code)));
    }
    return true;
}

// The whole record goes in one pwrite(). Once it returns, the bytes are in the kernel's page
// cache, which outlives the process: a kill or crash after append() loses nothing. A kill during
// it leaves at worst part of the records being written, which the reader drops as a torn tail
// (and they were never acknowledged). Surviving a power cut takes commit()'s sync, shared by
// every record of a pass so that ingest is not capped at one disk flush per webhook.
// Returns 0, or the errno of the failure after cutting off what was written.
int Journal::writeAll(const QByteArray &bytes)
{
    const int fd = m_file.handle();
    qint64 done = 0;
    int code = 0;
    while (done < bytes.size() && code == 0) {
        // Only a short write (disk full, file size limit) comes round again: to finish, or to
        // learn from errno why it stopped.
        const ssize_t n =
            ::pwrite(fd, bytes.constData() + done, size_t(bytes.size() - done), m_end + done);
        if (n > 0)
            done += n;
        else if (n == 0 || errno != EINTR)
            code = n == 0 ? EIO : errno;
    }
    if (code == 0) {
        m_end += done;
        return 0;
    }
    // Cut the partial record off, or the next record would start in the middle of it.
    if (done > 0 && ::ftruncate(fd, m_end) != 0)
        m_damaged = true;
    return code;
}

bool Journal::fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}
