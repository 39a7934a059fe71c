// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QObject>

class CaptureStore;
class CaptureTableModel;
class QAction;
class QKeySequence;
class QPushButton;
class QStatusBar;
class QTableView;
class SessionEngine;

// Notes, bookmarks and deletions of the captures selected in the table: the actions Bookmark
// (Ctrl+B), Edit note… (Ctrl+Shift+N), Delete (Del) and Undo delete (Ctrl+Z, and a button in
// the status bar). What they change is appended to the journal on the network thread
// (SessionEngine::annotate()), never written from here; the table shows it once journaled.
// A deletion is a tombstone: the capture is hidden from the view and from export, and stays in
// the journal, so that it can be undone for as long as the session is open.
class CaptureAnnotator : public QObject {
    Q_OBJECT
public:
    CaptureAnnotator(SessionEngine *engine, CaptureTableModel *model, QTableView *table,
                     QStatusBar *statusBar);

    // In menu order; they are on the table's context menu too.
    QList<QAction *> actions() const { return m_actions; }
    void toggleBookmark();
    void editNote();
    void deleteSelection();
    void undoDelete();

private:
    QAction *addAction(const QString &objectName, const QString &text, const QKeySequence &keys,
                       void (CaptureAnnotator::*slot)());
    QList<qsizetype> selectedStoreRows() const;
    QList<quint64> idsOf(const QList<qsizetype> &storeRows) const;
    void saveNote(const QList<quint64> &ids, const QString &text);
    void showUndo();
    void forgetDeletions();

    SessionEngine *m_engine;
    CaptureStore *m_store;
    CaptureTableModel *m_model;
    QTableView *m_table;
    QStatusBar *m_statusBar;
    QPushButton *m_undoButton;
    QAction *m_undoAction = nullptr;
    QList<QAction *> m_actions;
    QList<QList<quint64>> m_deleted; // the ids of each deletion of this session, newest last
};
