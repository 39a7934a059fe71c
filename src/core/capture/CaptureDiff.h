// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Capture.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

// One difference between two captures: a body path, a header or the request line.
struct DiffChange {
    enum class Kind : quint8 {
        Added,     // only in the later capture
        Removed,   // only in the earlier one
        Changed,   // in both, with other values
        Duplicate, // a key given more than once, the same way in both: no change, but worth a look
    };
    enum class Part : quint8 {
        Body,    // a JSON Pointer, or "" with `line` for a body that is not JSON
        Header,  // the field's name in lower case
        Request, // "method" or "target"
    };

    Kind kind = Kind::Changed;
    Part part = Part::Body;
    QString path;
    // Each value's text exactly as delivered (a JSON value with its quotes and brackets, a
    // header's value, a body's line); several when the key or header is given more than once.
    QList<QByteArray> before;
    QList<QByteArray> after;
    bool duplicate = false;      // the key or header occurs more than once on either side
    bool sameNumber = false;     // numbers written differently with exactly the same value
    bool volatileHeader = false; // a header that changes with every delivery (Date, ids, ...)
    bool ignored = false;        // matched an ignore pattern, or is a volatile header ignored
    int line = 0;                // a text body: the first line that differs, from 1

    // Counts towards "different": neither ignored nor a mere duplicate.
    bool counts() const { return !ignored && kind != Kind::Duplicate; }
    friend bool operator==(const DiffChange &, const DiffChange &) = default;
};

struct CaptureDiffOptions {
    // Body paths (JSON Pointers; `*` and `?` match within one token, so `/result/*_at` matches
    // /result/created_at) and `header:NAME` patterns. A pattern also covers what lies below.
    QStringList ignore;
    bool ignoreVolatileHeaders = true;
};

struct CaptureDiffResult {
    QList<DiffChange> changes; // body first (document order), then request line, then headers
    // Where a body stopped being JSON ("line 1, column 3: ..."); both empty when the bodies were
    // compared as JSON, else they were compared as text.
    QString beforeNotJson;
    QString afterNotJson;

    bool bodiesAreJson() const { return beforeNotJson.isEmpty() && afterNotJson.isEmpty(); }
    qsizetype differenceCount() const;
    qsizetype ignoredCount() const;
    bool isEqual() const { return differenceCount() == 0; }
};

// Compares two captures: bodies by JSON Pointer (key order ignored, arrays by index, values
// as written), bodies that are not JSON as text, and headers by name regardless of case. Pure.
class CaptureDiff {
    Q_DECLARE_TR_FUNCTIONS(CaptureDiff)
public:
    static CaptureDiffResult compare(const Capture &before, const Capture &after,
                                     const CaptureDiffOptions &options = {});
    static CaptureDiffResult compareBodies(QByteArrayView before, QByteArrayView after,
                                           const CaptureDiffOptions &options = {});
    static QList<DiffChange> compareHeaders(const HttpHeaders &before, const HttpHeaders &after);
    // Sets each change's `ignored` from `options` again, so that a choice needs no new compare.
    static void applyIgnores(CaptureDiffResult &result, const CaptureDiffOptions &options);
    // Whether a header carries something that changes with every delivery (time, ids, trace),
    // or Content-Length, which follows the body.
    static bool isVolatileHeader(QByteArrayView name);
    // The number's value, exact and comparable: "1.0", "1" and "10e-1" all give the same text.
    static QByteArray canonicalNumber(QByteArrayView number);

private:
    static void compareText(QByteArrayView before, QByteArrayView after, CaptureDiffResult *out);
};
