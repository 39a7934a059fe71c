// SPDX-License-Identifier: MIT
#pragma once

#include "capture/ImportedRequest.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

// One request the ngrok agent lists in GET /api/requests/http, with what the sender got.
struct NgrokRequest {
    QString id;         // ngrok's id, e.g. "airt_2b…"
    QString tunnelName; // the tunnel that took it: compared with the tunnels to our port
    qint64 startMs = 0; // when ngrok received it, UTC milliseconds since the epoch
    QByteArray raw;     // the whole request as the sender sent it, decoded from base64
    bool answered = false;
    int status = 0;          // ngrok's status code for the sender; 0 without an answer
    QByteArray responseHead; // the answer's status line and header fields, when ngrok kept them
    QByteArray responseBody;
};

// An entry that could not be read. `key` is the same in every poll for the same entry, so that
// each is reported once.
struct NgrokProblem {
    QString key;
    QString message;
};

// What the agent's answer held: the readable entries in list order and the broken ones. `error`
// is set when the answer as a whole is unusable (not JSON, too large); nothing was read then.
struct NgrokRequestList {
    QList<NgrokRequest> entries;
    QList<NgrokProblem> problems;
    QString error;
};

// The agent's request list, read without trusting it: every field is checked for its type, and
// the answer, the number of entries and each request's size are bounded. Pure; never crashes.
namespace NgrokRequests {
struct Limits {
    qsizetype maxAnswerBytes = 64 * 1024 * 1024;
    int maxEntries = 1000;
    // The listener's largest body and head, with room to spare.
    qsizetype maxRawBytes = 33 * 1024 * 1024;
};

NgrokRequestList parse(QByteArrayView json, const Limits &limits = {});

enum class Fate {
    AnsweredByHookScope, // the answer carries HookScope's Server header: it was received
    AnsweredByNgrok,     // ngrok's own error answer (ngrok-error-code, ERR_NGROK_…)
    NoAnswer,            // no answer yet, or none ever: the connection went away
    AnsweredByOther,     // another program on the port answered: not ours to recover
};
Fate fate(const NgrokRequest &request);

// The request as HookScope would have received it, parsed from `raw` by HookScope's own parser;
// false, with *problem in words, when `raw` is not a request the listener would accept.
bool toImport(const NgrokRequest &request, ImportedRequest *out, QString *problem);
} // namespace NgrokRequests
