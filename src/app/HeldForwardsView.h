// SPDX-License-Identifier: MIT
#pragma once

#include "delivery/Forwarder.h"

#include <QList>
#include <QTimer>
#include <QWidget>

#include <memory>

namespace Ui {
class HeldForwardsView;
}
class QTreeWidgetItem;

// The Held list: the forwards that have not ended, as Forwarder::pending() lists them. Held ones
// wait for Release (the selected, else the oldest), Release all (in arrival order) or Drop; those
// in flight say whether Hoox still waits for the app's answer, counting down to the 502 that
// HookScope answers in the app's stead. It shows and steers only: holding, releasing and the
// log that keeps holds across a restart are the forwarder's.
class HeldForwardsView : public QWidget {
    Q_OBJECT
public:
    enum Column { IdColumn, TaskColumn, StatusColumn, StateColumn, TargetColumn, ColumnCount };
    // How often the times shown are redrawn while one of them runs.
    static constexpr int kTickMs = 500;
    static constexpr int kCoalesceMs = 50;

    // `forwarder` (may be null: nothing to show) belongs to the session engine and must
    // outlive the view.
    explicit HeldForwardsView(Forwarder *forwarder, QWidget *parent = nullptr);
    ~HeldForwardsView() override;

    // Rows listed: held forwards and those in flight.
    int count() const { return int(m_pending.size()); }
    // The State column at `nowMs` (ms since the epoch): "held for 12 s", "waiting for your app:
    // Hoox gets 502 in 6 s", or "sent, waiting for your app" once Hoox has its answer.
    static QString stateText(const PendingForward &forward, qint64 nowMs);

public slots:
    // Lists Forwarder::pending() again; pendingChanged() does it, at most every kCoalesceMs.
    void refresh();
    // The selected held forwards, else the oldest.
    void releaseSelected();
    void releaseAll();
    void dropSelected();

signals:
    void countChanged(int count);
    // The user picked a row: the window may show its capture.
    void captureSelected(quint64 captureId);

private:
    QList<quint64> selectedIds(bool heldOnly) const;
    bool anyHeld() const;
    void fillItem(QTreeWidgetItem *item, const PendingForward &forward) const;
    void updateStates();
    void updateButtons();
    void onSelectionChanged();

    std::unique_ptr<Ui::HeldForwardsView> m_ui;
    Forwarder *m_forwarder;
    QList<PendingForward> m_pending; // as listed, oldest first
    QTimer m_tick;
    QTimer m_coalesce;
};
