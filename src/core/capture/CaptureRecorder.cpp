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
    m_duplicates.restore(loaded);
    for (qsizetype i = 0; i < loaded.size(); ++i)
        m_nextId = qMax(m_nextId, loaded.row(i).id + 1);
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
    return keep(build(std::move(request), m_nextId, peer, receivedAtMs, answerStatus), false,
                error);
}

CapturePtr CaptureRecorder::stage(HttpRequest &&request, const QString &peer, qint64 receivedAtMs,
                                  quint16 answerStatus, QString *error)
{
    return keep(build(std::move(request), m_nextId, peer, receivedAtMs, answerStatus), true, error);
}

CapturePtr CaptureRecorder::stage(const ImportedRequest &imported, QString *error)
{
    HttpRequest request = imported.request;
    auto c = build(std::move(request), m_nextId, imported.peer, imported.receivedAtMs,
                   imported.answerStatus);
    c->recovered = imported.recovered;
    c->source = imported.source;
    CapturePtr kept = keep(std::move(c), true, error);
    if (!kept || (imported.note.isEmpty() && !imported.bookmarked))
        return kept;
    // The star first: a note too long for the journal then fails alone. The capture is staged
    // whatever becomes of its annotations, and returned with those the journal took.
    Annotations annotations;
    if (imported.bookmarked)
        annotations.append(Annotation::bookmark(kept->id, true));
    if (!imported.note.isEmpty())
        annotations.append(Annotation::note(kept->id, imported.note));
    annotate(&annotations, error);
    auto annotated = std::make_shared<Capture>(*kept);
    for (const Annotation &a : std::as_const(annotations)) {
        if (a.kind == Annotation::Kind::Note)
            annotated->note = a.text();
        else
            annotated->bookmarked = true;
    }
    return annotated;
}

bool CaptureRecorder::commit(QString *error)
{
    switch (writeGroup(error)) {
    case Journal::GroupWrite::Durable:
        return true;
    case Journal::GroupWrite::Failed:
        return false;
    case Journal::GroupWrite::NeedsSync:
        break;
    }
    return syncedGroup(m_journal->syncFunction()(m_journal->descriptor()), error);
}

Journal::GroupWrite CaptureRecorder::writeGroup(QString *error)
{
    if (!m_journal || !hasStaged())
        return Journal::GroupWrite::Durable; // nothing to write or sync
    m_groupOpen = false;
    const Journal::GroupWrite result = m_journal->writeGroup(error);
    if (result == Journal::GroupWrite::Failed)
        forget(&m_staged);
    else if (result == Journal::GroupWrite::NeedsSync)
        m_syncing = std::move(m_staged);
    m_staged.clear();
    return result;
}

bool CaptureRecorder::syncedGroup(int code, QString *error)
{
    const bool ok = m_journal->syncedGroup(code, error);
    if (!ok) {
        // The journal cut off what was staged after the group too. Latest first: unassign()
        // takes back only the latest attempt of a group.
        forget(&m_staged);
        forget(&m_syncing);
        m_groupOpen = false;
    }
    m_syncing.clear();
    return ok;
}

// The captures were not kept: they leave no trace in their duplicate groups.
void CaptureRecorder::forget(std::vector<CapturePtr> *captures)
{
    for (auto it = captures->rbegin(); it != captures->rend(); ++it)
        m_duplicates.unassign((*it)->hoox);
    captures->clear();
}

CapturePtr CaptureRecorder::keep(std::shared_ptr<Capture> c, bool staged, QString *error)
{
    m_duplicates.assign(c->id, c->hoox);
    m_groupOpen = m_groupOpen || staged;
    const bool kept =
        !m_journal || (staged ? m_journal->stage(*c, error) : m_journal->append(*c, error));
    if (!kept) {
        // A capture the journal refused was never received: leave no trace in its group.
        m_duplicates.unassign(c->hoox);
        return nullptr;
    }
    if (m_journal) {
        c->journalOffset = m_journal->lastRecordOffset();
        c->journalRecordSize = m_journal->lastRecordSize();
        if (staged)
            m_staged.push_back(c);
    }
    ++m_nextId;
    return c;
}

bool CaptureRecorder::annotate(Annotations *annotations, QString *error)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // They join the open group, or open one: the next commit() writes and syncs them.
    m_groupOpen = m_groupOpen || m_journal != nullptr;
    for (qsizetype i = 0; i < annotations->size(); ++i) {
        Annotation &a = (*annotations)[i];
        if (a.atMs == 0)
            a.atMs = now;
        if (m_journal && !m_journal->appendAnnotation(a, error)) {
            annotations->resize(i);
            return false;
        }
    }
    return true;
}
