// SPDX-License-Identifier: MIT
// Starting `hookscope --headless --json` (or `hookscope listen …`) on port 0 for the tests that
// drive it from outside, and delivering requests to it over a real socket, byte for byte.
#pragma once

#include <QByteArray>
#include <QDeadlineTimer>
#include <QHostAddress>
#include <QList>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QTcpSocket>

#include <utility>

// Starts HookScope with `args` (which must hold --port 0); returns its port once it has said
// where it listens and what it loaded (0 when it did not within 15 s). `said` gets what it
// wrote to stderr by then.
inline quint16 startListening(QProcess &app, const QStringList &args, QString *said = nullptr)
{
    app.setProgram(QStringLiteral(HOOKSCOPE_BINARY));
    app.setArguments(args);
    app.start();
    if (!app.waitForStarted())
        return 0;
    const QRegularExpression listening(QStringLiteral("http://127\\.0\\.0\\.1:(\\d+)/"));
    QByteArray err;
    QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired()) {
        app.waitForReadyRead(100);
        err += app.readAllStandardError();
        const auto m = listening.match(QString::fromUtf8(err));
        if (m.hasMatch() && err.contains("so far)")) {
            if (said)
                *said = QString::fromUtf8(err);
            return quint16(m.captured(1).toUInt());
        }
    }
    return 0;
}

// `hookscope --headless --json --port 0` on `journal`.
inline quint16 startHeadless(QProcess &app, const QString &journal, QString *said = nullptr)
{
    return startListening(app,
                          {QStringLiteral("--headless"), QStringLiteral("--json"),
                           QStringLiteral("--port"), QStringLiteral("0"),
                           QStringLiteral("--journal"), journal},
                          said);
}

// A request as it goes on the wire; its capture must keep all of it.
struct SentRequest {
    QByteArray method;
    QByteArray target;
    QList<std::pair<QByteArray, QByteArray>> headers; // in order and case, framing included
    QByteArray body;
    bool chunked = false; // the body goes in 100-byte chunks
};

// A POST to `target` with Host first and the framing field (Content-Length or
// Transfer-Encoding) last.
inline SentRequest postRequest(const QByteArray &target, const QByteArray &body,
                               QList<std::pair<QByteArray, QByteArray>> headers,
                               bool chunked = false)
{
    headers.prepend({"Host", "127.0.0.1"});
    headers.append(chunked ? std::pair<QByteArray, QByteArray>("Transfer-Encoding", "chunked")
                           : std::pair<QByteArray, QByteArray>("Content-Length",
                                                               QByteArray::number(body.size())));
    return {"POST", target, std::move(headers), body, chunked};
}

inline QByteArray wireBytes(const SentRequest &r)
{
    QByteArray out = r.method + ' ' + r.target + " HTTP/1.1\r\n";
    for (const auto &[name, value] : r.headers)
        out += name + ": " + value + "\r\n";
    out += "\r\n";
    if (!r.chunked)
        return out + r.body;
    for (qsizetype at = 0; at < r.body.size(); at += 100) {
        const QByteArray chunk = r.body.mid(at, 100);
        out += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
    }
    return out + "0\r\n\r\n";
}

// Sends `r` on a connection of its own; returns the answer's status code, or 0 when none came
// within 10 s. Once answered, the capture is journaled and on its way to stdout.
inline int deliver(quint16 port, const SentRequest &r)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(10000))
        return 0;
    s.write(wireBytes(r));
    QByteArray answer;
    QDeadlineTimer deadline(10000);
    while (!answer.contains("\r\n\r\n") &&
           s.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
        answer += s.readAll();
    return answer.startsWith("HTTP/1.") ? answer.mid(9, 3).toInt() : 0;
}

// The next `count` lines `app` prints on stdout, after `pending` (what was read before and
// not used yet, which keeps what comes after them); fewer when they did not come within 10 s.
inline QList<QByteArray> readLines(QProcess &app, QByteArray *pending, qsizetype count)
{
    QList<QByteArray> lines;
    QDeadlineTimer deadline(10000);
    while (lines.size() < count) {
        const qsizetype nl = pending->indexOf('\n');
        if (nl >= 0) {
            lines.append(pending->left(nl));
            pending->remove(0, nl + 1);
        } else if (deadline.hasExpired()) {
            break;
        } else {
            app.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
            *pending += app.readAllStandardOutput();
        }
    }
    return lines;
}

// What `hookscope ARGS` did: its exit code (-1 when it crashed or ran past 30 s, then killed)
// and what it printed.
struct HookScopeRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline HookScopeRun runHookScope(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(HOOKSCOPE_BINARY), args);
    HookScopeRun r;
    if (!p.waitForFinished(30'000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}
