// SPDX-License-Identifier: MIT
#pragma once

#include <QIcon>
#include <QVariant>

class CaptureStore;

// How the table shows a capture's annotations, in its key cell: a star when it is bookmarked,
// a folded page when it has a note (both when both), and the note in the tooltip.
class AnnotationMarks {
public:
    // The decoration or tooltip of the key cell of store row `row`; invalid when it has none.
    static QVariant data(const CaptureStore &store, qsizetype row, int role);
    static QIcon icon(bool bookmarked, bool noted);
};
