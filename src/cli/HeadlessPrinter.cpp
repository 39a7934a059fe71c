// SPDX-License-Identifier: MIT
#include "HeadlessPrinter.h"

#include "capture/CaptureFormat.h"
#include "hoox/RetrySchedule.h"
#include "interchange/JsonLines.h"
#include "interchange/JsonText.h"

#include <cstdio>

namespace {

const char *stateName(ForwardOutcome::State state)
{
    switch (state) {
    case ForwardOutcome::State::NotRouted:
        return "not_routed";
    case ForwardOutcome::State::Held:
        return "held";
    case ForwardOutcome::State::Sent:
        return "sent";
    case ForwardOutcome::State::Dropped:
        return "dropped";
    }
    return "";
}

// The record's "forward" member: state, target, status, latency, error and the slow handler's
// warning, in words.
QByteArray forwardMember(const ForwardOutcome &o)
{
    QByteArray out = ",\"forward\":";
    JsonText j(&out);
    j.beginObject();
    j.key("state").string(QString::fromLatin1(stateName(o.state)));
    j.key("target").stringOrNull(o.target.toString());
    const bool sent = o.state == ForwardOutcome::State::Sent;
    j.key("status");
    sent &&o.attempt.status > 0 ? j.number(o.attempt.status) : j.null();
    j.key("latency_ms");
    sent ? j.number(o.attempt.latencyMs) : j.null();
    j.key("error").stringOrNull(sent ? o.attempt.error : QString());
    j.key("slow").stringOrNull(o.slowWarning());
    j.key("summary").string(o.summary());
    j.endObject();
    return out;
}

} // namespace

HeadlessPrinter::HeadlessPrinter(bool json, QObject *parent)
    : QObject(parent)
    , m_json(json)
{
}

QByteArray HeadlessPrinter::line(const Capture &c, const ForwardOutcome *outcome) const
{
    if (m_json) {
        QByteArray record = JsonLines::line(c);
        if (outcome && record.endsWith('}'))
            record.insert(record.size() - 1, forwardMember(*outcome));
        return record;
    }
    QString text = CaptureFormat::humanLine(c);
    if (outcome)
        text += QStringLiteral("  ") + outcome->summary();
    return text.toUtf8();
}

void HeadlessPrinter::print(const CaptureBatch &batch)
{
    QByteArray out;
    for (const CapturePtr &c : batch) {
        // Forwarding, every accepted capture has an outcome and is printed with it; a refused
        // or recovered one never reaches the forwarder.
        if (!m_forwarding || c->refused || c->recovered)
            out += line(*c, nullptr) + '\n';
        if (c->hoox.attempt > quint32(RetrySchedule::kMaxRetries)) {
            if (m_lastAttempts.size() > 4096)
                m_lastAttempts.clear(); // an answer that late would long be known
            m_lastAttempts.insert(c->id, c->hoox.attempt);
        }
    }
    write(out);
}

void HeadlessPrinter::printOutcome(const ForwardOutcome &o)
{
    if (o.capture)
        write(line(*o.capture, &o) + '\n');
}

void HeadlessPrinter::printLateAnswer(quint64 id, quint16 status, quint32 afterMs)
{
    if (m_json)
        return;
    const bool last = m_lastAttempts.remove(id);
    QString text =
        u'#' + QString::number(id) + u' ' + CaptureFormat::lateAnswerText(status, afterMs, last);
    if (last)
        text += QStringLiteral("; ") + CaptureFormat::gaveUpText();
    write(text.toUtf8() + '\n');
}

void HeadlessPrinter::write(const QByteArray &out)
{
    if (out.isEmpty())
        return;
    // One write per batch, flushed, so that a pipe reader sees each delivery promptly.
    std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
    std::fflush(stdout);
}
