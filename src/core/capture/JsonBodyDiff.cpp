// SPDX-License-Identifier: MIT
#include "JsonBodyDiff.h"

#include <QHash>
#include <QVarLengthArray>

#include <vector>

namespace {

using Token = JsonScanner::Token;
using Kind = DiffChange::Kind;

// A flattened document as a tree: the entries are in document order and a container's span
// holds its children's, so one pass with a stack finds every entry's parent.
class Tree {
public:
    Tree(QByteArrayView json, const JsonFlatDocument &doc)
        : m_json(json)
        , m_doc(doc)
        , m_firstChild(size_t(doc.entries.size()), -1)
        , m_nextSibling(size_t(doc.entries.size()), -1)
    {
        std::vector<qint32> lastChild(size_t(doc.entries.size()), -1);
        QVarLengthArray<qint32, 32> open;
        for (qint32 i = 0; i < qint32(doc.entries.size()); ++i) {
            const JsonSpan &span = doc.entries[i].span;
            while (!open.isEmpty() && end(open.last()) <= span.offset)
                open.removeLast();
            if (!open.isEmpty())
                link(open.last(), i, lastChild);
            if (span.kind == Token::BeginObject || span.kind == Token::BeginArray)
                open.append(i);
        }
    }

    bool isEmpty() const { return m_doc.entries.isEmpty(); }
    Token kind(qint32 n) const { return m_doc.entries[n].span.kind; }
    QByteArrayView raw(qint32 n) const { return m_doc.entries[n].span.in(m_json); }
    const QString &path(qint32 n) const { return m_doc.entries[n].path; }
    qint32 firstChild(qint32 n) const { return m_firstChild[size_t(n)]; }
    qint32 nextSibling(qint32 n) const { return m_nextSibling[size_t(n)]; }
    // The last token of a child's path: its key (escaped as in a pointer) or index.
    QStringView token(qint32 parent, qint32 child) const
    {
        return QStringView(path(child)).sliced(path(parent).size() + 1);
    }

private:
    qsizetype end(qint32 n) const
    {
        const JsonSpan &s = m_doc.entries[n].span;
        return s.offset + s.size;
    }
    void link(qint32 parent, qint32 child, std::vector<qint32> &lastChild)
    {
        qint32 &last = lastChild[size_t(parent)];
        (last < 0 ? m_firstChild[size_t(parent)] : m_nextSibling[size_t(last)]) = child;
        last = child;
    }

    QByteArrayView m_json;
    const JsonFlatDocument &m_doc;
    std::vector<qint32> m_firstChild;
    std::vector<qint32> m_nextSibling;
};

// An object's members grouped by key, in the order each key first occurs.
struct Members {
    struct Group {
        QStringView key;
        QVarLengthArray<qint32, 1> nodes;
    };
    QList<Group> groups;
    QHash<QStringView, qsizetype> byKey;

    Members(const Tree &tree, qint32 object)
    {
        for (qint32 c = tree.firstChild(object); c >= 0; c = tree.nextSibling(c)) {
            const QStringView key = tree.token(object, c);
            const auto it = byKey.constFind(key);
            if (it != byKey.cend()) {
                groups[*it].nodes.append(c);
                continue;
            }
            byKey.insert(key, groups.size());
            groups.append({key, {c}});
        }
    }
    const Group *find(QStringView key) const
    {
        const auto it = byKey.constFind(key);
        return it == byKey.cend() ? nullptr : &groups[*it];
    }
};

class Differ {
public:
    Differ(const Tree &a, const Tree &b, QList<DiffChange> *out)
        : m_a(a)
        , m_b(b)
        , m_out(out)
    {
    }

    void compare(qint32 a, qint32 b)
    {
        const Token ka = m_a.kind(a);
        const Token kb = m_b.kind(b);
        if (ka == Token::BeginObject && kb == Token::BeginObject)
            return objects(a, b);
        if (ka == Token::BeginArray && kb == Token::BeginArray)
            return arrays(a, b);
        bool sameNumber = false;
        if (!scalarsEqual(a, b, &sameNumber)) {
            DiffChange c = change(Kind::Changed, m_a.path(a), {a}, {b});
            c.sameNumber = sameNumber;
            m_out->append(std::move(c));
        }
    }

private:
    using Nodes = QVarLengthArray<qint32, 1>;

