// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QVariant>

class CaptureStore;

// The Answer column: the status HookScope answered, and for the deliveries that need a second
// look what the sender really got: ngrok's answer for one recovered from ngrok, or an answer that
// went out after Hoox had stopped waiting.
class AnswerLabel {
    Q_DECLARE_TR_FUNCTIONS(AnswerLabel)
public:
    // 200 (an int, like the status), "—" without an answer, "502 · ngrok", "200 · late".
    static QVariant display(const CaptureStore &store, qsizetype row);
    static QString toolTip(const CaptureStore &store, qsizetype row);
    // The standard icon that marks the row's answer, or none (QStyle::StandardPixmap, -1: none).
    static int icon(const CaptureStore &store, qsizetype row);
};
