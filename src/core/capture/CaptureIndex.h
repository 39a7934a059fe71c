// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Annotation.h"
#include "capture/Capture.h"
#include "capture/KeyTable.h"

#include <QHash>
#include <QList>

// What the capture table shows, filters and sorts on, for every capture, in about a hundred
// bytes each; headers and bodies stay in the journal and are read back when a capture is
// opened. Rows are in arrival order; strings that repeat from row to row (method, path, task,
// status, findings) are stored once, and the deliveries of one idempotency key form a group
// (the way Wireshark keeps per-frame data apart from the packet bytes).
class CaptureIndex {
public:
    enum Flag : quint16 {
        HasFindings = 1,
        Conflict = 2, // conflicting_duplicate
        Retry = 4,    // not the first row of its key in this index
        Refused = 8,  // turned away for want of the access token
        Chunked = 16,
        Recovered = 32,  // recovered from ngrok: it never reached HookScope live
        LateAnswer = 64, // answered after the sender's timeout (see lateAnswerMs())
        // From the capture's annotations (Annotation.h); the note itself is in a side table.
        Bookmarked = 128,
        Deleted = 256, // a tombstone: hidden from the view and from export
    };

    // What a row and an entry share: the numbers of a capture.
    struct Numbers {
        quint64 id = 0;
        qint64 receivedAtMs = 0;
        quint64 duplicateOf = 0;
        quint64 outcomeHash = 0;
        qint64 journalOffset = -1; // where its journal record starts; -1 when not journaled
        quint32 recordSize = 0;    // record header and payload
        quint32 bodySize = 0;
        quint32 attempt = 0;
        quint16 answerStatus = 0;
        HooxTask task = HooxTask::None;
        HooxStatus status = HooxStatus::None;
    };

    struct Row : Numbers {
        qint32 group = -1;    // index into groups(), which is also the key's number; -1: no key
        qint32 previous = -1; // row of the previous delivery of the same key
        quint32 method = 0;   // numbers in the string pools below
        quint32 target = 0;
        quint32 taskText = 0;
        quint32 statusText = 0;
        quint32 findings = 0;
        quint16 flags = 0; // Flag bits; still 88 bytes a row with the padding
    };

    // The deliveries of one idempotency key. The numbering is the journal's (DuplicateIndex
    // gave it on the network thread): retention may leave a key's earlier deliveries out, so
    // the rows here can be the last few of a longer chain, and nothing here renumbers them.
    struct Group {
        quint64 firstId = 0;  // the key's first capture: a retry's duplicateOf, else its own id
        qint32 firstRow = -1; // first and last row of the key in this index
        qint32 lastRow = -1;
        qint32 count = 0;          // rows of the key in this index
        quint32 attempts : 30 = 0; // the highest attempt number among them
        bool conflict : 1 = false;
        bool succeeded : 1 = false; // one of them was answered 2xx in time; 24 bytes in all:
                                    // there can be a million keys

        // Whether every delivery the journal numbered so far is here, the first one included.
        bool isComplete() const { return quint32(count) >= attempts; }
        // Hoox made its last attempt (1 delivery + 3 retries) and none was answered 2xx in
        // time: this job's webhook will not come again.
        bool gaveUp() const;
    };

    // One capture's summary as it is appended, from a Capture or straight from a journal record.
    struct Entry : Numbers {
        bool refused = false;
        bool chunked = false;
        bool recovered = false;
        quint32 lateAnswerMs = 0; // see lateAnswerMs()
        QByteArray method;
        QByteArray target;
        QString taskText;
        QString statusText;
        QStringView key;
        QString source; // see Capture::source
        QStringList findings;
        bool bookmarked = false;
        bool deleted = false;
        QString note;
    };

    CaptureIndex();

    void append(const Entry &entry);
    void append(const Capture &capture);
    void clear();
    // Room for `rows` rows in all, so that reading a journal writes each row once instead of
    // copying them all at every doubling (and the kernel zeroes their pages once).
    void reserve(qsizetype rows) { m_rows.reserve(size_t(qMax<qsizetype>(0, rows))); }
    // Applies `annotation` to the row of its capture (a late answer as setLateAnswer() does).
    // False, changing nothing, when no row holds that capture or the kind is not one this build
    // knows.
    bool annotate(const Annotation &annotation);
    // A new index of rows [first, size()). Its groups hold only the rows kept, with the
    // journal's numbering: a kept retry still knows its attempt number and the key's first capture.
    CaptureIndex tail(qsizetype first) const;

