// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QtEndian>

// Something learnt about a capture after its record was written: what the user said of it (a
// note, a bookmark star, a deletion), or how late its answer went out. Appended to the journal
// as a record of its own (JournalFormat.h), never written into the capture's record; the last
// annotation of a kind wins when the journal is read back.
struct Annotation {
    // Stored as one byte in the journal: never renumber. A reader skips kinds it does not know.
    enum class Kind : quint8 {
        Note = 1,       // value: the text in UTF-8; empty removes the note
        Bookmark = 2,   // starred
        Unbookmark = 3, // the star taken off
        Tombstone = 4,  // deleted: hidden from the view and from export
        Undelete = 5,   // the deletion undone
        // The answer went out later than the sender waits. value: u16 answer status, u32
        // milliseconds from the request complete to the answer written (LateAnswerValueSize).
        LateAnswer = 6,
    };
    static constexpr qsizetype LateAnswerValueSize = 6;

    quint64 captureId = 0;
    Kind kind = Kind::Note;
    QByteArray value;
    qint64 atMs = 0; // when it was made, UTC milliseconds since the epoch

    QString text() const { return QString::fromUtf8(value); }

    static Annotation note(quint64 captureId, const QString &text)
    {
        return {captureId, Kind::Note, text.toUtf8(), 0};
    }
    static Annotation bookmark(quint64 captureId, bool on)
    {
        return {captureId, on ? Kind::Bookmark : Kind::Unbookmark, {}, 0};
    }
    static Annotation deletion(quint64 captureId, bool deleted)
    {
        return {captureId, deleted ? Kind::Tombstone : Kind::Undelete, {}, 0};
    }
    static Annotation lateAnswer(quint64 captureId, quint16 status, quint32 afterMs, qint64 atMs)
    {
        QByteArray value(LateAnswerValueSize, Qt::Uninitialized);
        qToLittleEndian(status, value.data());
        qToLittleEndian(afterMs, value.data() + 2);
        return {captureId, Kind::LateAnswer, value, atMs};
    }
    // The status and delay of a LateAnswer; false for another kind or a value of another size.
    bool lateAnswer(quint16 *status, quint32 *afterMs) const
    {
        if (kind != Kind::LateAnswer || value.size() != LateAnswerValueSize)
            return false;
        *status = qFromLittleEndian<quint16>(value.constData());
        *afterMs = qFromLittleEndian<quint32>(value.constData() + 2);
        return true;
    }
    friend bool operator==(const Annotation &, const Annotation &) = default;
};

using Annotations = QList<Annotation>;

Q_DECLARE_METATYPE(Annotations)
