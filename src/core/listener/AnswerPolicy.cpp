// SPDX-License-Identifier: MIT
#include "AnswerPolicy.h"

#include "http/HttpResponse.h"

void AnswerPolicy::setRule(const ResponseRule &rule)
{
    QMutexLocker lock(&m_mutex);
    m_state.rule = rule;
}

ResponseRule AnswerPolicy::rule() const
{
    QMutexLocker lock(&m_mutex);
    return m_state.rule;
}

void AnswerPolicy::armFailNext(int count, int status)
{
    QMutexLocker lock(&m_mutex);
    m_state.failNextLeft = qMax(0, count);
    m_state.failNextStatus = status;
}

void AnswerPolicy::armDelayNext(int count, int delayMs)
{
    QMutexLocker lock(&m_mutex);
    m_state.delayNextLeft = qMax(0, count);
    m_state.delayNextMs = delayMs;
}

void AnswerPolicy::disarm()
{
    QMutexLocker lock(&m_mutex);
    m_state.failNextLeft = 0;
    m_state.delayNextLeft = 0;
}

AnswerPolicy::State AnswerPolicy::state() const
{
    QMutexLocker lock(&m_mutex);
    return m_state;
}

ResponseAnswer AnswerPolicy::next()
{
    QMutexLocker lock(&m_mutex);
    const ResponseRule &rule = m_state.rule;
    ResponseAnswer a{rule.status, rule.contentType, rule.body, rule.delayMs};
    if (m_state.failNextLeft > 0) {
        --m_state.failNextLeft;
        a.status = m_state.failNextStatus;
        a.body = HttpResponse::reasonPhrase(a.status);
        a.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
    }
    if (m_state.delayNextLeft > 0) {
        --m_state.delayNextLeft;
        a.delayMs = m_state.delayNextMs;
    }
    return a;
}
