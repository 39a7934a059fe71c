// SPDX-License-Identifier: MIT
#include "JsonFlatten.h"

#include "JsonKeySet.h"

#include <QHash>

namespace {

using Token = JsonScanner::Token;

class Flattener {
public:
    explicit Flattener(QByteArrayView json)
        : m_scanner(json)
    {
    }

    JsonFlatDocument run()
    {
        for (Token t = m_scanner.next(); t != Token::EndOfDocument && t != Token::Error;
             t = m_scanner.next())
            take(t);
        m_doc.error = m_scanner.error();
        return std::move(m_doc);
    }

private:
    struct Frame {
        QString path;
        qsizetype entry = 0;
        qsizetype index = 0; // next element's index in an array
        bool array = false;
    };

    void take(Token t)
    {
        if (t == Token::Key) {
            m_key = JsonFlatten::escapeToken(m_scanner.decodedString());
            if (m_keys.add(m_scanner))
                countDuplicate(m_frames.last().path + u'/' + m_key);
            return;
        }
        if (t == Token::EndObject || t == Token::EndArray) {
            const Frame frame = m_frames.takeLast();
            JsonSpan &span = m_doc.entries[frame.entry].span;
            span.size = m_scanner.offset() + 1 - span.offset;
            if (t == Token::EndObject)
                m_keys.endObject();
            return;
        }
        const QString path = childPath();
        m_doc.entries.append({path, {t, m_scanner.offset(), m_scanner.raw().size()}});
        if (t == Token::BeginObject || t == Token::BeginArray) {
            m_frames.append({path, m_doc.entries.size() - 1, 0, t == Token::BeginArray});
            if (t == Token::BeginObject)
                m_keys.beginObject();
        }
    }

    QString childPath()
    {
        if (m_frames.isEmpty())
            return {};
        Frame &parent = m_frames.last();
        if (parent.array)
            return parent.path + u'/' + QString::number(parent.index++);
        return parent.path + u'/' + m_key;
    }

    void countDuplicate(const QString &path)
    {
        const auto it = m_duplicateIndex.constFind(path);
        if (it != m_duplicateIndex.cend()) {
            ++m_doc.duplicates[*it].count;
            return;
        }
        m_duplicateIndex.insert(path, m_doc.duplicates.size());
        m_doc.duplicates.append({path, 2});
    }

    JsonScanner m_scanner;
    JsonKeySet m_keys;
    QList<Frame> m_frames;
    QString m_key;
    QHash<QString, qsizetype> m_duplicateIndex;
    JsonFlatDocument m_doc;
};

} // namespace

JsonFlatDocument JsonFlatten::flatten(QByteArrayView json)
{
    return Flattener(json).run();
}

QString JsonFlatten::escapeToken(const QString &token)
{
    if (!token.contains(u'~') && !token.contains(u'/'))
        return token;
    QString out = token;
    out.replace(u'~', QStringLiteral("~0"));
    out.replace(u'/', QStringLiteral("~1"));
    return out;
}
