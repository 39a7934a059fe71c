// SPDX-License-Identifier: MIT
#include "DiffActions.h"

#include "CaptureTableModel.h"
#include "DiffView.h"
#include "capture/CaptureStore.h"

#include <QAction>
#include <QTabWidget>
#include <QTableView>

DiffActions::DiffActions(QTableView *table, CaptureTableModel *model, DiffView *view,
                         QTabWidget *tabs, Actions actions, QObject *parent)
    : QObject(parent)
    , m_table(table)
    , m_model(model)
    , m_view(view)
    , m_tabs(tabs)
    , m_actions(actions)
{
    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DiffActions::onSelectionChanged);
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DiffActions::onSelectionChanged);
    connect(actions.previous, &QAction::triggered, this, [this] { open(false); });
    connect(actions.conflict, &QAction::triggered, this, [this] { open(true); });
    onSelectionChanged();
}

void DiffActions::onSelectionChanged()
{
    const qsizetype current = currentStoreRow();
    const CaptureStore &store = *m_view->store();
    m_actions.previous->setEnabled(current >= 0 && m_view->previousAttemptOf(current) >= 0);
    m_actions.conflict->setEnabled(current >= 0 &&
                                   (store.row(current).flags & CaptureStore::Conflict) &&
                                   m_view->partnerOf(current) >= 0);
    // Counting by ranges first: a selection of a million rows is not listed for nothing.
    const QItemSelection selection = m_table->selectionModel()->selection();
    qsizetype count = 0;
    for (const QItemSelectionRange &range : selection)
        count += range.height();
    QList<qsizetype> rows;
    if (count <= 2) {
        for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
            rows << m_model->storeRow(i.row());
    }
    if (count > 2)
        rows.resize(3); // more than two: only that matters
    m_view->showSelection(rows);
}

qsizetype DiffActions::currentStoreRow() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_model->storeRow(current.row()) : -1;
}

void DiffActions::open(bool conflict)
{
    const qsizetype row = currentStoreRow();
    if (row < 0)
        return;
    QString relation;
    const qsizetype partner =
        conflict ? m_view->partnerOf(row, &relation) : m_view->previousAttemptOf(row);
    if (partner < 0)
        return;
    const CaptureStore &store = *m_view->store();
    if (!conflict)
        relation =
            tr("#%1 is a later attempt of #%2").arg(store.row(row).id).arg(store.row(partner).id);
    // Asked for first, so that showing the tab starts this comparison and no other.
    m_view->compare(store.row(partner).id, store.row(row).id, relation);
    m_tabs->setCurrentWidget(m_view);
}
