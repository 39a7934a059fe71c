// SPDX-License-Identifier: MIT
#include "VerdictIcon.h"

#include "Tints.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace {

QPixmap draw(VerdictIcon::Tone tone, int size, const QPalette &palette)
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
        p.setBrush(Tints::fill(Tints::Tone::Success, palette));
        p.drawEllipse(box);
        break;
    case VerdictIcon::Tone::Warning: {
        p.setBrush(Tints::fill(Tints::Tone::ClientError, palette));
        QPainterPath triangle;
        triangle.moveTo(box.center().x(), box.top());
        triangle.lineTo(box.bottomRight());
        triangle.lineTo(box.bottomLeft());
        triangle.closeSubpath();
        p.drawPath(triangle);
        break;
    }
    case VerdictIcon::Tone::Bad:
        p.setBrush(Tints::fill(Tints::Tone::ServerError, palette));
        p.drawRoundedRect(box, size * 0.1, size * 0.1);
        break;
    }
    return pixmap;
}

} // namespace

QIcon VerdictIcon::icon(Tone tone, const QPalette &palette)
{
    QIcon icon;
    for (int size : {16, 24, 32}) {
        const QPixmap pixmap = draw(tone, size, palette);
        icon.addPixmap(pixmap);
        // Else the style tints it with the highlight on a selected row, and red turns grey.
        icon.addPixmap(pixmap, QIcon::Selected);
    }
    return icon;
}
