// SPDX-License-Identifier: MIT
#include "CaptureRecorder.h"

#include "capture/Journal.h"
#include "hoox/HooxClassifier.h"

#include <QDateTime>

CaptureRecorder::CaptureRecorder(Journal *journal, quint64 firstId)
    : m_journal(journal)
    , m_nextId(firstId)
{
}

void CaptureRecorder::restore(const CaptureIndex &loaded)
{
    for (qsizetype i = 0; i < loaded.size(); ++i) {
        const CaptureIndex::Row &r = loaded.row(i);
        m_duplicates.restore(r.id, loaded.key(i), r.duplicateOf, r.attempt, r.outcomeHash);
        m_nextId = qMax(m_nextId, r.id + 1);
    }
}

std::shared_ptr<Capture> CaptureRecorder::build(HttpRequest &&request, quint64 id,
                                                const QString &peer, qint64 receivedAtMs,
                                                quint16 answerStatus)
{
    auto c = std::make_shared<Capture>();
    c->id = id;
    c->receivedAtMs = receivedAtMs;
    c->peer = peer;
    c->method = std::move(request.method);
    c->target = std::move(request.target);
    c->httpMinor = request.httpMinor;
    c->chunked = request.chunked;
    c->headers = std::move(request.headers);
    c->trailers = std::move(request.trailers);
    c->body = std::move(request.body);
    c->answerStatus = answerStatus;
    c->hoox = HooxClassifier::classify(c->method, c->headers, c->body);
    return c;
}

CapturePtr CaptureRecorder::record(HttpRequest &&request, const QString &peer, qint64 receivedAtMs,
                                   quint16 answerStatus, QString *error)
{
    auto c = build(std::move(request), m_nextId, peer, receivedAtMs, answerStatus);
    m_duplicates.assign(c->id, c->hoox);
    if (m_journal && !m_journal->append(*c, error)) {
        // A capture the journal refused was never received: leave no trace in its group.
        m_duplicates.unassign(c->hoox);
        return nullptr;
    }
    if (m_journal) {
        c->journalOffset = m_journal->lastRecordOffset();
        c->journalRecordSize = m_journal->lastRecordSize();
    }
    ++m_nextId;
    return c;
}

bool CaptureRecorder::annotate(Annotations *annotations, QString *error)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (Annotation &a : *annotations) {
        if (a.atMs == 0)
            a.atMs = now;
        if (m_journal && !m_journal->appendAnnotation(a, error))
            return false;
    }
    return true;
}

CapturePtr CaptureRecorder::recordImported(const ImportedRequest &r, QString *error)
{
    HttpRequest request = r.request;
    CapturePtr c = record(std::move(request), r.peer, r.receivedAtMs, r.answerStatus, error);
    if (!c || (r.note.isEmpty() && !r.bookmarked))
        return c;
    Annotations annotations;
    if (!r.note.isEmpty())
        annotations.append(Annotation::note(c->id, r.note));
    if (r.bookmarked)
        annotations.append(Annotation::bookmark(c->id, true));
    // The capture is in the journal whatever becomes of its annotations: returned, with *error
    // set, without them.
    if (!annotate(&annotations, error))
        return c;
    auto annotated = std::make_shared<Capture>(*c);
    annotated->note = r.note;
    annotated->bookmarked = r.bookmarked;
    return annotated;
}
