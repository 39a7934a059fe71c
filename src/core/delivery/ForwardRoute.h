// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Capture.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <string>

// One term of a route's condition: `task:GLOB`, `status:GLOB` or `path:GLOB`. In a GLOB, `*`
// stands for any run of characters, the empty one included (so `task:*` also matches a capture
// without a task), and `?` for exactly one character; everything else stands for itself. The
// glob is matched without regard to case against the whole value: `task:avatar` does not match
// "avatar_create". `task` is the payload's task as sent, `status` its status as sent, `path` the
// request target up to its query string, as received (not percent-decoded).
struct RouteCondition {
    enum class Field { Task, Status, Path };

    RouteCondition() = default;
    RouteCondition(Field field, const QString &glob);

    Field field = Field::Task;
    QString glob; // as written; set it through the constructor, which compiles it

    bool matches(const Capture &c) const;
    static QString fieldName(Field field); // "task", "status", "path"
    // Parses terms separated by whitespace, all of which must match (a filter expression).
    // False with *error saying what is wrong with which term.
    static bool parseAll(const QString &text, QList<RouteCondition> *out, QString *error);
    static bool allMatch(const QList<RouteCondition> &conditions, const Capture &c);

private:
    // The glob case-folded, one element per code point. Matching runs per capture on the
    // network thread: no regular expression, and no allocation but for a raw UTF-8 path.
    std::u32string m_folded;
};

// Where `hookscope listen --route CONDITION=URL` sends the captures whose condition matches.
struct ForwardRoute {
    QList<RouteCondition> conditions; // all must match; never empty
    QUrl target;                      // http or https, with a host
    QString text;                     // as the user wrote it, for messages

    bool matches(const Capture &c) const;
    // Parses "CONDITION=URL", CONDITION being terms separated by whitespace. The URL starts at
    // the first "=http://" or "=https://", so both the URL and a path glob may hold '='. False
    // with *error naming the argument and saying what is expected; *out is then unchanged.
    static bool parse(const QString &text, ForwardRoute *out, QString *error);
    // The first route in `routes` matching `c`, else `fallback` (may be empty: not forwarded).
    static QUrl choose(const QList<ForwardRoute> &routes, const QUrl &fallback, const Capture &c);
};

// Whether `url` will do for --forward-to: an absolute http or https URL with a host, the check
// that parse() makes of a route's URL. Otherwise false, with *error saying so in words.
bool isForwardUrl(const QUrl &url, QString *error = nullptr);
