// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Capture.h"
#include "query/Query.h"

#include <QList>
#include <QString>
#include <QUrl>

// Where `hookscope listen --route CONDITION=URL` sends the captures whose condition matches.
// The condition is a filter expression (query/Query.h), checked on the network thread as each
// capture arrives: `task:avatar_* status:failed`, `header:x-hoox-webhook=true`, ….
struct ForwardRoute {
    Query condition; // never empty
    QUrl target;     // http or https, with a host
    QString text;    // as the user wrote it, for messages

    bool matches(const Capture &c) const { return condition.matches(c); }
    // Parses "CONDITION=URL". The URL starts at the first "=http://" or "=https://" before
    // which stands a valid condition, so the URL, a path glob and a header term may all hold
    // '=' (and a URL in a query string stays in the URL). False with *error naming the
    // argument and saying what is expected; *out is then unchanged.
    static bool parse(const QString &text, ForwardRoute *out, QString *error);
    // The first route in `routes` matching `c`, else `fallback` (may be empty: not forwarded).
    static QUrl choose(const QList<ForwardRoute> &routes, const QUrl &fallback, const Capture &c);
};

// Whether `url` will do for --forward-to: an absolute http or https URL with a host, the check
// that parse() makes of a route's URL. Otherwise false, with *error saying so in words.
bool isForwardUrl(const QUrl &url, QString *error = nullptr);