    qsizetype size() const { return qsizetype(m_rows.size()); }
    bool isEmpty() const { return m_rows.empty(); }
    const Row &row(qsizetype row) const { return m_rows[size_t(row)]; }
    const Group &group(qint32 index) const { return m_groups[size_t(index)]; }
    qsizetype groupCount() const { return qsizetype(m_groups.size()); }
    // Every key, numbered as the groups are.
    const KeyTable &keys() const { return m_keys; }
    // The row holding capture `id`, or -1.
    qsizetype rowOfId(quint64 id) const;

    const QByteArray &method(qsizetype row) const
    {
        return m_methods.at(m_rows[size_t(row)].method);
    }
    const QByteArray &target(qsizetype row) const
    {
        return m_targets.at(m_rows[size_t(row)].target);
    }
    const QString &taskText(qsizetype row) const
    {
        return m_taskTexts.at(m_rows[size_t(row)].taskText);
    }
    const QString &statusText(qsizetype row) const
    {
        return m_statusTexts.at(m_rows[size_t(row)].statusText);
    }
    const QStringList &findings(qsizetype row) const
    {
        return m_findings.at(m_rows[size_t(row)].findings);
    }
    QStringView key(qsizetype row) const
    {
        const qint32 g = m_rows[size_t(row)].group;
        return g < 0 ? QStringView() : m_keys.at(g);
    }
    Entry entry(qsizetype row) const;
    // Valid until the next annotation; empty when the row has no note.
    QStringView note(qsizetype row) const
    {
        if (m_notes.isEmpty())
            return {};
        const auto it = m_notes.constFind(m_rows[size_t(row)].id);
        return it == m_notes.cend() ? QStringView() : QStringView(*it);
    }
    // Every note, by capture id.
    const QHash<quint64, QString> &notes() const { return m_notes; }
    // The user's star and deletion of a row (Annotation.h).
    bool isBookmarked(qsizetype row) const { return m_rows[size_t(row)].flags & Bookmarked; }
    bool isDeleted(qsizetype row) const { return m_rows[size_t(row)].flags & Deleted; }
    // Where a capture that did not arrive live came from (Capture::source); empty for most.
    QString source(qsizetype row) const { return m_sources.value(qint32(row)); }
    // Every row's source that has one, by row.
    const QHash<qint32, QString> &sources() const { return m_sources; }
    // How long after the request its answer went out, when later than the sender waits; 0 when
    // in time or not known (rows with the LateAnswer flag have it).
    quint32 lateAnswerMs(qsizetype row) const { return m_lateAnswers.value(qint32(row)); }
    // Records that capture `id`'s answer went out `afterMs` after its request, with `status`,
    // later than the sender waits. Returns its row, or -1 when it is not here.
    qsizetype setLateAnswer(quint64 id, quint16 status, quint32 afterMs);
    // Whether an answer counts for the sender: 2xx, and in time.
    static bool answeredInTime(quint16 status, bool late) { return !late && status / 100 == 2; }

private:
    // Appends `r`, whose numbers and pooled strings are set, with its findings and key group.
    void appendRow(Row r, QStringView key, const QStringList &findings, bool refused, bool chunked);
    void setAnnotations(bool bookmarked, bool deleted, const QString &note);
    void noteExtras(qint32 row, const QString &source, quint32 lateAnswerMs);
    void recomputeSucceeded(qint32 group);
    bool isLate(qsizetype row) const;
    quint64 orderedId(qsizetype row) const;

    // Values numbered in order of first appearance. Consecutive rows mostly repeat the last
    // value, which is checked before any hashing.
    template <typename T> class Pool {
    public:
        quint32 intern(const T &value);
        const T &at(quint32 index) const { return m_values.at(index); }
        void clear();

    private:
        QList<T> m_values;
        QHash<T, quint32> m_ids;
        quint32 m_last = 0;
    };

    HugeVector<Row> m_rows;
    // Rows whose id is below one that came before them: captures held by an answerer arrive
    // once answered, after later ones. By id; usually empty.
    QHash<quint64, qint32> m_lateRows;
    quint64 m_maxId = 0;
    // Rare extras, by row: kept apart so that every row stays small.
    QHash<qint32, QString> m_sources;
    QHash<qint32, quint32> m_lateAnswers;
    HugeVector<Group> m_groups;
    KeyTable m_keys;
    Pool<QByteArray> m_methods;
    Pool<QByteArray> m_targets;
    Pool<QString> m_taskTexts;
    Pool<QString> m_statusTexts;
    Pool<QStringList> m_findings;
    QHash<quint64, QString> m_notes; // by capture id: few captures carry one
};

// A million rows must stay under a hundred megabytes: widening the flags to 16 bits took a byte
// of padding, not a new word.
static_assert(sizeof(CaptureIndex::Row) == 88);
