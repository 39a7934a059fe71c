// SPDX-License-Identifier: MIT
#include "HeldForwardsView.h"

#include "ui_HeldForwardsView.h"

#include <QDateTime>
#include <QFontMetrics>
#include <QHeaderView>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kIdRole = Qt::UserRole;

// "12 s", "3 min 5 s", "2 h 14 min": how long a forward has been held.
QString durationText(qint64 ms)
{
    const qint64 s = qMax<qint64>(0, ms) / 1000;
    if (s < 60)
        return HeldForwardsView::tr("%1 s").arg(s);
    if (s < 3600)
        return HeldForwardsView::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return HeldForwardsView::tr("%1 h %2 min").arg(s / 3600).arg(s % 3600 / 60);
}

} // namespace

HeldForwardsView::HeldForwardsView(Forwarder *forwarder, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::HeldForwardsView>())
    , m_forwarder(forwarder)
    , m_tick(this) // a child, so that tests find it
{
    m_ui->setupUi(this);
    m_ui->heldList->header()->setStretchLastSection(true);
    // Wide enough for what the columns hold, in the font and size of the user's theme.
    const QFontMetrics fm = m_ui->heldList->fontMetrics();
    PendingForward waiting;
    waiting.hooxDeadlineMs = Forwarder::kHooxAnswerMs;
    const QString widest[] = {QStringLiteral("0000"), QStringLiteral("video_generate"),
                              QStringLiteral("completed"), stateText(waiting, 0)};
    for (int c = 0; c < TargetColumn; ++c)
        m_ui->heldList->setColumnWidth(c,
                                       fm.horizontalAdvance(widest[c]) + 3 * fm.averageCharWidth());
    m_tick.setObjectName(QStringLiteral("heldTick"));
    m_tick.setInterval(kTickMs);
    connect(&m_tick, &QTimer::timeout, this, &HeldForwardsView::updateStates);
    connect(m_ui->releaseButton, &QPushButton::clicked, this, &HeldForwardsView::releaseSelected);
    connect(m_ui->releaseAllButton, &QPushButton::clicked, this, &HeldForwardsView::releaseAll);
    connect(m_ui->dropButton, &QPushButton::clicked, this, &HeldForwardsView::dropSelected);
    connect(m_ui->heldList, &QTreeWidget::itemSelectionChanged, this,
            &HeldForwardsView::onSelectionChanged);
    connect(m_ui->heldList, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        const quint64 id = item->data(IdColumn, kIdRole).toULongLong();
        const auto it = std::find_if(m_pending.cbegin(), m_pending.cend(),
                                     [id](const PendingForward &p) { return p.captureId == id; });
        if (m_forwarder && it != m_pending.cend() && it->held)
            m_forwarder->release(id);
    });
    // Forwarding at full speed changes the list with every delivery: redrawn at most every
    // kCoalesceMs, the GUI keeps up.
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(kCoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &HeldForwardsView::refresh);
    if (m_forwarder)
        connect(m_forwarder, &Forwarder::pendingChanged, &m_coalesce, [this] {
            if (!m_coalesce.isActive())
                m_coalesce.start();
        });
    refresh();
}

HeldForwardsView::~HeldForwardsView() = default;

QString HeldForwardsView::stateText(const PendingForward &forward, qint64 nowMs)
{
    if (forward.held)
        return tr("held for %1").arg(durationText(nowMs - forward.receivedAtMs));
    if (forward.hooxDeadlineMs <= 0)
        return tr("sent, waiting for your app");
    const qint64 left = forward.hooxDeadlineMs - nowMs;
    if (left <= 0)
        return tr("waiting for your app: Hoox gets 502 now");
    return tr("waiting for your app: Hoox gets 502 in %1 s")
        .arg(qint64(std::ceil(double(left) / 1000.0)));
}

