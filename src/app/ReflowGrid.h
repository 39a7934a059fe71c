// SPDX-License-Identifier: MIT
#pragma once

#include <QList>

class QGridLayout;
class QWidget;

// A grid of controls with two arrangements: one row each where the width allows, stacked on
// more rows in a narrow pane. A height-for-width layout would do it by itself, but inside a
// scroll area it asks for the preferred height of everything, so the form grows instead.
class ReflowGrid {
public:
    struct Cell {
        QWidget *widget;
        int row;
        int column;
        int columnSpan = 1;
    };

    ReflowGrid(QGridLayout *grid, QList<Cell> narrow, QList<Cell> wide);

    // The wide arrangement when `width` holds the minimum widths of its rows, else the narrow.
    void fit(int width);
    bool isWide() const { return m_isWide; }

private:
    int wideWidth() const;
    void place(const QList<Cell> &cells);

    QGridLayout *m_grid;
    QList<Cell> m_narrow;
    QList<Cell> m_wide;
    bool m_isWide = false;
};
