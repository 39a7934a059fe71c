// SPDX-License-Identifier: MIT
#include "JournalFormat.h"

#include "capture/JournalFieldCache.h"

#include <QCoreApplication>
#include <QtEndian>

#include <cstring>
#include <zlib.h>

namespace JournalFormat {
namespace {
constexpr quint8 ChunkedFlag = 0x01;
constexpr quint8 RecoveredFlag = 0x02;
constexpr quint8 SourceFlag = 0x04;
constexpr quint8 CaptureFlags = ChunkedFlag | RecoveredFlag | SourceFlag;
constexpr qint64 LengthSize = 4; // every length and count is a u32
constexpr int FlagsOffset = 19;
constexpr int TaskOffset = 20;
constexpr int StatusOffset = 21;

struct Utf8Strings {
    QByteArray peer;
    QByteArray taskText;
    QByteArray statusText;
    QByteArray key;
    QByteArray source;
    QList<QByteArray> findings;
};

Utf8Strings utf8Strings(const Capture &c)
{
    Utf8Strings s{c.peer.toUtf8(),     c.hoox.taskText.toUtf8(), c.hoox.statusText.toUtf8(),
                  c.hoox.key.toUtf8(), c.source.toUtf8(),        {}};
    s.findings.reserve(c.hoox.findings.size());
    for (const QString &f : c.hoox.findings)
        s.findings.append(f.toUtf8());
    return s;
}

qint64 headersSize(const HttpHeaders &headers)
{
    qint64 size = LengthSize;
    for (const HttpHeader &h : headers)
        size += 2 * LengthSize + h.name.size() + h.value.size();
    return size;
}

qint64 payloadSize(const Capture &c, const Utf8Strings &s)
{
    qint64 size = FixedSummarySize + 6 * LengthSize + s.peer.size() + c.method.size() +
                  c.target.size() + s.taskText.size() + s.statusText.size() + s.key.size();
    if (!s.source.isEmpty())
        size += LengthSize + s.source.size();
    size += LengthSize;
    for (const QByteArray &f : s.findings)
        size += LengthSize + f.size();
    return size + headersSize(c.headers) + headersSize(c.trailers) + LengthSize + c.body.size();
}

class Writer {
public:
    explicit Writer(char *at)
        : m_at(at)
    {
    }
    template <typename T> void fixed(T value)
    {
        qToLittleEndian(value, m_at);
        m_at += sizeof(T);
    }
    void bytes(QByteArrayView bytes)
    {
        fixed(quint32(bytes.size()));
        if (!bytes.isEmpty()) // memcpy from a null source is undefined even for 0 bytes
            std::memcpy(m_at, bytes.data(), size_t(bytes.size()));
        m_at += bytes.size();
    }
    void headers(const HttpHeaders &headers)
    {
        fixed(quint32(headers.size()));
        for (const HttpHeader &h : headers) {
            bytes(h.name);
            bytes(h.value);
        }
    }

private:
    char *m_at;
};

void writePayload(Writer &w, const Capture &c, const Utf8Strings &s)
{
    w.fixed(c.id);
    w.fixed(c.receivedAtMs);
    w.fixed(c.answerStatus);
    w.fixed(c.httpMinor);
    w.fixed(quint8((c.chunked ? ChunkedFlag : 0) | (c.recovered ? RecoveredFlag : 0) |
                   (s.source.isEmpty() ? 0 : SourceFlag)));
    w.fixed(quint8(c.hoox.task));
    w.fixed(quint8(c.hoox.status));
    w.fixed(c.hoox.attempt);
    w.fixed(c.hoox.duplicateOf);
    w.fixed(c.hoox.outcomeHash);
    for (const QByteArray *b : {&s.peer, &c.method, &c.target, &s.taskText, &s.statusText, &s.key})
        w.bytes(*b);
    if (!s.source.isEmpty())
        w.bytes(s.source);
    w.fixed(quint32(s.findings.size()));
    for (const QByteArray &f : s.findings)
        w.bytes(f);
    w.headers(c.headers);
    w.headers(c.trailers);
    w.bytes(c.body);
}

// Reads the payload front to back; the first length that does not fit makes it fail for good.
class Reader {
public:
    Reader(const uchar *payload, quint32 size)
        : m_at(payload)
        , m_end(payload + size)
    {
    }
    bool ok() const { return m_ok; }
    bool atEnd() const { return m_ok && m_at == m_end; }
    const uchar *at() const { return m_at; }

