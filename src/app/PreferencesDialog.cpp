// SPDX-License-Identifier: MIT
#include "PreferencesDialog.h"

#include "ui_PreferencesDialog.h"

#include <QHostAddress>
#include <QPushButton>
#include <QSystemTrayIcon>

namespace {

constexpr qint64 kKiB = 1024;
constexpr qint64 kMiB = 1024 * 1024;
constexpr int kSecond = 1000;

// The fields show whole KiB, MiB and seconds; a stored value in between rounds up so that
// it never shrinks below what the user set by hand.
int roundedUp(qint64 value, qint64 unit)
{
    return int((value + unit - 1) / unit);
}

} // namespace

PreferencesDialog::PreferencesDialog(const AppSettings &current, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::PreferencesDialog>())
    , m_initial(current)
{
    m_ui->setupUi(this);
    m_ui->errorLabel->hide();
    m_ui->noTrayLabel->setVisible(!QSystemTrayIcon::isSystemTrayAvailable());
    showSettings(current);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->buttonBox->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { showSettings(AppSettings{}); });
    connect(m_ui->bindEdit, &QLineEdit::textChanged, this, &PreferencesDialog::updateBindWarning);
}

PreferencesDialog::~PreferencesDialog() = default;

void PreferencesDialog::showSettings(const AppSettings &s)
{
    m_ui->portSpin->setValue(s.port);
    m_ui->bindEdit->setText(s.bindAddress);
    m_ui->responseStatusSpin->setValue(s.response.status);
    m_ui->responseBodyEdit->setPlainText(QString::fromUtf8(s.response.body));
    m_ui->responseDelaySpin->setValue(s.response.delayMs);
    showLimits(s.limits);
    m_ui->maxCapturesSpin->setValue(s.maxCaptures);
    m_ui->maxAgeSpin->setValue(s.maxAgeDays);
    m_ui->journalSyncCheck->setChecked(s.journalSync);
    m_ui->deliveryTargetEdit->setText(s.deliveryTarget.toString());
    m_ui->notifyFindingsCheck->setChecked(s.notifications.findings);
    m_ui->notifyConflictsCheck->setChecked(s.notifications.conflicts);
    m_ui->notifyFailedForwardsCheck->setChecked(s.notifications.failedForwards);
    m_ui->notifyGaveUpCheck->setChecked(s.notifications.gaveUp);
    updateBindWarning();
}

void PreferencesDialog::showLimits(const HttpLimits &l)
{
    m_ui->maxTargetSpin->setValue(roundedUp(l.maxTargetBytes, kKiB));
    m_ui->maxHeaderBytesSpin->setValue(roundedUp(l.maxHeaderBytes, kKiB));
    m_ui->maxHeaderCountSpin->setValue(l.maxHeaderCount);
    m_ui->maxBodySpin->setValue(roundedUp(l.maxBodyBytes, kMiB));
    m_ui->headTimeoutSpin->setValue(roundedUp(l.headTimeoutMs, kSecond));
    m_ui->idleTimeoutSpin->setValue(roundedUp(l.idleTimeoutMs, kSecond));
    m_ui->maxConnectionsSpin->setValue(l.maxConnections);
}

HttpLimits PreferencesDialog::limits() const
{
    HttpLimits l;
    l.maxTargetBytes = m_ui->maxTargetSpin->value() * kKiB;
    l.maxHeaderBytes = m_ui->maxHeaderBytesSpin->value() * kKiB;
    l.maxHeaderCount = m_ui->maxHeaderCountSpin->value();
    l.maxBodyBytes = m_ui->maxBodySpin->value() * kMiB;
    l.headTimeoutMs = m_ui->headTimeoutSpin->value() * kSecond;
    l.idleTimeoutMs = m_ui->idleTimeoutSpin->value() * kSecond;
    l.maxConnections = m_ui->maxConnectionsSpin->value();
    return l;
}

AppSettings PreferencesDialog::settings() const
{
    AppSettings s = m_initial;
    s.port = quint16(m_ui->portSpin->value());
    s.bindAddress = m_ui->bindEdit->text().trimmed();
    s.response.status = m_ui->responseStatusSpin->value();
    s.response.body = m_ui->responseBodyEdit->toPlainText().toUtf8();
    s.response.delayMs = m_ui->responseDelaySpin->value();
    s.limits = limits();
    s.maxCaptures = m_ui->maxCapturesSpin->value();
    s.maxAgeDays = m_ui->maxAgeSpin->value();
    s.journalSync = m_ui->journalSyncCheck->isChecked();
    s.deliveryTarget = QUrl(m_ui->deliveryTargetEdit->text().trimmed(), QUrl::StrictMode);
    s.notifications = {
        m_ui->notifyFindingsCheck->isChecked(), m_ui->notifyConflictsCheck->isChecked(),
        m_ui->notifyFailedForwardsCheck->isChecked(), m_ui->notifyGaveUpCheck->isChecked()};
    return s;
}

QWidget *PreferencesDialog::invalidField(QString *error) const
{
    if (QHostAddress(m_ui->bindEdit->text().trimmed()).isNull()) {
        *error = tr("The bind address needs an IP address such as 127.0.0.1 or ::1.");
        return m_ui->bindEdit;
    }
    const QUrl target(m_ui->deliveryTargetEdit->text().trimmed(), QUrl::StrictMode);
    const QString scheme = target.scheme();
    if (!target.isValid() || target.host().isEmpty() || (scheme != u"http" && scheme != u"https")) {
        *error = tr("The delivery target needs an http:// or https:// URL, such as "
                    "http://localhost:3000/webhook/hoox.");
        return m_ui->deliveryTargetEdit;
    }
    return nullptr;
}

void PreferencesDialog::accept()
{
    QString error;
    if (QWidget *field = invalidField(&error)) {
        m_ui->errorLabel->setText(error);
        m_ui->errorLabel->show();
        m_ui->tabs->setCurrentWidget(field->parentWidget());
        field->setFocus();
        return;
    }
    const AppSettings s = settings();
    s.save();
    emit settingsChanged(s);
    QDialog::accept();
}

void PreferencesDialog::updateBindWarning()
{
    const QHostAddress address(m_ui->bindEdit->text().trimmed());
    m_ui->bindWarningLabel->setVisible(!address.isNull() && !address.isLoopback());
}
