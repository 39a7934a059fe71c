// SPDX-License-Identifier: MIT
#pragma once

// A stand-in for the ngrok agent's local API on 127.0.0.1, port 0: answers GET /api/tunnels with
// one https tunnel to `port` and GET /api/requests/http with the entries given. Header-only and
// without Q_OBJECT so that any test can include it.

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <memory>

namespace FakeNgrok {
const QString TunnelName = QStringLiteral("command_line");

// A Hoox delivery as ngrok keeps it: the whole request, header fields as ngrok forwards them.
inline QByteArray hooxRequest(const QByteArray &jobId, const QByteArray &status = "completed")
{
    const QByteArray body = "{\"task\":\"video_generate\",\"job_id\":\"" + jobId +
                            "\",\"status\":\"" + status +
                            "\",\"result\":{\"video_id\":\"video_1\",\"video_url\":"
                            "\"https://cdn.hoox.video/v.mp4\"}}";
    return "POST /webhook/hoox HTTP/1.1\r\nHost: abc.ngrok.app\r\nUser-Agent: Hoox-API/1.0\r\n"
           "Content-Type: application/json\r\nX-Hoox-Webhook: true\r\n"
           "X-Forwarded-For: 203.0.113.7\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// ngrok's own answer while nothing listens on the tunnel's port.
inline QByteArray ngrokError502()
{
    const QByteArray body = "<html><body>ERR_NGROK_8012: failed to establish a connection to "
                            "the upstream web service at localhost</body></html>";
    return "HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nNgrok-Error-Code: "
           "ERR_NGROK_8012\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

inline QByteArray hookScopeAnswer()
{
    return "HTTP/1.1 200 OK\r\nServer: HookScope\r\nContent-Type: text/plain\r\n"
           "Content-Length: 3\r\n\r\nOK\n";
}

inline QJsonObject entry(const QString &id, const QByteArray &raw, const QByteArray &response,
                         int status,
                         const QString &start = QStringLiteral("2026-12-01T10:00:00.123456789Z"))
{
    QJsonObject request{{QStringLiteral("method"), QStringLiteral("POST")},
                        {QStringLiteral("uri"), QStringLiteral("/webhook/hoox")},
                        {QStringLiteral("headers"), QJsonObject()},
                        {QStringLiteral("raw"), QString::fromLatin1(raw.toBase64())}};
    QJsonValue answer = QJsonValue::Null;
    if (status != 0) {
        answer = QJsonObject{{QStringLiteral("status_code"), status},
                             {QStringLiteral("raw"), QString::fromLatin1(response.toBase64())}};
    }
    return {{QStringLiteral("id"), id},
            {QStringLiteral("tunnel_name"), TunnelName},
            {QStringLiteral("uri"), QStringLiteral("/webhook/hoox")},
            {QStringLiteral("start"), start},
            {QStringLiteral("duration"), 1200000},
            {QStringLiteral("request"), request},
            {QStringLiteral("response"), answer}};
}

inline QByteArray requestList(const QJsonArray &entries)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("uri"), QStringLiteral("/api/requests/http")},
                                     {QStringLiteral("requests"), entries}})
        .toJson(QJsonDocument::Compact);
}
} // namespace FakeNgrok

class FakeNgrokAgent {
public:
    FakeNgrokAgent()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection())
                serve(s);
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }

    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }
    void setPort(quint16 port) { m_port = port; }
    void setRequests(const QByteArray &json) { m_requests = json; }
    int hits(const QByteArray &path) const { return m_hits.value(path); }

private:
    QByteArray tunnels() const
    {
        return "{\"tunnels\":[{\"name\":\"" + FakeNgrok::TunnelName.toLatin1() +
               "\",\"public_url\":\"https://abc.ngrok.app\",\"proto\":\"https\",\"config\":"
               "{\"addr\":\"http://localhost:" +
               QByteArray::number(m_port) + "\",\"inspect\":true}}],\"uri\":\"/api/tunnels\"}";
    }

    void serve(QTcpSocket *socket)
    {
        auto buffer = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            buffer->append(socket->readAll());
            if (!buffer->contains("\r\n\r\n"))
                return;
            const QByteArray path = buffer->split(' ').value(1);
            buffer->clear();
            ++m_hits[path];
            const QByteArray body = path == "/api/tunnels"         ? tunnels()
                                    : path == "/api/requests/http" ? m_requests
                                                                   : QByteArray("{}");
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: "
                          "close\r\nContent-Length: " +
                          QByteArray::number(body.size()) + "\r\n\r\n" + body);
            socket->disconnectFromHost();
        });
    }

    QTcpServer m_server;
    quint16 m_port = 0;
    QByteArray m_requests = FakeNgrok::requestList({});
    QHash<QByteArray, int> m_hits;
};
