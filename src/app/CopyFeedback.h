// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QString>

class QAbstractButton;

// A copy button says it worked for a moment ("Copied ✓"), then takes back its own word.
// Clicked again meanwhile, it keeps its own word to come back to.
class CopyFeedback {
    Q_DECLARE_TR_FUNCTIONS(CopyFeedback)
public:
    static constexpr int kShownMs = 1500;
    static void show(QAbstractButton *button);
};
