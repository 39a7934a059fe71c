// SPDX-License-Identifier: MIT
#include "ResendPanel.h"

#include "AttemptLog.h"
#include "WarningColor.h"
#include "delivery/Deliverer.h"
#include "delivery/DeliveryRequest.h"
#include "delivery/Forwarder.h"
#include "hoox/Templates.h"
#include "ui_ResendPanel.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr int kValidateDelayMs = 200; // typing is not slowed by parsing a large body
constexpr int kMaxHistory = 10;
constexpr qint64 kMaxSpacingMs = 60'000; // longer gaps are idle time, not retry timing
// Narrower than this, the request and the answer sides are stacked: side by side each would
// be too narrow to read a table or a body.
constexpr int kSideBySideWidth = 1000;

// "line 3, column 7" for a byte offset into UTF-8 text; columns count characters.
QString position(const QByteArray &text, qsizetype offset)
{
    const QByteArray before = text.left(offset);
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    const int line = int(before.count('\n')) + 1;
    const int column = int(QString::fromUtf8(before.mid(lineStart)).size()) + 1;
    return ResendPanel::tr("line %1, column %2").arg(line).arg(column);
}

// One line, cut to fit the pane: the whole of it in the tooltip.
void setLine(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setToolTip(text);
}

} // namespace

ResendPanel::ResendPanel(Forwarder *forwarder, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ResendPanel>())
    , m_deliverer(std::make_unique<Deliverer>())
    , m_forwarder(forwarder)
{
    setUpForm();
    m_log = new AttemptLog(m_ui->timeline, m_ui->answerStatus, m_ui->responseView, this);
    // The headers table and a capture's headers are complete sets: sent as they are.
    m_options.addHooxHeaders = false;
    m_ui->targetUrl->addItem(QString::fromLatin1(kDefaultTarget));
    m_ui->templatePicker->addItems(Templates::names());
    setHeaders(DeliveryRequest::hooxHeaders());
    setUpHeaders();
    setUpForwarding();
    m_validateTimer.setSingleShot(true);
    m_validateTimer.setInterval(kValidateDelayMs);
    m_spacingTimer.setSingleShot(true);
    m_spacingTimer.setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5% early
    connect(&m_validateTimer, &QTimer::timeout, this, &ResendPanel::validateBody);
    connect(&m_spacingTimer, &QTimer::timeout, this, &ResendPanel::startNext);
    connect(m_ui->bodyEdit, &QPlainTextEdit::textChanged, &m_validateTimer,
            qOverload<>(&QTimer::start));
    connect(m_ui->useTemplateButton, &QPushButton::clicked, this, &ResendPanel::useTemplate);
    connect(m_ui->sendOnceButton, &QPushButton::clicked, this, &ResendPanel::sendOnce);
    connect(m_ui->deliverLikeHooxButton, &QPushButton::clicked, this,
            &ResendPanel::deliverLikeHoox);
    connect(m_ui->sendTimesButton, &QPushButton::clicked, this,
            [this] { sendTimes(m_ui->timesSpin->value()); });
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &ResendPanel::cancel);
    connect(m_deliverer.get(), &Deliverer::attemptStarted, this, &ResendPanel::onAttemptStarted);
    connect(m_deliverer.get(), &Deliverer::attemptFinished, this, &ResendPanel::onAttemptFinished);
    connect(m_deliverer.get(), &Deliverer::finished, this, &ResendPanel::onDeliveryFinished);
}

ResendPanel::~ResendPanel() = default;

// The form scrolls rather than being cut or growing the window when the pane is shorter than
// it (a 1024×640 window); its scrolled parts get a few lines each at the least.
void ResendPanel::setUpForm()
{
    auto *form = new QWidget;
    m_ui->setupUi(form);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"formScroll"_s);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setWidget(form);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins({});
    layout->addWidget(scroll);
    const int lines = fontMetrics().lineSpacing() * 3;
    for (QAbstractScrollArea *area : {static_cast<QAbstractScrollArea *>(m_ui->headersTable),
                                      static_cast<QAbstractScrollArea *>(m_ui->bodyEdit),
                                      static_cast<QAbstractScrollArea *>(m_ui->timeline),
                                      static_cast<QAbstractScrollArea *>(m_ui->responseView)})
        area->setMinimumHeight(lines + 2 * area->frameWidth());
    setUpRows();
}

