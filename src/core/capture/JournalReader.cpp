// SPDX-License-Identifier: MIT
#include "JournalReader.h"

#include "capture/JournalFieldCache.h"
#include "capture/JournalFormat.h"

#include <QFile>
#include <QtEndian>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace F = JournalFormat;

namespace {
// Searching for the next record after damage costs a CRC per candidate; a crafted file could
// offer a candidate at every byte. Past this many checksummed bytes the reader gives up rather
// than take quadratic time.
constexpr qint64 ResyncBudgetBase = qint64(F::MaxPayloadSize);
constexpr qint64 NotFound = -1;
constexpr qint64 OutOfBudget = -2;

class Scanner {
public:
    Scanner(const uchar *data, qint64 size, JournalReadStatus *status)
        : m_data(data)
        , m_size(size)
        , m_status(status)
        , m_budget(ResyncBudgetBase + 4 * size)
    {
    }

    // `visit(recordOffset, payload, payloadSize)` decodes one record and returns whether it was
    // well formed; it is only called for records whose checksum matches.
    template <typename Visit> void run(Visit &&visit);

private:
    // The end of the good record at `at`, once visited; `at` itself when there is none.
    template <typename Visit> qint64 recordAt(qint64 at, Visit &visit);
    // The payload size of an annotation record that could start at `offset`, or 0.
    quint32 annotationSize(qint64 offset) const;
    // Whether an annotation record at `offset` fits after what was read: its `after` is at least
    // the last id, and at least the id it annotates.
    bool annotationFits(qint64 offset) const;
    bool takeAnnotation(qint64 offset, quint32 size);
    quint32 u32At(qint64 offset) const { return qFromLittleEndian<quint32>(m_data + offset); }
    // The payload size of a record that could start at `offset`, or 0 when it cannot.
    quint32 plausibleSize(qint64 offset) const;
    bool checksumMatches(qint64 offset, quint32 size) const;
    qint64 findRecordAfter(qint64 offset);
    void noteDamage(qint64 from, qint64 to);

