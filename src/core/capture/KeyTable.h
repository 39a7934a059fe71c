// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>
#include <QStringView>

#include <vector>

// A set of strings numbered densely from 0 in insertion order, kept in one flat buffer. A
// million idempotency keys cost their characters and a hash slot each, not a million heap
// strings. Lookups are exact: the 64-bit hash only finds the candidate, the text decides.
class KeyTable {
public:
    static constexpr qint32 NotFound = -1;

    qint32 find(QStringView key) const;
    // The number of `key`, added when it is new.
    qint32 insert(QStringView key, bool *added = nullptr);
    QStringView at(qint32 index) const
    {
        const Span &s = m_spans[size_t(index)];
        return QStringView(m_chars.data() + s.offset, qsizetype(s.length));
    }
    qsizetype size() const { return qsizetype(m_spans.size()); }
    void clear();

private:
    struct Span {
        quint64 offset;
        quint32 length;
    };
    static quint64 hashOf(QStringView key);

    std::vector<char16_t> m_chars;
    std::vector<Span> m_spans;
    QHash<quint64, qint32> m_byHash;
    // Keys whose hash an earlier key already took: practically never used, but it keeps
    // lookups exact.
    QHash<QString, qint32> m_collided;
};
