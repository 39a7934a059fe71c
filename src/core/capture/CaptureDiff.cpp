// SPDX-License-Identifier: MIT
#include "CaptureDiff.h"

#include "DiffIgnoreList.h"
#include "JsonBodyDiff.h"

#include <QHash>

#include <algorithm>

namespace {

using Kind = DiffChange::Kind;
using Part = DiffChange::Part;

// A text body's line is shown whole up to this, else around where it differs.
constexpr qsizetype kLineExcerpt = 4096;
constexpr qsizetype kExcerptLead = 64;

// The line of `text` holding `at`, cut to an excerpt around `at` when it is long.
QByteArray lineAround(QByteArrayView text, qsizetype at)
{
    const qsizetype start = at == 0 ? 0 : text.first(at).lastIndexOf('\n') + 1;
    qsizetype end = text.indexOf('\n', at);
    if (end < 0)
        end = text.size();
    if (end > start && text[end - 1] == '\r')
        --end;
    if (end - start <= kLineExcerpt)
        return text.sliced(start, end - start).toByteArray();
    const qsizetype from = std::max(start, at - kExcerptLead);
    const qsizetype to = std::min(end, from + kLineExcerpt);
    return (from > start ? QByteArray("\xe2\x80\xa6") : QByteArray()) +
           text.sliced(from, to - from).toByteArray() +
           (to < end ? QByteArray("\xe2\x80\xa6") : QByteArray());
}

// Header fields grouped by lower-case name, in the order each name first occurs.
struct FieldGroups {
    QList<QByteArray> names;
    QHash<QByteArray, QList<QByteArray>> values;

    explicit FieldGroups(const HttpHeaders &headers)
    {
        for (const HttpHeader &h : headers) {
            const QByteArray name = h.name.toLower();
            auto it = values.find(name);
            if (it == values.end()) {
                names.append(name);
                it = values.insert(name, {});
            }
            it->append(h.value);
        }
    }
};

DiffChange headerChange(Kind kind, const QByteArray &name, QList<QByteArray> before,
                        QList<QByteArray> after)
{
    DiffChange c;
    c.kind = kind;
    c.part = Part::Header;
    c.path = QString::fromLatin1(name);
    c.duplicate = before.size() > 1 || after.size() > 1;
    c.before = std::move(before);
    c.after = std::move(after);
    c.volatileHeader = CaptureDiff::isVolatileHeader(name);
    return c;
}

void compareRequestLine(const Capture &a, const Capture &b, QList<DiffChange> *out)
{
    const std::pair<const char *, std::pair<QByteArray, QByteArray>> parts[] = {
        {"method", {a.method, b.method}},
        {"target", {a.target, b.target}},
    };
    for (const auto &[name, values] : parts) {
        if (values.first == values.second)
            continue;
        DiffChange c;
        c.part = Part::Request;
        c.path = QLatin1String(name);
        c.before = {values.first};
        c.after = {values.second};
        out->append(std::move(c));
    }
}

// "-12.50e1" as sign, significant digits and the exponent of the last one.
struct Decimal {
    bool negative = false;
    QByteArray digits;
    qint64 exponent = 0;
};

bool parseDecimal(QByteArrayView n, Decimal *d)
{
    qsizetype i = 0;
    d->negative = n.startsWith('-');
    i += d->negative ? 1 : 0;
    qsizetype fraction = 0;
    bool inFraction = false;
    for (; i < n.size() && n[i] != 'e' && n[i] != 'E'; ++i) {
        if (n[i] == '.') {
            inFraction = true;
            continue;
        }
        d->digits.append(n[i]);
        fraction += inFraction ? 1 : 0;
    }
    qint64 exponent = 0;
    if (i < n.size()) {
        const QByteArrayView e = n.sliced(i + 1);
        bool ok = false;
        exponent = e.startsWith('+') ? e.sliced(1).toLongLong(&ok) : e.toLongLong(&ok);
        // Past this the exponent's text is compared as it is rather than risk a wrong sum.
        if (!ok || exponent > (qint64(1) << 50) || exponent < -(qint64(1) << 50))
            return false;
    }
    d->exponent = exponent - fraction;
    return true;
}

} // namespace

qsizetype CaptureDiffResult::differenceCount() const
{
    return std::count_if(changes.cbegin(), changes.cend(),
                         [](const DiffChange &c) { return c.counts(); });
}

qsizetype CaptureDiffResult::ignoredCount() const
{
    return std::count_if(changes.cbegin(), changes.cend(),
                         [](const DiffChange &c) { return c.ignored; });
}

