// SPDX-License-Identifier: MIT
#include "StringTest.h"

StringTest::StringTest(const QString &pattern, bool regex, QString *error)
{
    if (!regex) {
        m_glob = Glob(pattern);
        return;
    }
    auto re = std::make_shared<QRegularExpression>(
        pattern,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    if (!re->isValid()) {
        *error = re->errorString();
        return;
    }
    re->optimize();
    m_regex = std::move(re);
}

bool StringTest::test(QStringView value) const
{
    return m_regex ? m_regex->match(value).hasMatch() : m_glob.matches(value);
}

bool StringTest::test(QByteArrayView utf8) const
{
    return m_regex ? m_regex->match(QString::fromUtf8(utf8)).hasMatch() : m_glob.matches(utf8);
}
