// SPDX-License-Identifier: MIT
#pragma once

#include "json/JsonSpan.h"

#include <QAbstractItemModel>
#include <QByteArray>
#include <QPalette>

#include <memory>

// A JSON body as a tree that reads children only when a row is expanded, a batch at a time
// (canFetchMore/fetchMore), straight from the scanner's spans: a million keys or a deep
// nesting cost one batch, and nothing is re-serialised. Keys keep the order sent, every
// duplicated key is a row of its own, marked, and a value shows its bytes as written.
class JsonTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { KeyColumn, ValueColumn, TypeColumn, ColumnCount };
    enum Role {
        PathRole = Qt::UserRole, // $.result.files[0]
        RawValueRole,            // the value's whole text as received
        DuplicateRole,           // true for a key that its object carries more than once
    };
    static constexpr int kBatch = 500;
    static constexpr qsizetype kShownChars = 200;

    explicit JsonTreeModel(QObject *parent = nullptr);
    ~JsonTreeModel() override;
    // The warning colour of duplicated keys derives from the view's palette (PaletteWatcher).
    void setPalette(const QPalette &palette) { m_palette = palette; }

    // Shows `json` (kept by reference count, never copied); an empty or non-JSON start shows
    // no rows.
    void setJson(const QByteArray &json);
    void clear();

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    struct Node;
    Node *nodeOf(const QModelIndex &index) const;
    void fetchInto(Node *node, std::vector<std::unique_ptr<Node>> &batch);
    void markEarlierDuplicates(Node *node, const QString &key);
    QVariant display(const Node &node, int column) const;

    QByteArray m_json;
    QPalette m_palette;
    std::unique_ptr<Node> m_root; // invisible; its one child is the document
};
