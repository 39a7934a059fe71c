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

// A QString may hold a lone surrogate (a JSON file's "\ud800" reads as one), which UTF-8 cannot
// carry: toUtf8() would make it U+FFFD and the text would not read back as it was. Such a code
// unit is written as its \u escape, which JSON allows and which reads back unchanged.
JsonText &JsonText::string(QStringView text)
{
    separate();
    m_out->append('"');
    static const char hex[] = "0123456789abcdef";
    qsizetype from = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!text[i].isSurrogate())
            continue;
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            ++i; // a pair: UTF-8 carries it
            continue;
        }
        escaped(text.sliced(from, i - from).toUtf8());
        const char16_t u = text[i].unicode();
        const char escape[] = {
            '\\', 'u', hex[u >> 12], hex[(u >> 8) & 15], hex[(u >> 4) & 15], hex[u & 15]};
        m_out->append(escape, sizeof escape);
        from = i + 1;
    }
    escaped(text.sliced(from).toUtf8());
    m_out->append('"');
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
    m_out->reserve(m_out->size() + size + 2);
    m_out->append('"');
    escaped(QByteArrayView(data, size));
    m_out->append('"');
}

void JsonText::escaped(QByteArrayView bytes)
{
    static const char hex[] = "0123456789abcdef";
    const char *data = bytes.data();
    const qsizetype size = bytes.size();
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
}
