// SPDX-License-Identifier: MIT
#include "ResponseRule.h"

#include "http/HttpResponse.h"

void ResponsePolicy::setRule(const ResponseRule &rule)
{
    QMutexLocker lock(&m_mutex);
    m_rule = rule;
}

ResponseRule ResponsePolicy::rule() const
{
    QMutexLocker lock(&m_mutex);
    return m_rule;
}

ResponseAnswer ResponsePolicy::next()
{
    QMutexLocker lock(&m_mutex);
    ResponseAnswer a{m_rule.status, m_rule.contentType, m_rule.body, m_rule.delayMs};
    if (m_rule.failNextCount > 0) {
        --m_rule.failNextCount;
        a.status = m_rule.failNextStatus;
        a.body = HttpResponse::reasonPhrase(a.status);
        a.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
    }
    if (m_rule.delayNextCount > 0) {
        --m_rule.delayNextCount;
        a.delayMs = m_rule.delayNextMs;
    }
    return a;
}
