// SPDX-License-Identifier: MIT
#include "Journal.h"

#include "JournalLock.h"

#include "capture/JournalFormat.h"

#include <QCoreApplication>
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
    return true;
}

void Journal::close()
{
    m_file.close();
    m_loaded.clear();
    m_warning.clear();
    m_end = 0;
    m_droppedBytes = 0;
    m_skippedRecords = 0;
    m_lastId = 0;
    m_damaged = false;
}

CaptureIndex Journal::takeLoaded()
{
    return std::exchange(m_loaded, {});
}

bool Journal::append(const Capture &capture, QString *error)
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
    m_buffer.truncate(0); // keeps the capacity
    if (!JournalFormat::appendRecord(&m_buffer, capture, error))
        return false;
    const qint64 offset = m_end;
    const auto size = quint32(m_buffer.size());
    const int code = writeAll(m_buffer);
    if (m_buffer.size() > KeptBufferSize)
        m_buffer = QByteArray(); // a rare big body
    if (code != 0) {
        return fail(error, QStringLiteral("Could not write capture %1 to the journal %2: %3. %4")
                               .arg(capture.id)
                               .arg(path(), osError(code), writeAdvice(code)));
    }
    m_lastId = capture.id;
    m_lastRecordOffset = offset;
    m_lastRecordSize = size;
    return true;
}

bool Journal::appendAnnotation(const Annotation &annotation, QString *error)
{
    if (!m_file.isOpen() || m_damaged) {
        return fail(error, QCoreApplication::translate("Journal", "The journal is not open for "
                                                                  "writing; open it again."));
    }
    if (annotation.captureId == 0 || annotation.captureId > m_lastId) {
        return fail(error, QCoreApplication::translate("Journal", "The journal %1 holds no "
                                                                  "capture %2 to annotate.")
                               .arg(path())
                               .arg(annotation.captureId));
    }
    m_buffer.truncate(0);
    if (!JournalFormat::appendAnnotation(&m_buffer, annotation, m_lastId, error))
        return false;
    if (const int code = writeAll(m_buffer)) {
        return fail(error, QCoreApplication::translate("Journal", "Could not write to the journal "
                                                                  "%1: %2. %3")
                               .arg(path(), osError(code), writeAdvice(code)));
    }
    return true;
}

bool Journal::rewriteAnswer(qint64 recordOffset, const Capture &capture, QString *error)
{
    if (!m_file.isOpen() || m_damaged) {
        return fail(error, QCoreApplication::translate("Journal", "The journal is not open for "
                                                                  "writing; open it again."));
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
        return true;
    if (const int code = writeAll(JournalFormat::fileHeader())) {
        return fail(error, QStringLiteral("Cannot write the journal %1: %2. %3")
                               .arg(path(), osError(code), writeAdvice(code)));
    }
    return true;
}

// The whole record goes in one pwrite(). Once it returns, the bytes are in the kernel's page
// cache, which outlives the process: a kill or crash after append() loses nothing. A kill during
// it leaves at worst part of this one record, which the reader drops as a torn tail (and it was
// never acknowledged). There is no fsync: the promise covers the app being killed or crashing,
// not a power loss, and syncing every webhook would cap ingest at the disk's flush rate.
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
