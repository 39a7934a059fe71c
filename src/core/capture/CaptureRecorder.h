// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Capture.h"
#include "capture/CaptureIndex.h"
#include "capture/DuplicateIndex.h"
#include "capture/ImportedRequest.h"
#include "capture/Journal.h"
#include "http/HttpRequest.h"

#include <vector>

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
    // The same, but the record only joins the journal's group (Journal::stage()): it must not
    // be acknowledged before commit() returns true.
    CapturePtr stage(HttpRequest &&request, const QString &peer, qint64 receivedAtMs,
                     quint16 answerStatus, QString *error);
    // Writes and syncs the staged group (Journal::commit()). On failure none of it is kept, and
    // its captures leave no trace in their duplicate groups.
    bool commit(QString *error);
    // commit() in two halves, for a sync run on another thread (Journal::writeGroup() and
    // syncedGroup()): captures staged in between form the next group, and are forgotten with
    // this one should its sync fail.
    Journal::GroupWrite writeGroup(QString *error);
    bool syncedGroup(int code, QString *error);
    bool syncing() const { return m_journal && m_journal->syncing(); }
    // Something waits for the next writeGroup(): a capture, or an annotation that joined it.
    bool hasStaged() const { return m_groupOpen || (m_journal && m_journal->hasStaged()); }

    // stage() for a request read from a file or recovered from ngrok, with where it came from,
    // followed by its note and star when it has them (annotate()). Should those fail, the
    // capture is still staged and returned without them, *error saying why.
    CapturePtr stage(const ImportedRequest &imported, QString *error);

    // Appends annotations of recorded or staged captures to the journal (Journal::
    // appendAnnotation(): they join the staged group), stamped with the time now when they carry
    // none; the next commit() syncs them. False, with *error set, at the first the journal did
    // not take: `annotations` then keeps only those before it, which it took.
    bool annotate(Annotations *annotations, QString *error);

    quint64 nextId() const { return m_nextId; }
    // Where record() writes; null when captures are kept nowhere.
    Journal *journal() const { return m_journal; }
    // An id for a capture that is shown but not recorded (a refused request).
    quint64 takeId() { return m_nextId++; }

private:
    CapturePtr keep(std::shared_ptr<Capture> capture, bool staged, QString *error);
    void forget(std::vector<CapturePtr> *captures);

    Journal *m_journal;
    std::vector<CapturePtr> m_staged;  // in the journal's group, not yet committed
    std::vector<CapturePtr> m_syncing; // written, their sync under way
    bool m_groupOpen = false;          // stage() or annotate() was called since the last commit()
    quint64 m_nextId;
    DuplicateIndex m_duplicates;
};
