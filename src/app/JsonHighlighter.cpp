// SPDX-License-Identifier: MIT
#include "JsonHighlighter.h"

#include <QApplication>
#include <QPalette>

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
    , m_token(QStringLiteral(
          R"("(?:[^"\\]|\\.)*"(\s*:)?|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\b(?:true|false|null)\b)"))
{
    const bool dark = QApplication::palette().color(QPalette::Base).lightness() < 128;
    m_key.setForeground(dark ? QColor(0x9c, 0xdc, 0xfe) : QColor(0x00, 0x4f, 0x9e));
    m_string.setForeground(dark ? QColor(0xce, 0x91, 0x78) : QColor(0xa3, 0x15, 0x15));
    m_number.setForeground(dark ? QColor(0xb5, 0xce, 0xa8) : QColor(0x09, 0x86, 0x58));
    m_literal.setForeground(dark ? QColor(0x56, 0x9c, 0xd6) : QColor(0x00, 0x00, 0xff));
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    auto it = m_token.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QChar first = text.at(m.capturedStart());
        const QTextCharFormat &format =
            first == u'"' ? (m.capturedLength(1) > 0 ? m_key : m_string)
                          : (first == u'-' || first.isDigit() ? m_number : m_literal);
        const qsizetype length =
            m.capturedLength(1) > 0 ? m.capturedStart(1) - m.capturedStart() : m.capturedLength();
        setFormat(int(m.capturedStart()), int(length), format);
    }
}
