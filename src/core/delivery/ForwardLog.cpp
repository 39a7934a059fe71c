// SPDX-License-Identifier: MIT
#include "ForwardLog.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

#include <unistd.h>

namespace {

// This file's messages, under the catalogue context "ForwardLog" (lupdate reads it here).
struct ForwardLogTr {
    Q_DECLARE_TR_FUNCTIONS(ForwardLog)
};

QByteArray lineOf(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace

QString ForwardLog::pathFor(const QString &journalPath)
{
    return journalPath + QStringLiteral(".forwards");
}

bool ForwardLog::open(const QString &journalPath, QString *error)
{
    m_file.close();
    m_pending.clear();
    m_file.setFileName(pathFor(journalPath));
    if (!m_file.open(QIODevice::ReadWrite | QIODevice::Append)) {
        *error =
            ForwardLogTr::tr("Cannot open %1: %2").arg(m_file.fileName(), m_file.errorString());
        return false;
    }
    m_file.seek(0);
    QMap<quint64, Hold> waiting; // ordered by id: arrival order
    while (!m_file.atEnd()) {
        const QJsonObject o = QJsonDocument::fromJson(m_file.readLine()).object();
        const quint64 id = quint64(o.value(QStringLiteral("id")).toInteger());
        const QString event = o.value(QStringLiteral("event")).toString();
        if (id == 0)
            continue;
        if (event == QLatin1String("held")) {
            Hold h;
            h.id = id;
            h.offset = o.value(QStringLiteral("offset")).toInteger(-1);
            h.size = quint32(o.value(QStringLiteral("size")).toInteger());
            h.receivedAtMs = o.value(QStringLiteral("received_at_ms")).toInteger();
            if (h.offset >= 0 && h.size > 0)
                waiting.insert(id, h);
        } else {
            waiting.remove(id);
        }
    }
    m_pending = waiting.values();
    // Nothing waits: the history of past holds is of no further use.
    if (m_pending.isEmpty())
        m_file.resize(0);
    return true;
}

QList<ForwardLog::Hold> ForwardLog::pending() const
{
    return m_pending;
}

bool ForwardLog::held(const Capture &capture, QString *error)
{
    QJsonObject o{{QStringLiteral("id"), qint64(capture.id)},
                  {QStringLiteral("event"), QStringLiteral("held")},
                  {QStringLiteral("offset"), capture.journalOffset},
                  {QStringLiteral("size"), qint64(capture.journalRecordSize)},
                  {QStringLiteral("received_at_ms"), capture.receivedAtMs}};
    return write(lineOf(o), error);
}

bool ForwardLog::released(quint64 id, const QUrl &target, const DeliveryAttempt &attempt,
                          QString *error)
{
    QJsonObject o{{QStringLiteral("id"), qint64(id)},
                  {QStringLiteral("event"), QStringLiteral("forwarded")},
                  {QStringLiteral("target"), target.toString()},
                  {QStringLiteral("status"), attempt.status},
                  {QStringLiteral("latency_ms"), attempt.latencyMs},
                  {QStringLiteral("error"), attempt.error}};
    return write(lineOf(o), error);
}

bool ForwardLog::dropped(quint64 id, QString *error)
{
    QJsonObject o{{QStringLiteral("id"), qint64(id)},
                  {QStringLiteral("event"), QStringLiteral("dropped")}};
    return write(lineOf(o), error);
}

bool ForwardLog::write(const QByteArray &line, QString *error)
{
    if (!m_file.isOpen()) {
        *error = ForwardLogTr::tr("no journal is open for held forwards");
        return false;
    }
    // One write() call per line, unbuffered: a crash leaves at most a torn last line.
    if (::write(m_file.handle(), line.constData(), size_t(line.size())) != line.size()) {
        *error =
            ForwardLogTr::tr("Cannot write %1: %2").arg(m_file.fileName(), qt_error_string(errno));
        return false;
    }
    return true;
}
