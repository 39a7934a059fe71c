// SPDX-License-Identifier: MIT
#include "BodyLookup.h"

#include <charconv>

namespace {
// A scan over JSON text that never reads past its end and never recurses deeper than the path:
// skipping a value counts brackets instead of descending, so any nesting is safe.
class Scanner {
public:
    Scanner(QByteArrayView json, const QStringList &path, QList<QByteArrayView> *out)
        : m_end(json.data() + json.size())
        , m_path(path)
        , m_out(out)
    {
    }

    // Walks the value at `p` for path[depth…]; returns where it ends (m_end when malformed).
    const char *descend(const char *p, qsizetype depth)
    {
        p = skipSpace(p);
        if (p >= m_end)
            return m_end;
        if (depth == m_path.size()) {
            const char *end = skipValue(p);
            m_out->append(QByteArrayView(p, end - p));
            return end;
        }
        if (*p == '{')
            return members(p + 1, depth);
        if (*p == '[')
            return elements(p + 1, depth);
        return skipValue(p);
    }

private:
    const char *members(const char *p, qsizetype depth)
    {
        for (;;) {
            p = skipSpace(p);
            if (p < m_end && *p == '}')
                return p + 1;
            if (p >= m_end || *p != '"')
                return m_end;
            const char *keyEnd = skipString(p);
            const QByteArrayView key(p + 1, qMax<qsizetype>(0, keyEnd - p - 2));
            p = skipSpace(keyEnd);
            if (p >= m_end || *p != ':')
                return m_end;
            p = keyMatches(key, m_path.at(depth)) ? descend(p + 1, depth + 1)
                                                  : skipValue(skipSpace(p + 1));
            if (!(p = separator(p, '}')))
                return m_end;
            if (p[-1] == '}')
                return p;
        }
    }

    const char *elements(const char *p, qsizetype depth)
    {
        bool isIndex = false;
        const qsizetype wanted = m_path.at(depth).toLongLong(&isIndex);
        isIndex = isIndex && wanted >= 0 && !m_path.at(depth).startsWith(u'+');
        for (qsizetype i = 0;; ++i) {
            p = skipSpace(p);
            if (p < m_end && *p == ']')
                return p + 1;
            p = isIndex && i == wanted ? descend(p, depth + 1) : skipValue(p);
            if (!(p = separator(p, ']')))
                return m_end;
            if (p[-1] == ']')
                return p;
        }
    }

    // Past the ',' or the closing bracket after a member; null when neither follows.
    const char *separator(const char *p, char close) const
    {
        p = skipSpace(p);
        if (p >= m_end || (*p != ',' && *p != close))
            return nullptr;
        return p + 1;
    }

    static bool keyMatches(QByteArrayView raw, const QString &segment)
    {
        bool plain = true;
        for (char c : raw)
            plain = plain && uchar(c) < 0x80 && c != '\\';
        if (plain)
            return QLatin1StringView(raw) == segment;
        return BodyLookup::text(QByteArrayView(raw.data() - 1, raw.size() + 2)) == segment;
    }

    const char *skipSpace(const char *p) const
    {
        while (p < m_end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
            ++p;
        return p;
    }

    const char *skipString(const char *p) const
    {
        for (++p; p < m_end; ++p) {
            if (*p == '\\')
                ++p;
            else if (*p == '"')
                return p + 1;
        }
        return m_end;
    }

    const char *skipValue(const char *p) const
    {
        if (p >= m_end)
            return m_end;
        if (*p == '"')
            return skipString(p);
        if (*p != '{' && *p != '[') {
            while (p < m_end && *p != ',' && *p != '}' && *p != ']' && *p != ' ' && *p != '\n' &&
                   *p != '\r' && *p != '\t')
                ++p;
            return p;
        }
        qsizetype depth = 0;
        for (; p < m_end; ++p) {
            if (*p == '"') {
                p = skipString(p) - 1;
            } else if (*p == '{' || *p == '[') {
                ++depth;
            } else if ((*p == '}' || *p == ']') && --depth == 0) {
                return p + 1;
            }
        }
        return m_end;
    }

    const char *m_end;
    const QStringList &m_path;
    QList<QByteArrayView> *m_out;
};

void appendEscape(QByteArrayView s, qsizetype *i, QString *out)
{
    const char e = s[*i];
    static constexpr std::pair<char, char16_t> simple[] = {
        {'"', u'"'},  {'\\', u'\\'}, {'/', u'/'},  {'b', u'\b'},
        {'f', u'\f'}, {'n', u'\n'},  {'r', u'\r'}, {'t', u'\t'}};
    for (const auto &[code, ch] : simple) {
        if (e == code) {
            *out += QChar(ch);
            return;
        }
    }
    if (e == 'u' && *i + 4 < s.size()) {
        bool ok = false;
        const uint unit = QByteArrayView(s.data() + *i + 1, 4).toUInt(&ok, 16);
        if (ok) {
            *out += QChar(char16_t(unit));
            *i += 4;
        }
    }
}
} // namespace

QList<QByteArrayView> BodyLookup::find(QByteArrayView json, const QStringList &path)
{
    QList<QByteArrayView> found;
    Scanner(json, path, &found).descend(json.data(), 0);
    return found;
}

QString BodyLookup::text(QByteArrayView value)
{
    if (value.size() < 2 || value.front() != '"' || value.back() != '"')
        return QString::fromUtf8(value);
    const QByteArrayView s = value.sliced(1, value.size() - 2);
    if (!s.contains('\\'))
        return QString::fromUtf8(s);
    QString out;
    qsizetype plainFrom = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s[i] != '\\')
            continue;
        out += QString::fromUtf8(s.sliced(plainFrom, i - plainFrom));
        if (++i < s.size())
            appendEscape(s, &i, &out);
        plainFrom = i + 1;
    }
    if (plainFrom < s.size())
        out += QString::fromUtf8(s.sliced(plainFrom));
    return out;
}

bool BodyLookup::number(QByteArrayView value, double *out)
{
    if (value.isEmpty() ||
        !(value.front() == '-' || (value.front() >= '0' && value.front() <= '9')))
        return false;
    const char *end = value.data() + value.size();
    const auto [ptr, ec] = std::from_chars(value.data(), end, *out);
    return ec == std::errc() && ptr == end;
}
