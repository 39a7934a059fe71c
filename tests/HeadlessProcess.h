// SPDX-License-Identifier: MIT
// Starting `hookscope --headless --json` on port 0 for the tests that drive it from outside.
#pragma once

#include <QByteArray>
#include <QDeadlineTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QString>

// Starts HookScope on `journal`; returns its port once it has said where it listens and what it
// loaded (0 when it did not within 15 s). `said` gets what it wrote to stderr by then.
inline quint16 startHeadless(QProcess &app, const QString &journal, QString *said = nullptr)
{
    app.setProgram(QStringLiteral(HOOKSCOPE_BINARY));
    app.setArguments({QStringLiteral("--headless"), QStringLiteral("--json"),
                      QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--journal"),
                      journal});
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
