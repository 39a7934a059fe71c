// SPDX-License-Identifier: MIT
#include "WebhookUrl.h"

#include <QHostAddress>
#include <QUrl>

using namespace Qt::StringLiterals;

QString WebhookUrl::normalized(const QString &typed)
{
    QString text = typed.trimmed();
    if (text.isEmpty())
        return {};
    if (!text.contains("://"_L1))
        text.prepend("https://"_L1);
    QUrl url(text, QUrl::TolerantMode);
    if (!url.isValid() || url.host().isEmpty())
        return text; // left as typed: problem() says what is wrong with it
    if (url.path().isEmpty() || url.path() == "/"_L1)
        url.setPath(QString::fromLatin1(kDefaultPath));
    return url.toString();
}

QString WebhookUrl::withOrigin(const QString &tunnel, const QString &current)
{
    QUrl url(tunnel.trimmed());
    const QUrl was(current.trimmed());
    const QString path = was.isValid() && !was.host().isEmpty() ? was.path() : QString();
    url.setPath(path.isEmpty() || path == "/"_L1 ? QString::fromLatin1(kDefaultPath) : path);
    if (was.isValid() && !was.host().isEmpty())
        url.setQuery(was.query());
    return url.toString();
}

QString WebhookUrl::problem(const QString &text)
{
    if (text.trimmed().isEmpty())
        return tr("No webhook_url yet: run ngrok, or paste its https URL.");
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return tr("Not a URL Hoox can call: %1").arg(text.trimmed());
    if (url.scheme() != "https"_L1 && url.scheme() != "http"_L1)
        return tr("Hoox calls http(s) URLs, not %1:").arg(url.scheme());
    const QHostAddress address(url.host());
    if (url.host() == "localhost"_L1 || (!address.isNull() && !address.isGlobal()))
        return tr("Hoox cannot reach %1 from the internet: use the URL ngrok gives.")
            .arg(url.host());
    return {};
}
