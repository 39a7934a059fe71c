// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <string>

// A glob matched without regard to case against the whole value: `*` stands for any run of
// characters, the empty one included, and `?` for exactly one character; everything else stands
// for itself. A pattern marks a literal `*`, `?` or `\` with a backslash (the query language
// writes quoted text that way). Matching runs per capture, on the network thread for routes
// and over a million rows in the table: no regular expression, and no allocation but for raw
// UTF-8 that is not ASCII.
class Glob {
public:
    Glob() = default;
    explicit Glob(QStringView pattern);

    bool matches(QStringView text) const;
    // UTF-8 bytes (a request target, a header value).
    bool matches(QByteArrayView utf8) const;
    // Whether the pattern holds a wildcard: without one it is a caseless comparison.
    bool hasWildcards() const { return m_wildcards; }

    // `text` with `*`, `?` and `\` marked as literal, for building a pattern.
    static QString escaped(QStringView text);
    // The pattern with its marks removed: the text it stands for when it has no wildcards.
    static QString unescaped(QStringView pattern);

private:
    // The pattern case-folded, one element per code point; wildcards are values past Unicode.
    std::u32string m_folded;
    bool m_wildcards = false;
};
