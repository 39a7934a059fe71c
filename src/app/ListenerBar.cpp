// SPDX-License-Identifier: MIT
#include "ListenerBar.h"

#include "CopyFeedback.h"
#include "WebhookUrl.h"
#include "listener/Listener.h"
#include "ngrok/NgrokWatcher.h"
#include "ui_ListenerBar.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
// Past Hoox's 10 s timeout, so that the delayed delivery counts as failed and is retried.
constexpr int kDelayNextMs = 11'000;
} // namespace

ListenerBar::ListenerBar(Listener *listener, NgrokWatcher *ngrok, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ListenerBar>())
    , m_listener(listener)
    , m_ngrok(ngrok)
{
    m_ui->setupUi(this);
    m_ui->portSpin->setValue(listener->port());
    m_ui->bindEdit->setText(listener->address().isNull() ? QStringLiteral("127.0.0.1")
                                                         : listener->address().toString());
    connect(m_ui->startStopButton, &QPushButton::clicked, this, &ListenerBar::toggle);
    connect(m_ui->webhookUrlEdit, &QLineEdit::textChanged, this, &ListenerBar::updateWebhookUrl);
    connect(m_ui->webhookUrlEdit, &QLineEdit::editingFinished, this, [this] {
        const QString url = WebhookUrl::normalized(m_ui->webhookUrlEdit->text());
        if (url != m_ui->webhookUrlEdit->text())
            m_ui->webhookUrlEdit->setText(url);
        emit webhookUrlChanged(url);
    });
    connect(m_ui->copyUrlButton, &QPushButton::clicked, this, &ListenerBar::copyWebhookUrl);
    connect(m_ui->copyCurlButton, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(hooxCurl());
        CopyFeedback::show(m_ui->copyCurlButton);
        emit copied(tr("Hoox request copied as curl"));
    });
    connect(m_ui->applyRuleButton, &QPushButton::clicked, this, &ListenerBar::applyRule);
    connect(m_ui->failNextButton, &QPushButton::clicked, this, &ListenerBar::failNext);
    connect(m_ui->delayNextButton, &QPushButton::clicked, this, &ListenerBar::delayNext);
    connect(ngrok, &NgrokWatcher::publicUrlChanged, this, [this](const QString &tunnel) {
        // A pasted URL wins over silence; a found tunnel replaces its origin, keeping the path.
        if (tunnel.isEmpty())
            return;
        const QString url = WebhookUrl::withOrigin(tunnel, m_ui->webhookUrlEdit->text());
        if (url == m_ui->webhookUrlEdit->text())
            return;
        m_ui->webhookUrlEdit->setText(url);
        emit webhookUrlChanged(url);
    });
    connect(ngrok, &NgrokWatcher::statusChanged, this, &ListenerBar::updateWebhookUrl);
    connect(ngrok, &NgrokWatcher::statusChanged, this, &ListenerBar::ngrokStatusChanged);
    m_ui->startStopButton->setText(listener->isListening() ? tr("Stop") : tr("Start"));
    updateWebhookUrl();
    showRule();
}

ListenerBar::~ListenerBar() = default;

void ListenerBar::setConfirmExposure(std::function<bool(const QString &)> confirm)
{
    m_confirmExposure = std::move(confirm);
}

bool ListenerBar::startListening(const QHostAddress &address, quint16 port)
{
    m_listener->stop();
    if (!address.isLoopback() && m_confirmExposure && !m_confirmExposure(address.toString())) {
        setState(tr("Not listening: %1 was not confirmed.").arg(address.toString()));
        m_ui->startStopButton->setText(tr("Start"));
        emit listeningChanged(false);
        return false;
    }
    QString error;
    const bool ok = m_listener->start(address, port, &error);
    if (ok) {
        m_ui->portSpin->setValue(m_listener->port());
        const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                                 ? u'[' + address.toString() + u']'
                                 : address.toString();
        QString state = tr("Listening on http://%1:%2/ — expose it with: ngrok http %2")
                            .arg(host)
                            .arg(m_listener->port());
        if (!address.isLoopback())
            state += tr(" · Reachable from other machines on %1").arg(address.toString());
        setState(state, address.isLoopback() ? tr("Listening") : tr("Listening on all"));
        m_ngrok->setPort(m_listener->port());
    } else {
        setState(error);
    }
    updateWebhookUrl();
    m_ui->startStopButton->setText(ok ? tr("Stop") : tr("Start"));
    emit listeningChanged(ok);
    return ok;
}

void ListenerBar::stopListening()
{
    m_listener->stop();
    setState(tr("Stopped: deliveries are refused until you start again."), tr("Stopped"));
    m_ui->startStopButton->setText(tr("Start"));
    emit listeningChanged(false);
}

