// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Capture.h"
#include "capture/CaptureIndex.h"
#include "capture/DuplicateIndex.h"
#include "capture/ImportedRequest.h"
#include "http/HttpRequest.h"

class Journal;

// Turns accepted requests into numbered, classified captures and appends each to the
// journal before its answer is written. Lives on the network thread.
class CaptureRecorder {
public:
    // `journal` may be null: captures are then numbered but kept nowhere.
    explicit CaptureRecorder(Journal *journal, quint64 firstId = 1);

    // Replays captures read back from the journal so that ids and duplicate groups go on.
    void restore(const CaptureIndex &loaded);

    // The capture, or null with *error set when the journal could not take it; the
    // request must then not be answered as received (503, so that Hoox retries).
    // A classified capture of `request`, not numbered within its key's group, not journaled.
    static std::shared_ptr<Capture> build(HttpRequest &&request, quint64 id, const QString &peer,
                                          qint64 receivedAtMs, quint16 answerStatus);

    CapturePtr record(HttpRequest &&request, const QString &peer, qint64 receivedAtMs,
                      quint16 answerStatus, QString *error);

    // Appends annotations of recorded captures to the journal, stamped with the time now when
    // they carry none. False, with *error set, at the first the journal did not take.
    bool annotate(Annotations *annotations, QString *error);
    // `request` recorded as record() does, followed by its note and star when it has them.
    CapturePtr recordImported(const ImportedRequest &request, QString *error);

    quint64 nextId() const { return m_nextId; }
    // Where record() writes; null when captures are kept nowhere.
    Journal *journal() const { return m_journal; }
    // An id for a capture that is shown but not recorded (a refused request).
    quint64 takeId() { return m_nextId++; }

private:
    Journal *m_journal;
    quint64 m_nextId;
    DuplicateIndex m_duplicates;
};
