// SPDX-License-Identifier: MIT
#include "JsonText.h"

void JsonText::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_first.empty()) {
        if (!m_first.back())
            m_out->append(',');
        m_first.back() = false;
    }
}

JsonText &JsonText::beginObject()
{
    separate();
    m_out->append('{');
    m_first.push_back(true);
    return *this;
}

JsonText &JsonText::endObject()
{
    m_first.pop_back();
    m_out->append('}');
    return *this;
}

JsonText &JsonText::beginArray()
{
    separate();
    m_out->append('[');
    m_first.push_back(true);
    return *this;
}

JsonText &JsonText::endArray()
{
    m_first.pop_back();
    m_out->append(']');
    return *this;
}

JsonText &JsonText::key(const char *name)
{
    separate();
    m_out->append('"').append(name).append("\":");
    m_afterKey = true;
    return *this;
}

JsonText &JsonText::string(QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
    separate();
    quoted(utf8.constData(), utf8.size());
    return *this;
}

JsonText &JsonText::utf8(const QByteArray &utf8)
{
    separate();
    quoted(utf8.constData(), utf8.size());
    return *this;
}

JsonText &JsonText::number(qint64 value)
{
    separate();
    m_out->append(QByteArray::number(value));
    return *this;
}

JsonText &JsonText::boolean(bool value)
{
    separate();
    m_out->append(value ? "true" : "false");
    return *this;
}

JsonText &JsonText::null()
{
    separate();
    m_out->append("null");
    return *this;
}

// RFC 8259: the quote, the backslash and the controls below 0x20 are escaped; every other byte
// of valid UTF-8 is written as it is. Runs without escapes are copied in one append.
void JsonText::quoted(const char *data, qsizetype size)
{
    static const char hex[] = "0123456789abcdef";
    m_out->reserve(m_out->size() + size + 2);
    m_out->append('"');
    qsizetype run = 0;
    for (qsizetype i = 0; i < size; ++i) {
        const auto c = uchar(data[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        m_out->append(data + run, i - run);
        run = i + 1;
        switch (c) {
        case '"':
            m_out->append("\\\"");
            break;
        case '\\':
            m_out->append("\\\\");
            break;
        case '\n':
            m_out->append("\\n");
            break;
        case '\r':
            m_out->append("\\r");
            break;
        case '\t':
            m_out->append("\\t");
            break;
        case '\b':
            m_out->append("\\b");
            break;
        case '\f':
            m_out->append("\\f");
            break;
        default: {
            const char escape[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            m_out->append(escape, sizeof escape);
        }
        }
    }
    m_out->append(data + run, size - run);
    m_out->append('"');
}