void ListenerBar::toggle()
{
    if (m_listener->isListening()) {
        stopListening();
        return;
    }
    QHostAddress address;
    if (!address.setAddress(m_ui->bindEdit->text().trimmed())) {
        setState(
            tr("\"%1\" is not an IP address; use 127.0.0.1 (or ::1).").arg(m_ui->bindEdit->text()));
        return;
    }
    startListening(address, quint16(m_ui->portSpin->value()));
}

QString ListenerBar::webhookUrl() const
{
    return WebhookUrl::normalized(m_ui->webhookUrlEdit->text());
}

void ListenerBar::setWebhookUrl(const QString &url)
{
    m_ui->webhookUrlEdit->setText(WebhookUrl::normalized(url));
    emit webhookUrlChanged(webhookUrl());
}

void ListenerBar::copyWebhookUrl()
{
    const QString url = webhookUrl();
    if (url.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(url);
    CopyFeedback::show(m_ui->copyUrlButton);
    emit copied(tr("webhook_url copied: %1").arg(url));
}

// The bar shows `brief` (or the whole text, elided where it must be); the tooltip and
// stateText() keep every word.
void ListenerBar::setState(const QString &text, const QString &brief)
{
    m_state = text;
    m_ui->stateLabel->setText(brief.isEmpty() ? text : brief);
    m_ui->stateLabel->setToolTip(text);
}

// The Hoox request that starts a video and names this inspector as its webhook_url.
QString ListenerBar::hooxCurl() const
{
    QJsonObject body{
        {QStringLiteral("prompt"), QStringLiteral("Create a video about space exploration")},
        {QStringLiteral("voice_id"), QStringLiteral("en-US-JennyNeural")},
        {QStringLiteral("webhook_url"), webhookUrl()}};
    QString json = QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact));
    json.replace(u'\'', QStringLiteral("'\\''"));
    return QStringLiteral("curl -X POST https://app.hoox.video/api/public/v1/generation/start \\\n"
                          "  -H 'Authorization: Bearer hx_live_your_api_key_here' \\\n"
                          "  -H 'Content-Type: application/json' \\\n"
                          "  -d '") +
           json + u'\'';
}

QString ListenerBar::stateText() const
{
    return m_state;
}

QString ListenerBar::ngrokStatus() const
{
    return m_ngrok->status();
}

void ListenerBar::updateWebhookUrl()
{
    const QString url = webhookUrl();
    m_ui->webhookUrlEdit->setPlaceholderText(
        tr("run: ngrok http %1 — or paste its https URL").arg(m_listener->port()));
    QStringList tip;
    if (const QString problem = WebhookUrl::problem(url); !problem.isEmpty())
        tip << problem;
    else
        tip << tr("Paste this as webhook_url in your Hoox request.");
    if (const QString ngrok = m_ngrok->status(); !ngrok.isEmpty())
        tip << ngrok;
    m_ui->webhookUrlEdit->setToolTip(tip.join(u'\n'));
    m_ui->copyUrlButton->setEnabled(!url.isEmpty());
    m_ui->copyCurlButton->setEnabled(!url.isEmpty());
}

// Only the rule: a countdown armed with "Fail next" or "Delay next" carries on.
void ListenerBar::applyRule()
{
    AnswerPolicy *policy = m_listener->policy();
    ResponseRule rule = policy->rule(); // keeps the content type, which the bar does not show
    rule.status = m_ui->answerStatusSpin->value();
    rule.body = m_ui->answerBodyEdit->text().toUtf8();
    rule.delayMs = m_ui->answerDelaySpin->value();
    policy->setRule(rule);
    showRuleState();
}

void ListenerBar::failNext()
{
    m_listener->policy()->armFailNext(m_ui->failNextSpin->value(), m_ui->failStatusSpin->value());
    showRuleState();
}

void ListenerBar::delayNext()
{
    m_listener->policy()->armDelayNext(m_ui->delayNextSpin->value(), kDelayNextMs);
    showRuleState();
}

void ListenerBar::showRule()
{
    const ResponseRule rule = m_listener->policy()->rule();
    m_ui->answerStatusSpin->setValue(rule.status);
    m_ui->answerBodyEdit->setText(QString::fromUtf8(rule.body));
    m_ui->answerDelaySpin->setValue(rule.delayMs);
    showRuleState();
}

void ListenerBar::showRuleState()
{
    const AnswerPolicy::State state = m_listener->policy()->state();
    QStringList parts;
    if (state.failNextLeft > 0)
        parts
            << tr("failing the next %1 with %2").arg(state.failNextLeft).arg(state.failNextStatus);
    if (state.delayNextLeft > 0)
        parts << tr("delaying the next %1 by %2 s")
                     .arg(state.delayNextLeft)
                     .arg(state.delayNextMs / 1000);
    m_ui->ruleStateLabel->setText(parts.join(QStringLiteral(", ")));
}
