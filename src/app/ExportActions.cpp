// SPDX-License-Identifier: MIT
#include "ExportActions.h"

#include "session/SessionEngine.h"

#include <QAction>
#include <QFileDialog>
#include <QItemSelectionModel>
#include <QStatusBar>
#include <QTableView>

namespace {
QString extensionOf(Interchange::Format format)
{
    return format == Interchange::Format::Har ? QStringLiteral(".har") : QStringLiteral(".jsonl");
}
} // namespace

ExportActions::ExportActions(SessionEngine *engine, QTableView *table, Actions actions,
                             SelectedRows selectedRows, QStatusBar *statusBar, QWidget *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_table(table)
    , m_actions(actions)
    , m_selectedRows(std::move(selectedRows))
    , m_statusBar(statusBar)
    , m_parent(parent)
{
    m_choose = [this](const QString &title, const QStringList &filters, QString *chosen) {
        return QFileDialog::getSaveFileName(m_parent, title, {}, filters.join(u";;"), chosen);
    };
    connect(actions.all, &QAction::triggered, this, [this] { choose(false); });
    connect(actions.selection, &QAction::triggered, this, [this] { choose(true); });
    // A reset of the model clears the selection without a selectionChanged().
    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ExportActions::updateEnabled);
    connect(table->model(), &QAbstractItemModel::modelReset, this, &ExportActions::updateEnabled);
    updateEnabled();
}

QStringList ExportActions::filters()
{
    return {tr("HAR (*.har)"), tr("JSON Lines (*.jsonl *.ndjson)")};
}

Interchange::Format ExportActions::formatOf(const QString &filter)
{
    return filter == filters().constLast() ? Interchange::Format::JsonLines
                                           : Interchange::Format::Har;
}

// The chosen filter is the format; a name that already ends with one of its extensions keeps
// it, any other gets the format's own added ("report.v2" becomes "report.v2.har").
QString ExportActions::withExtension(const QString &file, Interchange::Format format)
{
    const bool has = format == Interchange::Format::Har
                         ? file.endsWith(u".har", Qt::CaseInsensitive)
                         : file.endsWith(u".jsonl", Qt::CaseInsensitive) ||
                               file.endsWith(u".ndjson", Qt::CaseInsensitive);
    return has ? file : file + extensionOf(format);
}

Interchange::Format ExportActions::formatOfName(const QString &file)
{
    return file.endsWith(u".har", Qt::CaseInsensitive) ? Interchange::Format::Har
                                                       : Interchange::Format::JsonLines;
}

quint64 ExportActions::exportTo(const QString &file, Interchange::Format format, bool selectionOnly)
{
    const QList<qsizetype> rows = selectionOnly ? m_selectedRows() : QList<qsizetype>{};
    if (selectionOnly && rows.isEmpty()) {
        m_statusBar->showMessage(tr("Nothing is selected: select captures to export, or use "
                                    "Export all."));
        return 0;
    }
    return m_engine->exportCaptures(file, format, rows, !selectionOnly);
}

void ExportActions::choose(bool selectionOnly)
{
    QAction *action = selectionOnly ? m_actions.selection : m_actions.all;
    QString filter = filters().constFirst();
    const QString file = m_choose(action->text().remove(u'&'), filters(), &filter);
    if (file.isEmpty())
        return;
    const Interchange::Format format =
        filters().contains(filter) ? formatOf(filter) : formatOfName(file);
    exportTo(withExtension(file, format), format, selectionOnly);
}

void ExportActions::updateEnabled()
{
    m_actions.selection->setEnabled(m_table->selectionModel()->hasSelection());
}
