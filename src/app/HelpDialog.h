// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QListWidget;
class QTextBrowser;

// F1: README's sections, readable without a browser or a network: the list of sections on
// the left, the chosen one on the right, Keyboard first when asked for.
class HelpDialog : public QDialog {
    Q_OBJECT
public:
    explicit HelpDialog(QWidget *parent = nullptr);

    // One dialog per window, raised when it is already open.
    static HelpDialog *showFor(QWidget *window);
    // The section headings, in order (## and ###, outside code blocks).
    QStringList sections() const;
    void showSection(const QString &heading);
    QString currentSection() const;

    // The headings of a Markdown text, outside fenced code.
    static QStringList headingsOf(const QString &markdown);

private:
    QListWidget *m_list;
    QTextBrowser *m_text;
};
