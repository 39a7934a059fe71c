// SPDX-License-Identifier: MIT
#include "HttpGrammar.h"

#include <array>

namespace {

enum CharClass : unsigned char {
    Tchar = 1,       // RFC 9110 token
    TargetByte = 2,  // RFC 3986 unreserved, gen-delims but '#', sub-delims and '%'
    HostByte = 4,    // RFC 3986 reg-name: unreserved, sub-delims but ',' and '%'
    Hex = 8,         // HEXDIG
    SchemeByte = 16, // ALPHA DIGIT "+" "-" "." after a scheme's first letter
    Ip6Byte = 32,    // what an IP-literal holds: HEXDIG ":" "." and IPvFuture's unreserved
};

constexpr bool isAlpha(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

constexpr bool isDigit(int c)
{
    return c >= '0' && c <= '9';
}

constexpr bool oneOf(int c, const char *set)
{
    for (; *set; ++set) {
        if (*set == c)
            return true;
    }
    return false;
}

constexpr unsigned char classify(int c)
{
    const bool unreserved = isAlpha(c) || isDigit(c) || oneOf(c, "-._~");
    const bool subDelim = oneOf(c, "!$&'()*+,;=");
    unsigned char m = 0;
    m |= isAlpha(c) || isDigit(c) || oneOf(c, "!#$%&'*+-.^_`|~") ? Tchar : 0;
    m |= unreserved || subDelim || oneOf(c, ":/?[]@%") ? TargetByte : 0;
    m |= (unreserved || subDelim || c == '%') && c != ',' ? HostByte : 0;
    m |= isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') ? Hex : 0;
    m |= isAlpha(c) || isDigit(c) || oneOf(c, "+-.") ? SchemeByte : 0;
    m |= unreserved || subDelim || c == ':' ? Ip6Byte : 0;
    return m;
}

constexpr std::array<unsigned char, 256> kClasses = [] {
    std::array<unsigned char, 256> t{};
    for (int c = 0; c < 256; ++c)
        t[size_t(c)] = classify(c);
    return t;
}();

bool is(char c, CharClass cls)
{
    return (kClasses[static_cast<unsigned char>(c)] & cls) != 0;
}

// Every byte in `cls`, and each '%' followed by two hex digits.
const char *encodingProblem(QByteArrayView s, CharClass cls, const char *badByte)
{
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (!is(s[i], cls))
            return badByte;
        if (s[i] == '%' && (i + 2 >= n || !is(s[i + 1], Hex) || !is(s[i + 2], Hex)))
            return "malformed percent-encoding; '%' must be followed by two hex digits";
    }
    return nullptr;
}

constexpr const char *kTargetByte =
    "request target holds a byte outside RFC 3986 (non-ASCII, a control byte, '\\', '#', a "
    "quote, '<', '>', '{', '}', '|', '^' or '`'); percent-encode it";

// scheme ":" …, where scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) (RFC 3986 3.1). An
// http(s) URI must not carry userinfo (RFC 9110 4.2.4).
const char *absoluteFormProblem(QByteArrayView target)
{
    const qsizetype colon = target.indexOf(':');
    if (colon < 1 || !isAlpha(target[0]))
        return "request target is neither an origin form (/path), an absolute URI nor *";
    for (char c : target.first(colon)) {
        if (!is(c, SchemeByte))
            return "request target is neither an origin form (/path), an absolute URI nor *";
    }
    QByteArrayView rest = target.sliced(colon + 1);
    if (!rest.startsWith("//"))
        return nullptr;
    rest = rest.sliced(2);
    qsizetype end = 0;
    while (end < rest.size() && rest[end] != '/' && rest[end] != '?')
        ++end;
    if (rest.first(end).contains('@'))
        return "request target holds userinfo (user@host); send the URI without it";
    return nullptr;
}

// port = 1*5DIGIT, at most 65535.
bool isPort(QByteArrayView s)
{
    if (s.isEmpty() || s.size() > 5)
        return false;
    int n = 0;
    for (char c : s) {
        if (!isDigit(c))
            return false;
        n = n * 10 + (c - '0');
    }
    return n <= 65535;
}

// "[" ( IPv6address / IPvFuture ) "]", checked loosely: its bytes, and a ':' or a 'v' prefix.
bool isIpLiteral(QByteArrayView inner)
{
    if (inner.isEmpty())
        return false;
    for (char c : inner) {
        if (!is(c, Ip6Byte))
            return false;
    }
    return inner.contains(':') || inner[0] == 'v' || inner[0] == 'V';
}

// A byte that shows what the sender meant, for a reason more useful than "not host[:port]".
const char *hostByteProblem(char c)
{
    switch (c) {
    case '@':
        return "Host holds userinfo (user@host); send host[:port] only";
    case '/':
    case '?':
    case '#':
    case '\\':
        return "Host holds a path; send host[:port] only";
    case ',':
        return "Host holds a list of hosts; send one host[:port]";
    default:
        return "Host is not host[:port]";
    }
}

const char *portProblem(QByteArrayView afterHost)
{
    if (afterHost.isEmpty())
        return nullptr;
    if (afterHost[0] != ':')
        return "Host is not host[:port]";
    if (!isPort(afterHost.sliced(1)))
        return "Host has an empty or non-numeric port, or one above 65535";
    return nullptr;
}

qsizetype skipBws(QByteArrayView s, qsizetype i)
{
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t'))
        ++i;
    return i;
}

qsizetype skipToken(QByteArrayView s, qsizetype i)
{
    while (i < s.size() && is(s[i], Tchar))
        ++i;
    return i;
}

// quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE; returns the index past it, or -1.
qsizetype skipQuotedString(QByteArrayView s, qsizetype i)
{
    for (++i; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '"')
            return i + 1;
        if (c == '\\') {
            ++i;
            if (i == s.size())
                return -1;
            const auto q = static_cast<unsigned char>(s[i]);
            if (q != '\t' && (q < 0x20 || q == 0x7f))
                return -1;
        } else if (c != '\t' && (c < 0x20 || c == 0x7f)) {
            return -1;
        }
    }
    return -1;
}

