// SPDX-License-Identifier: MIT
#include "AboutDialog.h"

#include "ui_AboutDialog.h"

#include <QFont>
#include <QIcon>

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AboutDialog>())
{
    m_ui->setupUi(this);
    QFont nameFont = m_ui->nameLabel->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.6);
    nameFont.setBold(true);
    m_ui->nameLabel->setFont(nameFont);
    m_ui->versionLabel->setText(tr("Version %1").arg(version()));
    // The installed package puts the icon in the hicolor theme; a build tree has none.
    const QIcon icon = QIcon::fromTheme(QStringLiteral("io.github.hookscope.HookScope"));
    if (icon.isNull())
        m_ui->iconLabel->hide();
    else
        m_ui->iconLabel->setPixmap(icon.pixmap(64, 64));
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

AboutDialog::~AboutDialog() = default;

QString AboutDialog::version()
{
    return QStringLiteral(HOOKSCOPE_VERSION);
}