void ResendPanel::setUpRows()
{
    Ui::ResendPanel &u = *m_ui;
    m_rows.append(ReflowGrid(u.targetRow,
                             {{u.targetUrlLabel, 0, 0},
                              {u.targetUrl, 0, 1, 2},
                              {u.templatePicker, 1, 1},
                              {u.useTemplateButton, 1, 2}},
                             {{u.targetUrlLabel, 0, 0},
                              {u.targetUrl, 0, 1},
                              {u.templatePicker, 0, 2},
                              {u.useTemplateButton, 0, 3}}));
    m_rows.append(ReflowGrid(u.forwardGrid,
                             {{u.forwardToggle, 0, 0, 2},
                              {u.answerMode, 1, 0, 2},
                              {u.holdToggle, 2, 0},
                              {u.forwardStatus, 2, 1},
                              {u.routesLabel, 3, 0, 2}},
                             {{u.forwardToggle, 0, 0},
                              {u.answerMode, 0, 1},
                              {u.holdToggle, 1, 0},
                              {u.forwardStatus, 1, 1},
                              {u.routesLabel, 2, 0, 2}}));
    m_rows.append(ReflowGrid(u.sendRow,
                             {{u.sendOnceButton, 0, 0},
                              {u.deliverLikeHooxButton, 0, 1},
                              {u.cancelButton, 0, 2},
                              {u.sendTimesButton, 1, 0},
                              {u.timesSpin, 1, 1},
                              {u.progressBar, 1, 2}},
                             {{u.sendOnceButton, 0, 0},
                              {u.deliverLikeHooxButton, 0, 1},
                              {u.sendTimesButton, 0, 2},
                              {u.timesSpin, 0, 3},
                              {u.cancelButton, 0, 4},
                              {u.progressBar, 0, 5}}));
}

// Side by side when the panel is wide, stacked otherwise: the attempts table then gets the
// panel's whole width.
void ResendPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_ui->splitter->setOrientation(width() >= kSideBySideWidth ? Qt::Horizontal : Qt::Vertical);
    // The form's width whether or not it scrolls.
    const QMargins m = m_ui->panelLayout->contentsMargins();
    const int form =
        width() - style()->pixelMetric(QStyle::PM_ScrollBarExtent) - m.left() - m.right();
    for (ReflowGrid &row : m_rows)
        row.fit(form);
}

void ResendPanel::setUpHeaders()
{
    connect(m_ui->addHeaderButton, &QPushButton::clicked, this, [this] {
        const int row = m_ui->headersTable->rowCount();
        m_ui->headersTable->insertRow(row);
        m_ui->headersTable->setCurrentCell(row, 0);
        m_ui->headersTable->editItem(m_ui->headersTable->item(row, 0));
    });
    connect(m_ui->removeHeaderButton, &QPushButton::clicked, this, [this] {
        if (m_ui->headersTable->currentRow() >= 0)
            m_ui->headersTable->removeRow(m_ui->headersTable->currentRow());
    });
}

void ResendPanel::setUpForwarding()
{
    m_ui->answerMode->addItem(tr("Answer Hoox with the app's answer"),
                              int(ForwardSettings::Answer::App));
    m_ui->answerMode->addItem(tr("Always answer per the rule (200)"),
                              int(ForwardSettings::Answer::Rule));
    m_ui->routesLabel->hide();
    if (!m_forwarder) {
        for (QWidget *w :
             {static_cast<QWidget *>(m_ui->forwardToggle), static_cast<QWidget *>(m_ui->answerMode),
              static_cast<QWidget *>(m_ui->holdToggle)})
            w->setEnabled(false);
        return;
    }
    showForwarding(); // before the connections: what the command line set stays as it is
    connect(m_ui->forwardToggle, &QCheckBox::toggled, this, &ResendPanel::updateForwarding);
    connect(m_ui->targetUrl, &QComboBox::currentTextChanged, this, &ResendPanel::updateForwarding);
    connect(m_ui->answerMode, &QComboBox::currentIndexChanged, this, &ResendPanel::updateAnswer);
    connect(m_ui->holdToggle, &QCheckBox::toggled, this, &ResendPanel::updateHold);
    connect(m_forwarder, &Forwarder::outcome, this, [this](const ForwardOutcome &o) {
        const QString summary = o.summary();
        const bool slow = !o.slowWarning().isEmpty();
        setForwardStatus(tr("#%1 %2").arg(o.captureId).arg(summary), slow);
        emit forwarded(o.captureId, summary, o.cell(), slow,
                       o.state == ForwardOutcome::State::Sent ? o.attempt.status : 0);
    });
    connect(m_forwarder, &Forwarder::logFailed, this,
            [this](const QString &error) { setForwardStatus(error, true); });
}

