// SPDX-License-Identifier: MIT
#include "AccessToken.h"

#include "http/HttpRequest.h"

#include <utility>

AccessToken::AccessToken(QByteArray token, Place place)
    : m_token(std::move(token))
    , m_place(place)
{
}

bool AccessToken::isValid(QByteArrayView token)
{
    if (token.isEmpty())
        return false;
    for (const char c : token) {
        const bool alnum =
            (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!alnum && c != '-' && c != '.' && c != '_' && c != '~')
            return false;
    }
    return true;
}

bool AccessToken::admits(const HttpRequest &request) const
{
    if (!isEnabled())
        return true;
    const QList<QByteArray> sent = request.headers.values(headerName());
    if (sent.size() == 1 && matches(sent.first()))
        return true;
    if (m_place == Place::HeaderOnly)
        return false;
    QByteArrayView path(request.target);
    if (const qsizetype query = path.indexOf('?'); query >= 0)
        path = path.first(query);
    const qsizetype slash = path.lastIndexOf('/');
    return slash >= 0 && matches(path.sliced(slash + 1));
}

QByteArray AccessToken::refusalReason() const
{
    if (m_place == Place::HeaderOnly)
        return QByteArrayLiteral("missing or wrong X-HookScope-Token header");
    return QByteArrayLiteral("missing or wrong access token; end the URL path with /<token> or "
                             "send an X-HookScope-Token header");
}

// Compares in time independent of where the first difference lies, so that the answer's timing
// does not reveal how much of a guess was right.
bool AccessToken::matches(QByteArrayView candidate) const
{
    if (candidate.size() != m_token.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < candidate.size(); ++i)
        diff |= static_cast<unsigned char>(candidate[i] ^ m_token[i]);
    return diff == 0;
}
