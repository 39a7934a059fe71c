// SPDX-License-Identifier: MIT
#include "EmptyState.h"

#include "CopyFeedback.h"
#include "ListenerBar.h"
#include "capture/CaptureStore.h"
#include "delivery/DeliveryRequest.h"
#include "hoox/Templates.h"
#include "listener/Listener.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {
constexpr auto kSampleTemplate = "video_generate.completed";
constexpr int kSampleTimeoutMs = 10'000;

QLabel *wrapping(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}
} // namespace

EmptyState::EmptyState(QWidget *parent)
    : QWidget(parent)
    , m_commandLabel(new QLabel(this))
    , m_copyCommand(new QPushButton(tr("Copy"), this))
    , m_urlLabel(new QLabel(this))
    , m_copyUrl(new QPushButton(tr("Copy"), this))
    , m_template(new QComboBox(this))
    , m_send(new QPushButton(tr("Send a sa&mple delivery"), this))
    , m_sendState(new QLabel(this))
    , m_network(new QNetworkAccessManager(this))
{
    setObjectName(u"emptyState"_s);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    m_commandLabel->setObjectName(u"ngrokCommand"_s);
    m_urlLabel->setObjectName(u"emptyWebhookUrl"_s);
    m_send->setObjectName(u"sendSampleButton"_s);
    m_sendState->setObjectName(u"sampleState"_s);
    m_copyCommand->setObjectName(u"copyNgrokCommand"_s);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QLabel *l : {m_commandLabel, m_urlLabel}) {
        l->setFont(fixed);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        l->setTextFormat(Qt::PlainText);
        l->setWordWrap(true);
    }
    m_sendState->setWordWrap(true);
    m_sendState->setTextFormat(Qt::PlainText);
    m_template->addItems(Templates::names());
    m_template->setCurrentText(QString::fromLatin1(kSampleTemplate));
    m_template->setToolTip(tr("Which Hoox payload the sample carries"));

    auto *title = new QLabel(tr("No deliveries yet"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);

    auto *grid = new QGridLayout;
    grid->setColumnStretch(0, 1);
    int row = 0;
    grid->addWidget(wrapping(tr("1. Expose HookScope to the internet, in a terminal:"), this),
                    row++, 0, 1, 2);
    grid->addWidget(m_commandLabel, row, 0);
    grid->addWidget(m_copyCommand, row++, 1);
    grid->addWidget(wrapping(tr("2. Paste this as webhook_url in your Hoox request:"), this), row++,
                    0, 1, 2);
    grid->addWidget(m_urlLabel, row, 0);
    grid->addWidget(m_copyUrl, row++, 1);
    grid->addWidget(wrapping(tr("Or see what a delivery looks like now: HookScope posts a "
                                "sample to itself, exactly as Hoox would."),
                             this),
                    row++, 0, 1, 2);
    auto *sendRow = new QHBoxLayout;
    sendRow->addWidget(m_template);
    sendRow->addWidget(m_send);
    sendRow->addStretch(1);
    grid->addLayout(sendRow, row++, 0, 1, 2);
    grid->addWidget(m_sendState, row++, 0, 1, 2);

    auto *column = new QVBoxLayout;
    column->addStretch(1);
    column->addWidget(title);
    column->addSpacing(8);
    column->addLayout(grid);
    column->addStretch(2);
    auto *outer = new QHBoxLayout(this);
    outer->addStretch(1);
    outer->addLayout(column, 6);
    outer->addStretch(1);

    connect(m_copyCommand, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_commandLabel->text());
        CopyFeedback::show(m_copyCommand);
    });
    connect(m_copyUrl, &QPushButton::clicked, this, &EmptyState::copyWebhookUrlRequested);
    connect(m_send, &QPushButton::clicked, this, &EmptyState::sendSample);
    setListening({}, 0);
    setWebhookUrl({}, {});
}

