// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Capture.h"

#include <QRegularExpression>
#include <QString>

// Free-text matching over a capture's key, target and body. Plain text and regular
// expressions are matched without regard to case. Immutable, so it can be shared with
// a search thread.
class TextMatcher {
public:
    TextMatcher(const QString &text, bool regex);
    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    bool matches(const Capture &c) const;
    // The same on the raw fields, as the journal holds them (the key in UTF-8).
    bool matches(QByteArrayView key, QByteArrayView target, QByteArrayView body) const;

private:
    bool containsCaseless(QByteArrayView hay) const;

    QString m_text;
    QByteArray m_folded; // an ASCII needle, lower case
    quint8 m_skip[256] = {};
    bool m_ascii = true;
    QRegularExpression m_regex;
    bool m_useRegex = false;
    QString m_error;
};
