// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QString>

class CaptureStore;

// The Attempt column: where a delivery stands in its key's retry chain. The numbers are the
// journal's (DuplicateIndex gave them as the deliveries arrived), so they stay true when
// retention leaves a key's earlier deliveries out of the session: "attempt 5 of 5 · 2 shown",
// never "5 of 2".
class AttemptLabel {
    Q_DECLARE_TR_FUNCTIONS(AttemptLabel)
public:
    // "2 of 4 · +1.0 s, fits Hoox's 1 s / 2 s / 4 s schedule", or "attempt 5 of 5 · 2 shown".
    static QString text(const CaptureStore &store, qsizetype row);
    // What the numbers mean, the first capture's id, and a conflict if there is one.
    static QString toolTip(const CaptureStore &store, qsizetype row);
};
