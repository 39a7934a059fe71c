// SPDX-License-Identifier: MIT
#include "CaptureImporter.h"

#include "capture/CaptureRecorder.h"
#include "interchange/HarReader.h"
#include "interchange/JsonLines.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {
QByteArray firstLine(const QByteArray &data)
{
    qsizetype start = 0;
    while (start < data.size()) {
        qsizetype end = data.indexOf('\n', start);
        if (end < 0)
            end = data.size();
        const QByteArray line = data.sliced(start, end - start).trimmed();
        if (!line.isEmpty())
            return line;
        start = end + 1;
    }
    return {};
}
} // namespace

Interchange::Format CaptureImporter::sniff(const QByteArray &data, const QString &fileName)
{
    const QString lower = fileName.toLower();
    if (lower.endsWith(QLatin1String(".har")))
        return Interchange::Format::Har;
    if (lower.endsWith(QLatin1String(".jsonl")) || lower.endsWith(QLatin1String(".ndjson")))
        return Interchange::Format::JsonLines;
    const QJsonDocument first = QJsonDocument::fromJson(firstLine(data));
    if (first.isObject() && !first.object().contains(QStringLiteral("log")))
        return Interchange::Format::JsonLines;
    return Interchange::Format::Har;
}

ImportResult CaptureImporter::parse(const QByteArray &data, const QString &fileName)
{
    return sniff(data, fileName) == Interchange::Format::Har ? HarReader::read(data)
                                                             : JsonLines::read(data);
}

CaptureBatch CaptureImporter::record(ImportResult *result, CaptureRecorder &recorder)
{
    CaptureBatch captures;
    captures.reserve(result->requests.size());
    for (ImportedRequest &r : result->requests) {
        QString error;
        CapturePtr c =
            recorder.record(std::move(r.request), r.peer, r.receivedAtMs, r.answerStatus, &error);
        if (!c) {
            result->error = error;
            break;
        }
        captures.append(std::move(c));
    }
    return captures;
}
