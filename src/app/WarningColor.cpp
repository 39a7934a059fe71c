// SPDX-License-Identifier: MIT
#include "WarningColor.h"

#include <QLabel>

QColor warningColor(const QPalette &palette)
{
    // About 6:1 against white and 7:1 against a dark grey: more than text needs (4.5:1).
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    return dark ? QColor(0xff, 0xb0, 0x4d) : QColor(0xb0, 0x3a, 0x00);
}

void showAsWarning(QLabel *label, bool warn)
{
    QFont font = label->font();
    font.setBold(warn);
    label->setFont(font);
    if (!warn) {
        label->setPalette(QPalette()); // the parent's again, whatever the theme
        return;
    }
    QPalette palette = label->parentWidget() ? label->parentWidget()->palette() : QPalette();
    palette.setColor(QPalette::WindowText, warningColor(palette));
    label->setPalette(palette);
}
