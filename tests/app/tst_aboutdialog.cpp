// SPDX-License-Identifier: MIT
// The About dialog shows the one version CMake sets, the same that `hookscope --version` prints.
#include "AboutDialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QTest>

class tst_AboutDialog : public QObject {
    Q_OBJECT
private slots:
    void versionIsTheProjectVersion();
    void versionMatchesCommandLine();
    void showsLicenseAndDescription();
    void closeButtonCloses();
};

void tst_AboutDialog::versionIsTheProjectVersion()
{
    QCOMPARE(AboutDialog::version(), QStringLiteral(HOOKSCOPE_VERSION));
    AboutDialog dialog;
    const auto *label = dialog.findChild<QLabel *>(QStringLiteral("versionLabel"));
    QVERIFY(label);
    QVERIFY2(label->text().contains(AboutDialog::version()), qPrintable(label->text()));
}

void tst_AboutDialog::versionMatchesCommandLine()
{
    QProcess cli;
    cli.start(QStringLiteral(HOOKSCOPE_BINARY), {QStringLiteral("--version")});
    QVERIFY(cli.waitForFinished(30'000));
    QCOMPARE(cli.exitCode(), 0);
    const QString printed = QString::fromUtf8(cli.readAllStandardOutput()).trimmed();
    QCOMPARE(printed, QStringLiteral("hookscope ") + AboutDialog::version());
}

void tst_AboutDialog::showsLicenseAndDescription()
{
    AboutDialog dialog;
    const auto *license = dialog.findChild<QLabel *>(QStringLiteral("licenseLabel"));
    const auto *description = dialog.findChild<QLabel *>(QStringLiteral("descriptionLabel"));
    QVERIFY(license && description);
    QVERIFY(license->text().contains(QStringLiteral("MIT")));
    QVERIFY(description->text().contains(QStringLiteral("Hoox")));
}

void tst_AboutDialog::closeButtonCloses()
{
    AboutDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *box = dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
    QVERIFY(box && box->button(QDialogButtonBox::Close));
    QTest::mouseClick(box->button(QDialogButtonBox::Close), Qt::LeftButton);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    tst_AboutDialog test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_aboutdialog.moc"
