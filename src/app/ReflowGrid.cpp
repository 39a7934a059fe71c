// SPDX-License-Identifier: MIT
#include "ReflowGrid.h"

#include <QGridLayout>
#include <QHash>
#include <QWidget>

#include <algorithm>

ReflowGrid::ReflowGrid(QGridLayout *grid, QList<Cell> narrow, QList<Cell> wide)
    : m_grid(grid)
    , m_narrow(std::move(narrow))
    , m_wide(std::move(wide))
{
    place(m_narrow);
}

void ReflowGrid::fit(int width)
{
    const bool wide = width >= wideWidth();
    if (wide == m_isWide)
        return;
    m_isWide = wide;
    place(wide ? m_wide : m_narrow);
}

// The widest row of the wide arrangement at its widgets' minimum widths, with the spacing
// between them and the grid's margins.
int ReflowGrid::wideWidth() const
{
    QHash<int, int> rows;
    QHash<int, int> counts;
    for (const Cell &c : m_wide) {
        if (c.widget->isHidden())
            continue;
        rows[c.row] += c.widget->minimumSizeHint().width();
        ++counts[c.row];
    }
    const int spacing = std::max(0, m_grid->horizontalSpacing());
    int widest = 0;
    for (auto it = rows.cbegin(); it != rows.cend(); ++it)
        widest = std::max(widest, it.value() + spacing * (counts.value(it.key()) - 1));
    const QMargins m = m_grid->contentsMargins();
    return widest + m.left() + m.right();
}

void ReflowGrid::place(const QList<Cell> &cells)
{
    for (const Cell &c : cells)
        m_grid->removeWidget(c.widget);
    for (const Cell &c : cells)
        m_grid->addWidget(c.widget, c.row, c.column, 1, c.columnSpan);
}
