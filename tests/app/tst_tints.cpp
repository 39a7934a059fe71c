// SPDX-License-Identifier: MIT
// The colours the window adds to the palette: readable (WCAG 4.5:1 for text, 3:1 for shapes)
// on light and dark palettes, and neighbouring retry groups told apart.
#include "JsonHighlighter.h"
#include "Tints.h"

#include <QApplication>
#include <QSet>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

#include <array>
#include <cmath>
#include <memory>

namespace {
QPalette lightPalette()
{
    static const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    return fusion->standardPalette();
}

// What a dark theme sets: dark Window and Base, light Text (qt6ct's "darker" scheme's tones).
QPalette darkPalette()
{
    QPalette p = lightPalette();
    p.setColor(QPalette::Window, QColor(0x30, 0x2f, 0x2e));
    p.setColor(QPalette::WindowText, QColor(0xf9, 0xf9, 0xf9));
    p.setColor(QPalette::Base, QColor(0x22, 0x20, 0x20));
    p.setColor(QPalette::AlternateBase, QColor(0x3d, 0x3d, 0x3d));
    p.setColor(QPalette::Text, QColor(0xe7, 0xe4, 0xe0));
    p.setColor(QPalette::Button, QColor(0x42, 0x42, 0x45));
    p.setColor(QPalette::ButtonText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x12, 0x60, 0x8a));
    p.setColor(QPalette::HighlightedText, Qt::white);
    return p;
}

// A palette whose Base is a middle grey: neither black nor white text is far from it.
QPalette greyPalette()
{
    QPalette p = lightPalette();
    p.setColor(QPalette::Base, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Window, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Text, Qt::black);
    return p;
}

// CIE L*a*b* of an sRGB colour (D65), to measure how far apart two tints look.
std::array<double, 3> lab(const QColor &color)
{
    const auto lin = [](double c) {
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    const QColor c = color.toRgb();
    const double r = lin(c.redF()), g = lin(c.greenF()), b = lin(c.blueF());
    const double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    const double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    const double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    const auto f = [](double t) {
        return t > 216.0 / 24389 ? std::cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

double deltaE(const QColor &a, const QColor &b)
{
    const auto p = lab(a), q = lab(b);
    return std::hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

const char *const kJson = R"({
  "task": "video_generate",
  "job_id": "run_0123",
  "status": "completed",
  "result": {"cost": 5, "ratio": -1.5e3, "ok": true, "error": null, "final": false}
})";
} // namespace

class tst_Tints : public QObject {
    Q_OBJECT
private slots:
    void contrastIsWcags();
    void readableKeepsWhatReads();
    void readableFallsBackToBlackOrWhite();
    void groupTintsReadUnderText_data();
    void groupTintsReadUnderText();
    void neighbouringGroupsDiffer_data();
    void neighbouringGroupsDiffer();
    void tonesReadOnTheBase_data();
    void tonesReadOnTheBase();
    void highlighterFormatsRead_data();
    void highlighterFormatsRead();
};

void tst_Tints::contrastIsWcags()
{
    QCOMPARE(Tints::contrast(Qt::white, Qt::black), 21.0);
    QCOMPARE(Tints::contrast(Qt::black, Qt::white), 21.0);
    QCOMPARE(Tints::contrast(QColor(0x12, 0x34, 0x56), QColor(0x12, 0x34, 0x56)), 1.0);
    // WebAIM's checker: #777777 on white is 4.48:1, #767676 the lightest grey at 4.54:1.
    QCOMPARE(std::round(Tints::contrast(QColor(0x77, 0x77, 0x77), Qt::white) * 100) / 100, 4.48);
    QCOMPARE(std::round(Tints::contrast(QColor(0x76, 0x76, 0x76), Qt::white) * 100) / 100, 4.54);
    QVERIFY(!Tints::isDark(lightPalette()));
    QVERIFY(Tints::isDark(darkPalette()));
}

void tst_Tints::readableKeepsWhatReads()
{
    const QColor deep(0x00, 0x4f, 0x9e);
    QCOMPARE(Tints::readable(deep, {Qt::white}), deep);
    // On black the deep blue is lightened, its hue kept, just enough.
    const QColor lifted = Tints::readable(deep, {Qt::black});
    QVERIFY(Tints::contrast(lifted, Qt::black) >= Tints::kTextContrast);
    QVERIFY(Tints::contrast(lifted, Qt::black) < Tints::kTextContrast + 0.1);
    QVERIFY(qAbs(lifted.toHsl().hslHue() - deep.toHsl().hslHue()) <= 1);
}

void tst_Tints::readableFallsBackToBlackOrWhite()
{
    const QColor grey(0x80, 0x80, 0x80);
    const QColor onGrey = Tints::readable(QColor(0x80, 0x80, 0xff), {grey});
    QVERIFY2(Tints::contrast(onGrey, grey) >= Tints::kTextContrast, qPrintable(onGrey.name()));
    // Two backgrounds at once: the colour reads on both.
    const QColor both =
        Tints::readable(QColor(0xff, 0xb0, 0x4d), {Qt::white, QColor(0xee, 0xee, 0xdd)});
    QVERIFY(Tints::contrast(both, Qt::white) >= Tints::kTextContrast);
    QVERIFY(Tints::contrast(both, QColor(0xee, 0xee, 0xdd)) >= Tints::kTextContrast);
}

void tst_Tints::groupTintsReadUnderText_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<int>("group");
    for (int g = 0; g <= 50; ++g) {
        QTest::addRow("light %d", g) << lightPalette() << g;
        QTest::addRow("dark %d", g) << darkPalette() << g;
        QTest::addRow("grey %d", g) << greyPalette() << g;
    }
}

