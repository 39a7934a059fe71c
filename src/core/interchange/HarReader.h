// SPDX-License-Identifier: MIT
#pragma once

#include "interchange/ImportResult.h"

#include <QByteArray>

// Reads HAR files as browser devtools (Chrome, Firefox), HTTP Toolkit, webhook.site and
// HookScope write them. Only request.method and request.url are required of an entry; every
// other field is optional. HTTP/2 pseudo-headers (":authority") are left out: HookScope's
// captures are HTTP/1.x requests. A bad entry is listed with its index, the others are read.
class HarReader {
public:
    static ImportResult read(const QByteArray &data);
};
