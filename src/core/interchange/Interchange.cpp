// SPDX-License-Identifier: MIT
#include "Interchange.h"

#include "capture/Capture.h"
#include "capture/CaptureFormat.h"
#include "interchange/JsonText.h"

#include <QJsonValue>
#include <QUrl>

#include <string_view>

namespace {
bool isTchar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

// A header value as text when it is UTF-8, else its Latin-1 reading (what browsers show)
// followed by the exact bytes in base64.
QJsonArray headerPair(const HttpHeader &h)
{
    QJsonArray pair{QString::fromLatin1(h.name)};
    if (Interchange::isExactUtf8(h.value)) {
        pair.append(QString::fromUtf8(h.value));
    } else {
        pair.append(QString::fromLatin1(h.value));
        pair.append(QString::fromLatin1(h.value.toBase64()));
    }
    return pair;
}

bool fail(QString *error, const QString &message)
{
    *error = message;
    return false;
}
} // namespace

bool Interchange::isExactUtf8(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes).toUtf8() == bytes;
}

QByteArray Interchange::requestUrl(const Capture &c)
{
    const auto valid = [](const QByteArray &url) { return QUrl(QString::fromUtf8(url)).isValid(); };
    const bool absolute = !c.target.startsWith('/') && c.target.contains("://");
    if (absolute && valid(c.target))
        return c.target;
    const QByteArray path = c.target.startsWith('/') ? c.target : '/' + c.target;
    const QByteArray host = c.headers.value("Host");
    const QByteArray url =
        "http://" + (host.isEmpty() ? QByteArrayLiteral("localhost") : host) + path;
    if (!absolute && valid(url))
        return url;
    // A Host that is no authority, or a target that is no URL (a listener refuses both; an
    // import may carry them): the URL names localhost, and the header and the raw target keep
    // what was sent.
    const QByteArray local = "http://localhost" + path;
    return valid(local) ? local : QByteArrayLiteral("http://localhost/");
}

QString Interchange::httpVersion(quint8 minor)
{
    return minor == 0 ? QStringLiteral("HTTP/1.0") : QStringLiteral("HTTP/1.1");
}

quint8 Interchange::httpMinor(const QString &version)
{
    return version.compare(QLatin1String("HTTP/1.0"), Qt::CaseInsensitive) == 0 ? 0 : 1;
}

bool Interchange::isToken(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    for (char c : s) {
        if (!isTchar(c))
            return false;
    }
    return true;
}

bool Interchange::isFieldValue(QByteArrayView s)
{
    for (char c : s) {
        const auto u = uchar(c);
        if ((u < 0x20 && u != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

bool Interchange::isTarget(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    for (char c : s) {
        const auto u = uchar(c);
        if (u <= 0x20 || u == 0x7f)
            return false;
    }
    return true;
}

QJsonArray Interchange::headerPairs(const HttpHeaders &headers)
{
    QJsonArray out;
    for (const HttpHeader &h : headers)
        out.append(headerPair(h));
    return out;
}

void Interchange::writeHeaderPairs(JsonText &j, const HttpHeaders &headers)
{
    j.beginArray();
    for (const HttpHeader &h : headers) {
        j.beginArray().latin1(h.name);
        if (isExactUtf8(h.value))
            j.utf8(h.value);
        else
            j.latin1(h.value).latin1(h.value.toBase64());
        j.endArray();
    }
    j.endArray();
}

bool Interchange::readHeaderPairs(const QJsonValue &pairs, const QString &what, HttpHeaders *out,
                                  QString *error)
{
    if (pairs.isUndefined() || pairs.isNull())
        return true;
    if (!pairs.isArray())
        return fail(error, what + QStringLiteral(" is not an array of [name, value] pairs"));
    const QJsonArray list = pairs.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonArray pair = list.at(i).toArray();
        const QString where = what + u'[' + QString::number(i) + u']';
        if (pair.size() < 2 || !pair.at(0).isString() || !pair.at(1).isString())
            return fail(error, where + QStringLiteral(" is not a [name, value] pair of strings"));
        const QByteArray name = pair.at(0).toString().toLatin1();
        QByteArray value = pair.at(1).toString().toUtf8();
        if (pair.size() > 2) {
            const auto raw = QByteArray::fromBase64Encoding(
                pair.at(2).toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            if (raw.decodingStatus != QByteArray::Base64DecodingStatus::Ok)
                return fail(error, where + QStringLiteral(": the third element is not base64"));
            value = raw.decoded;
        }
        if (!isToken(name))
            return fail(
                error,
                where + QStringLiteral(": \"%1\" is not a header name").arg(pair.at(0).toString()));
        if (!isFieldValue(value))
            return fail(error, where + QStringLiteral(": the value holds control characters"));
        out->append(name, value);
    }
    return true;
}

void Interchange::writeMarks(JsonText &j, const Capture &c)
{
    j.key("late_answer_ms");
    c.lateAnswerMs == 0 ? j.null() : j.number(c.lateAnswerMs);
    j.key("recovered_from");
    c.recovered ? j.string(c.source) : j.null();
    j.key("gave_up").boolean(CaptureFormat::gaveUp(c));
}