// The palette's Text, and every coloured word (answers, warnings), reach 4.5:1 on a group's
// tint; a dark palette's tints stay dark under its light text, a light one's light.
void tst_Tints::groupTintsReadUnderText()
{
    QFETCH(QPalette, palette);
    QFETCH(int, group);
    const QColor tint = Tints::group(palette, group);
    const QColor text = palette.color(QPalette::Text);
    QVERIFY2(Tints::contrast(text, tint) >= Tints::kTextContrast,
             qPrintable(tint.name() + u' ' + QString::number(Tints::contrast(text, tint))));
    if (Tints::contrast(text, palette.color(QPalette::Base)) > 7) {
        QVERIFY(tint != palette.color(QPalette::Base)); // where there is room, a tint shows
        // and it is no selection's hue: a tinted row never passes for a selected one
        const int away =
            std::abs(tint.toHsl().hslHue() - palette.color(QPalette::Highlight).toHsl().hslHue());
        QVERIFY2(std::min(away, 360 - away) >= 25, qPrintable(tint.name()));
    }
    if (Tints::isDark(palette))
        QVERIFY(Tints::luminance(tint) < Tints::luminance(text));
    for (int t = 0; t < Tints::kToneCount; ++t) {
        const QColor word = Tints::text(Tints::Tone(t), palette, {tint});
        QVERIFY2(
            Tints::contrast(word, tint) >= Tints::kTextContrast,
            qPrintable(QStringLiteral("tone %1: %2 on %3").arg(t).arg(word.name(), tint.name())));
    }
}

void tst_Tints::neighbouringGroupsDiffer_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::addRow("light") << lightPalette();
    QTest::addRow("dark") << darkPalette();
}

// Consecutive groups (a chain and the next one) are a golden angle apart in hue and differ in
// strength: clearly apart (a CIE76 ΔE above 10; 2.3 is the least an eye tells apart).
void tst_Tints::neighbouringGroupsDiffer()
{
    QFETCH(QPalette, palette);
    double least = 1e9;
    for (int g = 0; g < 50; ++g) {
        least = std::min(least, deltaE(Tints::group(palette, g), Tints::group(palette, g + 1)));
        least = std::min(least, deltaE(Tints::group(palette, g), Tints::group(palette, g + 2)));
    }
    QVERIFY2(least > 10, qPrintable(QString::number(least)));
}

void tst_Tints::tonesReadOnTheBase_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<int>("tone");
    for (int t = 0; t < Tints::kToneCount; ++t) {
        QTest::addRow("light %d", t) << lightPalette() << t;
        QTest::addRow("dark %d", t) << darkPalette() << t;
        QTest::addRow("grey %d", t) << greyPalette() << t;
    }
}

void tst_Tints::tonesReadOnTheBase()
{
    QFETCH(QPalette, palette);
    QFETCH(int, tone);
    for (const QPalette::ColorRole role : {QPalette::Base, QPalette::Window}) {
        const QColor ground = palette.color(role);
        QVERIFY(Tints::contrast(Tints::text(Tints::Tone(tone), palette), ground) >=
                Tints::kTextContrast);
        QVERIFY(Tints::contrast(Tints::fill(Tints::Tone(tone), palette), ground) >=
                Tints::kShapeContrast);
    }
}

void tst_Tints::highlighterFormatsRead_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<QPalette>("then");
    QTest::addRow("light, then dark") << lightPalette() << darkPalette();
    QTest::addRow("dark, then light") << darkPalette() << lightPalette();
}

// Every highlighted token of a JSON body, in each of the four formats, reads at 4.5:1 on the
// editor's base and on a marked line; a change of palette colours the text anew.
void tst_Tints::highlighterFormatsRead()
{
    QFETCH(QPalette, palette);
    QFETCH(QPalette, then);
    QTextDocument document;
    document.setPlainText(QString::fromUtf8(kJson));
    JsonHighlighter highlighter(&document, palette);
    const auto check = [&document](const QPalette &p, QSet<QRgb> *colours) {
        for (QTextBlock b = document.begin(); b.isValid(); b = b.next()) {
            for (const QTextLayout::FormatRange &r : b.layout()->formats()) {
                const QColor c = r.format.foreground().color();
                colours->insert(c.rgb());
                for (const QColor &ground : {p.color(QPalette::Base), Tints::mark(p)})
                    QVERIFY2(Tints::contrast(c, ground) >= Tints::kTextContrast,
                             qPrintable(c.name() + u" on " + ground.name()));
            }
        }
        QCOMPARE(colours->size(), 4); // keys, strings, numbers, literals
    };
    QSet<QRgb> before, after;
    check(palette, &before);
    highlighter.setPalette(then);
    check(then, &after);
    QVERIFY(!before.intersects(after));
}

QTEST_MAIN(tst_Tints)

#include "tst_tints.moc"