void HeldForwardsView::refresh()
{
    m_coalesce.stop();
    const QList<quint64> selected = selectedIds(false);
    const int before = count();
    m_pending = m_forwarder ? m_forwarder->pending() : QList<PendingForward>{};
    QTreeWidget *list = m_ui->heldList;
    {
        const QSignalBlocker blocker(list);
        list->clear();
        for (const PendingForward &p : std::as_const(m_pending)) {
            auto *item = new QTreeWidgetItem(list);
            fillItem(item, p);
            item->setSelected(selected.contains(p.captureId));
        }
    }
    m_ui->heldStack->setCurrentWidget(m_pending.isEmpty() ? m_ui->emptyPage : m_ui->listPage);
    updateStates();
    updateButtons();
    if (count() != before)
        emit countChanged(count());
}

void HeldForwardsView::fillItem(QTreeWidgetItem *item, const PendingForward &forward) const
{
    item->setData(IdColumn, kIdRole, forward.captureId);
    item->setText(IdColumn, QString::number(forward.captureId));
    item->setTextAlignment(IdColumn, Qt::AlignRight | Qt::AlignVCenter);
    item->setText(TaskColumn, forward.task);
    item->setText(StatusColumn, forward.status);
    item->setText(TargetColumn, forward.target.toString());
    item->setToolTip(TargetColumn, forward.target.toString());
}

// Redraws the times, and keeps the clock ticking only while one of them runs.
void HeldForwardsView::updateStates()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    bool running = false;
    for (int i = 0; i < m_ui->heldList->topLevelItemCount() && i < m_pending.size(); ++i) {
        const PendingForward &p = m_pending.at(i);
        running = running || p.held || p.hooxDeadlineMs > 0;
        m_ui->heldList->topLevelItem(i)->setText(StateColumn, stateText(p, now));
    }
    if (!running)
        m_tick.stop();
    else if (!m_tick.isActive())
        m_tick.start();
}

QList<quint64> HeldForwardsView::selectedIds(bool heldOnly) const
{
    QList<quint64> ids;
    const QTreeWidget *list = m_ui->heldList;
    for (int i = 0; i < list->topLevelItemCount() && i < m_pending.size(); ++i) {
        if (list->topLevelItem(i)->isSelected() && (!heldOnly || m_pending.at(i).held))
            ids.append(m_pending.at(i).captureId);
    }
    return ids; // in arrival order, as listed
}

bool HeldForwardsView::anyHeld() const
{
    return std::any_of(m_pending.cbegin(), m_pending.cend(),
                       [](const PendingForward &p) { return p.held; });
}

void HeldForwardsView::updateButtons()
{
    const bool picked = !selectedIds(false).isEmpty();
    const bool pickedHeld = !selectedIds(true).isEmpty();
    m_ui->releaseButton->setEnabled(picked ? pickedHeld : anyHeld());
    m_ui->releaseButton->setToolTip(picked ? tr("Send the selected held forwards to your app.")
                                           : tr("Send the oldest held forward to your app; "
                                                "select one to send it first."));
    m_ui->releaseAllButton->setEnabled(anyHeld());
    m_ui->dropButton->setEnabled(pickedHeld);
}

void HeldForwardsView::onSelectionChanged()
{
    updateButtons();
    const QList<QTreeWidgetItem *> selected = m_ui->heldList->selectedItems();
    if (selected.size() == 1)
        emit captureSelected(selected.first()->data(IdColumn, kIdRole).toULongLong());
}

void HeldForwardsView::releaseSelected()
{
    if (!m_forwarder)
        return;
    const QList<quint64> ids = selectedIds(true);
    if (ids.isEmpty() && selectedIds(false).isEmpty())
        m_forwarder->release(); // the oldest
    for (quint64 id : ids)
        m_forwarder->release(id);
    // Released, a forward is in flight: Release means the oldest held one again.
    m_ui->heldList->clearSelection();
}

void HeldForwardsView::releaseAll()
{
    if (m_forwarder)
        m_forwarder->releaseAll();
}

void HeldForwardsView::dropSelected()
{
    if (!m_forwarder)
        return;
    for (quint64 id : selectedIds(true))
        m_forwarder->drop(id);
    m_ui->heldList->clearSelection();
}
