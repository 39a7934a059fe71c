// SPDX-License-Identifier: MIT
#pragma once

#include "capture/CaptureDiff.h"

#include <QAbstractTableModel>
#include <QPalette>

#include <vector>

// The changes of one comparison, a row each: mark (+ − ~ !), where, the value before and the
// value after. Tinted by kind in a colour blended into the palette's base, so that light and
// dark themes both read; the mark says the same for whoever cannot tell the colours. Ignored
// changes are hidden unless shown, then greyed.
class DiffModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { MarkColumn, WhereColumn, BeforeColumn, AfterColumn, ColumnCount };
    enum Role {
        KindRole = Qt::UserRole, // DiffChange::Kind as int
        IgnoredRole,             // bool
        // What "Ignore this path" adds: the JSON Pointer, or header:NAME; empty for the
        // request line, which cannot be ignored.
        IgnorePatternRole,
    };
    // A cell shows a value up to this; its tooltip up to kToolTipLimit.
    static constexpr qsizetype kCellLimit = 200;
    static constexpr qsizetype kToolTipLimit = 4000;

    explicit DiffModel(QObject *parent = nullptr);

    void setResult(CaptureDiffResult result);
    const CaptureDiffResult &result() const { return m_result; }
    // Sets which changes are ignored again, after a choice.
    void applyIgnores(const CaptureDiffOptions &options);
    void setShowIgnored(bool show);
    bool showsIgnored() const { return m_showIgnored; }
    // Tints and greyed rows derive from the view's palette (PaletteWatcher), not the
    // application's: a view given a dark palette of its own reads right too.
    void setPalette(const QPalette &palette);
    const DiffChange &change(int row) const { return m_result.changes.at(m_rows[size_t(row)]); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString ignorePattern(const DiffChange &change);

private:
    void rebuildRows();
    QVariant display(const DiffChange &c, int column) const;
    QVariant toolTip(const DiffChange &c) const;
    QVariant background(const DiffChange &c) const;

    CaptureDiffResult m_result;
    std::vector<qsizetype> m_rows; // indices into m_result.changes of the rows shown
    bool m_showIgnored = false;
    QPalette m_palette;
};
