// SPDX-License-Identifier: MIT
#pragma once

#include <QIcon>

// A small mark for a verdict beside its word: a green disc, an amber triangle, a red square.
// The shapes differ as well as the colours, and each colour is a middle tone that stands out
// on a light and on a dark palette alike, so the word itself keeps the palette's text colour.
class VerdictIcon {
public:
    enum class Tone { Good, Warning, Bad };
    static QIcon icon(Tone tone);
};
