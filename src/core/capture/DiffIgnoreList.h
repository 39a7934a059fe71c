// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

// What a diff leaves out: body paths written as JSON Pointers, where `*` matches any run of
// characters within one token and `?` one character (`/result/*_at`), and headers written
// `header:NAME` (case ignored, same globs). A pattern also covers everything below its path.
class DiffIgnoreList {
    Q_DECLARE_TR_FUNCTIONS(DiffIgnoreList)
public:
    DiffIgnoreList() = default;
    explicit DiffIgnoreList(const QStringList &patterns);

    bool isEmpty() const { return m_body.isEmpty() && m_headers.isEmpty(); }
    bool matchesBody(QStringView pointer) const;
    bool matchesHeader(QStringView name) const;

    // False, with *error in words, for a pattern that is neither a pointer nor header:NAME.
    static bool isValid(const QString &pattern, QString *error);
    static QString headerPattern(const QString &name) { return kHeaderPrefix + name.toLower(); }
    static bool glob(QStringView pattern, QStringView text);

    static inline const QString kHeaderPrefix = QStringLiteral("header:");

private:
    QList<QStringList> m_body; // tokens of each body pattern
    QStringList m_headers;     // lower case
};
