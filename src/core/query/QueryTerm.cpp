// SPDX-License-Identifier: MIT
#include "QueryTerm.h"

#include "capture/TextMatcher.h"
#include "json/JsonLookup.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <charconv>

using namespace Qt::StringLiterals;

namespace {
using Field = QueryTerm::Field;

// This file's messages, under the catalogue context "Query" (lupdate reads it here).
struct QueryTr {
    Q_DECLARE_TR_FUNCTIONS(Query)
};

constexpr std::array<std::pair<const char *, Field>, 14> FieldNames = {{
    {"task", Field::Task},
    {"status", Field::Status},
    {"key", Field::Key},
    {"path", Field::Path},
    {"method", Field::Method},
    {"answer", Field::Answer},
    {"forward", Field::Forward},
    {"finding", Field::Finding},
    {"attempt", Field::Attempt},
    {"duplicate", Field::Duplicate},
    {"header", Field::Header},
    {"note", Field::Note},
    {"since", Field::Since},
    {"body", Field::Body},
}};

// The request target up to its query string.
QByteArrayView pathOf(QByteArrayView target)
{
    const qsizetype query = target.indexOf('?');
    return query < 0 ? target : target.first(query);
}

QueryVerdict verdict(bool yes)
{
    return yes ? QueryVerdict::Yes : QueryVerdict::No;
}

bool isStringField(Field f)
{
    return f == Field::Task || f == Field::Status || f == Field::Key || f == Field::Path ||
           f == Field::Method || f == Field::Finding || f == Field::Note;
}

QString example(Field f)
{
    switch (f) {
    case Field::Answer:
    case Field::Forward:
        return QueryTr::tr(
            "a status such as 502, a class such as 5xx, or a comparison such as >=500");
    case Field::Attempt:
        return QueryTr::tr("a number or a comparison such as >1, >=2, <3, <=3 or =1");
    case Field::Duplicate:
        return QueryTr::tr("yes or no");
    case Field::Header:
        return QueryTr::tr(
            "NAME=VALUE or NAME~TEXT, such as x-hoox-webhook=true or user-agent~Hoox");
    case Field::Since:
        return QueryTr::tr("a duration such as 30s, 10m, 2h or 1d, or a date and time such as "
                           "2026-03-01T12:00");
    default:
        return QueryTr::tr("a value, such as task:avatar_*");
    }
}
} // namespace

QString QueryTerm::knownFields()
{
    QStringList names;
    for (const auto &[name, field] : FieldNames)
        names << (field == Field::Body ? u"body.PATH"_s : QString::fromLatin1(name));
    names << u"bookmarked"_s;
    return names.join(", "_L1);
}

bool QueryTerm::compile(const QueryToken &token, const QDateTime &now, QueryTerm *out,
                        QueryError *error)
{
    QueryTerm t;
    if (token.field.isEmpty()) {
        if (!token.quoted && !token.regex &&
            token.value.compare("bookmarked"_L1, Qt::CaseInsensitive) == 0) {
            t.m_field = Field::Bookmarked;
        } else {
            t.m_text = std::make_shared<const TextMatcher>(
                token.regex ? token.value : Glob::unescaped(token.value), token.regex);
            if (!t.m_text->isValid()) {
                *error = {token.valueColumn,
                          QueryTr::tr("invalid regular expression: %1").arg(t.m_text->error())};
                return false;
            }
        }
        *out = std::move(t);
        return true;
    }
    const QString name = token.field.toLower();
    const auto known = std::find_if(FieldNames.cbegin(), FieldNames.cend(), [&](const auto &f) {
        return name == QLatin1StringView(f.first) ||
               (f.second == Field::Body && name.startsWith("body."_L1));
    });
    if (known == FieldNames.cend()) {
        *error = {token.column, QueryTr::tr("unknown field \"%1\"; the fields are: %2")
                                    .arg(token.field, knownFields())};
        return false;
    }
    t.m_field = known->second;
    QString problem;
    if (!t.compileValue(token, now, &problem)) {
        *error = {token.valueColumn, problem};
        return false;
    }
    *out = std::move(t);
    return true;
}

