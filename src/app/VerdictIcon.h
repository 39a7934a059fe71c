// SPDX-License-Identifier: MIT
#pragma once

#include <QIcon>

#include <QPalette>

// A small mark for a verdict beside its word: a green disc, an amber triangle, a red square.
// The shapes differ as well as the colours, and each colour derives from the palette (Tints) to
// stand out at 3:1 on its base, so the word itself keeps the palette's text colour.
class VerdictIcon {
public:
    enum class Tone { Good, Warning, Bad };
    static QIcon icon(Tone tone, const QPalette &palette = QPalette());
};
