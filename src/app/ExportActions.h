// SPDX-License-Identifier: MIT
#pragma once

#include "interchange/Interchange.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>

class QAction;
class QStatusBar;
class QTableView;
class QWidget;
class SessionEngine;

// File → Export all… and Export selection…: the save dialog's chosen format wins (its
// extension added to a name without it), Export selection is only enabled while rows are
// selected, the job's progress shows in the status bar's job indicator, and its outcome in
// the status bar: "Exported 1,204 captures to ~/x.har".
class ExportActions : public QObject {
    Q_OBJECT
public:
    struct Actions {
        QAction *all;
        QAction *selection;
    };
    // The rows to export when exporting the selection, in table order.
    using SelectedRows = std::function<QList<qsizetype>()>;
    // Asks for a file: its name and the name filter chosen (empty: cancelled).
    using ChooseFile = std::function<QString(const QString &title, const QStringList &filters,
                                             QString *chosenFilter)>;

    ExportActions(SessionEngine *engine, QTableView *table, Actions actions,
                  SelectedRows selectedRows, QStatusBar *statusBar, QWidget *parent);

    // Tests answer the dialog instead of a user.
    void setChooseFile(ChooseFile choose) { m_choose = std::move(choose); }
    // Starts the export job; 0 when there is nothing to export (said in the status bar).
    quint64 exportTo(const QString &file, Interchange::Format format, bool selectionOnly);

    // The save dialog's name filters, HAR first, and what an answer means: the chosen
    // filter's format, and the name with that format's extension when it has not got it.
    static QStringList filters();
    static Interchange::Format formatOf(const QString &filter);
    static QString withExtension(const QString &file, Interchange::Format format);
    // By the name's extension: HAR for .har, JSON Lines for anything else.
    static Interchange::Format formatOfName(const QString &file);

private:
    void choose(bool selectionOnly);
    void updateEnabled();

    SessionEngine *m_engine;
    QTableView *m_table;
    Actions m_actions;
    SelectedRows m_selectedRows;
    QStatusBar *m_statusBar;
    QWidget *m_parent;
    ChooseFile m_choose;
};