    const uchar *m_data;
    qint64 m_size;
    JournalReadStatus *m_status;
    qint64 m_budget;
};

quint32 Scanner::plausibleSize(qint64 offset) const
{
    if (m_size - offset < F::RecordHeaderSize)
        return 0;
    const quint32 size = u32At(offset);
    if (size < F::MinPayloadSize || size > F::MaxPayloadSize)
        return 0;
    return size <= m_size - offset - F::RecordHeaderSize ? size : 0;
}

quint32 Scanner::annotationSize(qint64 offset) const
{
    if (m_size - offset < F::RecordHeaderSize)
        return 0;
    const quint32 length = u32At(offset);
    const quint32 size = length & ~F::AnnotationMarker;
    if ((length & F::AnnotationMarker) == 0 || size < F::MinAnnotationSize ||
        size > F::MaxAnnotationSize)
        return 0;
    return size <= m_size - offset - F::RecordHeaderSize ? size : 0;
}

bool Scanner::annotationFits(qint64 offset) const
{
    const uchar *payload = m_data + offset + F::RecordHeaderSize;
    const quint64 id = qFromLittleEndian<quint64>(payload);
    const quint64 after = qFromLittleEndian<quint64>(payload + 8);
    return id != 0 && id <= after && after >= m_status->lastId;
}

bool Scanner::takeAnnotation(qint64 offset, quint32 size)
{
    Annotation a;
    quint64 after = 0;
    if (!annotationFits(offset) || !checksumMatches(offset, size) ||
        !F::decodeAnnotation(m_data + offset + F::RecordHeaderSize, size, &a, &after))
        return false;
    m_status->annotations.append(std::move(a));
    // Captures up to `after` were written before it: should damage have taken the last of them,
    // their ids are still not given out again.
    m_status->lastId = qMax(m_status->lastId, after);
    return true;
}

bool Scanner::checksumMatches(qint64 offset, quint32 size) const
{
    return u32At(offset + 4) == F::checksum(m_data + offset + F::RecordHeaderSize, size);
}

// Ids only grow, so a candidate that does not continue them is a coincidence in the damaged
// bytes (a body can hold anything, even another journal), not a record.
qint64 Scanner::findRecordAfter(qint64 offset)
{
    for (qint64 at = offset + 1; at < m_size; ++at) {
        if (const quint32 size = annotationSize(at); size != 0 && annotationFits(at)) {
            m_budget -= size;
            if (m_budget < 0)
                return OutOfBudget;
            Annotation a;
            quint64 after = 0;
            if (checksumMatches(at, size) &&
                F::decodeAnnotation(m_data + at + F::RecordHeaderSize, size, &a, &after))
                return at;
            continue;
        }
        const quint32 size = plausibleSize(at);
        if (size == 0)
            continue;
        const uchar *payload = m_data + at + F::RecordHeaderSize;
        if (!F::hasValidEnums(payload) || F::idOf(payload) <= m_status->lastId)
            continue;
        m_budget -= size;
        if (m_budget < 0)
            return OutOfBudget;
        if (checksumMatches(at, size) && F::isWellFormed(payload, size))
            return at;
    }
    return NotFound;
}

template <typename Visit> qint64 Scanner::recordAt(qint64 at, Visit &visit)
{
    if (const quint32 size = annotationSize(at))
        return takeAnnotation(at, size) ? at + F::RecordHeaderSize + size : at;
    const quint32 size = plausibleSize(at);
    const uchar *payload = m_data + at + F::RecordHeaderSize;
    if (size == 0 || !checksumMatches(at, size) || !visit(at, payload, size))
        return at;
    m_status->lastId = qMax(m_status->lastId, F::idOf(payload));
    return at + F::RecordHeaderSize + size;
}

void Scanner::noteDamage(qint64 from, qint64 to)
{
    ++m_status->skippedRecords;
    m_status->skippedBytes += to - from;
}

template <typename Visit> void Scanner::run(Visit &&visit)
{
    qint64 at = F::FileHeaderSize;
    while (at < m_size) {
        if (const qint64 next = recordAt(at, visit); next != at) {
            at = next;
            continue;
        }
        const qint64 next = findRecordAfter(at);
        if (next == OutOfBudget) {
            m_status->error = QStringLiteral("The journal is damaged at byte %1 and HookScope "
                                             "could not find where the good records resume. "
                                             "Move the file aside and start a new journal.")
                                  .arg(at);
            break;
        }
        if (next == NotFound) {
            m_status->droppedBytes = m_size - at;
            break;
        }
        noteDamage(at, next);
        at = next;
    }
    m_status->validEnd = m_status->error.isEmpty() ? at : 0;
}

QString describeLosses(const JournalReadStatus &s)
{
    QStringList parts;
    if (s.skippedRecords > 0) {
        parts.append(QStringLiteral("skipped %1 damaged record(s) (%2 bytes) between good ones")
                         .arg(s.skippedRecords)
                         .arg(s.skippedBytes));
    }
    if (s.droppedBytes > 0) {
        parts.append(QStringLiteral("dropped an incomplete last record (%1 bytes), left by an "
                                    "interrupted write")
                         .arg(s.droppedBytes));
    }
    if (parts.isEmpty())
        return {};
    return QStringLiteral("The journal was damaged: HookScope ") %
           parts.join(QStringLiteral(" and ")) %
           QStringLiteral(". The other captures were read normally.");
}

// A file shorter than its header that starts like one was cut off while being created.
bool isTornHeader(const uchar *data, qint64 size)
{
    const QByteArray header = F::fileHeader();
    return size < F::FileHeaderSize && std::memcmp(data, header.constData(), size_t(size)) == 0;
}

QString checkHeader(const QString &path, const uchar *data, qint64 size)
{
    if (size < F::FileHeaderSize || std::memcmp(data, F::Magic, sizeof(F::Magic)) != 0)
        return QStringLiteral("%1 is not a HookScope journal.").arg(path);
    const quint32 version = F::versionOf(data);
    if (version > F::Version) {
        return QStringLiteral("%1 was written by a newer HookScope (journal format version %2; "
                              "this build reads up to version %3). Upgrade HookScope to open it.")
            .arg(path, QString::number(version), QString::number(F::Version));
    }
    if (version == 0)
        return QStringLiteral("%1 has an invalid journal format version (0).").arg(path);
    return {};
}

template <typename Visit>
void scanBytes(const QString &path, const uchar *data, qint64 size, JournalReadStatus *status,
               Visit &&visit)
{
    status->fileSize = size;
    if (size == 0)
        return;
    if (isTornHeader(data, size)) {
        status->droppedBytes = size;
        status->warning = QStringLiteral("The journal's header was incomplete (%1 bytes, left "
                                         "by an interrupted start); it held no captures.")
                              .arg(size);
        return;
    }
    status->error = checkHeader(path, data, size);
    if (!status->error.isEmpty())
        return;
    status->version = F::versionOf(data);
    Scanner(data, size, status).run(std::forward<Visit>(visit));
    status->warning = describeLosses(*status);
}

template <typename Visit> void scanFile(QFile &file, JournalReadStatus *status, Visit &&visit)
{
    const qint64 size = file.size();
    if (size == 0) {
        status->fileSize = 0;
        return;
    }
    if (uchar *mapped = file.map(0, size)) {
        scanBytes(file.fileName(), mapped, size, status, std::forward<Visit>(visit));
        file.unmap(mapped);
        return;
    }
    // Some files cannot be mapped (special files, some network file systems).
    file.seek(0);
    const QByteArray bytes = file.readAll();
    if (bytes.size() != size) {
        status->error = QStringLiteral("Cannot read the journal: %1.").arg(file.errorString());
        return;
    }
    scanBytes(file.fileName(), reinterpret_cast<const uchar *>(bytes.constData()), size, status,
              std::forward<Visit>(visit));
}

bool openForReading(QFile &file, JournalReadStatus *status)
{
    if (file.open(QIODevice::ReadOnly))
        return true;
    status->error = file.exists()
                        ? QStringLiteral("Cannot open the journal %1: %2.")
                              .arg(file.fileName(), file.errorString())
                        : QStringLiteral("There is no journal at %1.").arg(file.fileName());
    return false;
}
// `c` as `a` leaves it; false, leaving it as it was, for a kind this build does not apply to a
// capture (a deletion: the capture stays in, see JournalReadStatus::annotations).
bool applyTo(Capture &c, const Annotation &a)
{
    using Kind = Annotation::Kind;
    quint16 status = 0;
    quint32 afterMs = 0;
    if (a.kind == Kind::Note) {
        c.note = a.text();
    } else if (a.kind == Kind::Bookmark || a.kind == Kind::Unbookmark) {
        c.bookmarked = a.kind == Kind::Bookmark;
    } else if (a.lateAnswer(&status, &afterMs)) {
        c.answerStatus = status;
        c.lateAnswerMs = qMax<quint32>(afterMs, 1);
    } else {
        return false;
    }
    return true;
}

// Applies the annotations, in file order, to the captures they name (ids only grow).
void annotateCaptures(const Annotations &annotations, CaptureBatch *captures)
{
    for (const Annotation &a : annotations) {
        const auto it =
            std::lower_bound(captures->begin(), captures->end(), a.captureId,
                             [](const CapturePtr &c, quint64 id) { return c->id < id; });
        if (it == captures->end() || (*it)->id != a.captureId)
            continue;
        auto annotated = std::make_shared<Capture>(**it);
        if (applyTo(*annotated, a))
            *it = std::move(annotated);
    }
}

template <typename Result, typename Read> Result readPath(const QString &path, Read &&read)
{
    QFile file(path);
    Result failed;
    if (!openForReading(file, &failed))
        return failed;
    return read(file);
}
} // namespace

