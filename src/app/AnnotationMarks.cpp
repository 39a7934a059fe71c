// SPDX-License-Identifier: MIT
#include "AnnotationMarks.h"

#include "capture/CaptureStore.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QPixmapCache>
#include <QtMath>

namespace {

void drawStar(QPainter &p, const QRectF &box)
{
    QPainterPath star;
    for (int i = 0; i < 10; ++i) {
        const qreal radius = (i % 2 == 0 ? 0.5 : 0.21) * box.width();
        const qreal angle = -M_PI / 2 + i * M_PI / 5;
        const QPointF at = box.center() + QPointF(radius * qCos(angle), radius * qSin(angle));
        if (i == 0)
            star.moveTo(at);
        else
            star.lineTo(at);
    }
    star.closeSubpath();
    p.setPen(QPen(QColor(0x9a, 0x6b, 0x00), box.width() / 16));
    p.setBrush(QColor(0xf2, 0xb7, 0x05));
    p.drawPath(star);
}

// A page with a folded corner and two lines of text.
void drawNote(QPainter &p, const QRectF &box)
{
    const qreal fold = box.width() * 0.3;
    QPainterPath page;
    page.moveTo(box.topLeft());
    page.lineTo(box.right() - fold, box.top());
    page.lineTo(box.right(), box.top() + fold);
    page.lineTo(box.bottomRight());
    page.lineTo(box.bottomLeft());
    page.closeSubpath();
    p.setPen(QPen(QColor(0x4a, 0x5a, 0x6a), box.width() / 12));
    p.setBrush(QColor(0xfa, 0xfa, 0xf0));
    p.drawPath(page);
    for (qreal y : {0.45, 0.7})
        p.drawLine(QPointF(box.left() + box.width() * 0.2, box.top() + box.height() * y),
                   QPointF(box.right() - box.width() * 0.2, box.top() + box.height() * y));
}

QPixmap draw(bool bookmarked, bool noted, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    if (noted) {
        const qreal side = bookmarked ? size * 0.55 : size * 0.8;
        drawNote(p, QRectF(size - side - size * 0.05, size - side - size * 0.02, side * 0.8, side));
    }
    if (bookmarked) {
        const qreal side = size * (noted ? 0.7 : 0.95);
        drawStar(p, QRectF(0, 0, side, side));
    }
    return pixmap;
}

QString toolTip(bool bookmarked, QStringView note)
{
    QStringList lines;
    if (bookmarked)
        lines << QCoreApplication::translate("AnnotationMarks", "Bookmarked (Ctrl+B)");
    if (!note.isEmpty())
        lines << QCoreApplication::translate("AnnotationMarks", "Note: %1").arg(note);
    return lines.join(u'\n');
}

} // namespace

QIcon AnnotationMarks::icon(bool bookmarked, bool noted)
{
    QIcon icon;
    for (int size : {16, 24, 32}) {
        // Drawn once: the table asks at every repaint of every annotated row.
        const QString key = QStringLiteral("hookscope-annotation-%1-%2-%3")
                                .arg(int(bookmarked))
                                .arg(int(noted))
                                .arg(size);
        QPixmap pixmap;
        if (!QPixmapCache::find(key, &pixmap)) {
            pixmap = draw(bookmarked, noted, size);
            QPixmapCache::insert(key, pixmap);
        }
        icon.addPixmap(pixmap);
        icon.addPixmap(pixmap, QIcon::Selected); // no highlight tint over the colours
    }
    return icon;
}

QVariant AnnotationMarks::data(const CaptureStore &store, qsizetype row, int role)
{
    const bool bookmarked = store.isBookmarked(row);
    const QStringView note = store.note(row);
    if (!bookmarked && note.isEmpty())
        return {};
    if (role == Qt::DecorationRole)
        return icon(bookmarked, !note.isEmpty());
    if (role == Qt::ToolTipRole)
        return toolTip(bookmarked, note);
    return {};
}
