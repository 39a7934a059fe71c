// SPDX-License-Identifier: MIT
#pragma once

#include "AnswerClass.h"
#include "ElidedLabel.h"
#include "delivery/DeliveryAttempt.h"

// The line above the Deliver tab's answer pane: what the selected attempt got and how its run
// went, "HTTP 500 · 12 ms · Delivered 0 of 1", "No answer · timed out after 10.0 s · …",
// "Connection refused · …". Coloured by the answer's class from the palette in force, and bold
// when the attempt failed; the words say it all without the colour.
class AttemptStatusLabel : public ElidedLabel {
    Q_OBJECT
public:
    using ElidedLabel::ElidedLabel;

    // "HTTP 500 · 12 ms", "No answer · timed out after 10.0 s", "Connection refused",
    // "Sending…" while the attempt is in flight.
    static QString attemptText(const DeliveryAttempt &attempt);
    // Success when delivered, ClientError for a 4xx, ServerError for any other failure (a 5xx,
    // no answer, a redirect), None while in flight.
    static AnswerClass::Kind kindOf(const DeliveryAttempt &attempt);

    // The attempt, then what its run delivered (`runText`); the whole line in the tooltip.
    void showAttempt(const DeliveryAttempt &attempt, const QString &runText);
    void clearAttempt();
    AnswerClass::Kind kind() const { return m_kind; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    AnswerClass::Kind m_kind = AnswerClass::None;
};
