// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QStaticText>
#include <QStyledItemDelegate>

// Paints the capture table's cells: background, an optional icon and one line of text. While
// deliveries stream in the table repaints after every batch, and QStyledItemDelegate lays each
// cell's text out three times (to size it, to elide it, to draw it), which made painting most
// of the GUI thread's work. Cells here are laid out once per distinct text and width and drawn
// from a cache of QStaticText: most columns repeat a handful of values (task, status, path,
// answer), so a repaint mostly blits glyphs that are already shaped.
class CaptureItemDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    struct Line {
        QStaticText text;
        int width = 0; // horizontal advance of the whole text
    };
    const Line &line(const QString &text, const QFont &font) const;
    QString elided(const QString &text, const QFont &font, int width, Qt::TextElideMode mode) const;

    mutable QHash<QString, Line> m_lines;
    mutable QHash<QString, QString> m_elided; // by width and text
    mutable QFont m_font;
};
