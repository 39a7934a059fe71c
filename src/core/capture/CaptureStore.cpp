// SPDX-License-Identifier: MIT
#include "CaptureStore.h"

#include "capture/CaptureSearch.h"
#include "capture/JournalReader.h"
#include "capture/TextMatcher.h"

#include <utility>

CaptureStore::CaptureStore(QObject *parent)
    : QObject(parent)
{
}

CaptureStore::~CaptureStore() = default;

void CaptureStore::setJournalPath(const QString &path)
{
    m_journal.close();
    m_journal.setFileName(path);
    m_cachedRow = -1;
    m_cached.reset();
}

void CaptureStore::append(const CaptureBatch &batch)
{
    if (batch.isEmpty())
        return;
    const qsizetype first = m_index.size();
    emit aboutToAppend(first, batch.size());
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const Capture &c = *batch.at(i);
        m_index.append(c);
        if (c.journalOffset < 0)
            m_resident.insert(qint32(first + i), batch.at(i));
    }
    emit appended(first, batch.size());
}

void CaptureStore::appendLoaded(CaptureIndex &&loaded)
{
    if (loaded.isEmpty())
        return;
    const qsizetype first = m_index.size();
    emit aboutToAppend(first, loaded.size());
    if (first == 0) {
        m_index = std::move(loaded);
    } else {
        for (qsizetype i = 0; i < loaded.size(); ++i)
            m_index.append(loaded.entry(i));
    }
    emit appended(first, m_index.size() - first);
}

void CaptureStore::setLateAnswer(quint64 id, quint16 status, quint32 afterMs)
{
    const qsizetype row = m_index.setLateAnswer(id, status, afterMs);
    if (row >= 0)
        emit rowChanged(row);
}

void CaptureStore::clear()
{
    emit aboutToClear();
    m_index.clear();
    m_resident.clear();
    m_cachedRow = -1;
    m_cached.reset();
    emit cleared();
}

void CaptureStore::setOpening(bool opening)
{
    if (std::exchange(m_opening, opening) != opening)
        emit openingChanged(opening);
}

void CaptureStore::annotate(const Annotations &annotations)
{
    QList<qsizetype> rows;
    bool shownChanged = false;
    for (const Annotation &a : annotations) {
        const qsizetype row = m_index.rowOfId(a.captureId);
        const quint16 before = row < 0 ? 0 : m_index.row(row).flags;
        if (row < 0 || !m_index.annotate(a))
            continue;
        if (a.kind == Annotation::Kind::LateAnswer) {
            emit rowChanged(row); // as setLateAnswer() tells it
            continue;
        }
        rows.append(row);
        shownChanged = shownChanged || ((before ^ m_index.row(row).flags) & Deleted);
    }
    if (!rows.isEmpty())
        emit annotated(rows, shownChanged);
}

CapturePtr CaptureStore::capture(qsizetype row, QString *error) const
{
    if (row < 0 || row >= size())
        return nullptr;
    if (row == m_cachedRow)
        return m_cached;
    const Location where = locate(row);
    if (where.resident)
        return where.resident;
    CapturePtr c = readFrom(m_journal, where, error);
    if (c) {
        m_cachedRow = row;
        m_cached = c;
    }
    return c;
}

CaptureStore::Location CaptureStore::locate(qsizetype row) const
{
    const Row &r = m_index.row(row);
    return {m_journal.fileName(), r.journalOffset, r.recordSize, r.id,
            m_resident.value(qint32(row))};
}

CapturePtr CaptureStore::read(const Location &where, QString *error)
{
    if (where.resident)
        return where.resident;
    QFile journal(where.journal);
    return readFrom(journal, where, error);
}

// Reads through `journal`, opening it when it is not open yet.
CapturePtr CaptureStore::readFrom(QFile &journal, const Location &where, QString *error)
{
    if (!journal.isOpen() && !journal.open(QIODevice::ReadOnly)) {
        if (error) {
            *error = tr("Cannot read capture #%1 from the journal %2: %3.")
                         .arg(where.id)
                         .arg(journal.fileName(), journal.errorString());
        }
        return nullptr;
    }
    CapturePtr c = JournalReader::readRecord(journal, where.offset, where.size, error);
    if (c && c->id != where.id) {
        if (error) {
            *error = tr("The journal %1 no longer holds capture #%2 where it was.")
                         .arg(journal.fileName(), QString::number(where.id));
        }
        c.reset();
    }
    return c;
}

std::shared_ptr<const CaptureStore::SearchSource> CaptureStore::searchSource() const
{
    auto source = std::make_shared<SearchSource>();
    source->journalPath = m_journal.fileName();
    source->resident = m_resident;
    source->spans.resize(size_t(size()));
    for (qsizetype i = 0; i < size(); ++i) {
        const Row &r = m_index.row(i);
        source->spans[size_t(i)] = SearchSource::Span{r.journalOffset, r.recordSize, r.id};
        if (r.flags & Bookmarked)
            source->bookmarked.insert(qint32(i));
        if (r.flags & Deleted)
            source->deleted.insert(qint32(i));
        if (const QStringView text = note(i); !text.isEmpty())
            source->notes.insert(qint32(i), text.toString());
    }
    return source;
}

bool CaptureStore::matchesText(qsizetype row, const TextMatcher &matcher) const
{
    const Row &r = m_index.row(row);
    if (const QStringView text = note(row);
        !text.isEmpty() && matcher.matches({}, {}, text.toUtf8()))
        return true;
    return CaptureSearch::matchesRow(SearchSource::Span{r.journalOffset, r.recordSize, r.id},
                                     m_resident.value(qint32(row)), m_journal, matcher);
}
