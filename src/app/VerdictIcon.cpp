// SPDX-License-Identifier: MIT
#include "VerdictIcon.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace {

QPixmap draw(VerdictIcon::Tone tone, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    const qreal margin = size * 0.15;
    const QRectF box(margin, margin, size - 2 * margin, size - 2 * margin);
    switch (tone) {
    case VerdictIcon::Tone::Good:
        p.setBrush(QColor(0x2e, 0xa0, 0x43));
        p.drawEllipse(box);
        break;
    case VerdictIcon::Tone::Warning: {
        p.setBrush(QColor(0xd2, 0x99, 0x22));
        QPainterPath triangle;
        triangle.moveTo(box.center().x(), box.top());
        triangle.lineTo(box.bottomRight());
        triangle.lineTo(box.bottomLeft());
        triangle.closeSubpath();
        p.drawPath(triangle);
        break;
    }
    case VerdictIcon::Tone::Bad:
        p.setBrush(QColor(0xe5, 0x53, 0x4b));
        p.drawRoundedRect(box, size * 0.1, size * 0.1);
        break;
    }
    return pixmap;
}

} // namespace

QIcon VerdictIcon::icon(Tone tone)
{
    QIcon icon;
    for (int size : {16, 24, 32}) {
        const QPixmap pixmap = draw(tone, size);
        icon.addPixmap(pixmap);
        // Else the style tints it with the highlight on a selected row, and red turns grey.
        icon.addPixmap(pixmap, QIcon::Selected);
    }
    return icon;
}