bool QueryTerm::compileValue(const QueryToken &token, const QDateTime &now, QString *problem)
{
    const QString name = token.field.toLower();
    if (token.value.isEmpty() && !token.quoted) {
        *problem = QueryTr::tr("%1: needs %2").arg(name, example(m_field));
        return false;
    }
    if (isStringField(m_field)) {
        m_string = StringTest(token.value, token.regex, problem);
        if (!problem->isEmpty())
            *problem = QueryTr::tr("invalid regular expression: %1").arg(*problem);
        return problem->isEmpty();
    }
    if (token.regex && m_field != Field::Body) {
        *problem =
            QueryTr::tr("%1: takes %2, not a regular expression").arg(name, example(m_field));
        return false;
    }
    const QString value = Glob::unescaped(token.value);
    bool ok = false;
    switch (m_field) {
    case Field::Answer:
    case Field::Forward:
    case Field::Attempt:
        ok = NumberTest::parse(value, m_field != Field::Attempt, &m_number);
        break;
    case Field::Duplicate:
        ok = value.compare("yes"_L1, Qt::CaseInsensitive) == 0 ||
             value.compare("no"_L1, Qt::CaseInsensitive) == 0;
        m_yes = value.compare("yes"_L1, Qt::CaseInsensitive) == 0;
        break;
    case Field::Header:
        return compileHeader(token, problem);
    case Field::Body:
        return compileBody(token, problem);
    case Field::Since:
        return compileSince(value, now, problem);
    default:
        break;
    }
    if (!ok)
        *problem = QueryTr::tr("%1: needs %2, not \"%3\"").arg(name, example(m_field), value);
    return ok;
}

bool QueryTerm::compileHeader(const QueryToken &token, QString *problem)
{
    // The first '=' or '~' that the user did not mark as literal.
    const QString &v = token.value;
    qsizetype at = -1;
    for (qsizetype i = 0; i < v.size() && at < 0; ++i) {
        if (v[i] == u'\\')
            ++i;
        else if (v[i] == u'=' || v[i] == u'~')
            at = i;
    }
    const QString name = Glob::unescaped(QStringView(v).first(qMax<qsizetype>(at, 0)));
    if (at < 0 || name.isEmpty() || token.regex) {
        *problem = QueryTr::tr("header: needs %1").arg(example(Field::Header));
        return false;
    }
    m_headerName = name.toLower().toUtf8();
    m_contains = v[at] == u'~';
    const QStringView pattern = QStringView(v).sliced(at + 1);
    if (m_contains)
        m_containsText = Glob::unescaped(pattern);
    else
        m_string = StringTest(pattern.toString(), false, problem);
    return true;
}

bool QueryTerm::compileBody(const QueryToken &token, QString *problem)
{
    m_path = token.field.size() > 5 ? token.field.sliced(5).split(u'.') : QStringList{QString()};
    if (std::any_of(m_path.cbegin(), m_path.cend(), [](const QString &s) { return s.isEmpty(); })) {
        *problem = QueryTr::tr("body.PATH: a path such as body.result.cost has no empty steps, not "
                               "\"%1\"")
                       .arg(token.field);
        return false;
    }
    const QString value = Glob::unescaped(token.value);
    if (!token.regex && !token.quoted && NumberTest::parse(value, false, &m_number)) {
        m_numeric = true;
        if (m_number.isComparison())
            return true;
    } else if (!token.regex && !token.quoted &&
               (value.startsWith(u'>') || value.startsWith(u'<') || value.startsWith(u'='))) {
        *problem = QueryTr::tr("%1: expected a number after the comparison, not \"%2\"")
                       .arg(token.field, value);
        return false;
    }
    // A bare number also matches a string that reads the same; anything else is a glob.
    m_string = StringTest(token.value, token.regex, problem);
    if (!problem->isEmpty())
        *problem = QueryTr::tr("invalid regular expression: %1").arg(*problem);
    return problem->isEmpty();
}

