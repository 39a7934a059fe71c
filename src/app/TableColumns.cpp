// SPDX-License-Identifier: MIT
#include "TableColumns.h"

#include "CaptureTableModel.h"

#include <QHeaderView>
#include <QMenu>
#include <QTableView>

namespace {

using M = CaptureTableModel;

// The digits the # column was last widened for (see fitIds()).
constexpr char kIdDigits[] = "hookscopeIdDigits";

// Each column's widest usual content: widths follow the font, not fixed pixels.
QString sample(int column)
{
    switch (column) {
    case M::IdColumn:
        return QStringLiteral("99999");
    case M::TimeColumn:
        return QStringLiteral("00:00:00.000");
    case M::TaskColumn:
        return QStringLiteral("video_generate");
    case M::KeyColumn:
        return QStringLiteral("run_0123…cdef");
    case M::StatusColumn:
        return QStringLiteral("completed");
    case M::AttemptColumn:
        return QStringLiteral("4/4 +4.0s");
    case M::AnswerColumn:
        return QStringLiteral("503");
    case M::ForwardColumn: // the last: it takes what room is left
        return QStringLiteral("200 late");
    case M::FindingsColumn:
        return QStringLiteral("99");
    case M::MethodColumn:
        return QStringLiteral("DELETE");
    case M::PathColumn:
        return QStringLiteral("/webhook/hoox");
    case M::SizeColumn:
        return QStringLiteral("999.9 KB");
    default:
        return {};
    }
}

bool hiddenAtFirst(int column)
{
    return column == M::MethodColumn || column == M::PathColumn || column == M::SizeColumn;
}

// Room for the text, the cell's margins, and an icon where the column shows one.
int defaultWidth(const QTableView *table, int column)
{
    const QFontMetrics fm = table->fontMetrics();
    // Icons that mark most rows of their column; a note's or a late answer's is rare enough
    // to elide for, with the tooltip saying it whole.
    const bool icon = column == M::AttemptColumn || column == M::FindingsColumn;
    const int header = table->horizontalHeader()->fontMetrics().horizontalAdvance(
                           table->model()->headerData(column, Qt::Horizontal).toString()) +
                       18;
    const int content = fm.horizontalAdvance(sample(column)) + 12 + (icon ? fm.height() + 4 : 0);
    return std::max(header, content);
}

void move(QHeaderView *header, int logicalIndex, int by)
{
    const int from = header->visualIndex(logicalIndex);
    int to = from + by;
    while (to >= 0 && to < header->count() && header->isSectionHidden(header->logicalIndex(to)))
        to += by;
    if (to >= 0 && to < header->count())
        header->moveSection(from, to);
}

} // namespace

void TableColumns::setUp(QTableView *table)
{
    QHeaderView *header = table->horizontalHeader();
    header->setSectionsMovable(true);
    header->setFirstSectionMovable(false);
    header->setStretchLastSection(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    // Keys differ at both ends (run_ and the id's tail): keep both when a cell is narrow.
    table->setTextElideMode(Qt::ElideMiddle);
    QObject::connect(header, &QHeaderView::customContextMenuRequested, table,
                     [table, header](const QPoint &at) {
                         QMenu *m = menu(table, header->logicalIndexAt(at));
                         m->setAttribute(Qt::WA_DeleteOnClose);
                         m->popup(header->viewport()->mapToGlobal(at));
                     });
    restoreDefaults(table);
    QAbstractItemModel *model = table->model();
    QObject::connect(model, &QAbstractItemModel::rowsInserted, table, [table] { fitIds(table); });
    QObject::connect(model, &QAbstractItemModel::modelReset, table, [table] { fitIds(table); });
}

void TableColumns::fitIds(QTableView *table)
{
    const auto *model = qobject_cast<const M *>(table->model());
    const int digits = model ? int(QString::number(model->highestId()).size()) : 0;
    if (digits <= std::max(5, table->property(kIdDigits).toInt()))
        return;
    table->setProperty(kIdDigits, digits);
    const int width = table->fontMetrics().horizontalAdvance(QString(digits, u'9')) + 12;
    if (table->columnWidth(M::IdColumn) < width)
        table->setColumnWidth(M::IdColumn, width);
}

void TableColumns::restoreDefaults(QTableView *table)
{
    QHeaderView *header = table->horizontalHeader();
    for (int c = 0; c < M::ColumnCount; ++c) {
        header->moveSection(header->visualIndex(c), c);
        header->setSectionHidden(c, hiddenAtFirst(c));
        table->setColumnWidth(c, defaultWidth(table, c));
    }
    table->setProperty(kIdDigits, QVariant());
    fitIds(table);
}

QMenu *TableColumns::menu(QTableView *table, int logicalIndex)
{
    QHeaderView *header = table->horizontalHeader();
    auto *menu = new QMenu(table);
    menu->setObjectName(QStringLiteral("columnsMenu"));
    const QAbstractItemModel *model = table->model();
    // In the order shown, so that the menu reads like the header.
    for (int v = 0; v < header->count(); ++v) {
        const int c = header->logicalIndex(v);
        QAction *a = menu->addAction(model->headerData(c, Qt::Horizontal).toString());
        a->setCheckable(true);
        a->setChecked(!header->isSectionHidden(c));
        // The # column stays: it is what every message and the command line name a capture by.
        a->setEnabled(c != M::IdColumn);
        QObject::connect(a, &QAction::toggled, header,
                         [header, c](bool on) { header->setSectionHidden(c, !on); });
    }
    menu->addSeparator();
    if (logicalIndex > M::IdColumn) {
        const QString name = model->headerData(logicalIndex, Qt::Horizontal).toString();
        QAction *left = menu->addAction(tr("Move \"%1\" left").arg(name));
        left->setEnabled(header->visualIndex(logicalIndex) > 1);
        QObject::connect(left, &QAction::triggered, header,
                         [header, logicalIndex] { move(header, logicalIndex, -1); });
        QAction *right = menu->addAction(tr("Move \"%1\" right").arg(name));
        right->setEnabled(header->visualIndex(logicalIndex) < header->count() - 1);
        QObject::connect(right, &QAction::triggered, header,
                         [header, logicalIndex] { move(header, logicalIndex, 1); });
    }
    QObject::connect(menu->addAction(tr("Restore default columns")), &QAction::triggered, table,
                     [table] { restoreDefaults(table); });
    return menu;
}

QList<int> TableColumns::visibleInOrder(const QHeaderView *header)
{
    QList<int> columns;
    for (int v = 0; v < header->count(); ++v)
        if (!header->isSectionHidden(header->logicalIndex(v)))
            columns << header->logicalIndex(v);
    return columns;
}
