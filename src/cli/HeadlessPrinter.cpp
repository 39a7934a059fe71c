// SPDX-License-Identifier: MIT
#include "HeadlessPrinter.h"

#include "capture/CaptureFormat.h"
#include "interchange/JsonLines.h"

#include <cstdio>

HeadlessPrinter::HeadlessPrinter(bool json, QObject *parent)
    : QObject(parent)
    , m_json(json)
{
}

void HeadlessPrinter::print(const CaptureBatch &batch)
{
    QByteArray out;
    for (const CapturePtr &c : batch) {
        out += m_json ? JsonLines::line(*c) : CaptureFormat::humanLine(*c).toUtf8();
        out += '\n';
    }
    // One write per batch, flushed, so that a pipe reader sees each delivery promptly.
    std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
    std::fflush(stdout);
}
