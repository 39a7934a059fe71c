// SPDX-License-Identifier: MIT
#include "SessionMenu.h"

#include "session/SessionEngine.h"
#include "session/Settings.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>

namespace {
constexpr int kRecentCount = 8;
}

SessionMenu::SessionMenu(SessionEngine *engine, Actions actions, QStatusBar *statusBar,
                         QLabel *journalLabel, QWidget *window)
    : QObject(window)
    , m_engine(engine)
    , m_actions(actions)
    , m_statusBar(statusBar)
    , m_journalLabel(journalLabel)
    , m_window(window)
{
    connect(actions.newSession, &QAction::triggered, this,
            [this] { openJournal(SessionEngine::newSessionPath()); });
    connect(actions.openJournal, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            m_window, tr("Open journal"), QFileInfo(m_engine->journalPath()).absolutePath(),
            tr("HookScope journals (*.hkj);;All files (*)"));
        if (!path.isEmpty())
            openJournal(path);
    });
    connect(actions.recent, &QMenu::aboutToShow, this, &SessionMenu::fillRecentMenu);
    connect(actions.import, &QAction::triggered, this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(
            m_window, tr("Import"), {},
            tr("HAR or JSON Lines (*.har *.jsonl *.ndjson *.json);;All files (*)"));
        importFiles(files);
    });
    fillRecentMenu();
    reportJobs();
    m_journalLabel->setText(tr("Journal: %1").arg(engine->journalPath()));
    if (engine->hasJournal()) // else once it is open (opened())
        rememberJournal(engine->journalPath());
}

void SessionMenu::openJournal(const QString &path)
{
    // Read as a job: the status bar shows its progress and Cancel meanwhile.
    m_engine->openJournal(path);
}

void SessionMenu::importFiles(const QStringList &files)
{
    for (const QString &f : files)
        m_engine->importFile(f);
}

// The outcome of each session job, in the status bar; a failure that needs a decision in a box.
void SessionMenu::reportJobs()
{
    connect(m_engine, &SessionEngine::opened, this,
            [this](const QString &path, const QString &warning) {
                m_journalLabel->setText(tr("Journal: %1").arg(path));
                m_statusBar->showMessage(warning.isEmpty() ? tr("Opened %1").arg(path) : warning);
                rememberJournal(path);
                emit opened();
            });
    connect(m_engine, &SessionEngine::openFailed, this,
            [this](const QString &, const QString &error) {
                if (m_engine->hasJournal()) {
                    QMessageBox::warning(m_window, tr("Open journal"), error);
                    return;
                }
                // The journal the window started on: without one the listener takes nothing.
                const auto answer = QMessageBox::question(
                    m_window, tr("Open journal"),
                    error + QStringLiteral("\n\n") + tr("Start a new session instead?"),
                    QMessageBox::Yes | QMessageBox::Close, QMessageBox::Yes);
                if (answer == QMessageBox::Yes)
                    m_engine->startNewSession();
                else
                    m_window->close();
            });
    connect(m_engine, &SessionEngine::imported, this,
            [this](const QString &, const QString &report, bool) {
                m_statusBar->showMessage(QString(report).replace(u'\n', QStringLiteral("; ")));
            });
    connect(m_engine, &SessionEngine::exported, this,
            [this](const QString &, const QString &report, bool ok) {
                m_statusBar->showMessage(report);
                if (!ok)
                    QMessageBox::warning(m_window, tr("Export"), report);
            });
}

void SessionMenu::rememberJournal(const QString &path)
{
    Settings &s = Settings::instance();
    QStringList list = s.get(Settings::Key::SessionRecent).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    list.removeAll(absolute);
    list.prepend(absolute);
    s.set(Settings::Key::SessionRecent, list.mid(0, kRecentCount));
}

void SessionMenu::fillRecentMenu()
{
    m_actions.recent->clear();
    const QStringList recent =
        Settings::instance().get(Settings::Key::SessionRecent).toStringList();
    for (const QString &path : recent) {
        QAction *a = m_actions.recent->addAction(path);
        a->setEnabled(path != QFileInfo(m_engine->journalPath()).absoluteFilePath());
        connect(a, &QAction::triggered, this, [this, path] { openJournal(path); });
    }
}
