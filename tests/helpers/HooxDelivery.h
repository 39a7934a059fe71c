// SPDX-License-Identifier: MIT
// One Hoox-like delivery of a video_generate result for `jobId`, over a connection of its own.
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QTcpSocket>

// Returns the status HookScope answered, or 0 when no answer came within 5 s.
inline int deliverHoox(quint16 port, const QByteArray &jobId)
{
    const QByteArray body = "{\"task\":\"video_generate\",\"job_id\":\"" + jobId +
                            "\",\"status\":\"completed\",\"result\":{\"video_id\":\"v\"}}";
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(5000))
        return 0;
    s.write("POST /webhook/hoox HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            "User-Agent: Hoox-API/1.0\r\nX-Hoox-Webhook: true\r\nConnection: close\r\n"
            "Content-Length: " +
            QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QByteArray in;
    while (!in.contains("\r\n\r\n") && s.waitForReadyRead(5000))
        in += s.readAll();
    return in.mid(9, 3).toInt();
}
