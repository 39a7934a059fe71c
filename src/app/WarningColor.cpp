// SPDX-License-Identifier: MIT
#include "WarningColor.h"

#include "Tints.h"

#include <QLabel>

QColor warningColor(const QPalette &palette)
{
    return Tints::text(Tints::Tone::Warning, palette);
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
