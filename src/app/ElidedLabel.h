// SPDX-License-Identifier: MIT
#pragma once

#include <QLabel>

// A one-line label that shows what fits of its text, ending in "…", instead of growing the
// panel it sits in or wrapping onto lines a short window has no room for. text() stays whole;
// set the tooltip to it where the end matters.
class ElidedLabel : public QLabel {
    Q_OBJECT
public:
    using QLabel::QLabel;

    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    // Without a tooltip of its own, a cut label shows its whole text on hover.
    bool event(QEvent *event) override;
};
