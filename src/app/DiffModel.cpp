// SPDX-License-Identifier: MIT
#include "DiffModel.h"

#include "capture/CaptureDiffText.h"
#include "capture/DiffIgnoreList.h"

#include <QApplication>
#include <QColor>
#include <QPalette>

namespace {

using Kind = DiffChange::Kind;

QColor blend(const QColor &base, const QColor &tint, qreal alpha)
{
    return QColor::fromRgbF(base.redF() * (1 - alpha) + tint.redF() * alpha,
                            base.greenF() * (1 - alpha) + tint.greenF() * alpha,
                            base.blueF() * (1 - alpha) + tint.blueF() * alpha);
}

QColor tintOf(Kind kind)
{
    switch (kind) {
    case Kind::Added:
        return QColor(0x2e, 0xa0, 0x43); // green
    case Kind::Removed:
        return QColor(0xd7, 0x3a, 0x49); // red
    case Kind::Changed:
        return QColor(0xd4, 0x8c, 0x00); // amber
    case Kind::Duplicate:
        return QColor(0x8a, 0x63, 0xd2); // violet
    }
    return {};
}

// The minus sign, not a hyphen, where a person reads it.
QString markText(const DiffChange &c)
{
    return c.kind == Kind::Removed ? QStringLiteral("\u2212") : CaptureDiffText::mark(c);
}

} // namespace

DiffModel::DiffModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void DiffModel::setResult(CaptureDiffResult result)
{
    beginResetModel();
    m_result = std::move(result);
    rebuildRows();
    endResetModel();
}

void DiffModel::applyIgnores(const CaptureDiffOptions &options)
{
    beginResetModel();
    CaptureDiff::applyIgnores(m_result, options);
    rebuildRows();
    endResetModel();
}

void DiffModel::setShowIgnored(bool show)
{
    if (show == m_showIgnored)
        return;
    beginResetModel();
    m_showIgnored = show;
    rebuildRows();
    endResetModel();
}

void DiffModel::rebuildRows()
{
    m_rows.clear();
    m_rows.reserve(size_t(m_result.changes.size()));
    for (qsizetype i = 0; i < m_result.changes.size(); ++i) {
        if (m_showIgnored || !m_result.changes.at(i).ignored)
            m_rows.push_back(i);
    }
}

int DiffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DiffModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DiffModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DiffChange &c = change(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(c, index.column());
    case Qt::ToolTipRole:
        return toolTip(c);
    case Qt::BackgroundRole:
        return background(c);
    case Qt::ForegroundRole:
        return c.ignored ? QVariant(m_palette.color(QPalette::Disabled, QPalette::Text))
                         : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == MarkColumn ? QVariant(Qt::AlignCenter) : QVariant();
    case KindRole:
        return int(c.kind);
    case IgnoredRole:
        return c.ignored;
    case IgnorePatternRole:
        return ignorePattern(c);
    default:
        return {};
    }
}

QVariant DiffModel::display(const DiffChange &c, int column) const
{
    switch (column) {
    case MarkColumn:
        return markText(c);
    case WhereColumn: {
        const QString note = CaptureDiffText::note(c);
        const QString where = CaptureDiffText::where(c);
        return note.isEmpty() ? where : where + QStringLiteral(" (") + note + u')';
    }
    case BeforeColumn:
        return c.before.isEmpty() ? QString() : CaptureDiffText::values(c.before, kCellLimit);
    case AfterColumn:
        return c.after.isEmpty() ? QString() : CaptureDiffText::values(c.after, kCellLimit);
    default:
        return {};
    }
}

QVariant DiffModel::toolTip(const DiffChange &c) const
{
    QString tip = CaptureDiffText::where(c);
    if (!c.before.isEmpty())
        tip += u'\n' + tr("Before: %1").arg(CaptureDiffText::values(c.before, kToolTipLimit));
    if (!c.after.isEmpty())
        tip += u'\n' + tr("After: %1").arg(CaptureDiffText::values(c.after, kToolTipLimit));
    if (const QString note = CaptureDiffText::note(c); !note.isEmpty())
        tip += u'\n' + note;
    return tip;
}

QVariant DiffModel::background(const DiffChange &c) const
{
    if (c.ignored)
        return {};
    const QColor base = m_palette.color(QPalette::Base);
    return blend(base, tintOf(c.kind), base.lightness() > 128 ? 0.18 : 0.30);
}

void DiffModel::setPalette(const QPalette &palette)
{
    m_palette = palette;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                         {Qt::BackgroundRole, Qt::ForegroundRole});
}

QVariant DiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case MarkColumn:
        return QString();
    case WhereColumn:
        return tr("Path");
    case BeforeColumn:
        return tr("Before");
    case AfterColumn:
        return tr("After");
    default:
        return {};
    }
}

QString DiffModel::ignorePattern(const DiffChange &c)
{
    switch (c.part) {
    case DiffChange::Part::Body:
        return c.path.isEmpty() || c.line > 0 ? QString() : c.path;
    case DiffChange::Part::Header:
        return DiffIgnoreList::headerPattern(c.path);
    case DiffChange::Part::Request:
        return {};
    }
    return {};
}
