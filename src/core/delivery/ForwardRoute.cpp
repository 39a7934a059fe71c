// SPDX-License-Identifier: MIT
#include "ForwardRoute.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// This file's messages, under the catalogue context "ForwardRoute" (lupdate reads it here).
struct ForwardRouteTr {
    Q_DECLARE_TR_FUNCTIONS(ForwardRoute)
};

QString expectedRoute()
{
    return ForwardRouteTr::tr("expected CONDITION=URL with an http:// or https:// URL, such as "
                              "task:avatar_*=http://localhost:3001/avatars");
}

enum class UrlProblem { None, Unparsable, NotHttp, NoHost };

UrlProblem urlProblem(const QUrl &url)
{
    // QUrl calls an empty URL invalid, but it parsed; it only lacks a scheme and a host.
    if (!url.isValid() && !url.isEmpty())
        return UrlProblem::Unparsable;
    const QString scheme = url.scheme();
    if (scheme.compare("http"_L1, Qt::CaseInsensitive) != 0 &&
        scheme.compare("https"_L1, Qt::CaseInsensitive) != 0) {
        return UrlProblem::NotHttp;
    }
    return url.host().isEmpty() ? UrlProblem::NoHost : UrlProblem::None;
}

QString parseTarget(const QString &text, QUrl *out)
{
    const QUrl url(text);
    switch (urlProblem(url)) {
    case UrlProblem::None:
        *out = url;
        return {};
    case UrlProblem::Unparsable:
        return ForwardRouteTr::tr("the URL \"%1\" does not parse: %2").arg(text, url.errorString());
    case UrlProblem::NoHost:
        return ForwardRouteTr::tr(
                   "the URL \"%1\" has no host; write it like http://localhost:3001/avatars")
            .arg(text);
    case UrlProblem::NotHttp:
        break;
    }
    return expectedRoute();
}

// Where the URL may start: each "=http://" or "=https://", in order.
QList<qsizetype> urlSeparators(const QString &text)
{
    QList<qsizetype> at;
    for (qsizetype i = text.indexOf(u'='); i >= 0; i = text.indexOf(u'=', i + 1)) {
        const QStringView rest = QStringView(text).sliced(i + 1);
        if (rest.startsWith("http://"_L1, Qt::CaseInsensitive) ||
            rest.startsWith("https://"_L1, Qt::CaseInsensitive))
            at.append(i);
    }
    return at;
}

QString conditionProblem(const QString &text, const Query &condition)
{
    if (condition.isEmpty()) {
        return ForwardRouteTr::tr(
            "the condition before \"=\" is empty; use a filter such as task:avatar_*, or "
            "task:* for every capture");
    }
    return ForwardRouteTr::tr("the condition \"%1\" does not parse at %2")
        .arg(text, condition.error().toString());
}

// The first separator before which stands a condition decides; a URL that follows it must then
// be right (or that is what is wrong).
QString parseRoute(const QString &text, ForwardRoute *route)
{
    const QList<qsizetype> separators = urlSeparators(text);
    if (separators.isEmpty())
        return expectedRoute();
    for (qsizetype at : separators) {
        const Query condition = Query::parse(text.first(at));
        if (condition.isValid() && !condition.isEmpty()) {
            route->condition = condition;
            return parseTarget(text.sliced(at + 1), &route->target);
        }
    }
    const QString first = text.first(separators.front());
    return conditionProblem(first, Query::parse(first));
}

} // namespace

bool ForwardRoute::parse(const QString &text, ForwardRoute *out, QString *error)
{
    ForwardRoute route;
    route.text = text;
    const QString problem = parseRoute(text, &route);
    if (!problem.isEmpty()) {
        if (error)
            *error = ForwardRouteTr::tr("--route \"%1\": %2").arg(text, problem);
        return false;
    }
    *out = std::move(route);
    return true;
}

QUrl ForwardRoute::choose(const QList<ForwardRoute> &routes, const QUrl &fallback, const Capture &c)
{
    const auto route = std::find_if(routes.cbegin(), routes.cend(),
                                    [&c](const ForwardRoute &r) { return r.matches(c); });
    return route == routes.cend() ? fallback : route->target;
}

bool isForwardUrl(const QUrl &url, QString *error)
{
    const UrlProblem problem = urlProblem(url);
    if (problem == UrlProblem::None)
        return true;
    if (!error)
        return false;
    // An invalid QUrl no longer has its text; its error string quotes it.
    if (problem == UrlProblem::Unparsable) {
        *error = ForwardRouteTr::tr("--forward-to needs an http:// or https:// URL such as "
                                    "http://localhost:3000/webhook; this one does not parse: %1")
                     .arg(url.errorString());
    } else {
        *error = ForwardRouteTr::tr("--forward-to needs an http:// or https:// URL such as "
                                    "http://localhost:3000/webhook, not \"%1\"")
                     .arg(url.toString());
    }
    return false;
}
