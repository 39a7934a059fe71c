// SPDX-License-Identifier: MIT
#include "TextMatcher.h"

#include <algorithm>
#include <iterator>

namespace {
constexpr uchar fold(uchar c)
{
    return c >= 'A' && c <= 'Z' ? uchar(c + 32) : c;
}
} // namespace

TextMatcher::TextMatcher(const QString &text, bool regex)
    : m_text(text)
    , m_useRegex(regex)
{
    if (regex) {
        m_regex.setPattern(text);
        m_regex.setPatternOptions(QRegularExpression::UseUnicodePropertiesOption |
                                  QRegularExpression::CaseInsensitiveOption);
        if (!m_regex.isValid())
            m_error = m_regex.errorString();
        return;
    }
    for (QChar ch : text)
        m_ascii = m_ascii && ch.unicode() < 0x80;
    if (!m_ascii)
        return;
    m_folded = text.toLower().toLatin1();
    // Horspool's shift table, with both cases of each needle byte.
    const qsizetype n = m_folded.size();
    const auto longest = quint8(qMin<qsizetype>(n, 255));
    std::fill(std::begin(m_skip), std::end(m_skip), longest == 0 ? 1 : longest);
    for (qsizetype j = qMax<qsizetype>(0, n - 256); j + 1 < n; ++j) {
        const auto c = uchar(m_folded[j]);
        const auto shift = quint8(n - 1 - j);
        m_skip[c] = shift;
        if (c >= 'a' && c <= 'z')
            m_skip[c - 32] = shift;
    }
}

// ASCII case-insensitive search in bytes, skipping ahead Horspool's way: a UTF-8 body needs
// no decoding to find an ASCII needle, and most of its bytes are never looked at.
bool TextMatcher::containsCaseless(QByteArrayView hay) const
{
    const qsizetype n = m_folded.size();
    if (n == 0)
        return true;
    const auto *h = reinterpret_cast<const uchar *>(hay.data());
    const auto *needle = reinterpret_cast<const uchar *>(m_folded.constData());
    const uchar last = needle[n - 1];
    for (qsizetype i = 0; i + n <= hay.size(); i += m_skip[h[i + n - 1]]) {
        if (fold(h[i + n - 1]) != last)
            continue;
        qsizetype j = n - 2;
        while (j >= 0 && fold(h[i + j]) == needle[j])
            --j;
        if (j < 0)
            return true;
    }
    return false;
}

bool TextMatcher::matches(const Capture &c) const
{
    return matches(c.hoox.key.toUtf8(), c.target, c.body);
}

bool TextMatcher::matches(QByteArrayView key, QByteArrayView target, QByteArrayView body) const
{
    if (m_useRegex) {
        return m_regex.match(QString::fromUtf8(key)).hasMatch() ||
               m_regex.match(QString::fromUtf8(target)).hasMatch() ||
               m_regex.match(QString::fromUtf8(body)).hasMatch();
    }
    if (!m_ascii) {
        return QString::fromUtf8(key).contains(m_text, Qt::CaseInsensitive) ||
               QString::fromUtf8(target).contains(m_text, Qt::CaseInsensitive) ||
               QString::fromUtf8(body).contains(m_text, Qt::CaseInsensitive);
    }
    return containsCaseless(key) || containsCaseless(target) || containsCaseless(body);
}
