// SPDX-License-Identifier: MIT
#include "HttpHeaders.h"

namespace {
bool sameName(const QByteArray &a, QByteArrayView b)
{
    return a.size() == b.size() && a.compare(b, Qt::CaseInsensitive) == 0;
}
} // namespace

void HttpHeaders::append(QByteArray name, QByteArray value)
{
    m_fields.append(HttpHeader{std::move(name), std::move(value)});
}

QByteArray HttpHeaders::value(QByteArrayView name) const
{
    for (const HttpHeader &h : m_fields) {
        if (sameName(h.name, name))
            return h.value;
    }
    return {};
}

QList<QByteArray> HttpHeaders::values(QByteArrayView name) const
{
    QList<QByteArray> out;
    for (const HttpHeader &h : m_fields) {
        if (sameName(h.name, name))
            out.append(h.value);
    }
    return out;
}

int HttpHeaders::count(QByteArrayView name) const
{
    int n = 0;
    for (const HttpHeader &h : m_fields)
        n += sameName(h.name, name) ? 1 : 0;
    return n;
}
