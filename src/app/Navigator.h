// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QObject>

class ListenerBar;
class PayloadView;
class QAction;
class QMainWindow;
class QMenu;
class QTabWidget;
class QTableView;
class QWidget;

// The window without a mouse: shortcuts to each region (table, detail pane), between the
// detail tabs and the payload's views, and for the listener's main actions (copy the
// webhook_url, start or stop, fail or delay the next delivery), each listed in a menu so
// that it can be found; F1 opens the help. Tab walks the regions instead of the cells of a
// table.
class Navigator : public QObject {
    Q_OBJECT
public:
    struct Parts {
        QMainWindow *window = nullptr;
        QTableView *table = nullptr;
        QTabWidget *detailTabs = nullptr;
        PayloadView *payload = nullptr;
        ListenerBar *bar = nullptr;
        QMenu *editMenu = nullptr;
        QMenu *viewMenu = nullptr;
        QMenu *captureMenu = nullptr;
        QMenu *helpMenu = nullptr;
    };
    Navigator(const Parts &parts, QObject *parent);

    // Moves through the detail tabs, or the payload's views, by `step`, wrapping around.
    void stepDetailTab(int step);
    void stepPayloadView(int step);
    void focusTable();
    // Focus to the detail pane's current page, on the widget a reader wants there.
    void focusDetail();
    // Every item view of the window lets Tab leave it (arrows walk its cells).
    static void releaseTab(QWidget *window);
    // The first widget inside `area` that Tab would reach, or null.
    static QWidget *firstTabStop(QWidget *area);

private:
    QAction *add(QMenu *menu, const char *name, const QString &text, const QKeySequence &keys);
    void showHelp();

    Parts m_parts;
};
