// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Capture.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// A capture as a command or snippet that sends it again. `url` defaults to where the capture
// was sent (http://<Host><target>). Host and Content-Length are left to the client, which
// derives them from the URL and the body; hop-by-hop fields (Connection, Transfer-Encoding, …)
// are left out, so a chunked capture is sent again with a Content-Length.
class CopyAs {
public:
    // A POSIX shell command for bash, dash and zsh. It sends exactly the captured fields and
    // body bytes: curl's own User-Agent, Accept, Content-Type and Expect are switched off when
    // the capture had none, and a body that is not plain text is piped in from printf, whose
    // octal escapes reproduce any byte (a shell argument cannot hold NUL).
    static QString curl(const Capture &c, const QString &url = {});
    // JavaScript for Node 18 or later; a binary body comes from Buffer.from(base64).
    static QString nodeFetch(const Capture &c, const QString &url = {});
    // Python with requests; the body is a bytes literal. Repeated fields are joined with ", ",
    // since requests takes a dict.
    static QString pythonRequests(const Capture &c, const QString &url = {});

    static QString shellQuote(QByteArrayView s);       // 'it'\''s'
    static QString printfFormat(QByteArrayView bytes); // printf format reproducing `bytes`
    static QString jsString(const QString &s);         // 'it\'s'
    static QString pythonBytes(QByteArrayView bytes);  // b'\x00it\'s'
};
