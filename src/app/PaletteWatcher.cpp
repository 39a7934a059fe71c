// SPDX-License-Identifier: MIT
#include "PaletteWatcher.h"

#include <QEvent>
#include <QWidget>

PaletteWatcher::PaletteWatcher(QWidget *widget, Changed changed)
    : QObject(widget)
    , m_widget(widget)
    , m_changed(std::move(changed))
{
    widget->installEventFilter(this);
}

void PaletteWatcher::watch(QWidget *widget, Changed changed)
{
    auto *watcher = new PaletteWatcher(widget, std::move(changed));
    watcher->m_changed(widget->palette());
}

// A new application palette reaches the widget as ApplicationPaletteChange, which the widget
// answers with a PaletteChange once its own palette is resolved again: that is the one to
// follow, when palette() already holds the new colours.
bool PaletteWatcher::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_widget && event->type() == QEvent::PaletteChange)
        m_changed(m_widget->palette());
    return QObject::eventFilter(watched, event);
}
