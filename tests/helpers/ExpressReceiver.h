// SPDX-License-Identifier: MIT
#pragma once

// The Hoox page's own Express receiver (tests/express/receiver.js) as the user's app that
// HookScope forwards to: a `node` process on 127.0.0.1, port 0, whose stdout says where it
// listens and then gives one JSON object per request it received. Header-only and without
// Q_OBJECT so that any test can include it.
//
// A missing node or express is a failure, never a skip: start() returns false and error()
// says what to run.

#include <QByteArray>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTest>
#include <QUrl>

// What ExpressReceiver::start() passes to receiver.js.
struct ExpressReceiverOptions {
    QString name = QStringLiteral("receiver"); // X-Receiver header, "name" in each line
    int status = 200;                          // answered instead of the page's 200
    int delayMs = 0;                           // answer this long after the request came
    QStringList paths = {};                    // the route's paths; /webhook/hoox when empty
};

class ExpressReceiver {
public:
    using Options = ExpressReceiverOptions;

    ExpressReceiver() = default;
    ExpressReceiver(const ExpressReceiver &) = delete;
    ExpressReceiver &operator=(const ExpressReceiver &) = delete;
    ~ExpressReceiver() { stop(); }

    static QString directory() { return QStringLiteral(HOOKSCOPE_SOURCE_DIR "/tests/express"); }

    // Starts the receiver and waits up to 15 s until it listens. On false, error() says why.
    bool start(const Options &options = {})
    {
        stop();
        m_port = 0;
        m_pending.clear();
        m_received.clear();
        m_log.clear();
        m_error.clear();
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (node.isEmpty())
            return fail(QStringLiteral("node is not on PATH: install nodejs and npm, then run "
                                       "`npm ci --prefix tests/express` (./hookscope.sh test "
                                       "does both)"));
        if (!QFileInfo::exists(directory() + QStringLiteral("/node_modules/express/package.json")))
            return fail(QStringLiteral("express is not installed in %1: run "
                                       "`npm ci --prefix tests/express` (./hookscope.sh test does)")
                            .arg(QDir::toNativeSeparators(directory())));
        m_process.setWorkingDirectory(directory());
        m_process.start(node, arguments(options));
        if (!m_process.waitForStarted(15'000))
            return fail(QStringLiteral("cannot start %1: %2").arg(node, m_process.errorString()));
        return waitUntilListening();
    }

    QString error() const { return m_error; }
    quint16 port() const { return m_port; }
    QUrl url(const QString &path = QStringLiteral("/webhook/hoox")) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
    }

    // Every request reported so far, oldest first; reads what has come in without waiting.
    QList<QJsonObject> received()
    {
        if (m_process.state() == QProcess::Running)
            m_process.waitForReadyRead(0);
        if (m_process.isOpen())
            m_pending += m_process.readAllStandardOutput();
        qsizetype nl;
        while ((nl = m_pending.indexOf('\n')) >= 0) {
            const QByteArray line = m_pending.left(nl);
            m_pending.remove(0, nl + 1);
            const QJsonDocument json = QJsonDocument::fromJson(line);
            if (json.isObject())
                m_received.append(json.object());
            else
                qWarning("ExpressReceiver: not a JSON object on stdout: %s", line.constData());
        }
        return m_received;
    }

    // Runs the event loop (the sender may live in this thread) until `count` requests have been
    // reported in all, or `timeoutMs` passed, or the receiver died.
    bool waitForRequests(qsizetype count, int timeoutMs = 10'000)
    {
        const QDeadlineTimer deadline(timeoutMs);
        while (received().size() < count) {
            if (deadline.hasExpired() || m_process.state() != QProcess::Running)
                return received().size() >= count;
            QTest::qWait(10);
        }
        return true;
    }

    // What the page's handler and Express logged on stderr so far.
    QByteArray log()
    {
        if (m_process.isOpen())
            m_log += m_process.readAllStandardError();
        return m_log;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.kill();
        m_process.waitForFinished();
    }

private:
    static QStringList arguments(const Options &options)
    {
        QStringList args{QStringLiteral("receiver.js"), QStringLiteral("--exit-with-stdin"),
                         QStringLiteral("--port"),      QStringLiteral("0"),
                         QStringLiteral("--name"),      options.name,
                         QStringLiteral("--status"),    QString::number(options.status),
                         QStringLiteral("--delay"),     QString::number(options.delayMs)};
        for (const QString &path : options.paths)
            args << QStringLiteral("--path") << path;
        return args;
    }

    bool waitUntilListening()
    {
        static const QRegularExpression listening(
            QStringLiteral("^listening on 127\\.0\\.0\\.1:(\\d+)$"));
        const QDeadlineTimer deadline(15'000);
        while (!m_pending.contains('\n')) {
            if (m_process.state() != QProcess::Running) {
                m_process.waitForFinished();
                return fail(QStringLiteral("node exited (code %1) before listening")
                                .arg(m_process.exitCode()));
            }
            if (deadline.hasExpired())
                return fail(QStringLiteral("no \"listening on\" line within 15 s"));
            m_process.waitForReadyRead(100);
            m_pending += m_process.readAllStandardOutput();
        }
        const qsizetype nl = m_pending.indexOf('\n');
        const QString line = QString::fromUtf8(m_pending.left(nl));
        m_pending.remove(0, nl + 1);
        const auto match = listening.match(line);
        if (!match.hasMatch())
            return fail(QStringLiteral("unexpected first line on stdout: ") + line);
        m_port = quint16(match.captured(1).toUInt());
        return true;
    }

    bool fail(const QString &why)
    {
        const QByteArray said = log().trimmed();
        m_error = QStringLiteral("Express receiver: ") + why;
        if (!said.isEmpty())
            m_error += QStringLiteral("; it said: ") + QString::fromUtf8(said);
        stop();
        return false;
    }

    QProcess m_process;
    quint16 m_port = 0;
    QByteArray m_pending; // stdout not yet a whole line
    QList<QJsonObject> m_received;
    QByteArray m_log;
    QString m_error;
};
