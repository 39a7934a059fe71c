// SPDX-License-Identifier: MIT
#include "Glob.h"

#include <algorithm>

namespace {
constexpr char32_t AnyRun = 0x110000; // `*`
constexpr char32_t AnyOne = 0x110001; // `?`

// One code point of `text` at *i, case-folded; *i moves past it.
char32_t readFolded(QStringView text, qsizetype *i)
{
    char32_t c = text[(*i)++].unicode();
    if (QChar::isHighSurrogate(c) && *i < text.size() && text[*i].isLowSurrogate())
        c = QChar::surrogateToUcs4(char16_t(c), text[(*i)++].unicode());
    return QChar::toCaseFolded(c);
}

// The same over ASCII bytes.
char32_t readFolded(QByteArrayView ascii, qsizetype *i)
{
    const auto c = uchar(ascii[(*i)++]);
    return c >= 'A' && c <= 'Z' ? char32_t(c + 32) : char32_t(c);
}

// Iterative, backtracking only to the last '*' (an earlier one never needs to take more): at
// worst the text's length times the glob's steps, and no recursion however the glob is written.
template <typename Text> bool globMatches(std::u32string_view glob, Text text)
{
    const auto size = qsizetype(glob.size());
    qsizetype g = 0;          // next glob element
    qsizetype t = 0;          // next text position
    qsizetype afterStar = -1; // glob element after the last '*' seen
    qsizetype starEnd = 0;    // where the text that '*' took ends so far
    while (t < text.size()) {
        if (g < size && glob[g] == AnyRun) {
            afterStar = ++g;
            starEnd = t;
            continue;
        }
        qsizetype next = t;
        const char32_t c = readFolded(text, &next);
        if (g < size && (glob[g] == AnyOne || glob[g] == c)) {
            ++g;
            t = next;
        } else if (afterStar >= 0) {
            readFolded(text, &starEnd); // the '*' takes one more character
            g = afterStar;
            t = starEnd;
        } else {
            return false;
        }
    }
    while (g < size && glob[g] == AnyRun)
        ++g;
    return g == size;
}

bool isAscii(QByteArrayView bytes)
{
    return std::all_of(bytes.begin(), bytes.end(), [](char c) { return uchar(c) < 0x80; });
}
} // namespace

Glob::Glob(QStringView pattern)
{
    m_folded.reserve(size_t(pattern.size()));
    for (qsizetype i = 0; i < pattern.size();) {
        const QChar ch = pattern[i];
        char32_t c = 0;
        if (ch == u'\\' && i + 1 < pattern.size()) {
            ++i;
            c = readFolded(pattern, &i);
        } else if (ch == u'*' || ch == u'?') {
            ++i;
            c = ch == u'*' ? AnyRun : AnyOne;
            m_wildcards = true;
        } else {
            c = readFolded(pattern, &i);
        }
        // A run of '*' means what one does; one is less to backtrack over.
        if (c != AnyRun || m_folded.empty() || m_folded.back() != AnyRun)
            m_folded.push_back(c);
    }
}

bool Glob::matches(QStringView text) const
{
    return globMatches(m_folded, text);
}

bool Glob::matches(QByteArrayView utf8) const
{
    if (isAscii(utf8))
        return globMatches(m_folded, utf8);
    // Raw UTF-8 is rare in these values; decoded, so that '?' stands for one character.
    return globMatches(m_folded, QStringView(QString::fromUtf8(utf8)));
}

QString Glob::escaped(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        if (c == u'*' || c == u'?' || c == u'\\')
            out += u'\\';
        out += c;
    }
    return out;
}

QString Glob::unescaped(QStringView pattern)
{
    QString out;
    out.reserve(pattern.size());
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == u'\\' && i + 1 < pattern.size())
            ++i;
        out += pattern[i];
    }
    return out;
}
