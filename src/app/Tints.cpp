// SPDX-License-Identifier: MIT
#include "Tints.h"

#include <algorithm>
#include <cmath>

namespace {
constexpr double kGoldenAngle = 137.50776405003785; // degrees: consecutive hues stay far apart
// Group hues keep this far from the selection's: a tinted row never passes for a selected one.
constexpr double kAwayFromHighlight = 30.0;
constexpr double kDefaultHighlightHue = 210.0; // when the highlight is a grey
constexpr double kFirstPlace = 0.9; // for a blue highlight, a calm green for the first group
constexpr int kSearchSteps = 24;

double channel(double c)
{
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double worstContrast(const QColor &color, const QList<QColor> &backgrounds)
{
    double worst = 21;
    for (const QColor &b : backgrounds)
        worst = std::min(worst, Tints::contrast(color, b));
    return worst;
}

double groupHue(const QPalette &palette, int group)
{
    double highlight = palette.color(QPalette::Highlight).toHsl().hslHueF() * 360;
    if (highlight < 0)
        highlight = kDefaultHighlightHue;
    const double place = std::fmod(kFirstPlace + std::abs(group) * kGoldenAngle / 360, 1.0);
    return std::fmod(highlight + kAwayFromHighlight + place * (360 - 2 * kAwayFromHighlight), 360);
}

QColor withLightness(const QColor &color, double lightness)
{
    const QColor hsl = color.toHsl();
    return QColor::fromHslF(std::max(0.0f, hsl.hslHueF()), hsl.hslSaturationF(), float(lightness));
}
} // namespace

double Tints::luminance(const QColor &color)
{
    const QColor rgb = color.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) +
           0.0722 * channel(rgb.blueF());
}

double Tints::contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

bool Tints::isDark(const QPalette &palette)
{
    return luminance(palette.color(QPalette::Text)) > luminance(palette.color(QPalette::Base));
}

// In HSL every channel grows with the lightness, and so does the luminance: a binary search
// finds the smallest change of lightness that reaches the ratio.
QColor Tints::readable(const QColor &color, const QList<QColor> &backgrounds, double ratio)
{
    if (backgrounds.isEmpty() || worstContrast(color, backgrounds) >= ratio)
        return color;
    const bool lighten =
        worstContrast(Qt::white, backgrounds) >= worstContrast(Qt::black, backgrounds);
    const QColor extreme = lighten ? QColor(Qt::white) : QColor(Qt::black);
    if (worstContrast(extreme, backgrounds) < ratio)
        return extreme; // the best there is
    double near = color.toHsl().lightnessF();
    double far = lighten ? 1.0 : 0.0;
    for (int i = 0; i < kSearchSteps; ++i) {
        const double mid = (near + far) / 2;
        if (worstContrast(withLightness(color, mid), backgrounds) >= ratio)
            far = mid;
        else
            near = mid;
    }
    return withLightness(color, far);
}

QColor Tints::blend(const QColor &base, const QColor &over, double alpha)
{
    const auto mix = [alpha](float a, float b) { return float(a * (1 - alpha) + b * alpha); };
    const QColor a = base.toRgb();
    const QColor b = over.toRgb();
    return QColor::fromRgbF(mix(a.redF(), b.redF()), mix(a.greenF(), b.greenF()),
                            mix(a.blueF(), b.blueF()));
}

// Group by group the hue steps on by a golden angle over the circle less the band around the
// highlight's hue, so that consecutive groups are always far apart; odd groups are tinted a
// little lighter than even ones, so two neighbours differ in strength as well.
QColor Tints::group(const QPalette &palette, int group)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const bool dark = isDark(palette);
    const QColor pure =
        QColor::fromHslF(float(groupHue(palette, group) / 360), 0.85f, dark ? 0.55f : 0.5f);
    double alpha = (dark ? 0.26 : 0.24) * (group % 2 ? 0.7 : 1.0);
    QColor tint = blend(base, pure, alpha);
    // Room above 4.5:1 for the coloured words (warnings, answers) that sit on the tint too.
    while (alpha > 0.01 && contrast(text, tint) < kTextContrast + 1.0) {
        alpha *= 0.8;
        tint = blend(base, pure, alpha);
    }
    return tint;
}

QColor Tints::text(Tone tone, const QPalette &palette, const QList<QColor> &backgrounds)
{
    return readable(hueOf(tone, isDark(palette)),
                    backgrounds.isEmpty() ? grounds(palette) : backgrounds);
}

QColor Tints::fill(Tone tone, const QPalette &palette)
{
    return readable(hueOf(tone, isDark(palette)), grounds(palette), kShapeContrast);
}

QColor Tints::mark(const QPalette &palette)
{
    return blend(palette.color(QPalette::Base), hueOf(Tone::Warning, isDark(palette)), 0.2);
}

QList<QColor> Tints::grounds(const QPalette &palette)
{
    return {palette.color(QPalette::Base), palette.color(QPalette::Window)};
}

// The starting points: familiar editor colours, deep on light backgrounds and pale on dark
// ones; readable() then moves them as far as the actual palette needs.
QColor Tints::hueOf(Tone tone, bool dark)
{
    switch (tone) {
    case Tone::Success:
        return dark ? QColor(0x3f, 0xb9, 0x50) : QColor(0x1a, 0x7f, 0x37);
    case Tone::ClientError:
        return dark ? QColor(0xd2, 0x99, 0x22) : QColor(0x9a, 0x67, 0x00);
    case Tone::ServerError:
        return dark ? QColor(0xf8, 0x51, 0x49) : QColor(0xcf, 0x22, 0x2e);
    case Tone::Warning:
        return dark ? QColor(0xff, 0xb0, 0x4d) : QColor(0xb0, 0x3a, 0x00);
    case Tone::JsonKey:
        return dark ? QColor(0x9c, 0xdc, 0xfe) : QColor(0x00, 0x4f, 0x9e);
    case Tone::JsonString:
        return dark ? QColor(0xce, 0x91, 0x78) : QColor(0xa3, 0x15, 0x15);
    case Tone::JsonNumber:
        return dark ? QColor(0xb5, 0xce, 0xa8) : QColor(0x09, 0x86, 0x58);
    case Tone::JsonLiteral:
        return dark ? QColor(0x56, 0x9c, 0xd6) : QColor(0x00, 0x00, 0xff);
    }
    return {};
}
