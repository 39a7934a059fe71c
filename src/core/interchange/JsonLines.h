// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Capture.h"
#include "interchange/ImportResult.h"

#include <QByteArray>

// One capture per line, for scripts (jq, grep) and for moving captures between journals; the
// same record for `hookscope export --format jsonl` and `hookscope listen --json`:
//   {id, received_at, peer, method, target, http_version, chunked, headers [[name, value], …],
//    trailers, body | body_base64, answer, task, status, key, duplicate_of, attempt, findings,
//    note, bookmarked}
// plus "refused": true for a request turned away for want of the access token. Header order
// and case are kept; a body that is not UTF-8 is written as body_base64. On import the
// classification fields are recomputed, so they need not be present; the body must be (an
// empty one as "body": ""), and a refused record is listed as a problem, not imported.
class JsonLines {
public:
    static QByteArray line(const Capture &c); // no newline
    static QByteArray write(const CaptureBatch &captures);
    // A bad line is listed with its line number (from 1); blank lines are skipped.
    static ImportResult read(const QByteArray &data);
};
