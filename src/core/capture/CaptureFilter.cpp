// SPDX-License-Identifier: MIT
#include "CaptureFilter.h"

namespace {
quint8 taskBit(HooxTask t)
{
    switch (t) {
    case HooxTask::VideoGenerate:
        return CaptureFilter::VideoGenerate;
    case HooxTask::VideoExport:
        return CaptureFilter::VideoExport;
    case HooxTask::AvatarCreate:
        return CaptureFilter::AvatarCreate;
    case HooxTask::AvatarEdit:
        return CaptureFilter::AvatarEdit;
    default:
        return CaptureFilter::OtherTask;
    }
}

quint8 statusBit(HooxStatus s)
{
    switch (s) {
    case HooxStatus::Completed:
        return CaptureFilter::Completed;
    case HooxStatus::Failed:
        return CaptureFilter::Failed;
    default:
        return CaptureFilter::OtherStatus;
    }
}

// ASCII case-insensitive search in bytes: a UTF-8 body needs no decoding to find an
// ASCII needle, which keeps a search over a million bodies within a fraction of a second.
bool containsAsciiCaseless(QByteArrayView hay, QByteArrayView lowerNeedle)
{
    const qsizetype n = lowerNeedle.size();
    if (n == 0)
        return true;
    const char first = lowerNeedle.front();
    const char firstUpper = char(first >= 'a' && first <= 'z' ? first - 32 : first);
    for (qsizetype i = 0; i + n <= hay.size(); ++i) {
        const char c = hay[i];
        if (c != first && c != firstUpper)
            continue;
        qsizetype j = 1;
        for (; j < n; ++j) {
            char h = hay[i + j];
            if (h >= 'A' && h <= 'Z')
                h = char(h + 32);
            if (h != lowerNeedle[j])
                break;
        }
        if (j == n)
            return true;
    }
    return false;
}
} // namespace

bool CaptureFilter::matchesColumns(const CaptureStore &store, qsizetype row) const
{
    const CaptureStore::Row &r = store.row(row);
    if (!(tasks & taskBit(r.task)) || !(statuses & statusBit(r.status)))
        return false;
    if (findingsOnly && !(r.flags & CaptureStore::HasFindings))
        return false;
    if (group >= 0 && r.group != group)
        return false;
    if (duplicatesOnly && (r.group < 0 || store.group(r.group).count < 2))
        return false;
    return true;
}

TextMatcher::TextMatcher(const QString &text, bool regex)
    : m_text(text)
    , m_useRegex(regex)
{
    if (regex) {
        m_regex.setPattern(text);
        m_regex.setPatternOptions(QRegularExpression::UseUnicodePropertiesOption);
        if (!m_regex.isValid())
            m_error = m_regex.errorString();
        return;
    }
    for (QChar ch : text)
        m_ascii = m_ascii && ch.unicode() < 0x80;
    m_utf8 = m_ascii ? text.toLower().toUtf8() : text.toUtf8();
}

bool TextMatcher::matches(const Capture &c) const
{
    if (m_useRegex) {
        return m_regex.match(c.hoox.key).hasMatch() ||
               m_regex.match(QString::fromUtf8(c.target)).hasMatch() ||
               m_regex.match(QString::fromUtf8(c.body)).hasMatch();
    }
    if (!m_ascii) {
        return c.hoox.key.contains(m_text, Qt::CaseInsensitive) ||
               QString::fromUtf8(c.target).contains(m_text, Qt::CaseInsensitive) ||
               QString::fromUtf8(c.body).contains(m_text, Qt::CaseInsensitive);
    }
    return c.hoox.key.contains(QLatin1String(m_utf8), Qt::CaseInsensitive) ||
           containsAsciiCaseless(c.target, m_utf8) || containsAsciiCaseless(c.body, m_utf8);
}
