// SPDX-License-Identifier: MIT
// libFuzzer target for the filter language (Query::parse) and its evaluation. The input is an
// expression, a newline, then a body: so that mutations reach the lexer, the parser and the
// body lookup. A parse either succeeds or names a column inside the expression; what the
// store's columns settle about a capture agrees with the whole capture's answer.
#include "FuzzCheck.h"
#include "capture/CaptureIndex.h"
#include "query/Query.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

Capture captureWith(const QByteArray &body)
{
    Capture c;
    c.id = 1;
    c.receivedAtMs = 1'767'225'600'000;
    c.method = "POST";
    c.target = "/webhook/hoox?x=1";
    c.headers.append("User-Agent", "Hoox-API/1.0");
    c.headers.append("X-Hoox-Webhook", "true");
    c.body = body;
    c.answerStatus = 502;
    c.hoox.task = HooxTask::AvatarEdit;
    c.hoox.taskText = QStringLiteral("avatar_edit");
    c.hoox.statusText = QStringLiteral("failed");
    c.hoox.key = QStringLiteral("av_1:look_1");
    c.hoox.attempt = 1;
    c.hoox.findings = {QStringLiteral("missing_field:error")};
    return c;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = input.indexOf('\n');
    const QString text = QString::fromUtf8(newline < 0 ? input : input.first(newline));
    const QByteArray body = newline < 0 ? QByteArray() : input.sliced(newline + 1).toByteArray();
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(1'767'225'660'000, Qt::UTC);

    const Query query = Query::parse(text, now);
    const Query again = Query::parse(text, now);
    check(query.isValid() == again.isValid() && query.error() == again.error());
    if (!query.isValid()) {
        check(query.error().column >= 1 && query.error().column <= text.size() + 1);
        check(!query.error().message.isEmpty());
        check(!query.error().pointAt(text).isEmpty());
    }
    const Capture c = captureWith(body);
    CaptureIndex index;
    index.append(c);
    const QueryFacts facts = Query::factsOf(index, 0, nullptr);
    const bool matches = query.matches(c, &facts);
    const QueryVerdict row = query.checkRow(index, 0);
    check(row == QueryVerdict::Unknown || (row == QueryVerdict::Yes) == matches);
    check(query.needsCapture() || row != QueryVerdict::Unknown);
    check(!query.isEmpty() || matches);
    return 0;
}