JournalReadResult JournalReader::read(const QString &path)
{
    return readPath<JournalReadResult>(path, [](QFile &file) { return read(file); });
}

JournalReadResult JournalReader::read(QFile &file)
{
    JournalReadResult result;
    JournalFieldCache cache;
    scanFile(file, &result, [&result, &cache](qint64 offset, const uchar *payload, quint32 size) {
        auto capture = std::make_shared<Capture>();
        if (!F::decodeCapture(payload, size, cache, capture.get()))
            return false;
        capture->journalOffset = offset;
        capture->journalRecordSize = quint32(F::RecordHeaderSize) + size;
        result.captures.append(std::move(capture));
        return true;
    });
    annotateCaptures(result.annotations, &result.captures);
    return result;
}

JournalIndexResult JournalReader::readIndex(const QString &path)
{
    return readPath<JournalIndexResult>(path, [](QFile &file) { return readIndex(file); });
}

JournalIndexResult JournalReader::readIndex(QFile &file, const Progress &progress)
{
    JournalIndexResult result;
    JournalFieldCache cache;
    QString key;
    CaptureIndex::Entry entry;
    const qint64 total = file.size();
    scanFile(file, &result, [&](qint64 offset, const uchar *payload, quint32 size) {
        if (!F::decodeIndexEntry(payload, size, cache, &key, &entry))
            return false;
        if ((result.index.size() & 0xffff) == 0 && offset > 0) {
            if (progress)
                progress(offset, total);
            // Rows read so far tell how many the file holds: room for them all, once.
            if (result.index.size() == 0x10000)
                result.index.reserve(
                    qsizetype(double(result.index.size()) * double(total) / double(offset) * 1.02));
        }
        entry.journalOffset = offset;
        entry.recordSize = quint32(F::RecordHeaderSize) + size;
        result.index.append(entry);
        return true;
    });
    for (const Annotation &a : std::as_const(result.annotations))
        result.index.annotate(a);
    return result;
}

