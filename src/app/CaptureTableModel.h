// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractTableModel>

class CaptureStore;

// The capture table: one row per capture of the store, inserted a batch at a time.
class CaptureTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        TimeColumn,
        MethodColumn,
        PathColumn,
        TaskColumn,
        KeyColumn,
        StatusColumn,
        AttemptColumn,
        FindingsColumn,
        SizeColumn,
        AnswerColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole, CaptureIdRole };

    explicit CaptureTableModel(CaptureStore *store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(int row, int column) const;
    QVariant sortKey(int row, int column) const;

    CaptureStore *m_store;
};
