// SPDX-License-Identifier: MIT
#include "DiffIgnoreList.h"

DiffIgnoreList::DiffIgnoreList(const QStringList &patterns)
{
    for (const QString &p : patterns) {
        if (p.startsWith(kHeaderPrefix, Qt::CaseInsensitive)) {
            m_headers.append(p.sliced(kHeaderPrefix.size()).toLower());
        } else if (p.startsWith(u'/')) {
            m_body.append(p.sliced(1).split(u'/'));
        }
    }
}

bool DiffIgnoreList::matchesBody(QStringView pointer) const
{
    if (m_body.isEmpty() || !pointer.startsWith(u'/'))
        return false;
    const QList<QStringView> tokens = pointer.sliced(1).split(u'/');
    for (const QStringList &pattern : m_body) {
        if (pattern.size() > tokens.size())
            continue;
        bool all = true;
        for (qsizetype i = 0; all && i < pattern.size(); ++i)
            all = glob(pattern[i], tokens[i]);
        if (all)
            return true;
    }
    return false;
}

bool DiffIgnoreList::matchesHeader(QStringView name) const
{
    const QString lower = name.toString().toLower();
    for (const QString &pattern : m_headers) {
        if (glob(pattern, lower))
            return true;
    }
    return false;
}

bool DiffIgnoreList::isValid(const QString &pattern, QString *error)
{
    if (pattern.startsWith(u'/'))
        return true;
    if (pattern.startsWith(kHeaderPrefix, Qt::CaseInsensitive) &&
        pattern.size() > kHeaderPrefix.size())
        return true;
    *error = tr("\"%1\" is neither a JSON Pointer such as /result/created_at (globs allowed: "
                "/result/*_at) nor a header such as header:x-request-id.")
                 .arg(pattern);
    return false;
}

// `*` any run, `?` one character; iterative, with one backtrack point, so it stays linear
// enough for the short tokens it sees.
bool DiffIgnoreList::glob(QStringView pattern, QStringView text)
{
    qsizetype p = 0;
    qsizetype t = 0;
    qsizetype star = -1;
    qsizetype resume = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == u'?' || pattern[p] == text[t])) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == u'*') {
            star = p++;
            resume = t;
        } else if (star >= 0) {
            p = star + 1;
            t = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == u'*')
        ++p;
    return p == pattern.size();
}
