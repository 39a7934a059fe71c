// SPDX-License-Identifier: MIT
#include "AttemptLog.h"

#include "AttemptStatusLabel.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QPlainTextEdit>
#include <QScopedValueRollback>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace {

constexpr int kRunRole = Qt::UserRole + 1;

// The panel's messages, under the catalogue context "ResendPanel" that already translates
// those that moved here (lupdate reads it here).
struct PanelTr {
    Q_DECLARE_TR_FUNCTIONS(ResendPanel)
};

QString headersText(const DeliveryAttempt &a)
{
    QString text;
    for (const HttpHeader &h : a.headers)
        text += QString::fromLatin1(h.name) + u": "_s + QString::fromLatin1(h.value) + u'\n';
    return text;
}

} // namespace

AttemptLog::AttemptLog(QTreeWidget *table, AttemptStatusLabel *statusLine, QPlainTextEdit *answer,
                       QObject *parent)
    : QObject(parent)
    , m_table(table)
    , m_statusLine(statusLine)
    , m_answer(answer)
{
    m_table->setTextElideMode(Qt::ElideRight);
    sizeColumns();
    connect(m_table, &QTreeWidget::itemSelectionChanged, this, &AttemptLog::onSelectionChanged);
}

// The short columns sized to what they hold, the error taking the rest: at 560 px the
// attempt, its time, status and latency show whole beside the delivery's label.
void AttemptLog::sizeColumns()
{
    QHeaderView *header = m_table->header();
    header->setStretchLastSection(true);
    header->setSectionResizeMode(QHeaderView::Interactive);
    const QFontMetrics fm = m_table->fontMetrics();
    const int pad = fm.averageCharWidth() * 2 + 8;
    const auto fit = [&](Column column, const QStringList &samples) {
        int width = header->fontMetrics().horizontalAdvance(m_table->headerItem()->text(column));
        for (const QString &s : samples)
            width = std::max(width, fm.horizontalAdvance(s));
        header->resizeSection(column, width + pad);
    };
    fit(DeliveryColumn, {PanelTr::tr("capture #%1").arg(99999)});
    fit(AttemptColumn, {u"9"_s});
    fit(TimeColumn, {u"00:00:00.000"_s});
    fit(StatusColumn, {PanelTr::tr("sending…"), u"500"_s});
    fit(LatencyColumn, {PanelTr::tr("%1 ms").arg(10000)});
}

// The whole text in the tooltip: a narrow column elides it.
void AttemptLog::setCell(QTreeWidgetItem *item, Column column, const QString &text)
{
    item->setText(column, text);
    item->setToolTip(column, text);
}

void AttemptLog::startRun(int deliveries)
{
    m_runs.append(Run{deliveries, 0, 0});
    m_running = true;
    m_userPicked = false;
}

void AttemptLog::attemptStarted(const DeliveryAttempt &attempt, const QString &deliveryLabel)
{
    auto *item = new QTreeWidgetItem(m_table);
    setCell(item, DeliveryColumn, deliveryLabel);
    setCell(item, AttemptColumn, QString::number(attempt.number));
    setCell(item, TimeColumn, attempt.startedAt.toLocalTime().toString(u"HH:mm:ss.zzz"_s));
    setCell(item, StatusColumn, PanelTr::tr("sending…"));
    item->setData(DeliveryColumn, Qt::UserRole, int(m_attempts.size()));
    item->setData(DeliveryColumn, kRunRole, int(m_runs.size()) - 1);
    m_attempts.append(attempt);
    if (m_userPicked)
        return;
    const QScopedValueRollback selecting(m_selecting, true);
    m_table->setCurrentItem(item);
    m_table->scrollToItem(item);
}

void AttemptLog::attemptFinished(const DeliveryAttempt &attempt)
{
    QTreeWidgetItem *item = newestItem();
    if (!item || m_attempts.isEmpty())
        return;
    m_attempts.last() = attempt;
    setCell(item, StatusColumn,
            attempt.status > 0 ? QString::number(attempt.status) : PanelTr::tr("—"));
    setCell(item, LatencyColumn, PanelTr::tr("%1 ms").arg(attempt.latencyMs));
    setCell(item, ErrorColumn, attempt.error);
    if (item->isSelected())
        showSelected();
}

void AttemptLog::deliveryFinished(bool delivered)
{
    if (m_runs.isEmpty())
        return;
    ++m_runs.last().done;
    m_runs.last().delivered += delivered ? 1 : 0;
    showStatusLine();
}

void AttemptLog::runEnded()
{
    m_running = false;
    showStatusLine();
}

QString AttemptLog::runText(int run) const
{
    const Run &r = m_runs.at(run);
    if (m_running && run == m_runs.size() - 1)
        return PanelTr::tr("Delivered %1 of %2 so far").arg(r.delivered).arg(r.total);
    return PanelTr::tr("Delivered %1 of %2").arg(r.delivered).arg(r.total);
}

// A pick of the user's within the run under way stays until the next run; the newest
// attempt is selected otherwise.
void AttemptLog::onSelectionChanged()
{
    if (!m_selecting && m_running) {
        const QTreeWidgetItem *item = selectedItem();
        m_userPicked = item && item != newestItem() && runOf(item) == m_runs.size() - 1;
    }
    showSelected();
}

void AttemptLog::showSelected()
{
    const QTreeWidgetItem *item = selectedItem();
    if (!item) {
        m_answer->clear();
        m_statusLine->clearAttempt();
        return;
    }
    const DeliveryAttempt &a = m_attempts.at(item->data(DeliveryColumn, Qt::UserRole).toInt());
    QString text = headersText(a) + u'\n' + QString::fromUtf8(a.body);
    if (a.bodyTruncated)
        text += u'\n' + PanelTr::tr("[cut at %1 KiB]").arg(DeliveryAttempt::kMaxBodyBytes / 1024);
    m_answer->setPlainText(text);
    showStatusLine();
}

void AttemptLog::showStatusLine()
{
    const QTreeWidgetItem *item = selectedItem();
    if (!item)
        return;
    const int index = item->data(DeliveryColumn, Qt::UserRole).toInt();
    m_statusLine->showAttempt(m_attempts.at(index), runText(runOf(item)));
}

QTreeWidgetItem *AttemptLog::selectedItem() const
{
    const QList<QTreeWidgetItem *> selected = m_table->selectedItems();
    return selected.isEmpty() ? nullptr : selected.first();
}

QTreeWidgetItem *AttemptLog::newestItem() const
{
    const int count = m_table->topLevelItemCount();
    return count == 0 ? nullptr : m_table->topLevelItem(count - 1);
}

int AttemptLog::runOf(const QTreeWidgetItem *item) const
{
    return item->data(DeliveryColumn, kRunRole).toInt();
}
