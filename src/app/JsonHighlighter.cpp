// SPDX-License-Identifier: MIT
#include "JsonHighlighter.h"

#include "Tints.h"

JsonHighlighter::JsonHighlighter(QTextDocument *document, const QPalette &palette)
    : QSyntaxHighlighter(document)
    , m_token(QStringLiteral(
          R"("(?:[^"\\]|\\.)*"(\s*:)?|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\b(?:true|false|null)\b)"))
{
    setPalette(palette);
}

void JsonHighlighter::setPalette(const QPalette &palette)
{
    // A duplicated key's line is marked (PayloadView): its words stay readable there too.
    const QList<QColor> grounds{palette.color(QPalette::Base), Tints::mark(palette)};
    m_key.setForeground(Tints::text(Tints::Tone::JsonKey, palette, grounds));
    m_string.setForeground(Tints::text(Tints::Tone::JsonString, palette, grounds));
    m_number.setForeground(Tints::text(Tints::Tone::JsonNumber, palette, grounds));
    m_literal.setForeground(Tints::text(Tints::Tone::JsonLiteral, palette, grounds));
    rehighlight();
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
