// SPDX-License-Identifier: MIT
#include "DeliveryArguments.h"

#include "delivery/ForwardRoute.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>

namespace {

// This file's messages, under the catalogue context "DeliveryArguments" (lupdate reads it here).
struct DeliveryArgumentsTr {
    Q_DECLARE_TR_FUNCTIONS(DeliveryArguments)
};

} // namespace

namespace DeliveryArguments {

bool parseTarget(const QCommandLineParser &p, QUrl *url, QString *error)
{
    const QString to = QStringLiteral("to");
    if (!p.isSet(to)) {
        *error = DeliveryArgumentsTr::tr(
            "--to URL is needed: your app, e.g. http://localhost:3000/webhook/hoox.");
        return false;
    }
    *url = QUrl(p.value(to), QUrl::StrictMode);
    if (!isForwardUrl(*url)) {
        *error = DeliveryArgumentsTr::tr("--to needs an http:// or https:// URL such as "
                                         "http://localhost:3000/webhook/hoox, not \"%1\".")
                     .arg(p.value(to));
        return false;
    }
    return true;
}

bool parseTimeout(const QCommandLineParser &p, DeliveryOptions *options, QString *error)
{
    const QString timeout = QStringLiteral("timeout");
    if (!p.isSet(timeout))
        return true;
    bool ok = false;
    const int ms = p.value(timeout).toInt(&ok);
    if (!ok || ms < 1 || ms > 600'000) {
        *error =
            DeliveryArgumentsTr::tr("--timeout needs milliseconds from 1 to 600000, not \"%1\".")
                .arg(p.value(timeout));
        return false;
    }
    options->timeoutMs = ms;
    return true;
}

bool parseRetries(const QCommandLineParser &p, DeliveryOptions *options, QString *error)
{
    options->likeHoox = p.isSet(QStringLiteral("like-hoox"));
    const QString schedule = QStringLiteral("schedule");
    if (!p.isSet(schedule))
        return true;
    const QStringList parts = p.value(schedule).split(u',');
    options->retryDelaysMs.clear();
    for (const QString &part : parts) {
        bool ok = false;
        const int ms = part.trimmed().toInt(&ok);
        if (!ok || ms < 0 || parts.size() > DeliveryOptions::kMaxRetries) {
            *error = DeliveryArgumentsTr::tr(
                         "--schedule needs 1 to 3 delays in milliseconds such as 1000,2000,4000, "
                         "not \"%1\".")
                         .arg(p.value(schedule));
            return false;
        }
        options->retryDelaysMs.append(ms);
    }
    return true;
}

} // namespace DeliveryArguments
