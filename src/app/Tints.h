// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QList>
#include <QPalette>

// Every colour the window adds to the palette's own, derived from that palette (its Base, Text
// and Window), so that a light and a dark theme both read well: the table's group tints, the
// tones of answers, verdicts and warnings, and the JSON highlighter's. Text colours are checked
// against their background with the WCAG contrast ratio and moved in lightness, keeping their
// hue, until they reach 4.5:1; shapes reach 3:1.
class Tints {
public:
    enum class Tone {
        Success,
        ClientError,
        ServerError,
        Warning,
        JsonKey,
        JsonString,
        JsonNumber,
        JsonLiteral,
    };
    static constexpr int kToneCount = int(Tone::JsonLiteral) + 1;
    static constexpr double kTextContrast = 4.5;  // WCAG 2 AA for text
    static constexpr double kShapeContrast = 3.0; // WCAG 2 AA for marks that carry meaning

    // WCAG 2 relative luminance (0 black to 1 white) and contrast ratio (1 to 21).
    static double luminance(const QColor &color);
    static double contrast(const QColor &a, const QColor &b);
    static bool isDark(const QPalette &palette);
    // `color`, lighter or darker with its hue kept, until it reaches `ratio` against every
    // colour of `backgrounds` (all light or all dark); black or white when nothing else does.
    static QColor readable(const QColor &color, const QList<QColor> &backgrounds,
                           double ratio = kTextContrast);
    static QColor blend(const QColor &base, const QColor &over, double alpha);

    // The background of the rows of group `group` (a retry chain): the palette's Base tinted
    // with a hue a golden angle away from the previous group's, light or dark with the palette,
    // never so strong that the palette's Text on it falls under 4.5:1.
    static QColor group(const QPalette &palette, int group);
    // `tone` as text on every colour of `backgrounds` (the palette's Base and Window when empty).
    static QColor text(Tone tone, const QPalette &palette, const QList<QColor> &backgrounds = {});
    // `tone` as the fill of a shape on the palette's Base and Window.
    static QColor fill(Tone tone, const QPalette &palette);
    // The background of a marked line of text (a duplicated JSON key).
    static QColor mark(const QPalette &palette);

private:
    static QColor hueOf(Tone tone, bool dark);
    static QList<QColor> grounds(const QPalette &palette);
};
