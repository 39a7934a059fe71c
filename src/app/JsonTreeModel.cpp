// SPDX-License-Identifier: MIT
#include "JsonTreeModel.h"

#include "WarningColor.h"
#include "json/JsonKeySet.h"

#include <QApplication>
#include <QIcon>
#include <QStyle>

#include <vector>

using Token = JsonScanner::Token;

struct JsonTreeModel::Node {
    Node *parent = nullptr;
    int row = 0;
    QString key;
    QString path;
    JsonSpan span;
    bool duplicate = false;
    bool complete = false; // every child read (always for a scalar)
    QString error;         // where the document stopped being JSON, on an error row
    std::vector<std::unique_ptr<Node>> children;
    std::unique_ptr<JsonScanner> cursor; // inside the container, after the last child read
    std::unique_ptr<JsonKeySet> keys;

    bool isContainer() const
    {
        return span.kind == Token::BeginObject || span.kind == Token::BeginArray;
    }
};

namespace {

bool isIdentifier(const QString &key)
{
    if (key.isEmpty() || key.front().isDigit())
        return false;
    return std::all_of(key.begin(), key.end(),
                       [](QChar c) { return c.isLetterOrNumber() || c == u'_' || c == u'$'; });
}

QString elided(QString text, qsizetype max)
{
    if (text.size() <= max)
        return text;
    text.truncate(max);
    return text + u'…';
}

QString typeName(Token kind)
{
    switch (kind) {
    case Token::BeginObject:
        return JsonTreeModel::tr("object");
    case Token::BeginArray:
        return JsonTreeModel::tr("array");
    case Token::String:
        return JsonTreeModel::tr("string");
    case Token::Number:
        return JsonTreeModel::tr("number");
    case Token::True:
    case Token::False:
        return JsonTreeModel::tr("boolean");
    case Token::Null:
        return JsonTreeModel::tr("null");
    default:
        return JsonTreeModel::tr("error");
    }
}

// An empty container's span holds only whitespace between its brackets.
bool isEmptyContainer(QByteArrayView span)
{
    return span.size() < 2 || span.sliced(1, span.size() - 2).trimmed().isEmpty();
}

} // namespace

JsonTreeModel::JsonTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{
    m_root->complete = true;
}

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::clear()
{
    beginResetModel();
    m_json.clear();
    m_root = std::make_unique<Node>();
    m_root->complete = true;
    endResetModel();
}

void JsonTreeModel::setJson(const QByteArray &json)
{
    beginResetModel();
    m_json = json;
    m_root = std::make_unique<Node>();
    m_root->complete = true;
    JsonScanner first(m_json);
    const Token t = first.next();
    if (t != Token::Error && t != Token::EndOfDocument) {
        auto doc = std::make_unique<Node>();
        doc->parent = m_root.get();
        doc->key = doc->path = QStringLiteral("$");
        // To the end of the trimmed body: the root's own end is only known once it is read.
        const QByteArrayView trimmed = QByteArrayView(m_json).trimmed();
        doc->span = {t, first.offset(),
                     trimmed.data() + trimmed.size() - m_json.constData() - first.offset()};
        if (t == Token::BeginObject || t == Token::BeginArray)
            doc->complete = isEmptyContainer(doc->span.in(m_json));
        else
            doc->complete = true;
        m_root->children.push_back(std::move(doc));
    }
    endResetModel();
}

JsonTreeModel::Node *JsonTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    const Node *p = nodeOf(parent);
    if (row < 0 || column < 0 || column >= ColumnCount || size_t(row) >= p->children.size())
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    const Node *n = nodeOf(child);
    if (!child.isValid() || n->parent == m_root.get())
        return {};
    return createIndex(n->parent->row, 0, n->parent);
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int JsonTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool JsonTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return false;
    const Node *n = nodeOf(parent);
    return !n->children.empty() || !n->complete;
}

bool JsonTreeModel::canFetchMore(const QModelIndex &parent) const
{
    return parent.column() <= 0 && !nodeOf(parent)->complete;
}

void JsonTreeModel::fetchMore(const QModelIndex &parent)
{
    Node *node = nodeOf(parent);
    if (node->complete)
        return;
    std::vector<std::unique_ptr<Node>> batch;
    fetchInto(node, batch);
    if (batch.empty())
        return;
    const int first = int(node->children.size());
    beginInsertRows(parent, first, first + int(batch.size()) - 1);
    for (auto &child : batch) {
        child->row = int(node->children.size());
        node->children.push_back(std::move(child));
    }
    endInsertRows();
    for (int row = first; row < int(node->children.size()); ++row) {
        if (node->children[size_t(row)]->duplicate)
            markEarlierDuplicates(node, node->children[size_t(row)]->key);
    }
}

