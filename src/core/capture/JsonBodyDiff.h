// SPDX-License-Identifier: MIT
#pragma once

#include "capture/CaptureDiff.h"
#include "json/JsonFlatten.h"

#include <QByteArrayView>
#include <QList>

// The differences between two JSON documents, by JSON Pointer: objects by key whatever their
// order, arrays by index, scalars by their text (strings by what they decode to, so that an
// escape written another way is no change). A subtree only on one side is one change, not one
// per leaf. A key given more than once is compared with all its values.
class JsonBodyDiff {
public:
    // `a` and `b` are JsonFlatten::flatten() of `before` and `after`, both without error.
    static QList<DiffChange> compare(QByteArrayView before, const JsonFlatDocument &a,
                                     QByteArrayView after, const JsonFlatDocument &b);
};
