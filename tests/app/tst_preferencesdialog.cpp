// SPDX-License-Identifier: MIT
// PreferencesDialog driven through its fields, stored in a test-mode QSettings.
#include "PreferencesDialog.h"
#include "session/AppSettings.h"
#include "session/Settings.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

namespace {

// The file Settings reads, opened by name as a user editing it would.
QSettings appStore()
{
    return QSettings(Settings::instance().fileName(), QSettings::IniFormat);
}

} // namespace

class tst_PreferencesDialog : public QObject {
    Q_OBJECT
private slots:
    void init();
    void startsWithDefaults();
    void editedFieldIsStored_data();
    void editedFieldIsStored();
    void invalidFieldKeepsDialogOpen_data();
    void invalidFieldKeepsDialogOpen();
    void journalSyncIsStored();
    void notificationKindIsStored_data();
    void notificationKindIsStored();
    void cancelStoresNothing();
    void restoreDefaults();
    void unusableStoredValuesFallBack();
    void savedSettingsLoadBack();

private:
    QWidget *field(PreferencesDialog &dialog, const QString &name);
    void replaceText(QWidget *field, const QString &text);
    void clickButton(PreferencesDialog &dialog, QDialogButtonBox::StandardButton which);

    QTemporaryDir m_dir;
};

void tst_PreferencesDialog::init()
{
    QVERIFY(m_dir.isValid());
    const QString file = m_dir.filePath(QStringLiteral("hookscope.conf"));
    QFile::remove(file);
    Settings::useFile(file);
}

// Shows the tab that holds the field, as a user would, and returns the field.
QWidget *tst_PreferencesDialog::field(PreferencesDialog &dialog, const QString &name)
{
    auto *w = dialog.findChild<QWidget *>(name);
    auto *tabs = dialog.findChild<QTabWidget *>(QStringLiteral("tabs"));
    if (!w || !tabs)
        return nullptr;
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->widget(i)->isAncestorOf(w))
            tabs->setCurrentIndex(i);
    }
    return w;
}

void tst_PreferencesDialog::replaceText(QWidget *field, const QString &text)
{
    field->setFocus();
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(field, Qt::Key_Delete);
    QTest::keyClicks(field, text);
}

void tst_PreferencesDialog::clickButton(PreferencesDialog &dialog,
                                        QDialogButtonBox::StandardButton which)
{
    auto *box = dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
    QVERIFY(box);
    QVERIFY(box->button(which));
    QTest::mouseClick(box->button(which), Qt::LeftButton);
}

void tst_PreferencesDialog::startsWithDefaults()
{
    const AppSettings s = AppSettings::load();
    QCOMPARE(s.port, quint16(4477));
    QCOMPARE(s.bindAddress, QStringLiteral("127.0.0.1"));
    QCOMPARE(s.deliveryTarget, QUrl(QStringLiteral("http://localhost:3000/webhook/hoox")));
    PreferencesDialog dialog(s);
    QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("portSpin"))->value(), 4477);
    QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("maxBodySpin"))->value(), 32);
    QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("headTimeoutSpin"))->value(), 10);
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("bindEdit"))->text(),
             QStringLiteral("127.0.0.1"));
}

void tst_PreferencesDialog::editedFieldIsStored_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("stored");

    const auto row = [](const char *tag, const char *name, const char *typed, const char *key,
                        const char *stored) {
        QTest::addRow("%s", tag) << QString::fromUtf8(name) << QString::fromUtf8(typed)
                                 << QString::fromUtf8(key) << QString::fromUtf8(stored);
    };
    row("port", "portSpin", "8080", "listener/port", "8080");
    row("bind", "bindEdit", "::1", "listener/bind", "::1");
    row("status", "responseStatusSpin", "503", "response/status", "503");
    row("body", "responseBodyEdit", "{\"ok\":false}", "response/body", "{\"ok\":false}");
    row("delay", "responseDelaySpin", "11000", "response/delayMs", "11000");
    row("target limit", "maxTargetSpin", "8", "limits/maxTargetBytes", "8192");
    row("header limit", "maxHeaderBytesSpin", "16", "limits/maxHeaderBytes", "16384");
    row("header fields", "maxHeaderCountSpin", "64", "limits/maxHeaderCount", "64");
    row("body limit", "maxBodySpin", "2", "limits/maxBodyBytes", "2097152");
    row("head timeout", "headTimeoutSpin", "5", "limits/headTimeoutMs", "5000");
    row("idle timeout", "idleTimeoutSpin", "30", "limits/idleTimeoutMs", "30000");
    row("connections", "maxConnectionsSpin", "50", "limits/maxConnections", "50");
    row("max captures", "maxCapturesSpin", "10000", "retention/maxCaptures", "10000");
    row("max age", "maxAgeSpin", "7", "retention/maxAgeDays", "7");
    row("delivery target", "deliveryTargetEdit", "https://127.0.0.1:8443/hooks", "delivery/target",
        "https://127.0.0.1:8443/hooks");
}