    template <typename T> T fixed()
    {
        if (!need(sizeof(T)))
            return T{};
        const T value = qFromLittleEndian<T>(m_at);
        m_at += sizeof(T);
        return value;
    }
    QByteArrayView bytes()
    {
        const quint32 size = fixed<quint32>();
        if (!need(size))
            return {};
        const QByteArrayView view(reinterpret_cast<const char *>(m_at), qsizetype(size));
        m_at += size;
        return view;
    }
    // A count whose elements could not all fit is damage: fail before anyone reserves for it.
    quint32 count(quint32 minElementSize)
    {
        const quint32 n = fixed<quint32>();
        if (m_ok && n > quint64(m_end - m_at) / minElementSize)
            m_ok = false;
        return m_ok ? n : 0;
    }

private:
    bool need(quint64 size)
    {
        if (m_ok && quint64(m_end - m_at) < size)
            m_ok = false;
        return m_ok;
    }

    const uchar *m_at;
    const uchar *m_end;
    bool m_ok = true;
};

struct Fixed {
    quint64 id = 0;
    qint64 receivedAtMs = 0;
    quint16 answerStatus = 0;
    quint8 httpMinor = 0;
    quint8 flags = 0;
    quint8 task = 0;
    quint8 status = 0;
    quint32 attempt = 0;
    quint64 duplicateOf = 0;
    quint64 outcomeHash = 0;
};

bool readFixed(Reader &r, Fixed *f)
{
    *f = {r.fixed<quint64>(), r.fixed<qint64>(), r.fixed<quint16>(), r.fixed<quint8>(),
          r.fixed<quint8>(),  r.fixed<quint8>(), r.fixed<quint8>(),  r.fixed<quint32>(),
          r.fixed<quint64>(), r.fixed<quint64>()};
    return r.ok() && (f->flags & ~CaptureFlags) == 0 && f->task <= quint8(HooxTask::Unknown) &&
           f->status <= quint8(HooxStatus::Other);
}

QStringList readFindings(Reader &r)
{
    const quint32 n = r.count(4);
    QStringList findings;
    findings.reserve(n);
    for (quint32 i = 0; i < n && r.ok(); ++i)
        findings.append(QString::fromUtf8(r.bytes()));
    return findings;
}

// Trailers are rare and would evict the headers, so they bypass the cache.
HttpHeaders readHeaders(Reader &r, JournalFieldCache &cache, bool cached)
{
    const quint32 n = r.count(8);
    HttpHeaders headers;
    headers.reserve(n);
    for (quint32 i = 0; i < n && r.ok(); ++i) {
        const int index = cached ? int(qMin(i, quint32(JournalFieldCache::CachedHeaders)))
                                 : JournalFieldCache::CachedHeaders;
        // Read the name first: the order in which arguments are evaluated is unspecified.
        QByteArray name = cache.bytes(JournalFieldCache::headerName(index), r.bytes());
        headers.append(std::move(name),
                       cache.bytes(JournalFieldCache::headerValue(index), r.bytes()));
    }
    return headers;
}

void skipStrings(Reader &r, quint32 perElement, quint32 minElementSize)
{
    const quint32 n = r.count(minElementSize);
    for (quint32 i = 0; i < n * perElement && r.ok(); ++i)
        r.bytes();
}

// The part both decoders read alike.
template <typename Out> bool readHead(Reader &r, JournalFieldCache &cache, Out *out, Fixed *f)
{
    if (!readFixed(r, f))
        return false;
    out->peer = cache.text(JournalFieldCache::Peer, r.bytes());
    out->method = cache.bytes(JournalFieldCache::Method, r.bytes());
    out->target = cache.bytes(JournalFieldCache::Target, r.bytes());
    return r.ok();
}
} // namespace

QByteArray fileHeader()
{
    QByteArray header(FileHeaderSize, '\0');
    std::memcpy(header.data(), Magic, sizeof(Magic));
    qToLittleEndian(Version, header.data() + sizeof(Magic));
    return header;
}

quint32 versionOf(const uchar *header)
{
    return qFromLittleEndian<quint32>(header + sizeof(Magic));
}

quint32 checksum(const uchar *data, quint32 size)
{
    return quint32(crc32(crc32(0, nullptr, 0), data, size));
}

bool appendRecord(QByteArray *out, const Capture &capture, QString *error)
{
    const Utf8Strings strings = utf8Strings(capture);
    const qint64 size = payloadSize(capture, strings);
    if (size > MaxPayloadSize) {
        if (error) {
            *error = QStringLiteral("Capture %1 is too large for the journal (%2 bytes; at most "
                                    "%3 fit in one record).")
                         .arg(capture.id)
                         .arg(size)
                         .arg(MaxPayloadSize);
        }
        return false;
    }
    const qsizetype start = out->size();
    out->resize(start + RecordHeaderSize + size);
    char *record = out->data() + start;
    Writer payload(record + RecordHeaderSize);
    writePayload(payload, capture, strings);
    const auto *payloadStart = reinterpret_cast<const uchar *>(record + RecordHeaderSize);
    qToLittleEndian(quint32(size), record);
    qToLittleEndian(checksum(payloadStart, quint32(size)), record + 4);
    return true;
}

bool appendAnnotation(QByteArray *out, const Annotation &annotation, quint64 after, QString *error)
{
    if (annotation.value.size() > qsizetype(MaxAnnotationValue)) {
        if (error) {
            *error = QCoreApplication::translate("Journal", "The note is too long for the journal "
                                                            "(%1 bytes; at most %2 fit).")
                         .arg(annotation.value.size())
                         .arg(MaxAnnotationValue);
        }
        return false;
    }
    const auto size = quint32(MinAnnotationSize + annotation.value.size());
    const qsizetype start = out->size();
    out->resize(start + RecordHeaderSize + size);
    char *record = out->data() + start;
    Writer w(record + RecordHeaderSize);
    w.fixed(annotation.captureId);
    w.fixed(after);
    w.fixed(annotation.atMs);
    w.fixed(quint8(annotation.kind));
    w.bytes(annotation.value);
    const auto *payload = reinterpret_cast<const uchar *>(record + RecordHeaderSize);
    qToLittleEndian(AnnotationMarker | size, record);
    qToLittleEndian(checksum(payload, size), record + 4);
    return true;
}

bool decodeAnnotation(const uchar *payload, quint32 size, Annotation *out, quint64 *after)
{
    Reader r(payload, size);
    out->captureId = r.fixed<quint64>();
    *after = r.fixed<quint64>();
    out->atMs = r.fixed<qint64>();
    const auto kind = r.fixed<quint8>();
    out->kind = Annotation::Kind(kind);
    out->value = r.bytes().toByteArray();
    const bool sized = out->kind != Annotation::Kind::LateAnswer ||
                       out->value.size() == Annotation::LateAnswerValueSize;
    return r.atEnd() && kind != 0 && sized && out->captureId != 0 && out->captureId <= *after;
}

bool decodeCapture(const uchar *payload, quint32 size, JournalFieldCache &cache, Capture *out)
{
    Reader r(payload, size);
    Fixed f;
    if (!readHead(r, cache, out, &f))
        return false;
    out->id = f.id;
    out->receivedAtMs = f.receivedAtMs;
    out->answerStatus = f.answerStatus;
    out->httpMinor = f.httpMinor;
    out->chunked = (f.flags & ChunkedFlag) != 0;
    out->recovered = (f.flags & RecoveredFlag) != 0;
    HooxClassification &h = out->hoox;
    h.task = HooxTask(f.task);
    h.status = HooxStatus(f.status);
    h.attempt = f.attempt;
    h.duplicateOf = f.duplicateOf;
    h.outcomeHash = f.outcomeHash;
    h.taskText = cache.text(JournalFieldCache::TaskText, r.bytes());
    h.statusText = cache.text(JournalFieldCache::StatusText, r.bytes());
    h.key = QString::fromUtf8(r.bytes());
    if (f.flags & SourceFlag)
        out->source = QString::fromUtf8(r.bytes());
    h.findings = readFindings(r);
    out->headers = readHeaders(r, cache, true);
    out->trailers = readHeaders(r, cache, false);
    out->body = r.bytes().toByteArray();
    return r.atEnd();
}

bool decodeIndexEntry(const uchar *payload, quint32 size, JournalFieldCache &cache,
                      QString *keyBuffer, CaptureIndex::Entry *out)
{
    Reader r(payload, size);
    Fixed f;
    if (!readFixed(r, &f))
        return false;
    out->id = f.id;
    out->receivedAtMs = f.receivedAtMs;
    out->answerStatus = f.answerStatus;
    out->chunked = (f.flags & ChunkedFlag) != 0;
    out->recovered = (f.flags & RecoveredFlag) != 0;
    out->refused = false; // refused requests are never journaled
    out->task = HooxTask(f.task);
    out->status = HooxStatus(f.status);
    out->attempt = f.attempt;
    out->duplicateOf = f.duplicateOf;
    out->outcomeHash = f.outcomeHash;
    r.bytes(); // peer
    out->method = cache.bytes(JournalFieldCache::Method, r.bytes());
    out->target = cache.bytes(JournalFieldCache::Target, r.bytes());
    out->taskText = cache.text(JournalFieldCache::TaskText, r.bytes());
    out->statusText = cache.text(JournalFieldCache::StatusText, r.bytes());
    const QByteArrayView key = r.bytes();
    // Keys are nearly always ASCII: widen them into the reused buffer without allocating.
    keyBuffer->resize(key.size());
    char16_t *to = reinterpret_cast<char16_t *>(keyBuffer->data());
    bool ascii = true;
    for (qsizetype i = 0; i < key.size() && ascii; ++i) {
        to[i] = char16_t(uchar(key[i]));
        ascii = uchar(key[i]) < 0x80;
    }
    if (!ascii)
        *keyBuffer = QString::fromUtf8(key);
    out->key = *keyBuffer;
    out->source = (f.flags & SourceFlag) ? QString::fromUtf8(r.bytes()) : QString();
    out->findings = readFindings(r);
    skipStrings(r, 2, 8);
    skipStrings(r, 2, 8);
    out->bodySize = quint32(r.bytes().size());
    return r.atEnd();
}

bool searchFields(const uchar *payload, quint32 size, SearchFields *out)
{
    Reader r(payload, size);
    Fixed f;
    if (!readFixed(r, &f))
        return false;
    r.bytes(); // peer
    r.bytes(); // method
    out->target = r.bytes();
    r.bytes(); // taskText
    r.bytes(); // statusText
    out->key = r.bytes();
    if (f.flags & SourceFlag)
        r.bytes();
    skipStrings(r, 1, 4);
    skipStrings(r, 2, 8);
    skipStrings(r, 2, 8);
    out->body = r.bytes();
    return r.atEnd();
}

bool isWellFormed(const uchar *payload, quint32 size)
{
    Reader r(payload, size);
    Fixed f;
    if (!readFixed(r, &f))
        return false;
    for (int i = (f.flags & SourceFlag) ? -1 : 0; i < 6; ++i)
        r.bytes();
    skipStrings(r, 1, 4);
    skipStrings(r, 2, 8);
    skipStrings(r, 2, 8);
    r.bytes();
    return r.atEnd();
}

quint64 idOf(const uchar *payload)
{
    return qFromLittleEndian<quint64>(payload);
}

bool hasValidEnums(const uchar *payload)
{
    return (payload[FlagsOffset] & ~CaptureFlags) == 0 &&
           payload[TaskOffset] <= quint8(HooxTask::Unknown) &&
           payload[StatusOffset] <= quint8(HooxStatus::Other);
}
} // namespace JournalFormat