    void objects(qint32 a, qint32 b)
    {
        const Members ma(m_a, a);
        const Members mb(m_b, b);
        for (const Members::Group &g : ma.groups) {
            const Members::Group *other = mb.find(g.key);
            if (!other)
                m_out->append(change(Kind::Removed, m_a.path(g.nodes.first()), g.nodes, {}));
            else if (g.nodes.size() == 1 && other->nodes.size() == 1)
                compare(g.nodes.first(), other->nodes.first());
            else
                duplicated(g.nodes, other->nodes);
        }
        for (const Members::Group &g : mb.groups) {
            if (!ma.find(g.key))
                m_out->append(change(Kind::Added, m_b.path(g.nodes.first()), {}, g.nodes));
        }
    }

    void arrays(qint32 a, qint32 b)
    {
        qint32 ca = m_a.firstChild(a);
        qint32 cb = m_b.firstChild(b);
        for (; ca >= 0 && cb >= 0; ca = m_a.nextSibling(ca), cb = m_b.nextSibling(cb))
            compare(ca, cb);
        for (; ca >= 0; ca = m_a.nextSibling(ca))
            m_out->append(change(Kind::Removed, m_a.path(ca), {ca}, {}));
        for (; cb >= 0; cb = m_b.nextSibling(cb))
            m_out->append(change(Kind::Added, m_b.path(cb), {}, {cb}));
    }

    // A key given more than once on either side: its values are compared in order, and all of
    // them are shown whether or not they differ.
    void duplicated(const Nodes &a, const Nodes &b)
    {
        bool same = a.size() == b.size();
        for (qsizetype i = 0; same && i < a.size(); ++i)
            same = equal(a[i], b[i]);
        DiffChange c = change(same ? Kind::Duplicate : Kind::Changed, m_a.path(a.first()), a, b);
        c.duplicate = true;
        m_out->append(std::move(c));
    }

    bool equal(qint32 a, qint32 b) const
    {
        QList<DiffChange> inner;
        Differ(m_a, m_b, &inner).compare(a, b);
        for (const DiffChange &c : std::as_const(inner)) {
            if (c.kind != Kind::Duplicate)
                return false;
        }
        return true;
    }

    bool scalarsEqual(qint32 a, qint32 b, bool *sameNumber) const
    {
        const Token kind = m_a.kind(a);
        if (kind != m_b.kind(b))
            return false;
        const QByteArrayView ra = m_a.raw(a);
        const QByteArrayView rb = m_b.raw(b);
        if (ra == rb)
            return true;
        if (kind == Token::String)
            return JsonScanner::decodeString(ra) == JsonScanner::decodeString(rb);
        if (kind == Token::Number)
            *sameNumber = CaptureDiff::canonicalNumber(ra) == CaptureDiff::canonicalNumber(rb);
        return false;
    }

    DiffChange change(Kind kind, const QString &path, const Nodes &a, const Nodes &b) const
    {
        DiffChange c;
        c.kind = kind;
        c.part = DiffChange::Part::Body;
        c.path = path;
        for (qint32 n : a)
            c.before.append(m_a.raw(n).toByteArray());
        for (qint32 n : b)
            c.after.append(m_b.raw(n).toByteArray());
        c.duplicate = a.size() > 1 || b.size() > 1;
        return c;
    }

    const Tree &m_a;
    const Tree &m_b;
    QList<DiffChange> *m_out;
};

} // namespace

QList<DiffChange> JsonBodyDiff::compare(QByteArrayView before, const JsonFlatDocument &a,
                                        QByteArrayView after, const JsonFlatDocument &b)
{
    const Tree ta(before, a);
    const Tree tb(after, b);
    QList<DiffChange> out;
    if (!ta.isEmpty() && !tb.isEmpty())
        Differ(ta, tb, &out).compare(0, 0);
    return out;
}