CapturePtr JournalReader::readRecord(QFile &file, qint64 offset, quint32 recordSize, QString *error)
{
    const auto fail = [&](const QString &why) {
        if (error) {
            *error = QStringLiteral("Cannot read the capture at byte %1 of the journal %2: %3.")
                         .arg(offset)
                         .arg(file.fileName(), why);
        }
        return nullptr;
    };
    if (offset < F::FileHeaderSize || recordSize < F::RecordHeaderSize + F::MinPayloadSize ||
        recordSize > F::RecordHeaderSize + F::MaxPayloadSize)
        return fail(QStringLiteral("it is not a place a record can be"));
    QByteArray bytes(qsizetype(recordSize), Qt::Uninitialized);
    qint64 done = 0;
    while (done < recordSize) {
        const ssize_t n =
            ::pread(file.handle(), bytes.data() + done, size_t(recordSize - done), offset + done);
        if (n == 0)
            return fail(QStringLiteral("the file is shorter than it was"));
        if (n < 0 && errno != EINTR)
            return fail(qt_error_string(errno));
        done += qMax<ssize_t>(n, 0);
    }
    const auto *record = reinterpret_cast<const uchar *>(bytes.constData());
    const quint32 size = qFromLittleEndian<quint32>(record);
    if (size != recordSize - F::RecordHeaderSize ||
        qFromLittleEndian<quint32>(record + 4) != F::checksum(record + F::RecordHeaderSize, size))
        return fail(QStringLiteral("the record there does not match (was the file replaced?)"));
    auto capture = std::make_shared<Capture>();
    JournalFieldCache cache;
    if (!F::decodeCapture(record + F::RecordHeaderSize, size, cache, capture.get()))
        return fail(QStringLiteral("the record there is malformed"));
    capture->journalOffset = offset;
    capture->journalRecordSize = recordSize;
    return capture;
}
