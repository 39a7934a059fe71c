// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>

struct HttpRequest;

// The optional shared secret a delivery must carry once HookScope is exposed through a tunnel:
// as the last segment of the request path (`/webhook/hoox/<token>`, for senders such as Hoox
// that only take a URL) or in the X-HookScope-Token header. An empty token admits everyone.
class AccessToken {
public:
    enum class Place {
        PathOrHeader,
        HeaderOnly, // keeps the secret out of URLs, and so out of proxy and tunnel logs
    };

    AccessToken() = default;
    AccessToken(QByteArray token, Place place);

    // Tokens go into URLs and headers as they are: RFC 3986 unreserved characters only.
    static bool isValid(QByteArrayView token);
    static QByteArrayView headerName() { return "X-HookScope-Token"; }

    bool isEnabled() const { return !m_token.isEmpty(); }
    bool admits(const HttpRequest &request) const;
    // The one-line reason sent with the 401.
    QByteArray refusalReason() const;

private:
    bool matches(QByteArrayView candidate) const;

    QByteArray m_token;
    Place m_place = Place::PathOrHeader;
};
