// SPDX-License-Identifier: MIT
#pragma once

// A scripted HTTP receiver on 127.0.0.1, port 0, for delivery tests: each request gets the
// next step of the script (the last step repeats). Header-only and without Q_OBJECT so that
// any test can include it.

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

struct ReceiverStep {
    int status = 200;
    int delayMs = 0;     // answer after this long
    bool hang = false;   // never answer
    QByteArray location; // for redirects
    QByteArray body = "OK";
    bool cutShort = false; // announce more body than is sent, then close: an answer cut short
};

struct ReceivedRequest {
    QByteArray head; // request line and header fields
    QByteArray body;
    qint64 atMs = 0; // when it arrived whole, on the receiver's clock

    QByteArray header(const QByteArray &name) const
    {
        for (const QByteArray &line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
};

class TestReceiver {
public:
    explicit TestReceiver(QList<ReceiverStep> script = {ReceiverStep{}})
        : m_script(std::move(script))
    {
        m_clock.start();
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection())
                serve(s);
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }

    QUrl url(const QString &path = QStringLiteral("/webhook/hoox")) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
    }
    const QList<ReceivedRequest> &requests() const { return m_requests; }
    qint64 elapsedMs() const { return m_clock.elapsed(); }

    // A URL nobody listens on: a port that was just free.
    static QUrl closedPortUrl()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        const quint16 port = probe.serverPort();
        probe.close();
        return QUrl(QStringLiteral("http://127.0.0.1:%1/webhook/hoox").arg(port));
    }

private:
    void serve(QTcpSocket *socket)
    {
        auto buffer = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            buffer->append(socket->readAll());
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            ReceivedRequest r;
            r.head = buffer->left(end);
            const qsizetype length = r.header("Content-Length").toLongLong();
            if (buffer->size() < end + 4 + length)
                return;
            r.body = buffer->mid(end + 4, length);
            r.atMs = m_clock.elapsed();
            buffer->clear();
            const ReceiverStep step = m_script.at(qMin(m_requests.size(), m_script.size() - 1));
            m_requests.append(r);
            answer(socket, step);
        });
    }

    static void answer(QTcpSocket *socket, const ReceiverStep &step)
    {
        if (step.hang)
            return;
        QPointer<QTcpSocket> guard(socket);
        // Precise: from 2 s on, singleShot's default coarse timer may fire 5 % early, and tests
        // compare the app's delay with what the sender measured.
        QTimer::singleShot(step.delayMs, Qt::PreciseTimer, socket, [guard, step] {
            if (!guard)
                return;
            QByteArray out = "HTTP/1.1 " + QByteArray::number(step.status) + " Status\r\n";
            if (!step.location.isEmpty())
                out += "Location: " + step.location + "\r\n";
            const qsizetype announced = step.body.size() + (step.cutShort ? 100 : 0);
            out += "Content-Type: text/plain\r\nConnection: close\r\nContent-Length: " +
                   QByteArray::number(announced) + "\r\n\r\n" + step.body;
            guard->write(out);
            guard->disconnectFromHost();
        });
    }

    QTcpServer m_server;
    QList<ReceiverStep> m_script;
    QList<ReceivedRequest> m_requests;
    QElapsedTimer m_clock;
};