void tst_PreferencesDialog::editedFieldIsStored()
{
    QFETCH(QString, name);
    QFETCH(QString, typed);
    QFETCH(QString, key);
    QFETCH(QString, stored);

    PreferencesDialog dialog(AppSettings::load());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy changed(&dialog, &PreferencesDialog::settingsChanged);
    QWidget *w = field(dialog, name);
    QVERIFY(w);
    replaceText(w, typed);
    clickButton(dialog, QDialogButtonBox::Ok);

    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(appStore().value(key).toString(), stored);
    // The signal carries what was stored, so the window applies exactly that.
    const auto sent = changed.first().first().value<AppSettings>();
    const AppSettings expected = AppSettings::load();
    QCOMPARE(sent.port, expected.port);
    QCOMPARE(sent.deliveryTarget, expected.deliveryTarget);
    QCOMPARE(sent.limits.maxBodyBytes, expected.limits.maxBodyBytes);
}

// On by default; turned off, the window is told and a restart reads it back.
void tst_PreferencesDialog::journalSyncIsStored()
{
    QVERIFY(AppSettings::load().journalSync);
    PreferencesDialog dialog(AppSettings::load());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy changed(&dialog, &PreferencesDialog::settingsChanged);
    auto *check = dialog.findChild<QCheckBox *>(QStringLiteral("journalSyncCheck"));
    QVERIFY(check);
    QVERIFY(check->isChecked());
    dialog.findChild<QTabWidget *>(QStringLiteral("tabs"))
        ->setCurrentWidget(dialog.findChild<QWidget *>(QStringLiteral("capturesTab")));
    QTest::mouseClick(check, Qt::LeftButton, {}, QPoint(4, check->height() / 2));
    QVERIFY(!check->isChecked());
    clickButton(dialog, QDialogButtonBox::Ok);
    QCOMPARE(changed.count(), 1);
    QVERIFY(!changed.first().first().value<AppSettings>().journalSync);
    QCOMPARE(appStore().value(QStringLiteral("journal/sync")).toBool(), false);
    QVERIFY(!AppSettings::load().journalSync);
}

// Each kind off by default, on by its own checkbox, stored under its own key and read back.
void tst_PreferencesDialog::notificationKindIsStored_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("kind");

    QTest::addRow("findings") << QStringLiteral("notifyFindingsCheck")
                              << QStringLiteral("notify/findings") << 0;
    QTest::addRow("conflicts") << QStringLiteral("notifyConflictsCheck")
                               << QStringLiteral("notify/conflicts") << 1;
    QTest::addRow("failed forwards") << QStringLiteral("notifyFailedForwardsCheck")
                                     << QStringLiteral("notify/failedForwards") << 2;
    QTest::addRow("gave up") << QStringLiteral("notifyGaveUpCheck")
                             << QStringLiteral("notify/gaveUp") << 3;
}

void tst_PreferencesDialog::notificationKindIsStored()
{
    QFETCH(QString, name);
    QFETCH(QString, key);
    QFETCH(int, kind);

    const auto flags = [](const NotificationKinds &k) {
        return QList<bool>{k.findings, k.conflicts, k.failedForwards, k.gaveUp};
    };
    QCOMPARE(flags(AppSettings::load().notifications), QList<bool>(4, false));
    PreferencesDialog dialog(AppSettings::load());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy changed(&dialog, &PreferencesDialog::settingsChanged);
    auto *check = qobject_cast<QCheckBox *>(field(dialog, name));
    QVERIFY(check);
    QVERIFY(!check->isChecked());
    QTest::mouseClick(check, Qt::LeftButton, {}, QPoint(4, check->height() / 2));
    QVERIFY(check->isChecked());
    clickButton(dialog, QDialogButtonBox::Ok);

    QList<bool> expected(4, false);
    expected[kind] = true;
    QCOMPARE(changed.count(), 1);
    QCOMPARE(flags(changed.first().first().value<AppSettings>().notifications), expected);
    QCOMPARE(appStore().value(key).toBool(), true);
    QCOMPARE(flags(AppSettings::load().notifications), expected);
    // Shown again as stored.
    PreferencesDialog again(AppSettings::load());
    QVERIFY(again.findChild<QCheckBox *>(name)->isChecked());
}

