// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QPalette>

class QLabel;

// The foreground for words that warn (an app slower than Hoox waits), readable on the palette's
// Base and Window in light and dark themes alike: a deep orange on light, a pale one on dark,
// at 4.5:1 at least (Tints::Tone::Warning).
QColor warningColor(const QPalette &palette);
// Sets `label` in bold warning colour, or back to the window's own look.
void showAsWarning(QLabel *label, bool warn);
