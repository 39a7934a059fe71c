// SPDX-License-Identifier: MIT
// libFuzzer target for NgrokRequests: the ngrok agent's request list, parsed, judged and turned
// into requests, whatever the agent (or something posing as it) answers.
#include "FuzzCheck.h"
#include "ngrok/NgrokRequests.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    NgrokRequests::Limits limits;
    limits.maxEntries = 16;
    limits.maxRawBytes = 2048;
    const NgrokRequestList list = NgrokRequests::parse(input, limits);
    check(list.error.isEmpty() || (list.entries.isEmpty() && list.problems.isEmpty()));
    check(list.entries.size() <= limits.maxEntries);
    for (const NgrokProblem &p : list.problems) {
        check(!p.key.isEmpty());
        check(!p.message.isEmpty());
    }
    for (const NgrokRequest &r : list.entries) {
        check(!r.id.isEmpty());
        check(r.raw.size() <= limits.maxRawBytes);
        check(r.answered == (r.status != 0));
        NgrokRequests::fate(r);
        ImportedRequest out;
        QString problem;
        if (NgrokRequests::toImport(r, &out, &problem)) {
            check(out.recovered && out.source == QStringLiteral("ngrok:") + r.id);
            check(out.receivedAtMs == r.startMs);
            check(!out.request.method.isEmpty());
        } else {
            check(!problem.isEmpty());
        }
    }
    return 0;
}
