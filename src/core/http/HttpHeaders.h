// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

struct HttpHeader {
    QByteArray name; // original case, as received
    QByteArray value;
    friend bool operator==(const HttpHeader &, const HttpHeader &) = default;
};

// Header fields in arrival order; names keep their case, lookups ignore it.
class HttpHeaders {
public:
    void append(QByteArray name, QByteArray value);
    // The first value of `name`, or a null QByteArray when absent.
    QByteArray value(QByteArrayView name) const;
    QList<QByteArray> values(QByteArrayView name) const;
    int count(QByteArrayView name) const;
    bool contains(QByteArrayView name) const { return count(name) > 0; }

    qsizetype size() const { return m_fields.size(); }
    bool isEmpty() const { return m_fields.isEmpty(); }
    const HttpHeader &at(qsizetype i) const { return m_fields.at(i); }
    QList<HttpHeader>::const_iterator begin() const { return m_fields.cbegin(); }
    QList<HttpHeader>::const_iterator end() const { return m_fields.cend(); }
    void reserve(qsizetype n) { m_fields.reserve(n); }
    void clear() { m_fields.clear(); }

    friend bool operator==(const HttpHeaders &, const HttpHeaders &) = default;

private:
    QList<HttpHeader> m_fields;
};
