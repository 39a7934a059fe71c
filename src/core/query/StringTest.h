// SPDX-License-Identifier: MIT
#pragma once

#include "query/Glob.h"

#include <QRegularExpression>

#include <memory>

// A test of one string value: a glob against the whole value, or a regular expression found
// anywhere in it; both without regard to case.
class StringTest {
public:
    StringTest() = default;
    // A glob pattern, or with `regex` a regular expression; an invalid one leaves *error set.
    StringTest(const QString &pattern, bool regex, QString *error);

    bool test(QStringView value) const;
    bool test(QByteArrayView utf8) const;

private:
    Glob m_glob;
    std::shared_ptr<const QRegularExpression> m_regex; // null: the glob
};
