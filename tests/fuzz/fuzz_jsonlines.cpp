// SPDX-License-Identifier: MIT
// libFuzzer target for JsonLines::read, the reader of `hookscope export --format jsonl` files and
// of whatever a script made of them. However hostile the file, it must not crash; every
// non-blank line is either read or listed as a problem with its line number, and every record
// read survives being written as a line and read back unchanged.
#include "FuzzCheck.h"
#include "capture/CaptureRecorder.h"
#include "interchange/JsonLines.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

qsizetype nonBlankLines(const QByteArray &bytes)
{
    qsizetype n = 0;
    for (const QByteArray &line : bytes.split('\n'))
        n += line.trimmed().isEmpty() ? 0 : 1;
    return n;
}

void checkResult(const QByteArray &bytes, const ImportResult &r)
{
    check(r.error.isEmpty());
    check(r.requests.size() + r.problems.size() == nonBlankLines(bytes));
    int lastLine = 0;
    for (const ImportProblem &p : r.problems) {
        check(p.index > lastLine && !p.message.isEmpty());
        lastLine = p.index;
    }
    for (const ImportedRequest &i : r.requests)
        check(!i.request.method.isEmpty() && !i.request.target.isEmpty());
}

void checkRoundTrip(const ImportedRequest &i)
{
    HttpRequest copy = i.request;
    const auto capture =
        CaptureRecorder::build(std::move(copy), 1, i.peer, i.receivedAtMs, i.answerStatus);
    capture->note = i.note;
    capture->bookmarked = i.bookmarked;
    const QByteArray line = JsonLines::line(*capture);
    check(!line.contains('\n'));
    const ImportResult again = JsonLines::read(line);
    check(again.problems.isEmpty() && again.requests.size() == 1);
    const ImportedRequest &back = again.requests.first();
    check(sameRequest(i.request, back.request));
    check(i.peer == back.peer && i.answerStatus == back.answerStatus);
    check(i.note == back.note && i.bookmarked == back.bookmarked);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const ImportResult result = JsonLines::read(bytes);
    checkResult(bytes, result);
    for (const ImportedRequest &i : result.requests)
        checkRoundTrip(i);
    return 0;
}