bool QueryTerm::compileSince(const QString &value, const QDateTime &now, QString *problem)
{
    static constexpr std::pair<char16_t, qint64> units[] = {
        {u's', 1000}, {u'm', 60'000}, {u'h', 3'600'000}, {u'd', 86'400'000}};
    for (const auto &[unit, ms] : units) {
        if (value.size() < 2 || value.back().toLower() != QChar(unit))
            continue;
        bool ok = false;
        const qint64 count = QStringView(value).chopped(1).toLongLong(&ok);
        if (ok && count >= 0 && count < (qint64(1) << 40) / ms) {
            m_sinceMs = now.toMSecsSinceEpoch() - count * ms;
            return true;
        }
    }
    QDateTime at = QDateTime::fromString(value, Qt::ISODateWithMs);
    if (!at.isValid())
        at = QDate::fromString(value, Qt::ISODate).startOfDay();
    if (at.isValid()) {
        m_sinceMs = at.toMSecsSinceEpoch();
        return true;
    }
    *problem = QueryTr::tr("since: needs %1, not \"%2\"").arg(example(Field::Since), value);
    return false;
}

QueryVerdict QueryTerm::check(const QuerySubject &s) const
{
    switch (m_field) {
    case Field::Text:
        if (s.capture)
            return verdict(m_text->matches(*s.capture));
        return s.hasRecord ? verdict(m_text->matches(s.keyUtf8, s.target, s.body))
                           : QueryVerdict::Unknown;
    case Field::Task:
        return verdict(m_string.test(s.task));
    case Field::Status:
        return verdict(m_string.test(s.status));
    case Field::Key:
        return verdict(m_string.test(s.key));
    case Field::Path:
        return verdict(m_string.test(pathOf(s.target)));
    case Field::Method:
        return verdict(m_string.test(s.method));
    case Field::Answer:
        return verdict(m_number.test(s.answer));
    case Field::Forward:
        return verdict(s.forward != 0 && m_number.test(s.forward));
    case Field::Finding:
        return verdict(s.findings &&
                       std::any_of(s.findings->cbegin(), s.findings->cend(),
                                   [this](const QString &f) { return m_string.test(f); }));
    case Field::Attempt:
        return verdict(m_number.test(s.attempt));
    case Field::Duplicate:
        return verdict(s.duplicate == m_yes);
    case Field::Header:
        if (s.capture)
            return verdict(matchesHeaders(s.capture->headers));
        return s.headers ? verdict(matchesHeaders(*s.headers)) : QueryVerdict::Unknown;
    case Field::Body:
        if (s.capture)
            return verdict(matchesBody(s.capture->body));
        return s.hasRecord ? verdict(matchesBody(s.body)) : QueryVerdict::Unknown;
    case Field::Note:
        return verdict(!s.note.isEmpty() && m_string.test(s.note));
    case Field::Bookmarked:
        return verdict(s.bookmarked);
    case Field::Since:
        return verdict(s.receivedAtMs >= m_sinceMs);
    }
    return QueryVerdict::No;
}

bool QueryTerm::matchesHeaders(const HttpHeaders &headers) const
{
    return std::any_of(headers.begin(), headers.end(), [this](const HttpHeader &h) {
        if (QByteArrayView(h.name).compare(m_headerName, Qt::CaseInsensitive) != 0)
            return false;
        return m_contains ? QString::fromUtf8(h.value).contains(m_containsText, Qt::CaseInsensitive)
                          : m_string.test(QByteArrayView(h.value));
    });
}

bool QueryTerm::matchesBody(QByteArrayView body) const
{
    const QList<JsonSpan> values = JsonLookup::find(body, m_path);
    return std::any_of(values.cbegin(), values.cend(), [this, body](const JsonSpan &v) {
        return matchesBodyValue(v.kind, v.in(body));
    });
}

// A string is compared by its text without quotes and escapes; a number, when the term is
// numeric, by its value; anything else by its text as written.
bool QueryTerm::matchesBodyValue(JsonScanner::Token kind, QByteArrayView value) const
{
    if (kind == JsonScanner::Token::Number && m_numeric) {
        double number = 0;
        const char *end = value.data() + value.size();
        const auto [ptr, ec] = std::from_chars(value.data(), end, number);
        if (ec == std::errc() && ptr == end)
            return m_number.test(number);
    }
    if (m_numeric && m_number.isComparison())
        return false; // `>3` compares numbers only
    return m_string.test(kind == JsonScanner::Token::String ? JsonScanner::decodeString(value)
                                                            : QString::fromUtf8(value));
}
