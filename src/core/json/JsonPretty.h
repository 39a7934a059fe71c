// SPDX-License-Identifier: MIT
#pragma once

#include "json/JsonKeySet.h"
#include "json/JsonScanner.h"

#include <QList>
#include <QString>

// Indents a JSON document page by page, as a view of its bytes: keys in the order sent, every
// duplicated key kept, numbers, strings and escapes exactly as written. Only the whitespace
// between tokens is HookScope's. Long strings are elided unless asked for whole, and a page
// stops after about `pageChars` characters, inside a long string if need be, so that a
// 30 MB body costs one page of work.
class JsonPretty {
    Q_DECLARE_TR_FUNCTIONS(JsonPretty)
public:
    static constexpr qsizetype kDefaultElide = 2000;

    // elideChars 0: strings whole.
    explicit JsonPretty(QByteArrayView json, qsizetype elideChars = kDefaultElide);

    // The next page; empty once atEnd().
    QString nextPage(qsizetype pageChars);
    bool atEnd() const { return m_done; }
    // Set when the document stopped being JSON; the page then ends where it stopped.
    const JsonError &error() const { return m_scanner.error(); }
    // Lines of the last page (0-based) that hold a duplicated key, and those keys.
    const QList<int> &duplicateLines() const { return m_duplicateLines; }
    // The whole document formatted, strings whole (for "Copy pretty").
    static QString format(QByteArrayView json);

private:
    void take(JsonScanner::Token t);
    void newLine();
    void appendToken(QByteArrayView raw, bool isString);
    bool resumeToken(qsizetype budget);

    JsonScanner m_scanner;
    JsonKeySet m_keys;
    qsizetype m_elide;
    QString m_out;
    int m_indent = 0;
    int m_line = 0;
    bool m_pendingOpen = false; // a '{' or '[' whose first member decides "{}" or a new line
    bool m_afterKey = false;
    bool m_needComma = false;
    bool m_first = true;
    bool m_done = false;
    // A token longer than a page: the rest of its bytes, shown on the next pages.
    QByteArrayView m_rest;
    QList<int> m_duplicateLines;
};
