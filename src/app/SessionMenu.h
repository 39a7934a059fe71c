// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QAction;
class QLabel;
class QMenu;
class QStatusBar;
class QWidget;
class SessionEngine;

// The File menu's session actions (New session, Open journal…, Open recent, Import…) and what
// the status bar says of each session job: opened, not opened, imported, exported. Journals are
// opened and files imported as jobs of the SessionEngine; recent journals are remembered.
class SessionMenu : public QObject {
    Q_OBJECT
public:
    struct Actions {
        QAction *newSession;
        QAction *openJournal;
        QMenu *recent;
        QAction *import;
    };
    SessionMenu(SessionEngine *engine, Actions actions, QStatusBar *statusBar, QLabel *journalLabel,
                QWidget *window);

    void openJournal(const QString &path);
    void importFiles(const QStringList &files);

signals:
    void opened(); // a journal is open and shown: the counts changed

private:
    void reportJobs();
    void rememberJournal(const QString &path);
    void fillRecentMenu();

    SessionEngine *m_engine;
    Actions m_actions;
    QStatusBar *m_statusBar;
    QLabel *m_journalLabel;
    QWidget *m_window;
};
