// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QString>

class CaptureStore;

// The Attempt column: where a delivery stands in its key's retry chain. The numbers are the
// journal's (DuplicateIndex gave them as the deliveries arrived), so they stay true when
// retention leaves a key's earlier deliveries out of the session: 5/5, never 5/2.
class AttemptLabel {
    Q_DECLARE_TR_FUNCTIONS(AttemptLabel)
public:
    // "2/4 +1.0s": the attempt, of how many so far, and how long after the one before.
    static QString text(const CaptureStore &store, qsizetype row);
    // The same in sentences: how many loaded, whether the gap fits Hoox's 1 s / 2 s / 4 s
    // schedule, the first capture's id, a conflict, and Hoox giving up.
    static QString toolTip(const CaptureStore &store, qsizetype row);

private:
    static qint64 gapToPrevious(const CaptureStore &store, qsizetype row);
};
