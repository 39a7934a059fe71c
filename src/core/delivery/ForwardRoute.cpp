// SPDX-License-Identifier: MIT
#include "ForwardRoute.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <optional>
#include <string_view>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ForwardRoute", text);
}

QString expectedRoute()
{
    return tr("expected CONDITION=URL with an http:// or https:// URL, such as "
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

// One code point of `text` at *i, case-folded; *i moves past it.
char32_t readFolded(QStringView text, qsizetype *i)
{
    char32_t c = text[(*i)++].unicode();
    if (QChar::isHighSurrogate(c) && *i < text.size() && text[*i].isLowSurrogate())
        c = QChar::surrogateToUcs4(char16_t(c), text[(*i)++].unicode());
    return QChar::toCaseFolded(c);
}

// The same over ASCII bytes.
char32_t readFolded(QByteArrayView ascii, qsizetype *i)
{
    const auto c = uchar(ascii[(*i)++]);
    return c >= 'A' && c <= 'Z' ? char32_t(c + 32) : char32_t(c);
}

// Iterative, backtracking only to the last '*' (an earlier one never needs to take more): at
// worst the text's length times the glob's steps, and no recursion however the glob is written.
template <typename Text> bool globMatches(std::u32string_view glob, Text text)
{
    const auto size = qsizetype(glob.size());
    qsizetype g = 0;          // next glob element
    qsizetype t = 0;          // next text position
    qsizetype afterStar = -1; // glob element after the last '*' seen
    qsizetype starEnd = 0;    // where the text that '*' took ends so far
    while (t < text.size()) {
        if (g < size && glob[g] == U'*') {
            afterStar = ++g;
            starEnd = t;
            continue;
        }
        qsizetype next = t;
        const char32_t c = readFolded(text, &next);
        if (g < size && (glob[g] == U'?' || glob[g] == c)) {
            ++g;
            t = next;
        } else if (afterStar >= 0) {
            readFolded(text, &starEnd); // the '*' takes one more character
            g = afterStar;
            t = starEnd;
        } else {
            return false;
        }
    }
    while (g < size && glob[g] == U'*')
        ++g;
    return g == size;
}

// The request target up to its query string.
QByteArrayView pathOf(const QByteArray &target)
{
    const qsizetype query = target.indexOf('?');
    return query < 0 ? QByteArrayView(target) : QByteArrayView(target).first(query);
}

bool isAscii(QByteArrayView bytes)
{
    return std::all_of(bytes.begin(), bytes.end(), [](char c) { return uchar(c) < 0x80; });
}

std::optional<RouteCondition::Field> fieldNamed(const QString &name)
{
    using Field = RouteCondition::Field;
    for (Field field : {Field::Task, Field::Status, Field::Path}) {
        if (name.compare(RouteCondition::fieldName(field), Qt::CaseInsensitive) == 0)
            return field;
    }
    return std::nullopt;
}

// Each parse step returns what is wrong, or an empty string.
QString parseTerm(const QString &term, RouteCondition *out)
{
    const qsizetype colon = term.indexOf(u':');
    if (colon < 0) {
        return tr("\"%1\" is not a condition; write task:GLOB, status:GLOB or path:GLOB").arg(term);
    }
    const QString name = term.first(colon);
    const std::optional<RouteCondition::Field> field = fieldNamed(name);
    if (!field)
        return tr("unknown condition field \"%1\"; use task:, status: or path:").arg(name);
    const QString glob = term.sliced(colon + 1);
    if (glob.isEmpty())
        return tr("\"%1\" has an empty pattern; use %1* to match any value").arg(term);
    *out = RouteCondition(*field, glob);
    return {};
}

QString parseCondition(const QString &condition, QList<RouteCondition> *out)
{
    const QStringList terms = condition.simplified().split(u' ', Qt::SkipEmptyParts);
    if (terms.isEmpty()) {
        return tr("the condition before \"=\" is empty; use task:GLOB, status:GLOB or "
                  "path:GLOB, or task:* for every capture");
    }
    for (const QString &term : terms) {
        RouteCondition condition;
        if (QString problem = parseTerm(term, &condition); !problem.isEmpty())
            return problem;
        out->append(condition);
    }
    return {};
}

QString parseTarget(const QString &text, QUrl *out)
{
    const QUrl url(text);
    switch (urlProblem(url)) {
    case UrlProblem::None:
        *out = url;
        return {};
    case UrlProblem::Unparsable:
        return tr("the URL \"%1\" does not parse: %2").arg(text, url.errorString());
    case UrlProblem::NoHost:
        return tr("the URL \"%1\" has no host; write it like http://localhost:3001/avatars")
            .arg(text);
    case UrlProblem::NotHttp:
        break;
    }
    return expectedRoute();
}

// Where the URL starts: at the first "=http://" or "=https://", since the URL may hold '='
// itself (a query string) and so may a path glob. -1 when there is none.
qsizetype urlSeparator(const QString &text)
{
    const qsizetype http = text.indexOf("=http://"_L1, 0, Qt::CaseInsensitive);
    const qsizetype https = text.indexOf("=https://"_L1, 0, Qt::CaseInsensitive);
    return http < 0 || https < 0 ? qMax(http, https) : qMin(http, https);
}

QString parseRoute(const QString &text, ForwardRoute *route)
{
    const qsizetype separator = urlSeparator(text);
    if (separator < 0)
        return expectedRoute();
    QString problem = parseCondition(text.first(separator), &route->conditions);
    if (problem.isEmpty())
        problem = parseTarget(text.sliced(separator + 1), &route->target);
    return problem;
}

} // namespace

RouteCondition::RouteCondition(Field field, const QString &glob)
    : field(field)
    , glob(glob)
{
    m_folded.reserve(size_t(glob.size()));
    for (qsizetype i = 0; i < glob.size();) {
        const char32_t c = readFolded(QStringView(glob), &i);
        // A run of '*' means what one does; one is less to backtrack over.
        if (c != U'*' || m_folded.empty() || m_folded.back() != U'*')
            m_folded.push_back(c);
    }
}

QString RouteCondition::fieldName(Field field)
{
    switch (field) {
    case Field::Task:
        return u"task"_s;
    case Field::Status:
        return u"status"_s;
    case Field::Path:
        return u"path"_s;
    }
    return {};
}

bool RouteCondition::matches(const Capture &c) const
{
    switch (field) {
    case Field::Task:
        return globMatches(m_folded, QStringView(c.hoox.taskText));
    case Field::Status:
        return globMatches(m_folded, QStringView(c.hoox.statusText));
    case Field::Path:
        break;
    }
    const QByteArrayView path = pathOf(c.target);
    if (isAscii(path))
        return globMatches(m_folded, path);
    // Raw UTF-8 in a target is rare; decoded, so that '?' stands for one character.
    return globMatches(m_folded, QStringView(QString::fromUtf8(path)));
}

bool RouteCondition::parseAll(const QString &text, QList<RouteCondition> *out, QString *error)
{
    QList<RouteCondition> parsed;
    const QString problem = parseCondition(text, &parsed);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    *out = std::move(parsed);
    return true;
}

bool RouteCondition::allMatch(const QList<RouteCondition> &conditions, const Capture &c)
{
    return std::all_of(conditions.cbegin(), conditions.cend(),
                       [&c](const RouteCondition &condition) { return condition.matches(c); });
}

bool ForwardRoute::matches(const Capture &c) const
{
    return RouteCondition::allMatch(conditions, c);
}

bool ForwardRoute::parse(const QString &text, ForwardRoute *out, QString *error)
{
    ForwardRoute route;
    route.text = text;
    const QString problem = parseRoute(text, &route);
    if (!problem.isEmpty()) {
        if (error)
            *error = tr("--route \"%1\": %2").arg(text, problem);
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
        *error = tr("--forward-to needs an http:// or https:// URL such as "
                    "http://localhost:3000/webhook; this one does not parse: %1")
                     .arg(url.errorString());
    } else {
        *error = tr("--forward-to needs an http:// or https:// URL such as "
                    "http://localhost:3000/webhook, not \"%1\"")
                     .arg(url.toString());
    }
    return false;
}
