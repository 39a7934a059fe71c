// SPDX-License-Identifier: MIT
#include "Navigator.h"

#include "HelpDialog.h"
#include "ListenerBar.h"
#include "PayloadView.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QMainWindow>
#include <QMenu>
#include <QTabWidget>
#include <QTableView>

Navigator::Navigator(const Parts &parts, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
{
    QMenu *view = parts.viewMenu;
    view->addSeparator();
    connect(add(view, "focusTableAction", tr("Go to the &table"), QKeySequence(tr("Ctrl+1"))),
            &QAction::triggered, this, &Navigator::focusTable);
    connect(
        add(view, "focusDetailAction", tr("Go to the &detail pane"), QKeySequence(tr("Ctrl+2"))),
        &QAction::triggered, this, &Navigator::focusDetail);
    connect(add(view, "nextDetailTabAction", tr("&Next detail tab"), QKeySequence(tr("Ctrl+Tab"))),
            &QAction::triggered, this, [this] { stepDetailTab(1); });
    connect(add(view, "previousDetailTabAction", tr("P&revious detail tab"),
                QKeySequence(tr("Ctrl+Shift+Tab"))),
            &QAction::triggered, this, [this] { stepDetailTab(-1); });
    connect(add(view, "nextViewAction", tr("Next payload &view"), QKeySequence(tr("Ctrl+PgDown"))),
            &QAction::triggered, this, [this] { stepPayloadView(1); });
    connect(add(view, "previousViewAction", tr("Previous payload vi&ew"),
                QKeySequence(tr("Ctrl+PgUp"))),
            &QAction::triggered, this, [this] { stepPayloadView(-1); });

    parts.editMenu->addSeparator();
    connect(add(parts.editMenu, "copyWebhookUrlAction", tr("Copy &webhook_url"),
                QKeySequence(tr("Ctrl+Shift+U"))),
            &QAction::triggered, parts.bar, &ListenerBar::copyWebhookUrl);

    QMenu *capture = parts.captureMenu;
    capture->addSeparator();
    connect(add(capture, "toggleListeningAction", tr("Start or stop &listening"),
                QKeySequence(tr("Ctrl+Alt+L"))),
            &QAction::triggered, parts.bar, &ListenerBar::toggle);
    connect(add(capture, "failNextAction", tr("&Fail the next deliveries (as in the bar)"),
                QKeySequence(tr("Ctrl+Alt+F"))),
            &QAction::triggered, parts.bar, &ListenerBar::failNext);
    connect(add(capture, "delayNextAction", tr("&Delay the next deliveries past 10 s"),
                QKeySequence(tr("Ctrl+Alt+D"))),
            &QAction::triggered, parts.bar, &ListenerBar::delayNext);

    QAction *help = add(nullptr, "helpAction", tr("HookScope &help"), QKeySequence::HelpContents);
    parts.helpMenu->insertAction(parts.helpMenu->actions().value(0), help);
    connect(help, &QAction::triggered, this, &Navigator::showHelp);
    releaseTab(parts.window);
}

// A window-wide shortcut, also in `menu` (when given) so that it can be found.
QAction *Navigator::add(QMenu *menu, const char *name, const QString &text,
                        const QKeySequence &keys)
{
    auto *action = new QAction(text, m_parts.window);
    action->setObjectName(QLatin1String(name));
    action->setShortcut(keys);
    m_parts.window->addAction(action);
    if (menu)
        menu->addAction(action);
    return action;
}

void Navigator::stepDetailTab(int step)
{
    QTabWidget *tabs = m_parts.detailTabs;
    const int n = tabs->count();
    const bool hadFocus = tabs->isAncestorOf(QApplication::focusWidget());
    tabs->setCurrentIndex(((tabs->currentIndex() + step) % n + n) % n);
    if (hadFocus)
        focusDetail();
}

void Navigator::stepPayloadView(int step)
{
    m_parts.detailTabs->setCurrentWidget(m_parts.payload);
    m_parts.payload->stepView(step);
}

// With a row selected, so that what the keys act on next (copy, resend, export the
// selection) is the row the payload pane shows.
void Navigator::focusTable()
{
    QTableView *table = m_parts.table;
    table->setFocus(Qt::ShortcutFocusReason);
    QItemSelectionModel *selection = table->selectionModel();
    if (selection->hasSelection() || table->model()->rowCount() == 0)
        return;
    const QModelIndex current = table->currentIndex();
    selection->setCurrentIndex(current.isValid() ? current : table->model()->index(0, 0),
                               QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void Navigator::focusDetail()
{
    QWidget *page = m_parts.detailTabs->currentWidget();
    if (page == m_parts.payload) {
        m_parts.payload->focusView();
        return;
    }
    if (QWidget *stop = firstTabStop(page))
        stop->setFocus(Qt::ShortcutFocusReason);
    else
        m_parts.detailTabs->tabBar()->setFocus(Qt::ShortcutFocusReason);
}

QWidget *Navigator::firstTabStop(QWidget *area)
{
    for (QWidget *w = area->nextInFocusChain(); w && w != area; w = w->nextInFocusChain()) {
        if (!area->isAncestorOf(w))
            continue;
        if (w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus))
            return w;
    }
    return nullptr;
}

void Navigator::releaseTab(QWidget *window)
{
    for (QAbstractItemView *view : window->findChildren<QAbstractItemView *>())
        view->setTabKeyNavigation(false);
}

void Navigator::showHelp()
{
    HelpDialog::showFor(m_parts.window);
}
