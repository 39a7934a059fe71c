// SPDX-License-Identifier: MIT
#include "NumberTest.h"

#include <QString>

#include <cmath>

bool NumberTest::parse(QStringView text, bool statusClass, NumberTest *out)
{
    NumberTest t;
    if (statusClass && text.size() == 3 && text[0] >= u'1' && text[0] <= u'5' &&
        text.sliced(1).compare(u"xx", Qt::CaseInsensitive) == 0) {
        t.m_op = Op::Between;
        t.m_value = (text[0].unicode() - u'0') * 100;
        t.m_upper = t.m_value + 99;
        *out = t;
        return true;
    }
    static constexpr std::pair<const char16_t *, Op> ops[] = {{u">=", Op::GreaterEqual},
                                                              {u"<=", Op::LessEqual},
                                                              {u">", Op::Greater},
                                                              {u"<", Op::Less},
                                                              {u"=", Op::Equal}};
    for (const auto &[prefix, op] : ops) {
        if (text.startsWith(QStringView(prefix))) {
            t.m_op = op;
            t.m_explicit = true;
            text = text.sliced(QStringView(prefix).size());
            break;
        }
    }
    bool ok = false;
    t.m_value = text.toDouble(&ok);
    if (!ok || !std::isfinite(t.m_value) || text.trimmed().size() != text.size())
        return false;
    *out = t;
    return true;
}

bool NumberTest::test(double value) const
{
    switch (m_op) {
    case Op::Equal:
        return value == m_value;
    case Op::Less:
        return value < m_value;
    case Op::LessEqual:
        return value <= m_value;
    case Op::Greater:
        return value > m_value;
    case Op::GreaterEqual:
        return value >= m_value;
    case Op::Between:
        return value >= m_value && value <= m_upper;
    }
    return false;
}
