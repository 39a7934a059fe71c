// SPDX-License-Identifier: MIT
#include "CaptureAnnotator.h"

#include "CaptureTableModel.h"
#include "capture/CaptureStore.h"
#include "capture/JournalFormat.h"
#include "session/SessionEngine.h"

#include <QAction>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>

#include <algorithm>

CaptureAnnotator::CaptureAnnotator(SessionEngine *engine, CaptureTableModel *model,
                                   QTableView *table, QStatusBar *statusBar)
    : QObject(table)
    , m_engine(engine)
    , m_store(engine->store())
    , m_model(model)
    , m_table(table)
    , m_statusBar(statusBar)
    , m_undoButton(new QPushButton(tr("Undo delete"), statusBar))
{
    addAction(QStringLiteral("bookmarkAction"), tr("&Bookmark"), QKeySequence(tr("Ctrl+B")),
              &CaptureAnnotator::toggleBookmark);
    addAction(QStringLiteral("editNoteAction"), tr("Edit &note…"), QKeySequence(tr("Ctrl+Shift+N")),
              &CaptureAnnotator::editNote);
    // Del and Ctrl+Z belong to the table: in a text field they edit the text.
    addAction(QStringLiteral("deleteAction"), tr("&Delete"), QKeySequence::Delete,
              &CaptureAnnotator::deleteSelection)
        ->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_undoAction = addAction(QStringLiteral("undoDeleteAction"), tr("&Undo delete"),
                             QKeySequence::Undo, &CaptureAnnotator::undoDelete);
    m_undoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_undoAction->setEnabled(false);
    m_undoButton->setObjectName(QStringLiteral("undoDeleteButton"));
    m_undoButton->setFlat(true);
    m_undoButton->hide();
    statusBar->addPermanentWidget(m_undoButton);
    connect(m_undoButton, &QPushButton::clicked, this, &CaptureAnnotator::undoDelete);
    // The ids of a deletion are those of the journal it was made in.
    connect(engine, &SessionEngine::opened, this, &CaptureAnnotator::forgetDeletions);
}

QAction *CaptureAnnotator::addAction(const QString &objectName, const QString &text,
                                     const QKeySequence &keys, void (CaptureAnnotator::*slot)())
{
    auto *action = new QAction(text, m_table);
    action->setObjectName(objectName);
    action->setShortcut(keys);
    connect(action, &QAction::triggered, this, slot);
    m_table->addAction(action);
    m_actions.append(action);
    return action;
}

// The store rows of the selection, in table order.
QList<qsizetype> CaptureAnnotator::selectedStoreRows() const
{
    QList<int> rows;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        rows << i.row();
    std::sort(rows.begin(), rows.end());
    QList<qsizetype> storeRows;
    for (int row : std::as_const(rows))
        storeRows << m_model->storeRow(row);
    return storeRows;
}

QList<quint64> CaptureAnnotator::idsOf(const QList<qsizetype> &storeRows) const
{
    QList<quint64> ids;
    for (qsizetype row : storeRows)
        ids << m_store->row(row).id;
    return ids;
}

// Stars the selected captures, or takes the star off when all of them have it.
void CaptureAnnotator::toggleBookmark()
{
    const QList<qsizetype> rows = selectedStoreRows();
    const bool on = std::any_of(rows.cbegin(), rows.cend(),
                                [this](qsizetype row) { return !m_store->isBookmarked(row); });
    Annotations annotations;
    for (quint64 id : idsOf(rows))
        annotations << Annotation::bookmark(id, on);
    m_engine->annotate(annotations);
}

// Asks for the note of the selected captures without blocking the window: deliveries keep
// arriving while the user types.
void CaptureAnnotator::editNote()
{
    const QList<qsizetype> rows = selectedStoreRows();
    if (rows.isEmpty())
        return;
    auto *dialog = new QInputDialog(m_table->window());
    dialog->setObjectName(QStringLiteral("noteDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setOption(QInputDialog::UsePlainTextEditForTextInput);
    dialog->setWindowTitle(tr("Note"));
    dialog->setLabelText(
        rows.size() == 1
            ? tr("Note on capture #%1 (empty removes it):").arg(m_store->row(rows.first()).id)
            : tr("Note on the %n selected captures (empty removes it):", nullptr,
                 int(rows.size())));
    dialog->setTextValue(m_store->note(rows.first()).toString());
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this, ids = idsOf(rows)](const QString &text) { saveNote(ids, text); });
    dialog->open();
}

void CaptureAnnotator::saveNote(const QList<quint64> &ids, const QString &text)
{
    const QString note = text.trimmed().isEmpty() ? QString() : text;
    if (note.toUtf8().size() > qsizetype(JournalFormat::MaxAnnotationValue)) {
        m_statusBar->showMessage(tr("The note was not saved: it is longer than %1 KiB.")
                                     .arg(JournalFormat::MaxAnnotationValue / 1024));
        return;
    }
    Annotations annotations;
    for (quint64 id : ids)
        annotations << Annotation::note(id, note);
    m_engine->annotate(annotations);
}

void CaptureAnnotator::deleteSelection()
{
    const QList<quint64> ids = idsOf(selectedStoreRows());
    if (ids.isEmpty())
        return;
    Annotations annotations;
    for (quint64 id : ids)
        annotations << Annotation::deletion(id, true);
    m_engine->annotate(annotations);
    m_deleted.append(ids);
    m_statusBar->showMessage(tr("Deleted %n capture(s): hidden from the view and from export, "
                                "kept in the journal. Ctrl+Z brings them back.",
                                nullptr, int(ids.size())));
    showUndo();
}

// Brings back the captures of the last deletion not yet undone.
void CaptureAnnotator::undoDelete()
{
    if (m_deleted.isEmpty())
        return;
    const QList<quint64> ids = m_deleted.takeLast();
    Annotations annotations;
    for (quint64 id : ids)
        annotations << Annotation::deletion(id, false);
    m_engine->annotate(annotations);
    m_statusBar->showMessage(tr("Restored %n capture(s).", nullptr, int(ids.size())));
    showUndo();
}

void CaptureAnnotator::showUndo()
{
    m_undoAction->setEnabled(!m_deleted.isEmpty());
    m_undoButton->setVisible(!m_deleted.isEmpty());
}

void CaptureAnnotator::forgetDeletions()
{
    m_deleted.clear();
    showUndo();
}
