// SPDX-License-Identifier: MIT
#include "ListenerBar.h"

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
    connect(m_ui->publicUrlEdit, &QLineEdit::textChanged, this, &ListenerBar::updateWebhookUrl);
    connect(m_ui->pathEdit, &QLineEdit::textChanged, this, &ListenerBar::updateWebhookUrl);
    connect(m_ui->copyUrlButton, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(webhookUrl()); });
    connect(m_ui->copyCurlButton, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(hooxCurl()); });
    connect(m_ui->applyRuleButton, &QPushButton::clicked, this, &ListenerBar::applyRule);
    connect(m_ui->failNextButton, &QPushButton::clicked, this, &ListenerBar::failNext);
    connect(m_ui->delayNextButton, &QPushButton::clicked, this, &ListenerBar::delayNext);
    connect(ngrok, &NgrokWatcher::publicUrlChanged, this, [this](const QString &url) {
        // A pasted URL wins over silence; a found tunnel replaces what was there.
        if (!url.isEmpty())
            m_ui->publicUrlEdit->setText(url);
    });
    connect(ngrok, &NgrokWatcher::statusChanged, m_ui->ngrokLabel, &QLabel::setText);
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
        m_ui->stateLabel->setText(
            tr("Not listening: %1 was not confirmed.").arg(address.toString()));
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
        m_ui->stateLabel->setText(tr("Listening on http://%1:%2/ — expose it with: ngrok http %2")
                                      .arg(host)
                                      .arg(m_listener->port()));
        if (!address.isLoopback())
            m_ui->stateLabel->setText(
                m_ui->stateLabel->text() +
                tr(" · Reachable from other machines on %1").arg(address.toString()));
        m_ngrok->setPort(m_listener->port());
    } else {
        m_ui->stateLabel->setText(error);
    }
    m_ui->startStopButton->setText(ok ? tr("Stop") : tr("Start"));
    emit listeningChanged(ok);
    return ok;
}

void ListenerBar::stopListening()
{
    m_listener->stop();
    m_ui->stateLabel->setText(tr("Stopped: deliveries are refused until you start again."));
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
        m_ui->stateLabel->setText(
            tr("\"%1\" is not an IP address; use 127.0.0.1 (or ::1).").arg(m_ui->bindEdit->text()));
        return;
    }
    startListening(address, quint16(m_ui->portSpin->value()));
}

QString ListenerBar::webhookUrl() const
{
    QString base = m_ui->publicUrlEdit->text().trimmed();
    if (base.isEmpty())
        return {};
    while (base.endsWith(u'/'))
        base.chop(1);
    QString path = m_ui->pathEdit->text().trimmed();
    if (!path.isEmpty() && !path.startsWith(u'/'))
        path.prepend(u'/');
    return base + path;
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
    return m_ui->stateLabel->text();
}

void ListenerBar::updateWebhookUrl()
{
    const QString url = webhookUrl();
    m_ui->webhookUrlEdit->setText(url);
    m_ui->webhookUrlEdit->setPlaceholderText(tr("start ngrok, or paste its https URL"));
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
