// SPDX-License-Identifier: MIT
// libFuzzer target for JournalReader. The input is written to a file and read back both ways
// (whole captures and summaries). However hostile the file, the reader must not crash or read
// out of bounds (ASan watches the memory map), both readers must agree on which records are
// good and on the annotations applied, and every capture read must survive being written and read
// again unchanged.
#include "FuzzCheck.h"
#include "capture/JournalFieldCache.h"
#include "capture/JournalFormat.h"
#include "capture/JournalReader.h"

#include <QDir>
#include <QFile>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace {

const QString &scratchPath()
{
    static const QString path = [] {
        const QString p = QDir::tempPath() +
                          QStringLiteral("/hookscope-fuzz-%1.hkj").arg(QString::number(::getpid()));
        std::atexit([] { QFile::remove(scratchPath()); });
        return p;
    }();
    return path;
}

void checkRoundTrip(const Capture &c)
{
    QByteArray record;
    QString error;
    check(JournalFormat::appendRecord(&record, c, &error));
    const auto *payload =
        reinterpret_cast<const uchar *>(record.constData() + JournalFormat::RecordHeaderSize);
    const auto size = quint32(record.size() - JournalFormat::RecordHeaderSize);
    check(JournalFormat::isWellFormed(payload, size));
    JournalFieldCache cache;
    Capture again;
    check(JournalFormat::decodeCapture(payload, size, cache, &again));
    // How late the answer was is a record of its own, not part of the capture's.
    Capture expected = c;
    expected.lateAnswerMs = 0;
    check(again == expected);
}

void checkStatus(const JournalReadStatus &s, qint64 size)
{
    check(s.fileSize == size);
    check(s.validEnd >= 0 && s.validEnd <= size);
    check(s.droppedBytes >= 0 && s.droppedBytes <= size);
    check(s.skippedBytes >= 0 && s.skippedBytes <= size);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    {
        QFile file(scratchPath());
        check(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        check(file.write(bytes) == bytes.size());
    }
    const JournalReadResult full = JournalReader::read(scratchPath());
    const JournalIndexResult summaries = JournalReader::readIndex(scratchPath());
    checkStatus(full, bytes.size());
    checkStatus(summaries, bytes.size());
    check(full.error == summaries.error);
    check(full.validEnd == summaries.validEnd && full.lastId == summaries.lastId);
    check(full.annotations == summaries.annotations);
    const CaptureIndex &index = summaries.index;
    check(full.captures.size() == index.size());
    // Ids out of order (only a crafted file has them) make "the capture annotated" moot.
    const bool increasing = std::adjacent_find(full.captures.cbegin(), full.captures.cend(),
                                               [](const CapturePtr &a, const CapturePtr &b) {
                                                   return a->id >= b->id;
                                               }) == full.captures.cend();
    for (qsizetype i = 0; i < full.captures.size(); ++i) {
        const Capture &c = *full.captures.at(i);
        const CaptureIndex::Row &r = index.row(i);
        check(c.id == r.id && c.method == index.method(i) && c.target == index.target(i));
        check(c.hoox.key == index.key(i) && c.hoox.findings == index.findings(i));
        check(!increasing ||
              (c.note == index.note(i) &&
               c.bookmarked == bool(r.flags & CaptureIndex::Bookmarked) &&
               c.lateAnswerMs == index.lateAnswerMs(i) && c.answerStatus == r.answerStatus));
        check(r.journalOffset == c.journalOffset && r.recordSize == c.journalRecordSize);
        check(r.bodySize == c.body.size() && r.journalOffset >= 0 &&
              r.journalOffset + r.recordSize <= bytes.size());
        check(QByteArrayView(bytes).sliced(r.journalOffset + r.recordSize - r.bodySize,
                                           r.bodySize) == c.body);
        checkRoundTrip(c);
    }
    return 0;
}