void tst_PreferencesDialog::invalidFieldKeepsDialogOpen_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("typed");

    QTest::addRow("bind: host name") << QStringLiteral("bindEdit") << QStringLiteral("localhost");
    QTest::addRow("bind: empty") << QStringLiteral("bindEdit") << QString();
    QTest::addRow("target: ftp") << QStringLiteral("deliveryTargetEdit")
                                 << QStringLiteral("ftp://example.test/x");
    QTest::addRow("target: no host")
        << QStringLiteral("deliveryTargetEdit") << QStringLiteral("webhook/hoox");
}

void tst_PreferencesDialog::invalidFieldKeepsDialogOpen()
{
    QFETCH(QString, name);
    QFETCH(QString, typed);

    PreferencesDialog dialog(AppSettings::load());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy changed(&dialog, &PreferencesDialog::settingsChanged);
    QWidget *w = field(dialog, name);
    QVERIFY(w);
    replaceText(w, typed);
    clickButton(dialog, QDialogButtonBox::Ok);

    QVERIFY(dialog.isVisible());
    QCOMPARE(changed.count(), 0);
    QVERIFY(appStore().allKeys().isEmpty());
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"));
    QVERIFY(error->isVisible());
    QVERIFY(!error->text().isEmpty());
    QCOMPARE(QApplication::focusWidget(), w);
}

void tst_PreferencesDialog::cancelStoresNothing()
{
    PreferencesDialog dialog(AppSettings::load());
    dialog.show();
    QSignalSpy changed(&dialog, &PreferencesDialog::settingsChanged);
    replaceText(field(dialog, QStringLiteral("portSpin")), QStringLiteral("9000"));
    clickButton(dialog, QDialogButtonBox::Cancel);

    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(changed.count(), 0);
    QVERIFY(appStore().allKeys().isEmpty());
}

void tst_PreferencesDialog::restoreDefaults()
{
    AppSettings custom;
    custom.port = 9000;
    custom.bindAddress = QStringLiteral("0.0.0.0");
    custom.limits.maxConnections = 5;
    custom.maxAgeDays = 3;
    PreferencesDialog dialog(custom);
    dialog.show();
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("bindWarningLabel"))->isVisible());
    clickButton(dialog, QDialogButtonBox::RestoreDefaults);
    QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("bindWarningLabel"))->isVisible());
    clickButton(dialog, QDialogButtonBox::Ok);

    const AppSettings stored = AppSettings::load();
    QCOMPARE(stored.port, AppSettings::kDefaultPort);
    QCOMPARE(stored.bindAddress, QStringLiteral("127.0.0.1"));
    QCOMPARE(stored.limits.maxConnections, HttpLimits{}.maxConnections);
    QCOMPARE(stored.maxAgeDays, 0);
}

void tst_PreferencesDialog::unusableStoredValuesFallBack()
{
    {
        QSettings store = appStore();
        store.setValue(QStringLiteral("listener/port"), 70000);
        store.setValue(QStringLiteral("limits/maxConnections"), -1);
        store.setValue(QStringLiteral("response/status"), QStringLiteral("teapot"));
        store.setValue(QStringLiteral("delivery/target"), QStringLiteral("not a url"));
    }
    const AppSettings s = AppSettings::load();
    const AppSettings d;
    QCOMPARE(s.port, d.port);
    QCOMPARE(s.limits.maxConnections, d.limits.maxConnections);
    QCOMPARE(s.response.status, d.response.status);
    QCOMPARE(s.deliveryTarget, d.deliveryTarget);
}

void tst_PreferencesDialog::savedSettingsLoadBack()
{
    AppSettings s;
    s.port = 0;
    s.bindAddress = QStringLiteral("::1");
    s.limits.maxBodyBytes = 1000;
    s.limits.idleTimeoutMs = 2500;
    s.response.status = 429;
    s.response.body = QByteArrayLiteral("slow down ✓");
    s.response.delayMs = 12'000;
    s.maxCaptures = 100;
    s.deliveryTarget = QUrl(QStringLiteral("http://[::1]:3000/h"));
    s.notifications = {true, false, true, true};
    s.save();

    const AppSettings r = AppSettings::load();
    QCOMPARE(r.port, s.port);
    QCOMPARE(r.bindAddress, s.bindAddress);
    QCOMPARE(r.limits.maxBodyBytes, s.limits.maxBodyBytes);
    QCOMPARE(r.limits.idleTimeoutMs, s.limits.idleTimeoutMs);
    QCOMPARE(r.response, s.response);
    QCOMPARE(r.maxCaptures, s.maxCaptures);
    QCOMPARE(r.deliveryTarget, s.deliveryTarget);
    QCOMPARE(r.notifications, s.notifications);
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    tst_PreferencesDialog test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_preferencesdialog.moc"