// The forwarder as it runs, e.g. after `hookscope --forward-to URL --hold`.
void ResendPanel::showForwarding()
{
    const ForwardSettings s = m_forwarder->settings();
    if (!s.fallback.isEmpty())
        setCurrentTarget(s.fallback.toString());
    m_ui->answerMode->setCurrentIndex(std::max(0, m_ui->answerMode->findData(int(s.answer))));
    m_ui->answerMode->setEnabled(!s.hold);
    m_ui->holdToggle->setChecked(s.hold);
    m_ui->forwardToggle->setChecked(m_forwarder->isActive());
    showRoutes(s.routes);
    showForwardingStatus();
}

// Routes come from the command line only; the window shows them, the fallback is the target.
void ResendPanel::showRoutes(const QList<ForwardRoute> &routes)
{
    QStringList texts;
    for (const ForwardRoute &r : routes)
        texts << r.text;
    m_ui->routesLabel->setVisible(!texts.isEmpty());
    m_ui->routesLabel->setText(
        tr("Routes: %1 (from the command line)").arg(texts.join(QStringLiteral("; "))));
    m_ui->routesLabel->setToolTip(
        tr("The first route that matches a delivery chooses where it goes; the others go to "
           "the target.\n%1")
            .arg(texts.join(u'\n')));
}

void ResendPanel::updateForwarding()
{
    const bool on = m_ui->forwardToggle->isChecked();
    const QUrl url = targetUrl();
    m_forwarder->changeSettings([&url](ForwardSettings &s) { s.fallback = url; });
    if (on && isForwardUrl(url))
        m_forwarder->start();
    else
        m_forwarder->stop();
    showForwardingStatus();
}

void ResendPanel::updateAnswer()
{
    const auto answer = ForwardSettings::Answer(m_ui->answerMode->currentData().toInt());
    m_forwarder->changeSettings([answer](ForwardSettings &s) { s.answer = answer; });
}

// Holding answers Hoox at once, whatever the answer mode: the mode waits until hold is off.
void ResendPanel::updateHold()
{
    const bool hold = m_ui->holdToggle->isChecked();
    m_forwarder->changeSettings([hold](ForwardSettings &s) { s.hold = hold; });
    m_ui->answerMode->setEnabled(!hold);
    showForwardingStatus();
}

void ResendPanel::showForwardingStatus()
{
    const ForwardSettings s = m_forwarder->settings();
    QString text;
    if (m_forwarder->isActive()) {
        text = s.fallback.isEmpty() ? tr("Forwarding by route only")
                                    : tr("Forwarding to %1").arg(s.fallback.toString());
        if (s.hold)
            text += tr("; each forward is held until you release it");
    } else if (m_ui->forwardToggle->isChecked()) {
        text = tr("Forwarding needs an http:// or https:// target.");
    }
    setForwardStatus(text, false);
}

// One line, cut to fit: the whole of it in the tooltip.
void ResendPanel::setForwardStatus(const QString &text, bool warn)
{
    m_ui->forwardStatus->setText(text);
    m_ui->forwardStatus->setToolTip(text);
    showAsWarning(m_ui->forwardStatus, warn);
}

void ResendPanel::setDeliveryOptions(const DeliveryOptions &options)
{
    m_options = options;
    m_options.addHooxHeaders = false;
}

QUrl ResendPanel::targetUrl() const
{
    return QUrl(m_ui->targetUrl->currentText().trimmed(), QUrl::StrictMode);
}

QStringList ResendPanel::targetHistory() const
{
    QStringList urls;
    for (int i = 0; i < m_ui->targetUrl->count(); ++i)
        urls.append(m_ui->targetUrl->itemText(i));
    return urls;
}

