// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>

// The syntax rules of RFC 9110, 9112 and 3986 that a request's parts must follow. Each check
// returns null when the part is well-formed, else a one-line reason for the 400. Pure and
// allocation-free: they run on every request the listener reads.
class HttpGrammar {
public:
    // RFC 9110 tchar and token: what a method, a header name or a chunk extension name holds.
    static bool isTchar(unsigned char c);
    static bool isToken(QByteArrayView s);

    // RFC 9112 3.2: origin form (/path?query), absolute form (scheme:…) or, for OPTIONS only,
    // the asterisk form; every byte from the RFC 3986 set (no '#': a fragment is never sent)
    // and each '%' followed by two hex digits. CONNECT and its authority form are the caller's.
    static const char *targetProblem(QByteArrayView method, QByteArrayView target);
    // RFC 9112 3.2 and RFC 3986 3.2: host[:port], no userinfo, no path, a single host. An empty
    // value is allowed (RFC 9110 7.2: a target without an authority).
    static const char *hostProblem(QByteArrayView host);
    // RFC 9112 7.1.1: what follows the chunk size, *( BWS ";" BWS name [ BWS "=" BWS value ] )
    // with a token as name and a token or a quoted-string as value.
    static const char *chunkExtensionProblem(QByteArrayView extensions);
};
