// SPDX-License-Identifier: MIT
#include "JsonLookup.h"

#include <QVarLengthArray>

namespace {

struct Step {
    QByteArray key;
    qsizetype index = -1; // -1: not an index, so it never matches an array element
};

class Finder {
public:
    Finder(QByteArrayView json, const QStringList &path)
        : m_scanner(json)
    {
        for (const QString &element : path) {
            bool ok = false;
            const qsizetype index = element.toLongLong(&ok);
            const bool plainIndex = ok && index >= 0 && !element.startsWith(u'+') &&
                                    (element == u"0" || !element.startsWith(u'0'));
            m_steps.append({element.toUtf8(), plainIndex ? index : -1});
        }
    }

    QList<JsonSpan> run(JsonError *error)
    {
        if (m_scanner.next() != JsonScanner::Token::Error) {
            visit(0);
            while (m_scanner.token() != JsonScanner::Token::Error &&
                   m_scanner.token() != JsonScanner::Token::EndOfDocument)
                m_scanner.next();
        }
        if (error)
            *error = m_scanner.error();
        return m_matches;
    }

private:
    // The scanner stands on the first token of a value at depth `level` of the path.
    void visit(qsizetype level)
    {
        if (level == m_steps.size()) {
            const JsonScanner::Token kind = m_scanner.token();
            const QByteArrayView span = m_scanner.skipValue();
            if (!m_scanner.hasError()) {
                m_matches.append({kind, span.data() - m_scanner.input().data(), span.size()});
            }
            return;
        }
        if (m_scanner.token() == JsonScanner::Token::BeginObject)
            visitObject(level);
        else if (m_scanner.token() == JsonScanner::Token::BeginArray)
            visitArray(level);
    }

    void visitObject(qsizetype level)
    {
        while (m_scanner.next() == JsonScanner::Token::Key) {
            if (keyMatches(m_steps[level].key)) {
                m_scanner.next();
                visit(level + 1);
            } else {
                m_scanner.skipValue();
            }
        }
    }

    void visitArray(qsizetype level)
    {
        for (qsizetype i = 0;; ++i) {
            const JsonScanner::Token t = m_scanner.next();
            if (t == JsonScanner::Token::EndArray || t == JsonScanner::Token::Error)
                return;
            if (i == m_steps[level].index)
                visit(level + 1);
            else
                m_scanner.skipValue();
        }
    }

    bool keyMatches(QByteArrayView key) const
    {
        if (!m_scanner.hasEscapes())
            return m_scanner.stringContent() == key;
        return m_scanner.decodedString() == QString::fromUtf8(key);
    }

    JsonScanner m_scanner;
    QVarLengthArray<Step, 8> m_steps;
    QList<JsonSpan> m_matches;
};

} // namespace

QList<JsonSpan> JsonLookup::find(QByteArrayView json, const QStringList &path, JsonError *error)
{
    return Finder(json, path).run(error);
}
