// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPalette>

#include <functional>

class QWidget;

// Follows a widget's palette: colours derived from it (Tints) are derived again when the theme
// changes at run time, from light to dark or back, whether the application's palette changed
// or the widget's own.
class PaletteWatcher : public QObject {
    Q_OBJECT
public:
    using Changed = std::function<void(const QPalette &)>;
    // Calls `changed` with `widget`'s palette now and after each change; the watcher belongs
    // to the widget.
    static void watch(QWidget *widget, Changed changed);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    PaletteWatcher(QWidget *widget, Changed changed);

    QWidget *m_widget;
    Changed m_changed;
};
