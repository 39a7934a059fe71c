// SPDX-License-Identifier: MIT
#include "CaptureDiffText.h"

#include <QJsonArray>

namespace {

using Kind = DiffChange::Kind;
using Part = DiffChange::Part;

const QChar kEllipsis(0x2026);

// One value on one line: JSON's line breaks (never inside a string) and their indentation
// become one space; other control characters are escaped.
QString oneLine(const QByteArray &raw, qsizetype limit)
{
    const QString text = QString::fromUtf8(raw);
    QString out;
    out.reserve(std::min(text.size(), limit + 1));
    for (qsizetype i = 0; i < text.size() && out.size() <= limit; ++i) {
        const QChar c = text[i];
        if (c == u'\r' || c == u'\n') {
            while (i + 1 < text.size() && (text[i + 1].isSpace()))
                ++i;
            out += u' ';
        } else if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        } else {
            out += c;
        }
    }
    if (out.size() > limit) {
        out.truncate(limit);
        out += kEllipsis;
    }
    return out;
}

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::Added:
        return QStringLiteral("added");
    case Kind::Removed:
        return QStringLiteral("removed");
    case Kind::Changed:
        return QStringLiteral("changed");
    case Kind::Duplicate:
        return QStringLiteral("duplicate");
    }
    return {};
}

QString partName(Part part)
{
    switch (part) {
    case Part::Body:
        return QStringLiteral("body");
    case Part::Header:
        return QStringLiteral("header");
    case Part::Request:
        return QStringLiteral("request");
    }
    return {};
}

QJsonArray texts(const QList<QByteArray> &values)
{
    QJsonArray out;
    for (const QByteArray &v : values)
        out.append(QString::fromUtf8(v));
    return out;
}

QJsonObject changeJson(const DiffChange &c)
{
    QJsonObject o{
        {QStringLiteral("change"), kindName(c.kind)},
        {QStringLiteral("part"), partName(c.part)},
        {QStringLiteral("path"), c.path},
        {QStringLiteral("before"), texts(c.before)},
        {QStringLiteral("after"), texts(c.after)},
        {QStringLiteral("ignored"), c.ignored},
    };
    if (c.duplicate)
        o.insert(QStringLiteral("duplicate"), true);
    if (c.sameNumber)
        o.insert(QStringLiteral("same_number"), true);
    if (c.volatileHeader)
        o.insert(QStringLiteral("volatile"), true);
    if (c.line > 0)
        o.insert(QStringLiteral("line"), c.line);
    return o;
}

} // namespace

QString CaptureDiffText::mark(const DiffChange &change)
{
    switch (change.kind) {
    case Kind::Added:
        return QStringLiteral("+");
    case Kind::Removed:
        return QStringLiteral("-");
    case Kind::Changed:
        return QStringLiteral("~");
    case Kind::Duplicate:
        return QStringLiteral("!");
    }
    return {};
}

QString CaptureDiffText::where(const DiffChange &change)
{
    switch (change.part) {
    case Part::Header:
        return tr("header %1").arg(change.path);
    case Part::Request:
        return change.path;
    case Part::Body:
        break;
    }
    if (change.line > 0)
        return tr("body line %1").arg(change.line);
    return change.path.isEmpty() ? tr("body") : change.path;
}

QString CaptureDiffText::values(const QList<QByteArray> &values, qsizetype limit)
{
    QStringList parts;
    for (const QByteArray &v : values)
        parts.append(oneLine(v, limit));
    return parts.join(QStringLiteral(", "));
}

QString CaptureDiffText::note(const DiffChange &change)
{
    QStringList notes;
    if (change.kind == Kind::Duplicate)
        notes << tr("key given more than once, the same way in both");
    else if (change.duplicate)
        notes << tr("given more than once");
    if (change.sameNumber)
        notes << tr("the same number, written differently");
    if (change.volatileHeader && change.path == u"content-length")
        notes << tr("follows the body");
    else if (change.volatileHeader)
        notes << tr("changes with every delivery");
    if (change.ignored)
        notes << tr("ignored");
    return notes.join(QStringLiteral("; "));
}

QString CaptureDiffText::line(const DiffChange &change)
{
    QString text = mark(change) + u' ' + where(change) + QStringLiteral(": ");
    switch (change.kind) {
    case Kind::Added:
        text += values(change.after);
        break;
    case Kind::Removed:
    case Kind::Duplicate:
        text += values(change.before);
        break;
    case Kind::Changed:
        text += values(change.before) + QStringLiteral(" \u2192 ") + values(change.after);
        break;
    }
    const QString n = note(change);
    return n.isEmpty() ? text : text + QStringLiteral(" (") + n + u')';
}

QJsonObject CaptureDiffText::toJson(const CaptureDiffResult &result)
{
    QJsonArray changes;
    for (const DiffChange &c : result.changes)
        changes.append(changeJson(c));
    QJsonObject o{
        {QStringLiteral("equal"), result.isEqual()},
        {QStringLiteral("differences"), qint64(result.differenceCount())},
        {QStringLiteral("ignored"), qint64(result.ignoredCount())},
        {QStringLiteral("body"),
         result.bodiesAreJson() ? QStringLiteral("json") : QStringLiteral("text")},
        {QStringLiteral("changes"), changes},
    };
    if (!result.beforeNotJson.isEmpty())
        o.insert(QStringLiteral("before_not_json"), result.beforeNotJson);
    if (!result.afterNotJson.isEmpty())
        o.insert(QStringLiteral("after_not_json"), result.afterNotJson);
    return o;
}
