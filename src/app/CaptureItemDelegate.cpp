// SPDX-License-Identifier: MIT
#include "CaptureItemDelegate.h"

#include <QApplication>
#include <QFontMetrics>
#include <QPainter>

namespace {
// Unbounded caches would grow with every unique id and key shown; past this many entries they
// start over, which costs one layout per visible cell once.
constexpr qsizetype MaxCached = 4096;
constexpr int Margin = 4;
} // namespace

const CaptureItemDelegate::Line &CaptureItemDelegate::line(const QString &text,
                                                           const QFont &font) const
{
    if (font != m_font) {
        m_lines.clear();
        m_elided.clear();
        m_font = font;
    }
    if (const auto it = m_lines.constFind(text); it != m_lines.cend())
        return *it;
    if (m_lines.size() >= MaxCached)
        m_lines.clear();
    Line l;
    l.text.setText(text);
    l.text.setTextFormat(Qt::PlainText);
    l.text.setPerformanceHint(QStaticText::AggressiveCaching);
    l.text.prepare(QTransform(), font);
    l.width = qCeil(l.text.size().width());
    return *m_lines.insert(text, l);
}

QString CaptureItemDelegate::elided(const QString &text, const QFont &font, int width,
                                    Qt::TextElideMode mode) const
{
    const QString key = QString::number(width) + u' ' + QString::number(int(mode)) + u'\n' + text;
    if (const auto it = m_elided.constFind(key); it != m_elided.cend())
        return *it;
    if (m_elided.size() >= MaxCached)
        m_elided.clear();
    return *m_elided.insert(key, QFontMetrics(font).elidedText(text, mode, width));
}

void CaptureItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    QStyleOptionViewItem o = option;
    initStyleOption(&o, index);
    const bool selected = o.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = !(o.state & QStyle::State_Enabled) ? QPalette::Disabled
                                       : (o.state & QStyle::State_Active) ? QPalette::Active
                                                                          : QPalette::Inactive;
    if (selected)
        painter->fillRect(o.rect, o.palette.brush(group, QPalette::Highlight));
    else if (o.backgroundBrush.style() != Qt::NoBrush)
        painter->fillRect(o.rect, o.backgroundBrush);

    QRect area = o.rect.adjusted(Margin, 0, -Margin, 0);
    if (!o.icon.isNull()) {
        const QSize size = o.decorationSize;
        const QRect icon(area.left(), area.top() + (area.height() - size.height()) / 2,
                         size.width(), size.height());
        o.icon.paint(painter, icon, Qt::AlignCenter, selected ? QIcon::Selected : QIcon::Normal);
        area.setLeft(icon.right() + 1 + Margin);
    }
    if (o.text.isEmpty() || area.width() <= 0)
        return;

    painter->save();
    // initStyleOption() put the model's foreground, if any, in the palette's Text.
    painter->setPen(o.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    painter->setFont(o.font);
    painter->setClipRect(area);
    const Line *l = &line(o.text, o.font);
    if (l->width > area.width())
        l = &line(elided(o.text, o.font, area.width(), o.textElideMode), o.font);
    const int x = (o.displayAlignment & Qt::AlignRight) ? area.right() + 1 - l->width : area.left();
    const int y = area.top() + (area.height() - qCeil(l->text.size().height())) / 2;
    painter->drawStaticText(QPoint(x, y), l->text);
    painter->restore();
}
