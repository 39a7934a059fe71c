// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QList>

class QHeaderView;
class QMenu;
class QTableView;

// Which columns of the capture table show, in what order and how wide. The default fits a
// 1280 px laptop screen with the detail pane open: the answer to "did it arrive, what did we
// say, what is wrong with it" without a sideways scroll. The header's menu shows and hides
// columns and moves them; dragging a header moves it too.
class TableColumns {
    Q_DECLARE_TR_FUNCTIONS(TableColumns)
public:
    // Sets the defaults on `table`'s header and gives the header its menu.
    static void setUp(QTableView *table);
    // Every column back where and as wide as it was at first.
    static void restoreDefaults(QTableView *table);
    // Widens the # column when capture numbers gain a digit, so that they show whole.
    static void fitIds(QTableView *table);
    // The menu for the header section under the pointer (-1: none).
    static QMenu *menu(QTableView *table, int logicalIndex);
    // The visible columns, left to right (tests, and the keyboard test's checks).
    static QList<int> visibleInOrder(const QHeaderView *header);
};