void ResendPanel::setTargetHistory(const QStringList &urls)
{
    if (urls.isEmpty())
        return;
    // A forward running keeps its target: a saved history does not redirect it.
    const QString forwarding =
        m_ui->forwardToggle->isChecked() ? m_ui->targetUrl->currentText() : QString();
    const QSignalBlocker blocker(m_ui->targetUrl);
    m_ui->targetUrl->clear();
    m_ui->targetUrl->addItems(urls.mid(0, kMaxHistory));
    m_ui->targetUrl->setCurrentIndex(0);
    if (!forwarding.isEmpty())
        setCurrentTarget(forwarding);
}

void ResendPanel::rememberTarget()
{
    setCurrentTarget(m_ui->targetUrl->currentText().trimmed());
}

// Puts `url` first in the history and shows it.
void ResendPanel::setCurrentTarget(const QString &url)
{
    const int existing = m_ui->targetUrl->findText(url);
    if (existing == 0) {
        m_ui->targetUrl->setCurrentIndex(0);
        return;
    }
    if (existing > 0)
        m_ui->targetUrl->removeItem(existing);
    m_ui->targetUrl->insertItem(0, url);
    while (m_ui->targetUrl->count() > kMaxHistory)
        m_ui->targetUrl->removeItem(m_ui->targetUrl->count() - 1);
    m_ui->targetUrl->setCurrentIndex(0);
}

void ResendPanel::setHeaders(const HttpHeaders &headers)
{
    QTableWidget *table = m_ui->headersTable;
    table->setRowCount(0);
    for (const HttpHeader &h : headers) {
        const int row = table->rowCount();
        table->insertRow(row);
        table->setItem(row, 0, new QTableWidgetItem(QString::fromLatin1(h.name)));
        table->setItem(row, 1, new QTableWidgetItem(QString::fromUtf8(h.value)));
    }
}

HttpHeaders ResendPanel::headers() const
{
    HttpHeaders out;
    const QTableWidget *table = m_ui->headersTable;
    for (int row = 0; row < table->rowCount(); ++row) {
        const QTableWidgetItem *name = table->item(row, 0);
        const QTableWidgetItem *value = table->item(row, 1);
        if (name && !name->text().trimmed().isEmpty())
            out.append(name->text().trimmed().toLatin1(),
                       value ? value->text().trimmed().toUtf8() : QByteArray());
    }
    return out;
}

void ResendPanel::setCapture(const CapturePtr &capture)
{
    if (!capture)
        return;
    m_originalBody = capture->body;
    m_ui->bodyEdit->setPlainText(QString::fromUtf8(capture->body));
    m_ui->bodyEdit->document()->setModified(false);
    setHeaders(DeliveryRequest::withoutHopByHop(capture->headers));
    validateBody();
}

void ResendPanel::useTemplate()
{
    const QByteArray body = Templates::render(m_ui->templatePicker->currentText());
    m_originalBody = body;
    m_ui->bodyEdit->setPlainText(QString::fromUtf8(body));
    m_ui->bodyEdit->document()->setModified(false);
    setHeaders(DeliveryRequest::hooxHeaders());
    validateBody();
}

QByteArray ResendPanel::body() const
{
    // The editor holds text: bytes that are not UTF-8 would not survive a round trip.
    if (!m_ui->bodyEdit->document()->isModified() && !m_originalBody.isNull())
        return m_originalBody;
    return m_ui->bodyEdit->toPlainText().toUtf8();
}

void ResendPanel::validateBody()
{
    m_validateTimer.stop();
    const QByteArray text = body();
    if (text.trimmed().isEmpty()) {
        setLine(m_ui->jsonStatus, {});
        return;
    }
    QJsonParseError error{};
    QJsonDocument::fromJson(text, &error);
    if (error.error == QJsonParseError::NoError) {
        setLine(m_ui->jsonStatus, tr("Valid JSON."));
        return;
    }
    // Sent anyway if the user wants: how the app copes with a broken body is worth seeing.
    setLine(m_ui->jsonStatus,
            tr("Invalid JSON at %1: %2").arg(position(text, error.offset), error.errorString()));
}

bool ResendPanel::checkTarget()
{
    const QUrl url = targetUrl();
    if (url.isValid() && !url.host().isEmpty() &&
        (url.scheme() == "http"_L1 || url.scheme() == "https"_L1)) {
        rememberTarget();
        return true;
    }
    setLine(m_ui->statusLabel, tr("The target must be an http:// or https:// URL."));
    return false;
}

