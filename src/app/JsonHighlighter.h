// SPDX-License-Identifier: MIT
#pragma once

#include <QPalette>
#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

// Colours indented JSON: keys, strings, numbers and literals, in colours derived from the
// editor's palette (Tints): each reads at 4.5:1 or more on its base and on a marked line.
class JsonHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    JsonHighlighter(QTextDocument *document, const QPalette &palette);

    // Derives the colours again and repaints the text: the editor's theme changed.
    void setPalette(const QPalette &palette);

protected:
    void highlightBlock(const QString &text) override;

private:
    QRegularExpression m_token;
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
};
