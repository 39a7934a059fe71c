// SPDX-License-Identifier: MIT
#include "CopyFeedback.h"

#include <QAbstractButton>
#include <QTimer>

namespace {
constexpr auto kWordProperty = "copyFeedbackWord";
constexpr auto kShowingProperty = "copyFeedbackShowing";
} // namespace

void CopyFeedback::show(QAbstractButton *button)
{
    if (!button->property(kShowingProperty).toBool())
        button->setProperty(kWordProperty, button->text());
    const int showing = button->property(kShowingProperty).toInt() + 1;
    button->setProperty(kShowingProperty, showing);
    button->setText(tr("Copied ✓"));
    QTimer::singleShot(kShownMs, button, [button, showing] {
        if (button->property(kShowingProperty).toInt() != showing)
            return; // clicked again: the later click brings the word back
        button->setProperty(kShowingProperty, 0);
        button->setText(button->property(kWordProperty).toString());
    });
}