void EmptyState::standIn(QTableView *table, const CaptureStore *store, ListenerBar *bar,
                         QStatusBar *status)
{
    follow(bar);
    connect(this, &EmptyState::sent, status, [status](int, const QString &error) {
        if (!error.isEmpty())
            status->showMessage(error);
    });
    auto *splitter = qobject_cast<QSplitter *>(table->parentWidget());
    Q_ASSERT(splitter);
    auto *stack = new QStackedWidget;
    stack->setObjectName(u"tableStack"_s);
    splitter->insertWidget(splitter->indexOf(table), stack);
    stack->addWidget(table);
    stack->addWidget(this);
    const auto update = [this, stack, table, store] {
        // While the journal is read, the table (and the status bar's progress) stands.
        const bool empty = store->size() == 0 && !store->isOpening();
        QWidget *shown = empty ? static_cast<QWidget *>(this) : table;
        if (stack->currentWidget() == shown)
            return;
        const bool hadFocus = stack->currentWidget()->isAncestorOf(QApplication::focusWidget()) ||
                              stack->currentWidget() == QApplication::focusWidget();
        stack->setCurrentWidget(shown);
        // The sample's row opens at once: its findings and payload are what it is there for.
        if (!empty && m_sampleSent && !table->currentIndex().isValid() &&
            table->model()->rowCount() > 0)
            table->selectRow(0);
        if (hadFocus)
            shown->setFocus();
    };
    connect(store, &CaptureStore::appended, this, update);
    connect(store, &CaptureStore::cleared, this, update);
    connect(store, &CaptureStore::openingChanged, this, update);
    connect(table->model(), &QAbstractItemModel::modelReset, this, update);
    update();
}

void EmptyState::follow(ListenerBar *bar)
{
    const auto showUrl = [this, bar] { setWebhookUrl(bar->webhookUrl(), bar->ngrokStatus()); };
    const auto showListening = [this, bar] {
        const Listener *l = bar->listener();
        setListening(l->isListening() ? l->address() : QHostAddress(),
                     l->isListening() ? l->port() : 0);
    };
    connect(bar, &ListenerBar::webhookUrlChanged, this, showUrl);
    connect(bar, &ListenerBar::ngrokStatusChanged, this, showUrl);
    connect(bar, &ListenerBar::listeningChanged, this, showListening);
    connect(this, &EmptyState::copyWebhookUrlRequested, bar, &ListenerBar::copyWebhookUrl);
    showUrl();
    showListening();
}

void EmptyState::setListening(const QHostAddress &address, quint16 port)
{
    m_address = address;
    m_port = port;
    const bool listening = !address.isNull() && port != 0;
    m_commandLabel->setText(listening ? u"ngrok http "_s + QString::number(port)
                                      : tr("(start listening first)"));
    m_copyCommand->setEnabled(listening);
    m_send->setEnabled(listening);
    m_send->setToolTip(listening ? tr("POST the sample to http://127.0.0.1:%1/webhook/hoox with "
                                      "Hoox's headers")
                                       .arg(port)
                                 : tr("Start listening first"));
}

void EmptyState::setWebhookUrl(const QString &url, const QString &ngrokStatus)
{
    m_urlLabel->setText(
        url.isEmpty()
            ? tr("waiting for ngrok… (%1)")
                  .arg(ngrokStatus.isEmpty() ? tr("checked every few seconds") : ngrokStatus)
            : url);
    m_copyUrl->setEnabled(!url.isEmpty());
}

void EmptyState::sendSample()
{
    if (m_address.isNull() || m_port == 0)
        return;
    // The listener's own address: 127.0.0.1 or ::1, or loopback when it listens on all.
    QHostAddress to = m_address;
    if (to == QHostAddress::Any || to == QHostAddress::AnyIPv4)
        to = QHostAddress::LocalHost;
    else if (to == QHostAddress::AnyIPv6)
        to = QHostAddress::LocalHostIPv6;
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(to.toString());
    url.setPort(m_port);
    url.setPath(u"/webhook/hoox"_s);
    QNetworkRequest request = DeliveryRequest::make(url, DeliveryRequest::hooxHeaders());
    request.setTransferTimeout(kSampleTimeoutMs);
    m_send->setEnabled(false);
    m_sendState->setText(tr("Sending…"));
    m_sampleSent = true;
    QNetworkReply *reply = m_network->post(request, Templates::render(m_template->currentText()));
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_send->setEnabled(m_port != 0);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QString error =
            status > 0 ? QString()
                       : tr("The sample was not delivered: %1").arg(reply->errorString());
        m_sendState->setText(error);
        emit sent(status, error);
    });
}
