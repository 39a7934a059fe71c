// SPDX-License-Identifier: MIT
// libFuzzer target for HarReader, the reader of HAR files from devtools, HTTP Toolkit and other
// tools. However hostile the file, it must not crash; every entry is either read or listed as a
// problem with its index, and every entry read survives being written by HarWriter and read
// back unchanged.
#include "FuzzCheck.h"
#include "capture/CaptureRecorder.h"
#include "interchange/HarReader.h"
#include "interchange/HarWriter.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

void checkResult(const ImportResult &r)
{
    if (!r.error.isEmpty())
        check(r.requests.isEmpty() && r.problems.isEmpty());
    int lastIndex = -1;
    for (const ImportProblem &p : r.problems) {
        check(p.index > lastIndex && !p.message.isEmpty());
        lastIndex = p.index;
    }
    for (const ImportedRequest &i : r.requests)
        check(!i.request.method.isEmpty() && !i.request.target.isEmpty());
}

void checkRoundTrip(const ImportResult &r)
{
    CaptureBatch captures;
    quint64 id = 0;
    for (const ImportedRequest &i : r.requests) {
        HttpRequest copy = i.request;
        captures.append(
            CaptureRecorder::build(std::move(copy), ++id, i.peer, i.receivedAtMs, i.answerStatus));
    }
    const QByteArray written = HarWriter::toHar(captures);
    const ImportResult again = HarReader::read(written);
    for (const ImportProblem &p : again.problems)
        std::fprintf(stderr, "entry %d: %s\n", p.index, qPrintable(p.message));
    if (!again.error.isEmpty())
        std::fprintf(stderr, "%s\n%s\n", qPrintable(again.error), written.constData());
    check(again.error.isEmpty() && again.problems.isEmpty());
    check(again.requests.size() == r.requests.size());
    for (qsizetype n = 0; n < r.requests.size(); ++n) {
        const ImportedRequest &a = r.requests.at(n);
        const ImportedRequest &b = again.requests.at(n);
        check(sameRequest(a.request, b.request));
        check(a.peer == b.peer && a.answerStatus == b.answerStatus);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const ImportResult result = HarReader::read(bytes);
    checkResult(result);
    checkRoundTrip(result);
    return 0;
}
