// SPDX-License-Identifier: MIT
#pragma once

#include "HttpHeaders.h"

#include <QByteArray>

struct HttpRequest {
    QByteArray method;
    QByteArray target;
    quint8 httpMinor = 1; // HTTP/1.0 or HTTP/1.1
    HttpHeaders headers;
    HttpHeaders trailers;
    QByteArray body;
    bool chunked = false;
    bool expectContinue = false; // the client waits for "100 Continue" before its body
    bool keepAlive = true;       // per the version and the Connection header
};
