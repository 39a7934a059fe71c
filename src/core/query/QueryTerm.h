// SPDX-License-Identifier: MIT
#pragma once

#include "query/NumberTest.h"
#include "query/QueryError.h"
#include "query/QuerySubject.h"
#include "query/QueryToken.h"
#include "query/StringTest.h"
#include "json/JsonScanner.h"

#include <QDateTime>

#include <memory>

class TextMatcher;

// What a term makes of one capture: when only the store's row is known, a term on headers,
// body or free text cannot say yet.
enum class QueryVerdict : quint8 { No, Yes, Unknown };

// One term of a filter expression, compiled: `task:avatar_*`, `attempt:>1`, free text, ….
class QueryTerm {
public:
    enum class Field : quint8 {
        Text,
        Task,
        Status,
        Key,
        Path,
        Method,
        Answer,
        Forward,
        Finding,
        Attempt,
        Duplicate,
        Header,
        Body,
        Note,
        Bookmarked,
        Since,
    };

    // False with *error at the token's column or its value's on a term that is not well formed.
    // `now` is what `since:10m` counts back from.
    static bool compile(const QueryToken &token, const QDateTime &now, QueryTerm *out,
                        QueryError *error);
    // "task, status, …", for the error that names an unknown field.
    static QString knownFields();

    Field field() const { return m_field; }
    bool needsCapture() const
    {
        return m_field == Field::Text || m_field == Field::Header || m_field == Field::Body;
    }
    QueryVerdict check(const QuerySubject &s) const;

private:
    bool compileValue(const QueryToken &token, const QDateTime &now, QString *problem);
    bool compileHeader(const QueryToken &token, QString *problem);
    bool compileBody(const QueryToken &token, QString *problem);
    bool compileSince(const QString &value, const QDateTime &now, QString *problem);
    bool matchesHeaders(const HttpHeaders &headers) const;
    bool matchesBody(QByteArrayView body) const;
    bool matchesBodyValue(JsonScanner::Token kind, QByteArrayView value) const;

    Field m_field = Field::Text;
    StringTest m_string;
    NumberTest m_number;
    bool m_numeric = false;                    // a body term compares numbers
    bool m_contains = false;                   // header:NAME~TEXT
    bool m_yes = true;                         // duplicate:yes
    qint64 m_sinceMs = 0;                      // since: the earliest arrival
    QByteArray m_headerName;                   // lower case
    QString m_containsText;                    // header:NAME~TEXT, as written
    QStringList m_path;                        // body.PATH
    std::shared_ptr<const TextMatcher> m_text; // free text
};
