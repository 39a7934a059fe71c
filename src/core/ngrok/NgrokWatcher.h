// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

// Finds the public URL of the ngrok tunnel that points at our port, through the ngrok
// agent's local API (GET <api>/api/tunnels), polled every few seconds.
class NgrokWatcher : public QObject {
    Q_OBJECT
public:
    static QUrl defaultApiUrl() { return QUrl(QStringLiteral("http://127.0.0.1:4040")); }

    explicit NgrokWatcher(QObject *parent = nullptr);
    void setApiUrl(const QUrl &url) { m_api = url; }
    void setPort(quint16 port);
    void setInterval(int ms) { m_timer.setInterval(ms); }
    void start();
    void stop();
    void pollNow();

    QString publicUrl() const { return m_publicUrl; }
    QString status() const { return m_status; }

    // The https tunnel of `tunnelsJson` (the API's answer) whose config.addr is `port`.
    static QString pickTunnel(const QByteArray &tunnelsJson, quint16 port);
    static bool addrPointsAt(const QString &addr, quint16 port);
    // The names of every tunnel of `tunnelsJson` whose config.addr is `port`, whatever its proto:
    // ngrok's request list names the tunnel that took each request.
    static QStringList tunnelNames(const QByteArray &tunnelsJson, quint16 port);
    QUrl apiUrl() const { return m_api; }

signals:
    // Empty when no tunnel (any more) points at our port.
    void publicUrlChanged(const QString &url);
    void statusChanged(const QString &status);
    // After each poll the agent answered: the tunnels to our port (none: an empty list).
    void tunnelsPolled(const QStringList &tunnelNames);

private:
    void onReply(QNetworkReply *reply);
    void setState(const QString &url, const QString &status);

    QNetworkAccessManager *m_network;
    QTimer m_timer;
    QUrl m_api = defaultApiUrl();
    quint16 m_port = 0;
    bool m_inFlight = false;
    bool m_hadTunnel = false; // once found, its absence is news: "went away"

    QString m_publicUrl;
    QString m_status;
};
