// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

#include <vector>

// Writes compact JSON straight into a byte array, members in the order given. Exporting a
// million captures through QJsonObject spent most of its time building and sorting maps that
// were serialised once and thrown away.
class JsonText {
public:
    explicit JsonText(QByteArray *out)
        : m_out(out)
    {
    }

    JsonText &beginObject();
    JsonText &endObject();
    JsonText &beginArray();
    JsonText &endArray();
    // The next member's name; `name` is plain ASCII that needs no escaping.
    JsonText &key(const char *name);

    JsonText &string(QStringView text);
    // `utf8` must be valid UTF-8 (Interchange::isExactUtf8()).
    JsonText &utf8(const QByteArray &utf8);
    JsonText &latin1(const QByteArray &latin1) { return string(QString::fromLatin1(latin1)); }
    JsonText &number(qint64 value);
    JsonText &boolean(bool value);
    JsonText &null();
    // A string, or null when empty.
    JsonText &stringOrNull(const QString &text) { return text.isEmpty() ? null() : string(text); }

private:
    void separate();
    void quoted(const char *data, qsizetype size);
    void escaped(QByteArrayView bytes); // the inside of a string: quote, backslash, controls

    QByteArray *m_out;
    std::vector<bool> m_first; // per open object or array: nothing written in it yet
    bool m_afterKey = false;
};