// One BWS "=" BWS value after a name; returns the index past it, or -1.
qsizetype skipExtensionValue(QByteArrayView s, qsizetype i)
{
    i = skipBws(s, i + 1);
    if (i < s.size() && s[i] == '"')
        return skipQuotedString(s, i);
    const qsizetype end = skipToken(s, i);
    return end > i ? end : -1;
}

} // namespace

bool HttpGrammar::isTchar(unsigned char c)
{
    return (kClasses[c] & Tchar) != 0;
}

bool HttpGrammar::isToken(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    for (char c : s) {
        if (!is(c, Tchar))
            return false;
    }
    return true;
}

const char *HttpGrammar::targetProblem(QByteArrayView method, QByteArrayView target)
{
    if (target == "*")
        return method == "OPTIONS" ? nullptr
                                   : "the asterisk form * is only for OPTIONS (RFC 9112 3.2.4)";
    if (const char *p = encodingProblem(target, TargetByte, kTargetByte))
        return p;
    if (target[0] == '/')
        return nullptr;
    return absoluteFormProblem(target);
}

const char *HttpGrammar::hostProblem(QByteArrayView host)
{
    if (host.isEmpty())
        return nullptr;
    if (host[0] == '[') {
        const qsizetype close = host.indexOf(']');
        if (close < 0 || !isIpLiteral(host.sliced(1, close - 1)))
            return "Host holds a malformed IP literal; send [IPv6]:port";
        return portProblem(host.sliced(close + 1));
    }
    qsizetype end = 0;
    while (end < host.size() && host[end] != ':') {
        if (!is(host[end], HostByte))
            return hostByteProblem(host[end]);
        ++end;
    }
    if (end == 0)
        return "Host has a port but no host";
    if (const char *p = encodingProblem(host.first(end), HostByte, "Host is not host[:port]"))
        return p;
    return portProblem(host.sliced(end));
}

const char *HttpGrammar::chunkExtensionProblem(QByteArrayView s)
{
    qsizetype i = 0;
    bool first = true;
    while (i < s.size()) {
        i = skipBws(s, i); // BWS only before a ';' or a '=': none at the end
        if (i == s.size() || s[i] != ';')
            return first ? "chunk size is not plain hexadecimal"
                         : "chunk extension does not follow ;name[=value]";
        first = false;
        i = skipBws(s, i + 1);
        const qsizetype nameEnd = skipToken(s, i);
        if (nameEnd == i)
            return "chunk extension without a name, or a name that is not a token";
        i = nameEnd;
        const qsizetype equals = skipBws(s, i);
        if (equals < s.size() && s[equals] == '=') {
            i = skipExtensionValue(s, equals);
            if (i < 0)
                return "chunk extension value is neither a token nor a quoted string";
        }
    }
    return nullptr;
}
