// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class CaptureTableModel;
class DiffView;
class QAction;
class QTabWidget;
class QTableView;

// Ties the capture table to the Diff tab: a selection of two captures (or of one with an
// earlier attempt) is what the tab compares, and a row's "Compare with previous attempt" and
// "Compare with the delivery it conflicts with" open the tab on that pair.
class DiffActions : public QObject {
    Q_OBJECT
public:
    struct Actions {
        QAction *previous;
        QAction *conflict;
    };
    DiffActions(QTableView *table, CaptureTableModel *model, DiffView *view, QTabWidget *tabs,
                Actions actions, QObject *parent = nullptr);

private:
    void onSelectionChanged();
    qsizetype currentStoreRow() const;
    void open(bool conflict);

    QTableView *m_table;
    CaptureTableModel *m_model;
    DiffView *m_view;
    QTabWidget *m_tabs;
    Actions m_actions;
};
