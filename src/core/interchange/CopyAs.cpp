// SPDX-License-Identifier: MIT
#include "CopyAs.h"

#include "interchange/Interchange.h"

namespace {
const QString kContinue = QStringLiteral(" \\\n  ");

bool isSkipped(QByteArrayView name)
{
    for (const char *skip : {"Host", "Content-Length", "Connection", "Keep-Alive",
                             "Proxy-Connection", "Transfer-Encoding", "TE", "Trailer", "Upgrade"}) {
        if (name.compare(QByteArrayView(skip), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// The fields a client should send: those of the capture but the ones it computes itself.
HttpHeaders sentHeaders(const Capture &c, bool withExpect)
{
    HttpHeaders out;
    for (const HttpHeader &h : c.headers) {
        if (!isSkipped(h.name) && (withExpect || h.name.compare("Expect", Qt::CaseInsensitive)))
            out.append(h.name, h.value);
    }
    return out;
}

// Whether the capture carried a body, even an empty one ("Content-Length: 0").
bool hasBody(const Capture &c)
{
    return !c.body.isEmpty() || c.chunked || c.headers.contains("Content-Length");
}

// Text that survives a single-quoted shell argument as typed into a terminal.
bool isPlainText(const QByteArray &body)
{
    for (char ch : body) {
        const auto u = uchar(ch);
        if ((u < 0x20 && u != '\n' && u != '\t') || u == 0x7f)
            return false;
    }
    return Interchange::isExactUtf8(body);
}

QString urlFor(const Capture &c, const QString &url)
{
    return url.isEmpty() ? QString::fromUtf8(Interchange::requestUrl(c)) : url;
}

QString curlHeaderArgs(const Capture &c, bool body)
{
    QString out;
    for (const HttpHeader &h : sentHeaders(c, true)) {
        // "Name:" would tell curl to drop the field; "Name;" sends it empty.
        const QByteArray arg =
            h.value.isEmpty() ? QByteArray(h.name + ';') : QByteArray(h.name + ": " + h.value);
        out += kContinue + QStringLiteral("-H ") + CopyAs::shellQuote(arg);
    }
    QList<QByteArray> defaults{"User-Agent", "Accept"};
    if (body)
        defaults += {"Content-Type", "Expect"};
    for (const QByteArray &name : defaults) {
        if (!c.headers.contains(name))
            out += kContinue + QStringLiteral("-H ") + CopyAs::shellQuote(QByteArray(name + ':'));
    }
    return out;
}

QString pyString(const QString &s)
{
    QString out = QStringLiteral("'");
    for (QChar ch : s) {
        if (ch == u'\\' || ch == u'\'')
            out += u'\\' + QString(ch);
        else if (ch.unicode() < 0x20 || ch.unicode() == 0x7f)
            out += QStringLiteral("\\x%1").arg(uint(ch.unicode()), 2, 16, QChar(u'0'));
        else
            out += ch;
    }
    return out + u'\'';
}

QString pyHeaders(const Capture &c)
{
    QList<QByteArray> names;
    for (const HttpHeader &h : sentHeaders(c, false)) {
        if (!names.contains(h.name.toLower()))
            names.append(h.name.toLower());
    }
    QString out;
    for (const HttpHeader &h : sentHeaders(c, false)) {
        if (!names.removeOne(h.name.toLower()))
            continue; // already written, joined with the first of its name
        const QByteArray value = c.headers.values(h.name).join(", ");
        out += QStringLiteral("        ") + pyString(QString::fromLatin1(h.name)) +
               QStringLiteral(": ") +
               (Interchange::isExactUtf8(value) ? pyString(QString::fromUtf8(value))
                                                : CopyAs::pythonBytes(value)) +
               QStringLiteral(",\n");
    }
    return out;
}
} // namespace

QString CopyAs::shellQuote(QByteArrayView s)
{
    QString out = QStringLiteral("'");
    out += QString::fromUtf8(s).replace(u'\'', QStringLiteral("'\\''"));
    return out + u'\'';
}

QString CopyAs::printfFormat(QByteArrayView bytes)
{
    QString out;
    out.reserve(bytes.size() * 2);
    for (char ch : bytes) {
        const auto u = uchar(ch);
        if (u == '%')
            out += QStringLiteral("%%");
        else if (u >= 0x20 && u < 0x7f && u != '\\' && u != '\'')
            out += QLatin1Char(ch);
        else // three digits always, so that a digit after the escape is not read into it
            out += QStringLiteral("\\%1").arg(uint(u), 3, 8, QChar(u'0'));
    }
    return out;
}

QString CopyAs::jsString(const QString &s)
{
    QString out = QStringLiteral("'");
    for (QChar ch : s) {
        if (ch == u'\\' || ch == u'\'')
            out += u'\\' + QString(ch);
        else if (ch.unicode() < 0x20 || ch.unicode() == 0x7f)
            out += QStringLiteral("\\x%1").arg(uint(ch.unicode()), 2, 16, QChar(u'0'));
        else if (ch.unicode() == 0x2028 || ch.unicode() == 0x2029)
            out += QStringLiteral("\\u%1").arg(uint(ch.unicode()), 4, 16, QChar(u'0'));
        else
            out += ch;
    }
    return out + u'\'';
}

QString CopyAs::pythonBytes(QByteArrayView bytes)
{
    QString out = QStringLiteral("b'");
    for (char ch : bytes) {
        const auto u = uchar(ch);
        if (ch == '\\' || ch == '\'')
            out += u'\\' + QLatin1Char(ch);
        else if (u >= 0x20 && u < 0x7f)
            out += QLatin1Char(ch);
        else
            out += QStringLiteral("\\x%1").arg(uint(u), 2, 16, QChar(u'0'));
    }
    return out + u'\'';
}

QString CopyAs::curl(const Capture &c, const QString &url)
{
    const bool body = hasBody(c);
    const bool plain = isPlainText(c.body);
    QString cmd;
    if (body && !plain)
        cmd = QStringLiteral("printf ") + shellQuote(printfFormat(c.body).toLatin1()) +
              QStringLiteral(" | ");
    cmd += QStringLiteral("curl ") +
           (c.httpMinor == 0 ? QStringLiteral("--http1.0") : QStringLiteral("--http1.1"));
    // -X HEAD would leave curl waiting for a body that never comes; --head knows.
    cmd += c.method == "HEAD" ? QStringLiteral(" --head")
                              : QStringLiteral(" -X ") + shellQuote(c.method);
    cmd += u' ' + shellQuote(urlFor(c, url).toUtf8()) + curlHeaderArgs(c, body);
    if (body)
        cmd += kContinue + (plain ? QStringLiteral("--data-raw ") + shellQuote(c.body)
                                  : QStringLiteral("--data-binary @-"));
    return cmd;
}

QString CopyAs::nodeFetch(const Capture &c, const QString &url)
{
    QString out = QStringLiteral("fetch(") + jsString(urlFor(c, url)) +
                  QStringLiteral(", {\n    method: ") + jsString(QString::fromLatin1(c.method)) +
                  QStringLiteral(",\n    headers: [\n");
    for (const HttpHeader &h : sentHeaders(c, false)) {
        const QString value = Interchange::isExactUtf8(h.value) ? QString::fromUtf8(h.value)
                                                                : QString::fromLatin1(h.value);
        out += QStringLiteral("        [") + jsString(QString::fromLatin1(h.name)) +
               QStringLiteral(", ") + jsString(value) + QStringLiteral("],\n");
    }
    out += QStringLiteral("    ],\n");
    // fetch refuses a body on GET and HEAD.
    if (hasBody(c) && c.method != "GET" && c.method != "HEAD") {
        out += QStringLiteral("    body: ") +
               (Interchange::isExactUtf8(c.body)
                    ? jsString(QString::fromUtf8(c.body))
                    : QStringLiteral("Buffer.from('") + QString::fromLatin1(c.body.toBase64()) +
                          QStringLiteral("', 'base64')")) +
               QStringLiteral(",\n");
    }
    return out + QStringLiteral("}).then(async (r) => console.log(r.status, await r.text()));\n");
}

QString CopyAs::pythonRequests(const Capture &c, const QString &url)
{
    QString out = QStringLiteral("import requests\n\nresponse = requests.request(\n    ") +
                  pyString(QString::fromLatin1(c.method)) + QStringLiteral(",\n    ") +
                  pyString(urlFor(c, url)) + QStringLiteral(",\n    headers={\n") + pyHeaders(c) +
                  QStringLiteral("    },\n");
    if (hasBody(c))
        out += QStringLiteral("    data=") + pythonBytes(c.body) + QStringLiteral(",\n");
    return out + QStringLiteral(")\nprint(response.status_code, response.text)\n");
}
