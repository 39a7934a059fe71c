// SPDX-License-Identifier: MIT
#include "NgrokWatcher.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace {
constexpr int kPollMs = 3000;
}

NgrokWatcher::NgrokWatcher(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    m_timer.setInterval(kPollMs);
    connect(&m_timer, &QTimer::timeout, this, &NgrokWatcher::pollNow);
    connect(m_network, &QNetworkAccessManager::finished, this, &NgrokWatcher::onReply);
}

void NgrokWatcher::setPort(quint16 port)
{
    if (port != m_port)
        m_hadTunnel = false; // a tunnel to the old port says nothing about the new one
    m_port = port;
    if (m_timer.isActive())
        pollNow();
}

void NgrokWatcher::start()
{
    m_timer.start();
    pollNow();
}

void NgrokWatcher::stop()
{
    m_timer.stop();
}

void NgrokWatcher::pollNow()
{
    if (m_inFlight || m_port == 0)
        return;
    QUrl url = m_api;
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) +
                QStringLiteral("/api/tunnels"));
    QNetworkRequest request(url);
    request.setTransferTimeout(2000);
    m_inFlight = true;
    m_network->get(request);
}

void NgrokWatcher::onReply(QNetworkReply *reply)
{
    reply->deleteLater();
    m_inFlight = false;
    if (reply->error() != QNetworkReply::NoError) {
        setState({}, m_hadTunnel
                         ? QCoreApplication::translate("NgrokWatcher",
                                                       "The ngrok tunnel to port %1 went away: "
                                                       "the agent at %2 does not answer.")
                               .arg(m_port)
                               .arg(m_api.toString())
                         : QCoreApplication::translate("NgrokWatcher",
                                                       "No ngrok agent at %1: run `ngrok http "
                                                       "%2`, or paste your public URL.")
                               .arg(m_api.toString())
                               .arg(m_port));
        return;
    }
    const QByteArray json = reply->readAll();
    const QString url = pickTunnel(json, m_port);
    emit tunnelsPolled(tunnelNames(json, m_port));
    if (url.isEmpty()) {
        setState({}, m_hadTunnel
                         ? QCoreApplication::translate("NgrokWatcher",
                                                       "The ngrok tunnel to port %1 went away.")
                               .arg(m_port)
                         : QCoreApplication::translate("NgrokWatcher",
                                                       "ngrok runs, but no https tunnel points "
                                                       "at port %1: run `ngrok http %1`.")
                               .arg(m_port));
        return;
    }
    setState(url, QCoreApplication::translate("NgrokWatcher", "ngrok tunnel found: %1").arg(url));
}

void NgrokWatcher::setState(const QString &url, const QString &status)
{
    if (status != m_status) {
        m_status = status;
        emit statusChanged(status);
    }
    m_hadTunnel = m_hadTunnel || !url.isEmpty();
    if (url != m_publicUrl) {
        m_publicUrl = url;
        emit publicUrlChanged(url);
    }
}

QString NgrokWatcher::pickTunnel(const QByteArray &tunnelsJson, quint16 port)
{
    const QJsonArray tunnels =
        QJsonDocument::fromJson(tunnelsJson).object().value(QStringLiteral("tunnels")).toArray();
    for (const QJsonValue &t : tunnels) {
        const QJsonObject o = t.toObject();
        const QString publicUrl = o.value(QStringLiteral("public_url")).toString();
        const QString addr =
            o.value(QStringLiteral("config")).toObject().value(QStringLiteral("addr")).toString();
        if (publicUrl.startsWith(QLatin1String("https://")) && addrPointsAt(addr, port))
            return publicUrl;
    }
    return {};
}

QStringList NgrokWatcher::tunnelNames(const QByteArray &tunnelsJson, quint16 port)
{
    QStringList names;
    const QJsonArray tunnels =
        QJsonDocument::fromJson(tunnelsJson).object().value(QStringLiteral("tunnels")).toArray();
    for (const QJsonValue &t : tunnels) {
        const QJsonObject o = t.toObject();
        const QString addr =
            o.value(QStringLiteral("config")).toObject().value(QStringLiteral("addr")).toString();
        const QString name = o.value(QStringLiteral("name")).toString();
        if (!name.isEmpty() && addrPointsAt(addr, port))
            names.append(name);
    }
    return names;
}

// ngrok writes the address as given on its command line: "4477", "localhost:4477",
// "http://localhost:4477", "127.0.0.1:4477"…
bool NgrokWatcher::addrPointsAt(const QString &addr, quint16 port)
{
    QString rest = addr.trimmed();
    const qsizetype scheme = rest.indexOf(QLatin1String("://"));
    if (scheme >= 0)
        rest = rest.mid(scheme + 3);
    while (rest.endsWith(u'/'))
        rest.chop(1);
    const qsizetype colon = rest.lastIndexOf(u':');
    const QString host = colon >= 0 ? rest.left(colon) : QString();
    bool ok = false;
    const uint p = (colon >= 0 ? rest.mid(colon + 1) : rest).toUInt(&ok);
    if (!ok || p != port)
        return false;
    return host.isEmpty() || host == QLatin1String("localhost") ||
           host.startsWith(QLatin1String("127.")) || host == QLatin1String("[::1]") ||
           host == QLatin1String("0.0.0.0");
}
