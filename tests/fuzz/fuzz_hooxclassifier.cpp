// SPDX-License-Identifier: MIT
// libFuzzer target for HooxClassifier::classify. The input is a method, header lines and a body:
//   METHOD \n name: value \n … \n\n body
// so that mutations reach both the header checks and the JSON paths.
#include "FuzzCheck.h"
#include "hoox/HooxClassifier.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

HttpHeaders parseHeaders(QByteArrayView block)
{
    HttpHeaders headers;
    while (!block.isEmpty()) {
        qsizetype nl = block.indexOf('\n');
        const QByteArrayView line = nl < 0 ? block : block.first(nl);
        block = nl < 0 ? QByteArrayView() : block.sliced(nl + 1);
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            headers.append(line.first(colon).toByteArray(),
                           line.sliced(colon + 1).trimmed().toByteArray());
    }
    return headers;
}

bool isKnown(HooxTask t)
{
    return t != HooxTask::None && t != HooxTask::Unknown;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype methodEnd = input.indexOf('\n');
    const QByteArrayView method = methodEnd < 0 ? input : input.first(methodEnd);
    const QByteArrayView rest = methodEnd < 0 ? QByteArrayView() : input.sliced(methodEnd + 1);
    const qsizetype headEnd = rest.indexOf("\n\n");
    const HttpHeaders headers = parseHeaders(headEnd < 0 ? rest : rest.first(headEnd));
    const QByteArray body = headEnd < 0 ? QByteArray() : rest.sliced(headEnd + 2).toByteArray();

    const HooxClassification c = HooxClassifier::classify(method, headers, body);
    // Deterministic: the outcome hash is journaled and compared across runs.
    check(c == HooxClassifier::classify(method, headers, body));
    check(c.duplicateOf == 0 && c.attempt == 0);
    check(c.key.isEmpty() || isKnown(c.task));
    check(c.task == HooxTask::None || !c.taskText.isEmpty() || c.task == HooxTask::Unknown);
    check((c.status == HooxStatus::None) == c.statusText.isEmpty() ||
          c.status == HooxStatus::Other);
    for (const QString &finding : c.findings) {
        check(!finding.isEmpty());
        check(!HooxClassifier::explain(finding).isEmpty());
    }
    check(c.findings.contains(QStringLiteral("not_json")) ==
          (c.task == HooxTask::None && c.status == HooxStatus::None &&
           !c.findings.contains(QStringLiteral("missing_task"))));
    return 0;
}
