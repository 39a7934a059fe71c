// SPDX-License-Identifier: MIT
#pragma once

#include <QStringView>

// A comparison of a number with a bound: `>1`, `>=1`, `<1`, `<=1`, `=1` or a bare `1`; for
// HTTP statuses also a class such as `5xx`.
class NumberTest {
public:
    enum class Op : quint8 { Equal, Less, LessEqual, Greater, GreaterEqual, Between };

    // False when `text` is none of those forms.
    static bool parse(QStringView text, bool statusClass, NumberTest *out);
    bool test(double value) const;
    // Whether the value was a comparison (`>3`) rather than a bare number.
    bool isComparison() const { return m_explicit; }

private:
    Op m_op = Op::Equal;
    double m_value = 0;
    double m_upper = 0; // Between: m_value ≤ x ≤ m_upper
    bool m_explicit = false;
};