// Reads up to kBatch children of `node` from where the last batch stopped.
void JsonTreeModel::fetchInto(Node *node, std::vector<std::unique_ptr<Node>> &batch)
{
    if (!node->cursor) {
        node->cursor = std::make_unique<JsonScanner>(node->span.in(m_json));
        node->cursor->next(); // the opening bracket
        node->keys = std::make_unique<JsonKeySet>();
        node->keys->beginObject();
    }
    JsonScanner &s = *node->cursor;
    const bool object = node->span.kind == Token::BeginObject;
    const qsizetype base = node->span.offset;
    while (batch.size() < size_t(kBatch)) {
        auto child = std::make_unique<Node>();
        child->parent = node;
        Token t = s.next();
        if (t == Token::EndObject || t == Token::EndArray) {
            node->complete = true;
            return;
        }
        if (object && t == Token::Key) {
            child->key = s.decodedString();
            child->duplicate = node->keys->add(s);
            child->path = isIdentifier(child->key) ? QString(node->path + u'.' + child->key)
                                                   : QString(node->path + QStringLiteral("[\"") +
                                                             child->key + QStringLiteral("\"]"));
            t = s.next();
        } else if (t != Token::Error) {
            child->key = QString::number(node->children.size() + size_t(batch.size()));
            child->path = node->path + u'[' + child->key + u']';
        }
        const qsizetype start = s.offset();
        const QByteArrayView span = t == Token::Error ? QByteArrayView() : s.skipValue();
        if (s.hasError()) {
            child->key = QStringLiteral("⚠");
            child->error = tr("Not JSON from here: %1").arg(s.error().toString());
            child->span = {Token::Error, base + s.error().offset, 0};
            child->complete = true;
            batch.push_back(std::move(child));
            node->complete = true;
            return;
        }
        child->span = {t, base + start, span.size()};
        child->complete = !child->isContainer() || isEmptyContainer(span);
        batch.push_back(std::move(child));
    }
}

// The first occurrence of a key is only known to be duplicated once a later one is read.
void JsonTreeModel::markEarlierDuplicates(Node *node, const QString &key)
{
    for (auto &child : node->children) {
        if (child->key != key || child->duplicate)
            continue;
        child->duplicate = true;
        const QModelIndex i = createIndex(child->row, KeyColumn, child.get());
        emit dataChanged(i, i.siblingAtColumn(TypeColumn));
    }
}

QVariant JsonTreeModel::display(const Node &node, int column) const
{
    switch (column) {
    case KeyColumn:
        return elided(node.key, kShownChars);
    case ValueColumn:
        if (!node.error.isEmpty())
            return node.error;
        if (node.span.kind == Token::BeginObject)
            return node.complete && node.children.empty() ? QStringLiteral("{}")
                                                          : QStringLiteral("{…}");
        if (node.span.kind == Token::BeginArray)
            return node.complete && node.children.empty() ? QStringLiteral("[]")
                                                          : QStringLiteral("[…]");
        // The bytes as written, a prefix of a long one: a 30 MB string is never laid out.
        return elided(
            QString::fromUtf8(node.span.in(m_json).first(qMin(node.span.size, kShownChars * 4))),
            kShownChars);
    case TypeColumn:
        return typeName(node.span.kind);
    default:
        return {};
    }
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node &node = *nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
        return display(node, index.column());
    case Qt::ToolTipRole:
        if (node.duplicate)
            return tr("duplicate key: receivers disagree which one wins");
        return {};
    case Qt::DecorationRole:
        if (node.duplicate && index.column() == KeyColumn)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    case Qt::ForegroundRole:
        if (node.duplicate || !node.error.isEmpty())
            return warningColor(m_palette);
        return {};
    case PathRole:
        return node.path;
    case RawValueRole:
        return QString::fromUtf8(node.span.in(m_json));
    case DuplicateRole:
        return node.duplicate;
    default:
        return {};
    }
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case ValueColumn:
        return tr("Value");
    case TypeColumn:
        return tr("Type");
    default:
        return {};
    }
}
