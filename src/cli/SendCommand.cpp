// SPDX-License-Identifier: MIT
#include "SendCommand.h"

#include "DeliveryArguments.h"
#include "Subcommand.h"

#include "delivery/Deliverer.h"
#include "hoox/Templates.h"
#include "session/Language.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cctype>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

struct SendRequest {
    QUrl url;
    HttpHeaders headers;
    QByteArray body;
    DeliveryOptions options;
    bool json = false;
};

// This file's messages, under the catalogue context "send" (lupdate reads it here).
struct SendTr {
    Q_DECLARE_TR_FUNCTIONS(send)
};

void print(FILE *stream, const QString &line)
{
    std::fprintf(stream, "%s\n", line.toUtf8().constData());
    std::fflush(stream);
}

void addOptions(QCommandLineParser &p)
{
    p.setApplicationDescription(
        SendTr::tr("Delivers a payload to URL the way Hoox does: POST with "
                   "Hoox's headers; with --like-hoox, retried until answered "
                   "2xx. The payload is a template, a FILE, or - for stdin."));
    p.addHelpOption();
    p.addPositionalArgument(u"payload"_s, SendTr::tr("FILE, or - to read stdin."), u"[FILE | -]"_s);
    p.addOptions({
        {u"to"_s, SendTr::tr("The http:// or https:// URL to deliver to."), u"URL"_s},
        {u"like-hoox"_s,
         SendTr::tr("Retry like Hoox (after 1 s, 2 s and 4 s) instead of sending once.")},
        {u"header"_s, SendTr::tr("An extra header field, 'Name: value'; repeatable."), u"HEADER"_s},
        {u"json"_s, SendTr::tr("Print one JSON object per attempt.")},
        {u"timeout"_s, SendTr::tr("Milliseconds an answer may take (default 10000)."), u"MS"_s},
        {u"schedule"_s, SendTr::tr("Retry delays in ms, at most 3 (default 1000,2000,4000)."),
         u"MS,MS,MS"_s},
        {u"template"_s,
         SendTr::tr("Send a sample payload with fresh ids: %1.")
             .arg(Templates::names().join(u", "_s)),
         u"NAME"_s},
    });
}

bool isToken(const QByteArray &name)
{
    static const QByteArray kSpecials = "!#$%&'*+-.^_`|~";
    if (name.isEmpty())
        return false;
    for (const char c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && !kSpecials.contains(c))
            return false;
    }
    return true;
}

bool parseHeaders(const QCommandLineParser &p, SendRequest *r, QString *error)
{
    for (const QString &h : p.values(u"header"_s)) {
        const qsizetype colon = h.indexOf(u':');
        const QByteArray name = h.left(colon).trimmed().toUtf8();
        if (colon < 0 || !isToken(name) || h.contains(u'\n') || h.contains(u'\r')) {
            *error = SendTr::tr("--header needs 'Name: value' with a name of letters, digits or "
                                "-_.!#$%&'*+^`|~, not \"%1\".")
                         .arg(h);
            return false;
        }
        r->headers.append(name, h.mid(colon + 1).trimmed().toUtf8());
    }
    return true;
}

bool readBody(const QCommandLineParser &p, SendRequest *r, QString *error)
{
    const QStringList files = p.positionalArguments();
    if (files.size() + (p.isSet(u"template"_s) ? 1 : 0) != 1) {
        *error = SendTr::tr("Give exactly one payload: --template NAME, a FILE, or - for stdin.");
        return false;
    }
    if (p.isSet(u"template"_s)) {
        const QString name = p.value(u"template"_s);
        if (!Templates::contains(name)) {
            *error = SendTr::tr("Unknown template \"%1\"; choose one of %2.")
                         .arg(name, Templates::names().join(u", "_s));
            return false;
        }
        r->body = Templates::render(name);
        return true;
    }
    QFile file(files.first());
    const bool fromStdin = files.first() == "-"_L1;
    if (!(fromStdin ? file.open(stdin, QIODevice::ReadOnly) : file.open(QIODevice::ReadOnly))) {
        *error =
            SendTr::tr("Cannot read the payload \"%1\": %2").arg(files.first(), file.errorString());
        return false;
    }
    r->body = file.readAll(); // byte for byte: no trimming, no re-encoding
    return true;
}

QString attemptLine(const DeliveryAttempt &a)
{
    QString line = SendTr::tr("attempt %1: %2 in %3 ms")
                       .arg(a.number)
                       .arg(a.status > 0 ? QString::number(a.status) : SendTr::tr("no answer"))
                       .arg(a.latencyMs);
    if (!a.error.isEmpty())
        line += u" — "_s + a.error;
    return line;
}

QString attemptJson(const DeliveryAttempt &a)
{
    QJsonObject o{
        {u"attempt"_s, a.number},
        {u"started_at"_s, a.startedAt.toString(Qt::ISODateWithMs)},
        {u"status"_s, a.status > 0 ? QJsonValue(a.status) : QJsonValue()},
        {u"latency_ms"_s, a.latencyMs},
        {u"error"_s, a.error.isEmpty() ? QJsonValue() : QJsonValue(a.error)},
        {u"delivered"_s, a.delivered()},
    };
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

int runSendCommand(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const Language language(Language::systemChoice());
    QStringList args = app.arguments();
    args.removeAt(1); // "send"
    QCommandLineParser p;
    addOptions(p);
    SendRequest r;
    QString error;
    if (!p.parse(args)) {
        print(stderr, p.errorText());
        return 2;
    }
    if (p.isSet(u"help"_s)) {
        print(stdout, subcommandHelp(p, u"send"_s));
        return 0;
    }
    if (!DeliveryArguments::parseTarget(p, &r.url, &error) || !parseHeaders(p, &r, &error) ||
        !DeliveryArguments::parseTimeout(p, &r.options, &error) ||
        !DeliveryArguments::parseRetries(p, &r.options, &error) || !readBody(p, &r, &error)) {
        print(stderr, error);
        return 2;
    }
    r.json = p.isSet(u"json"_s);

    Deliverer deliverer;
    QObject::connect(&deliverer, &Deliverer::attemptFinished, &app, [&r](const DeliveryAttempt &a) {
        print(stdout, r.json ? attemptJson(a) : attemptLine(a));
    });
    QObject::connect(&deliverer, &Deliverer::finished, &app, [&deliverer](bool delivered) {
        if (delivered)
            print(stderr, SendTr::tr("Delivered."));
        else
            print(stderr, QCoreApplication::translate("send", "Not delivered after %n attempt(s).",
                                                      nullptr, int(deliverer.attempts().size())));
        QCoreApplication::exit(delivered ? 0 : 1);
    });
    deliverer.deliver(r.url, r.body, r.headers, r.options);
    return app.exec();
}
