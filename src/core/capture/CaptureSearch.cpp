// SPDX-License-Identifier: MIT
#include "CaptureSearch.h"

#include "capture/JournalFormat.h"
#include "capture/TextMatcher.h"

#include <QThread>

#include <cerrno>
#include <thread>
#include <unistd.h>

namespace F = JournalFormat;

namespace {
constexpr qint64 WindowSize = 4 * 1024 * 1024;
constexpr qsizetype CheckEvery = 4096; // rows between looks at the generation

// Reads the journal through a window that slides forward as the rows do.
class JournalWindow {
public:
    explicit JournalWindow(int fd)
        : m_fd(fd)
    {
    }

    // The record's bytes, or null when they cannot be read.
    const uchar *record(qint64 offset, quint32 size)
    {
        if (offset < m_start || offset + size > m_start + m_buffer.size()) {
            if (!fill(offset, qMax<qint64>(WindowSize, size)))
                return nullptr;
            if (offset + size > m_start + m_buffer.size())
                return nullptr; // the file is shorter than the index says
        }
        return reinterpret_cast<const uchar *>(m_buffer.constData()) + (offset - m_start);
    }

private:
    bool fill(qint64 offset, qint64 length)
    {
        m_buffer.resize(length);
        qint64 done = 0;
        while (done < length) {
            const ssize_t n =
                ::pread(m_fd, m_buffer.data() + done, size_t(length - done), offset + done);
            if (n == 0)
                break;
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                m_buffer.clear();
                m_start = -1;
                return false;
            }
            done += n;
        }
        m_buffer.truncate(done);
        m_start = offset;
        return true;
    }

    int m_fd;
    qint64 m_start = -1;
    QByteArray m_buffer;
};

// A record that is not the row's (the file was replaced under us) matches nothing.
bool testRecord(const uchar *record, const CaptureStore::SearchSource::Span &span, qsizetype row,
                CaptureSearch::RowTest &test)
{
    const quint32 size = span.size;
    if (size < F::RecordHeaderSize + F::FixedSummarySize ||
        F::idOf(record + F::RecordHeaderSize) != span.id)
        return false;
    return test.record(row, record + F::RecordHeaderSize, size - quint32(F::RecordHeaderSize));
}

// Free text in the key, the path, the body or the note.
class TextTest : public CaptureSearch::RowTest {
public:
    TextTest(const TextMatcher &matcher, const QHash<qint32, QString> &notes)
        : m_matcher(matcher)
        , m_notes(notes)
    {
    }
    bool record(qsizetype row, const uchar *payload, quint32 size) override
    {
        F::SearchFields fields;
        return matchesNote(row) || (F::searchFields(payload, size, &fields) &&
                                    m_matcher.matches(fields.key, fields.target, fields.body));
    }
    bool capture(qsizetype row, const Capture &c) override
    {
        return matchesNote(row) || m_matcher.matches(c);
    }

private:
    bool matchesNote(qsizetype row) const
    {
        if (m_notes.isEmpty())
            return false;
        const auto it = m_notes.constFind(qint32(row));
        return it != m_notes.cend() && m_matcher.matches({}, {}, it->toUtf8());
    }

    const TextMatcher &m_matcher;
    const QHash<qint32, QString> &m_notes;
};

struct Range {
    const CaptureStore::SearchSource &source;
    const std::vector<qint32> *rows;
    qsizetype begin;
    qsizetype end;
};

bool searchRange(const Range &range, CaptureSearch::RowTest &test, quint8 *out,
                 const std::atomic<quint64> *current, quint64 generation)
{
    const CaptureStore::SearchSource &source = range.source;
    QFile file(source.journalPath);
    const bool journal = !source.journalPath.isEmpty() && file.open(QIODevice::ReadOnly);
    JournalWindow window(journal ? file.handle() : -1);
    for (qsizetype k = range.begin; k < range.end; ++k) {
        if ((k - range.begin) % CheckEvery == 0 && current && current->load() != generation)
            return false;
        const qsizetype i = range.rows ? (*range.rows)[size_t(k)] : k;
        const CaptureStore::SearchSource::Span &span = source.spans[size_t(i)];
        if (span.offset < 0) {
            const CapturePtr c = source.resident.value(qint32(i));
            out[i] = c && test.capture(i, *c) ? 1 : 0;
            continue;
        }
        const uchar *record = journal ? window.record(span.offset, span.size) : nullptr;
        out[i] = record && testRecord(record, span, i, test) ? 1 : 0;
    }
    return true;
}
} // namespace

std::vector<quint8> CaptureSearch::run(const CaptureStore::SearchSource &source,
                                       const RowTestFactory &makeTest,
                                       const std::vector<qint32> *rows,
                                       const std::atomic<quint64> *current, quint64 generation)
{
    const auto n = rows ? qsizetype(rows->size()) : qsizetype(source.spans.size());
    std::vector<quint8> result(source.spans.size(), 0);
    // Below a few thousand rows a second thread costs more than it saves.
    const int threads = n < 20'000 ? 1 : qBound(1, QThread::idealThreadCount(), 8);
    std::vector<std::thread> helpers;
    std::vector<char> finished(size_t(threads), 0);
    const auto part = [&](int t) {
        std::unique_ptr<RowTest> test = makeTest();
        finished[size_t(t)] =
            searchRange(Range{source, rows, n * t / threads, n * (t + 1) / threads}, *test,
                        result.data(), current, generation);
    };
    for (int t = 1; t < threads; ++t)
        helpers.emplace_back(part, t);
    part(0);
    for (std::thread &h : helpers)
        h.join();
    for (char done : finished) {
        if (!done)
            return {};
    }
    return result;
}

std::vector<quint8> CaptureSearch::run(const CaptureStore::SearchSource &source,
                                       const TextMatcher &matcher,
                                       const std::atomic<quint64> *current, quint64 generation)
{
    return run(
        source, [&] { return std::make_unique<TextTest>(matcher, source.notes); }, nullptr, current,
        generation);
}

bool CaptureSearch::matchesRow(const CaptureStore::SearchSource::Span &span,
                               const CapturePtr &resident, QFile &journal,
                               const TextMatcher &matcher)
{
    if (span.offset < 0)
        return resident && matcher.matches(*resident);
    if (!journal.isOpen() && !journal.open(QIODevice::ReadOnly))
        return false;
    // Just this record: live rows arrive a batch at a time, not in a long run.
    QByteArray bytes(qsizetype(span.size), Qt::Uninitialized);
    qint64 done = 0;
    while (done < span.size) {
        const ssize_t n = ::pread(journal.handle(), bytes.data() + done, size_t(span.size - done),
                                  span.offset + done);
        if (n <= 0 && !(n < 0 && errno == EINTR))
            return false;
        done += qMax<ssize_t>(n, 0);
    }
    const QHash<qint32, QString> notes; // the caller looks at the row's note
    TextTest test(matcher, notes);
    return testRecord(reinterpret_cast<const uchar *>(bytes.constData()), span, 0, test);
}