CaptureDiffResult CaptureDiff::compare(const Capture &before, const Capture &after,
                                       const CaptureDiffOptions &options)
{
    CaptureDiffResult result = compareBodies(before.body, after.body);
    compareRequestLine(before, after, &result.changes);
    result.changes.append(compareHeaders(before.headers, after.headers));
    applyIgnores(result, options);
    return result;
}

CaptureDiffResult CaptureDiff::compareBodies(QByteArrayView before, QByteArrayView after,
                                             const CaptureDiffOptions &options)
{
    CaptureDiffResult result;
    const JsonFlatDocument a = JsonFlatten::flatten(before);
    const JsonFlatDocument b = JsonFlatten::flatten(after);
    if (a.error.isError() || b.error.isError()) {
        const QString empty = tr("empty");
        result.beforeNotJson = before.isEmpty() ? empty : a.error.toString();
        result.afterNotJson = after.isEmpty() ? empty : b.error.toString();
        compareText(before, after, &result);
    } else {
        result.changes = JsonBodyDiff::compare(before, a, after, b);
    }
    applyIgnores(result, options);
    return result;
}

void CaptureDiff::compareText(QByteArrayView before, QByteArrayView after, CaptureDiffResult *out)
{
    if (before == after)
        return;
    const qsizetype common = std::min(before.size(), after.size());
    qsizetype at = 0;
    while (at < common && before[at] == after[at])
        ++at;
    DiffChange c;
    c.part = Part::Body;
    c.line = int(std::min<qsizetype>(before.first(at).count('\n') + 1, INT_MAX));
    c.before = {lineAround(before, at)};
    c.after = {lineAround(after, at)};
    out->changes.append(std::move(c));
}

QList<DiffChange> CaptureDiff::compareHeaders(const HttpHeaders &before, const HttpHeaders &after)
{
    const FieldGroups a(before);
    const FieldGroups b(after);
    QList<DiffChange> out;
    for (const QByteArray &name : a.names) {
        const QList<QByteArray> &va = a.values[name];
        const auto other = b.values.constFind(name);
        if (other == b.values.cend())
            out.append(headerChange(Kind::Removed, name, va, {}));
        else if (va != *other)
            out.append(headerChange(Kind::Changed, name, va, *other));
    }
    for (const QByteArray &name : b.names) {
        if (!a.values.contains(name))
            out.append(headerChange(Kind::Added, name, {}, b.values[name]));
    }
    return out;
}

void CaptureDiff::applyIgnores(CaptureDiffResult &result, const CaptureDiffOptions &options)
{
    const DiffIgnoreList ignore(options.ignore);
    for (DiffChange &c : result.changes) {
        switch (c.part) {
        case Part::Body:
            c.ignored = ignore.matchesBody(c.path);
            break;
        case Part::Header:
            c.ignored =
                (c.volatileHeader && options.ignoreVolatileHeaders) || ignore.matchesHeader(c.path);
            break;
        case Part::Request:
            c.ignored = false;
            break;
        }
    }
}

bool CaptureDiff::isVolatileHeader(QByteArrayView name)
{
    // Set by the sender, the tunnel or a proxy anew for each delivery.
    static const QByteArrayView exact[] = {
        "date",
        "x-request-id",
        "request-id",
        "x-correlation-id",
        "traceparent",
        "tracestate",
        "x-amzn-trace-id",
        "x-cloud-trace-context",
        "cf-ray",
        "x-forwarded-for",
        "x-real-ip",
        "webhook-id",
        "webhook-timestamp",
        "webhook-signature",
        "x-b3-traceid",
        "x-b3-spanid",
        "sentry-trace",
        "baggage",
    };
    const QByteArray lower = name.toByteArray().toLower();
    // Follows the body, which is compared on its own: spacing alone changes it.
    if (lower == "content-length")
        return true;
    for (QByteArrayView e : exact) {
        if (lower == e)
            return true;
    }
    // The sender's own delivery ids, timestamps and signatures (X-Hoox-Signature, ...).
    for (QByteArrayView part : {QByteArrayView("timestamp"), QByteArrayView("signature"),
                                QByteArrayView("delivery"), QByteArrayView("nonce")}) {
        if (lower.contains(part))
            return true;
    }
    return false;
}

QByteArray CaptureDiff::canonicalNumber(QByteArrayView number)
{
    Decimal d;
    if (!parseDecimal(number, &d))
        return number.toByteArray();
    qsizetype first = 0;
    while (first < d.digits.size() && d.digits[first] == '0')
        ++first;
    qsizetype last = d.digits.size();
    while (last > first && d.digits[last - 1] == '0') {
        --last;
        ++d.exponent;
    }
    if (first == last)
        return "0"; // -0 and 0.000e5 are zero too
    return (d.negative ? "-" : "") + d.digits.sliced(first, last - first) + 'e' +
           QByteArray::number(d.exponent);
}
