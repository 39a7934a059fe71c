// SPDX-License-Identifier: MIT
#pragma once

#include "hoox/HooxClassification.h"
#include "http/HttpHeaders.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <memory>

// One accepted request, as received and as answered. Immutable once it leaves the
// network thread: it is shared as CapturePtr.
struct Capture {
    quint64 id = 0;          // increasing from 1 within a journal
    qint64 receivedAtMs = 0; // UTC, milliseconds since the epoch
    QString peer;            // "address:port"
    QByteArray method;
    QByteArray target;
    quint8 httpMinor = 1; // HTTP/1.<minor>
    bool chunked = false; // the body arrived with chunked transfer coding
    HttpHeaders headers;
    HttpHeaders trailers;
    QByteArray body;          // raw bytes, decoded from chunks when chunked
    quint16 answerStatus = 0; // the status code HookScope answered
    // Turned away before it counted (no access token: 401). Shown apart, never journaled; its
    // id comes from the same sequence, so ids still increase, and is a gap in the journal.
    bool refused = false;
    HooxClassification hoox;
    // Not received but recovered afterwards from ngrok's list of what it saw while HookScope was
    // down; answerStatus is then what ngrok answered the sender (0: nothing).
    bool recovered = false;
    QString source; // where a capture that did not arrive live came from, e.g. "ngrok:<id>"
    // How long after the request was complete its answer went out, when that was later than
    // the sender waits (Hoox: 10 s); 0 when it went out in time. Recorded after the answer.
    quint32 lateAnswerMs = 0;
    // What the user annotated it with (Annotation.h), as last read back or imported; the
    // journal keeps them in records of their own, never in the capture's.
    QString note;
    bool bookmarked = false;
    // Where the journal keeps it (set once it is written or when it is read back): the view
    // keeps only a summary and reads the rest from there. -1 when it is in no journal.
    qint64 journalOffset = -1;
    quint32 journalRecordSize = 0;

    QDateTime receivedAt() const { return QDateTime::fromMSecsSinceEpoch(receivedAtMs, Qt::UTC); }
    // The same request and answer, wherever it is kept.
    friend bool operator==(const Capture &a, const Capture &b)
    {
        return a.id == b.id && a.receivedAtMs == b.receivedAtMs && a.peer == b.peer &&
               a.method == b.method && a.target == b.target && a.httpMinor == b.httpMinor &&
               a.chunked == b.chunked && a.headers == b.headers && a.trailers == b.trailers &&
               a.body == b.body && a.answerStatus == b.answerStatus && a.refused == b.refused &&
               a.hoox == b.hoox && a.recovered == b.recovered && a.source == b.source &&
               a.lateAnswerMs == b.lateAnswerMs;
    }
};

using CapturePtr = std::shared_ptr<const Capture>;
using CaptureBatch = QList<CapturePtr>;

Q_DECLARE_METATYPE(CapturePtr)
Q_DECLARE_METATYPE(CaptureBatch)
