// SPDX-License-Identifier: MIT
// libFuzzer target for NgrokWatcher::pickTunnel, the reader of the ngrok agent's /api/tunnels
// answer. The first two bytes are the listener's port, the rest the answer. However hostile the
// answer, it must not crash, and a tunnel picked is an https URL that the answer holds.
#include "FuzzCheck.h"
#include "ngrok/NgrokWatcher.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const auto port = quint16((data[0] << 8) | data[1]);
    const QByteArray json(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));
    const QString url = NgrokWatcher::pickTunnel(json, port);
    if (url.isEmpty())
        return 0;
    check(url.startsWith(QLatin1String("https://")));
    // Without JSON escapes in the answer, the picked URL is spelled out in it.
    check(json.contains('\\') || json.contains(url.toUtf8()));
    return 0;
}
