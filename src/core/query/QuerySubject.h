// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Capture.h"

#include <QByteArrayView>
#include <QStringList>
#include <QStringView>

// What a capture's record does not hold, for the terms that ask about it.
struct QueryFacts {
    int forwardStatus = 0;  // what the app answered when forwarded; 0: not forwarded or no answer
    bool duplicate = false; // its key was delivered more than once
    QString note;           // the note on the capture (Annotation.h); empty when none
    bool bookmarked = false;
};

// The values a query looks at for one capture, as views: built from a row of the store's
// compact columns (then terms on headers, body or free text cannot be answered yet), from a
// whole capture, or from a journal record. Views into the row's pools or the capture: it lives
// for one evaluation.
struct QuerySubject {
    QStringView task;
    QStringView status;
    QStringView key;
    QByteArrayView method;
    QByteArrayView target;
    const QStringList *findings = nullptr;
    qint64 receivedAtMs = 0;
    quint32 attempt = 0;
    quint16 answer = 0;
    int forward = 0;
    bool duplicate = false;
    QStringView note;
    bool bookmarked = false;
    const Capture *capture = nullptr; // headers, body and free text
    // Or the same from a journal record, as views: key (UTF-8), body, and headers when decoded.
    bool hasRecord = false;
    QByteArrayView keyUtf8;
    QByteArrayView body;
    const HttpHeaders *headers = nullptr;

    static QuerySubject of(const Capture &c, const QueryFacts *facts);
};