void ResendPanel::sendOnce()
{
    DeliveryOptions o = m_options;
    o.likeHoox = false;
    startRun({Job{body(), headers(), o, 0, tr("once")}});
}

void ResendPanel::deliverLikeHoox()
{
    DeliveryOptions o = m_options;
    o.likeHoox = true;
    startRun({Job{body(), headers(), o, 0, tr("like Hoox")}});
}

void ResendPanel::sendTimes(int count)
{
    DeliveryOptions o = m_options;
    o.likeHoox = false;
    QList<Job> jobs;
    for (int i = 0; i < count; ++i)
        jobs.append(Job{body(), headers(), o, 0, tr("%1 of %2").arg(i + 1).arg(count)});
    startRun(jobs);
}

void ResendPanel::resend(const QList<CapturePtr> &captures, bool keepOriginalSpacing)
{
    DeliveryOptions o = m_options;
    o.likeHoox = false;
    QList<Job> jobs;
    qint64 previousMs = -1;
    for (const CapturePtr &c : captures) {
        if (!c)
            continue;
        const qint64 gap = previousMs < 0 ? 0 : c->receivedAtMs - previousMs;
        const int wait = keepOriginalSpacing ? int(qBound<qint64>(0, gap, kMaxSpacingMs)) : 0;
        previousMs = c->receivedAtMs;
        jobs.append(Job{c->body, DeliveryRequest::withoutHopByHop(c->headers), o, wait,
                        tr("capture #%1").arg(c->id)});
    }
    startRun(jobs);
}

void ResendPanel::startRun(QList<Job> jobs)
{
    if (m_busy || jobs.isEmpty() || !checkTarget())
        return;
    m_queue = std::move(jobs);
    m_queue.first().waitMs = 0;
    m_log->startRun(int(m_queue.size()));
    m_ui->progressBar->setRange(0, int(m_queue.size()));
    m_ui->progressBar->setValue(0);
    setLine(m_ui->statusLabel, {});
    setBusy(true);
    startNext();
}

void ResendPanel::startNext()
{
    if (m_queue.isEmpty())
        return;
    if (m_queue.first().waitMs > 0 && !m_spacingTimer.isActive()) {
        m_spacingTimer.start(std::exchange(m_queue.first().waitMs, 0));
        return;
    }
    const Job job = m_queue.takeFirst();
    m_currentLabel = job.label;
    m_deliverer->deliver(targetUrl(), job.body, job.headers, job.options);
}

void ResendPanel::onAttemptStarted(const DeliveryAttempt &attempt)
{
    m_log->attemptStarted(attempt, m_currentLabel);
}

void ResendPanel::onAttemptFinished(const DeliveryAttempt &attempt)
{
    m_log->attemptFinished(attempt);
}

void ResendPanel::onDeliveryFinished(bool delivered)
{
    m_log->deliveryFinished(delivered);
    m_ui->progressBar->setValue(m_log->currentRun().done);
    emit deliveryFinished(delivered);
    if (!m_queue.isEmpty()) {
        startNext();
        return;
    }
    endRun();
}

// The run's outcome below the buttons and in the status line, and to whoever waits for it.
void ResendPanel::endRun()
{
    const AttemptLog::Run run = m_log->currentRun();
    setLine(m_ui->statusLabel, tr("Delivered %1 of %2.").arg(run.delivered).arg(run.total));
    m_log->runEnded();
    setBusy(false);
    emit runFinished(run.delivered, run.total);
}

void ResendPanel::cancel()
{
    if (!m_busy)
        return;
    m_queue.clear();
    m_spacingTimer.stop();
    if (m_deliverer->isRunning()) {
        m_deliverer->cancel(); // finishes the run through onDeliveryFinished()
        return;
    }
    endRun(); // waiting between captures: nothing in flight
}

void ResendPanel::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *w : {static_cast<QWidget *>(m_ui->sendOnceButton),
                       static_cast<QWidget *>(m_ui->deliverLikeHooxButton),
                       static_cast<QWidget *>(m_ui->sendTimesButton)})
        w->setEnabled(!busy);
    m_ui->cancelButton->setEnabled(busy);
    emit busyChanged(busy);
}

bool ResendPanel::isBusy() const
{
    return m_busy;
}
