// SPDX-License-Identifier: MIT
// journal_writer PATH [annotate]: appends captures to the journal at PATH until it is killed,
// printing each id once append() has returned. tst_journal kills it with SIGKILL and checks that
// every printed id is in the journal. With `annotate`, every third capture also gets a note,
// printed as "note ID" once appendAnnotation() has returned (tst_annotations).
#include "capture/Journal.h"

#include <QString>

#include <cstdio>

namespace {
QByteArray bodyFor(quint64 id)
{
    if (id % 50 == 0) // large enough that a kill can land in the middle of writing it
        return QByteArray(qsizetype(100) * 1024, char('a' + id % 26));
    if (id % 7 == 0) {
        QByteArray binary(int(id % 300), '\0');
        for (int i = 0; i < binary.size(); ++i)
            binary[i] = char((id + quint64(i) * 31) & 0xff);
        return binary;
    }
    if (id % 11 == 0)
        return {};
    return QByteArrayLiteral("{\"task\":\"video_generate\",\"job_id\":\"run_") +
           QByteArray::number(id) +
           QByteArrayLiteral("\",\"status\":\"completed\",\"result\":{\"video_id\":"
                             "\"video_abcdef1234567890\",\"cost\":5}}");
}

Capture captureFor(quint64 id)
{
    Capture c;
    c.id = id;
    c.receivedAtMs = qint64(1'700'000'000'000) + qint64(id);
    c.peer = QStringLiteral("127.0.0.1:%1").arg(40000 + id % 20000);
    c.method = QByteArrayLiteral("POST");
    c.target = QByteArrayLiteral("/webhook/hoox");
    c.chunked = id % 5 == 0;
    c.headers.append(QByteArrayLiteral("Host"), QByteArrayLiteral("localhost"));
    c.headers.append(QByteArrayLiteral("User-Agent"), QByteArrayLiteral("Hoox-API/1.0"));
    c.headers.append(QByteArrayLiteral("X-Hoox-Webhook"), QByteArrayLiteral("true"));
    if (c.chunked)
        c.trailers.append(QByteArrayLiteral("X-Trailer"), QByteArray::number(id));
    c.body = bodyFor(id);
    c.answerStatus = 200;
    c.hoox.task = HooxTask::VideoGenerate;
    c.hoox.taskText = QStringLiteral("video_generate");
    c.hoox.key = QStringLiteral("run_%1").arg(id);
    c.hoox.attempt = 1;
    return c;
}
} // namespace

int main(int argc, char **argv)
{
    const bool annotate = argc == 3 && qstrcmp(argv[2], "annotate") == 0;
    if (argc != 2 && !annotate) {
        std::fprintf(stderr, "usage: journal_writer PATH [annotate]\n");
        return 2;
    }
    Journal journal;
    QString error;
    if (!journal.open(QString::fromLocal8Bit(argv[1]), &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    journal.takeLoaded();
    for (quint64 id = journal.nextId();; ++id) {
        if (!journal.append(captureFor(id), &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        std::printf("%llu\n", static_cast<unsigned long long>(id));
        if (annotate && id % 3 == 0) {
            const QString note = QStringLiteral("checked #%1").arg(id);
            if (!journal.appendAnnotation(Annotation::note(id, note), &error)) {
                std::fprintf(stderr, "%s\n", qPrintable(error));
                return 1;
            }
            std::printf("note %llu\n", static_cast<unsigned long long>(id));
        }
        std::fflush(stdout);
    }
}
