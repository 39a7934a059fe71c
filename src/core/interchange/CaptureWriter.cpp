// SPDX-License-Identifier: MIT
#include "CaptureWriter.h"

#include "interchange/JsonLines.h"

#include <QIODevice>

CaptureWriter::CaptureWriter(QIODevice *out, Interchange::Format format)
    : m_out(out)
    , m_format(format)
    , m_har(out)
{
}

bool CaptureWriter::begin()
{
    return m_format != Interchange::Format::Har || m_har.begin();
}

bool CaptureWriter::write(const Capture &c)
{
    if (m_format == Interchange::Format::Har)
        return m_har.write(c);
    const QByteArray line = JsonLines::line(c) + '\n';
    return m_out->write(line) == line.size();
}

bool CaptureWriter::finish()
{
    return m_format != Interchange::Format::Har || m_har.finish();
}
