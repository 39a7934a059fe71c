// SPDX-License-Identifier: MIT
#pragma once

#include "capture/CaptureIndex.h"

#include <QFile>
#include <QHash>
#include <QObject>
#include <QSet>

#include <memory>

class TextMatcher;
#include <vector>

// The captures of the open session, in arrival order, on the GUI thread. It grows by whole
// batches and keeps a CaptureIndex of them: compact rows a filter scans in milliseconds at a
// million captures. Headers and bodies are not kept: a capture that was journaled is read back
// from the journal when it is opened, so memory grows by about a hundred bytes a capture.
// Captures that are in no journal (refused ones, or every one when there is no journal) are
// kept whole.
class CaptureStore : public QObject {
    Q_OBJECT
public:
    using Row = CaptureIndex::Row;
    using Group = CaptureIndex::Group;
    enum Flag : quint16 {
        HasFindings = CaptureIndex::HasFindings,
        Conflict = CaptureIndex::Conflict,
        Retry = CaptureIndex::Retry,
        Refused = CaptureIndex::Refused,
        Bookmarked = CaptureIndex::Bookmarked,
        Deleted = CaptureIndex::Deleted,
        Recovered = CaptureIndex::Recovered,
        LateAnswer = CaptureIndex::LateAnswer,
    };

    // Where the free-text search finds each row: a span of the journal, or the capture itself.
    // A snapshot, so that the search can run on another thread while rows keep arriving.
    struct SearchSource {
        struct Span {
            qint64 offset = -1; // -1: the capture is in `resident`
            quint32 size = 0;
            quint64 id = 0; // what the record there must hold
        };
        QString journalPath;
        std::vector<Span> spans;
        QHash<qint32, CapturePtr> resident;
        // The annotations of the rows that have any, by row.
        QHash<qint32, QString> notes;
        QSet<qint32> bookmarked;
        QSet<qint32> deleted;
    };

    explicit CaptureStore(QObject *parent = nullptr);
    ~CaptureStore() override;

    // The journal that journaled rows are read back from. Set it before appending its rows.
    void setJournalPath(const QString &path);
    QString journalPath() const { return m_journal.fileName(); }

    void append(const CaptureBatch &batch);
    // Appends the summaries read from the journal (Journal::takeLoaded()).
    void appendLoaded(CaptureIndex &&loaded);
    void clear();
    // Whether a journal is being read into the store (at start, the window shows before it is):
    // an empty store then is not an empty session.
    void setOpening(bool opening);
    bool isOpening() const { return m_opening; }
    // Capture `id`'s answer went out later than the sender waits (CaptureIndex::setLateAnswer()).
    void setLateAnswer(quint64 id, quint16 status, quint32 afterMs);

    qsizetype size() const { return m_index.size(); }
    const CaptureIndex &index() const { return m_index; }
    const Row &row(qsizetype row) const { return m_index.row(row); }
    const Group &group(qint32 index) const { return m_index.group(index); }
    QStringView key(qsizetype row) const { return m_index.key(row); }
    // The row holding capture `id`, or -1.
    qsizetype rowOfId(quint64 id) const { return m_index.rowOfId(id); }

    // The user's annotations of a row (the filter language reads them through these).
    bool isBookmarked(qsizetype row) const { return m_index.row(row).flags & Bookmarked; }
    bool isDeleted(qsizetype row) const { return m_index.row(row).flags & Deleted; }
    QStringView note(qsizetype row) const { return m_index.note(row); } // until the next change
    // Applies annotations read back or just journaled (SessionEngine::annotate()); those of
    // captures not in the store are ignored. annotated() names the rows that changed.
    void annotate(const Annotations &annotations);

    // The whole capture, headers and body, read back from the journal when it is not in
    // memory. Null, with *error set, when the journal can no longer give it (moved, cut).
    CapturePtr capture(qsizetype row, QString *error = nullptr) const;
    // The same read on another thread: where the capture is, taken here, then read() there.
    struct Location {
        QString journal;
        qint64 offset = 0;
        quint32 size = 0;
        quint64 id = 0;
        CapturePtr resident; // set when the capture is in memory: nothing to read
    };
    Location locate(qsizetype row) const;
    static CapturePtr read(const Location &where, QString *error);
    std::shared_ptr<const SearchSource> searchSource() const;
    // Whether one row matches `matcher`, for rows that arrive after a search was made.
    bool matchesText(qsizetype row, const TextMatcher &matcher) const;

signals:
    void aboutToAppend(qsizetype first, qsizetype count);
    void appended(qsizetype first, qsizetype count);
    void aboutToClear();
    void cleared();
    void openingChanged(bool opening);
    // `rows` changed their note or star; when `shownChanged`, some were deleted or restored.
    void annotated(const QList<qsizetype> &rows, bool shownChanged);
    // A row's answer changed after it was appended; its group may have changed with it.
    void rowChanged(qsizetype row);

private:
    static CapturePtr readFrom(QFile &journal, const Location &where, QString *error);

    CaptureIndex m_index;
    QHash<qint32, CapturePtr> m_resident; // by row
    mutable QFile m_journal;
    // Selecting a row opens it in several panels at once: read it once.
    mutable qsizetype m_cachedRow = -1;
    mutable CapturePtr m_cached;
    bool m_opening = false;
};
