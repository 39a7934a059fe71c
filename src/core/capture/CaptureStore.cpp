// SPDX-License-Identifier: MIT
#include "CaptureStore.h"

#include "capture/CaptureSearch.h"
#include "capture/JournalReader.h"
#include "capture/TextMatcher.h"

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
    if (const auto it = m_resident.constFind(qint32(row)); it != m_resident.cend())
        return *it;
    if (row == m_cachedRow)
        return m_cached;
    const Row &r = m_index.row(row);
    if (!m_journal.isOpen() && !m_journal.open(QIODevice::ReadOnly)) {
        if (error) {
            *error = tr("Cannot read capture #%1 from the journal %2: %3.")
                         .arg(r.id)
                         .arg(m_journal.fileName(), m_journal.errorString());
        }
        return nullptr;
    }
    CapturePtr c = JournalReader::readRecord(m_journal, r.journalOffset, r.recordSize, error);
    if (c && c->id != r.id) {
        if (error) {
            *error = tr("The journal %1 no longer holds capture #%2 where it was.")
                         .arg(m_journal.fileName(), QString::number(r.id));
        }
        c.reset();
    }
    if (c) {
        m_cachedRow = row;
        m_cached = c;
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
