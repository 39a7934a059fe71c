// SPDX-License-Identifier: MIT
// Desktop notifications: fed captures and forward results as the session reports them, with the
// window inactive or active; what would be shown is read from notify(), not from a real tray.
#include "../helpers/TestReceiver.h"
#include "CaptureTableModel.h"
#include "ListenerBar.h"
#include "MainWindow.h"
#include "Notifier.h"
#include "capture/CaptureStore.h"
#include "delivery/Deliverer.h"
#include "delivery/Forwarder.h"
#include "listener/Listener.h"
#include "ngrok/NgrokWatcher.h"
#include "session/SessionEngine.h"
#include "session/Settings.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

namespace {

const NotificationKinds kAll{true, true, true, true};

CapturePtr capture(quint64 id, const QStringList &findings, quint32 attempt = 1,
                   quint16 answer = 200)
{
    auto c = std::make_shared<Capture>();
    c->id = id;
    c->receivedAtMs = QDateTime::currentMSecsSinceEpoch();
    c->method = "POST";
    c->answerStatus = answer;
    c->hoox.attempt = attempt;
    c->hoox.findings = findings;
    return c;
}

ForwardOutcome forward(quint64 id, int status)
{
    ForwardOutcome o;
    o.captureId = id;
    o.state = ForwardOutcome::State::Sent;
    o.attempt.status = status;
    o.attempt.latencyMs = 12;
    return o;
}

// Two deliveries with findings, a conflicting duplicate, the fourth attempt of a key answered
// 500 (Hoox gives up) and a forward the app answered 500: one of each kind, and more findings.
void feedOneOfEach(Notifier &n)
{
    n.addCaptures({capture(1, {QStringLiteral("not_json")}),
                   capture(2, {QStringLiteral("missing_field:job_id")}),
                   capture(3, {QStringLiteral("conflicting_duplicate")}, 2),
                   capture(4, {}, 4, 500)});
    n.addForwardOutcome(forward(5, 500));
    n.addForwardOutcome(forward(6, 200)); // delivered: not news
}

// Posts `body` to `listener` once, as Hoox would, and waits for the answer; its status.
int deliverOnce(const Listener &listener, const QByteArray &body)
{
    Deliverer hoox;
    QSignalSpy finished(&hoox, &Deliverer::finished);
    DeliveryOptions once;
    once.likeHoox = false;
    hoox.deliver(QUrl(QStringLiteral("http://127.0.0.1:%1/webhook/hoox").arg(listener.port())),
                 body, {}, once);
    return finished.wait() ? hoox.attempts().first().status : 0;
}

} // namespace

Q_DECLARE_METATYPE(NotificationKinds)

class TestNotifier : public QObject {
    Q_OBJECT
private slots:
    void coalescesEveryKindIntoOneMessage();
    void eachKindAlone_data();
    void eachKindAlone();
    void nothingWhenEveryKindIsOff();
    void nothingWhileTheWindowIsActive();
    void atMostOneMessagePerInterval();
    void importedAndRefusedCapturesAreNotNews();
    void slowForwardCounts();
    void trayOnlyWhileAKindIsOn();
    void liveDeliveryWithFindings();
    void liveForwardThatFailed();
    void clickingTheMessageShowsTheCapture();
};

void TestNotifier::coalescesEveryKindIntoOneMessage()
{
    QWidget window; // never shown: not the active window
    Notifier n(nullptr, nullptr, &window);
    n.setKinds(kAll);
    QSignalSpy notified(&n, &Notifier::notify);
    QSignalSpy activated(&n, &Notifier::activated);
    feedOneOfEach(n);
    n.addCaptures({capture(7, {QStringLiteral("not_post")})});
    QVERIFY(notified.wait());
    QCOMPARE(notified.size(), 1);
    QCOMPARE(notified.first().at(0).toString(), QStringLiteral("HookScope"));
    QCOMPARE(notified.first().at(1).toString(),
             QStringLiteral("3 deliveries with findings, 1 conflicting duplicate, 1 failed "
                            "forward, Hoox gave up on 1 webhook"));
    n.activate(); // the message was clicked
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().toULongLong(), 7u); // the newest it counted
}

void TestNotifier::eachKindAlone_data()
{
    QTest::addColumn<NotificationKinds>("kinds");
    QTest::addColumn<QString>("text");
    QTest::addColumn<quint64>("newest");

    QTest::addRow("findings") << NotificationKinds{true, false, false, false}
                              << QStringLiteral("2 deliveries with findings") << quint64(2);
    QTest::addRow("conflicts") << NotificationKinds{false, true, false, false}
                               << QStringLiteral("1 conflicting duplicate") << quint64(3);
    QTest::addRow("failed forwards") << NotificationKinds{false, false, true, false}
                                     << QStringLiteral("1 failed forward") << quint64(5);
    QTest::addRow("gave up") << NotificationKinds{false, false, false, true}
                             << QStringLiteral("Hoox gave up on 1 webhook") << quint64(4);
}

void TestNotifier::eachKindAlone()
{
    QFETCH(NotificationKinds, kinds);
    QFETCH(QString, text);
    QFETCH(quint64, newest);

    Notifier n(nullptr, nullptr, nullptr);
    n.setKinds(kinds);
    QSignalSpy notified(&n, &Notifier::notify);
    QSignalSpy activated(&n, &Notifier::activated);
    feedOneOfEach(n);
    QVERIFY(notified.wait());
    QCOMPARE(notified.first().at(1).toString(), text);
    n.activate();
    QCOMPARE(activated.first().first().toULongLong(), newest);
}

// Nothing is counted while every kind is off: the first message, once one is on, holds only
// what came after.
void TestNotifier::nothingWhenEveryKindIsOff()
{
    Notifier n(nullptr, nullptr, nullptr);
    QVERIFY(!n.kinds().any()); // the default
    QSignalSpy notified(&n, &Notifier::notify);
    feedOneOfEach(n);
    n.setKinds({false, false, true, false});
    n.addForwardOutcome(forward(9, 0));
    QVERIFY(notified.wait());
    QCOMPARE(notified.size(), 1);
    QCOMPARE(notified.first().at(1).toString(), QStringLiteral("1 failed forward"));
}

void TestNotifier::nothingWhileTheWindowIsActive()
{
    QWidget window;
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    Notifier n(nullptr, nullptr, &window);
    n.setKinds(kAll);
    QSignalSpy notified(&n, &Notifier::notify);
    feedOneOfEach(n);

    QWidget other; // the user switched to another window
    other.show();
    other.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&other));
    QVERIFY(!window.isActiveWindow());
    n.addCaptures({capture(8, {QStringLiteral("not_json")})});
    QVERIFY(notified.wait());
    QCOMPARE(notified.size(), 1);
    QCOMPARE(notified.first().at(1).toString(), QStringLiteral("1 delivery with findings"));
}

void TestNotifier::atMostOneMessagePerInterval()
{
    constexpr int kInterval = 300;
    Notifier n(nullptr, nullptr, nullptr);
    n.setKinds(kAll);
    n.setInterval(kInterval);
    QElapsedTimer clock;
    clock.start();
    QList<qint64> shownAt;
    connect(&n, &Notifier::notify, this, [&] { shownAt << clock.elapsed(); });
    QSignalSpy notified(&n, &Notifier::notify);
    n.addCaptures({capture(1, {QStringLiteral("not_json")})});
    QVERIFY(notified.wait());
    n.addCaptures({capture(2, {QStringLiteral("not_json")})});
    n.addForwardOutcome(forward(2, 502));
    n.addCaptures({capture(3, {QStringLiteral("not_json")})});
    QVERIFY(notified.wait());
    QCOMPARE(notified.size(), 2);
    QCOMPARE(notified.at(0).at(1).toString(), QStringLiteral("1 delivery with findings"));
    QCOMPARE(notified.at(1).at(1).toString(),
             QStringLiteral("2 deliveries with findings, 1 failed forward"));
    // 1 ms of slack: both clocks count whole milliseconds.
    QVERIFY2(shownAt.at(1) - shownAt.at(0) >= kInterval - 1,
             qPrintable(QString::number(shownAt.at(1) - shownAt.at(0))));
}

// An import or a recovery from ngrok hands over old captures; a refused request is not one.
void TestNotifier::importedAndRefusedCapturesAreNotNews()
{
    Notifier n(nullptr, nullptr, nullptr);
    n.setKinds(kAll);
    QSignalSpy notified(&n, &Notifier::notify);
    CapturePtr imported = capture(1, {QStringLiteral("not_json")});
    std::const_pointer_cast<Capture>(imported)->receivedAtMs -= 24 * 3600 * 1000;
    CapturePtr refused = capture(2, {QStringLiteral("not_json")}, 1, 401);
    std::const_pointer_cast<Capture>(refused)->refused = true;
    n.addCaptures({imported, refused, capture(3, {QStringLiteral("conflicting_duplicate")}, 2)});
    QVERIFY(notified.wait());
    QCOMPARE(notified.first().at(1).toString(), QStringLiteral("1 conflicting duplicate"));
}

// An app that answered 200 after Hoox's 10 s failed the delivery all the same.
void TestNotifier::slowForwardCounts()
{
    Notifier n(nullptr, nullptr, nullptr);
    n.setKinds({false, false, true, false});
    QSignalSpy notified(&n, &Notifier::notify);
    ForwardOutcome slow = forward(4, 200);
    slow.attempt.latencyMs = 11'400;
    slow.waitedMs = 30'000;
    QVERIFY(!slow.slowWarning().isEmpty());
    n.addForwardOutcome(slow);
    QVERIFY(notified.wait());
    QCOMPARE(notified.first().at(1).toString(), QStringLiteral("1 failed forward"));
}

void TestNotifier::trayOnlyWhileAKindIsOn()
{
    Notifier n(nullptr, nullptr, nullptr);
    QVERIFY(!n.hasTrayIcon());
    n.setKinds({true, false, false, false});
    QCOMPARE(n.hasTrayIcon(), QSystemTrayIcon::isSystemTrayAvailable());
    n.setKinds({});
    QVERIFY(!n.hasTrayIcon());
}

// End to end: a delivery to a real listener, its findings reported by the listener's batch.
void TestNotifier::liveDeliveryWithFindings()
{
    Listener listener;
    QString error;
    QVERIFY2(listener.start(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    Notifier n(&listener, nullptr, nullptr);
    n.setKinds({true, false, false, false});
    QSignalSpy notified(&n, &Notifier::notify);
    QVERIFY(deliverOnce(listener, "not json") != 0);
    QTRY_COMPARE(notified.size(), 1);
    QCOMPARE(notified.first().at(1).toString(), QStringLiteral("1 delivery with findings"));
}

void TestNotifier::liveForwardThatFailed()
{
    Listener listener;
    QString error;
    QVERIFY2(listener.start(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    Forwarder forwarder(&listener);
    TestReceiver app({ReceiverStep{500, 0, false, {}, "down"}});
    forwarder.changeSettings([&app](ForwardSettings &s) { s.fallback = app.url(); });
    forwarder.start();
    Notifier n(&listener, &forwarder, nullptr);
    n.setKinds({false, false, true, false});
    QSignalSpy notified(&n, &Notifier::notify);
    QCOMPARE(deliverOnce(listener, "{}"), 500); // the app's answer
    QTRY_COMPARE(notified.size(), 1);
    QCOMPARE(notified.first().at(1).toString(), QStringLiteral("1 failed forward"));
    forwarder.stop();
}

// The window's wiring: kinds from the preferences, and a click on the message of a delivery
// that arrived while another window was active brings the window back with that capture
// selected, though the filter hid it.
void TestNotifier::clickingTheMessageShowsTheCapture()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Settings::useFile(dir.filePath(QStringLiteral("hookscope.conf")));
    AppSettings preferences;
    preferences.notifications.findings = true;
    preferences.save();
    SessionEngine engine;
    SessionOptions options;
    options.journalPath = dir.filePath(QStringLiteral("test.hkj"));
    QString error;
    QVERIFY2(engine.open(options, &error), qPrintable(error));
    NgrokWatcher ngrok;
    MainWindow window(&engine, &ngrok);
    QVERIFY(window.listenerBar()->startListening(QHostAddress::LocalHost, 0));
    window.show();
    auto *notifier = window.findChild<Notifier *>();
    QVERIFY(notifier);
    QVERIFY(notifier->kinds().findings);
    window.findChild<QLineEdit *>(QStringLiteral("filterEdit"))
        ->setText(QStringLiteral("task:video_generate"));
    QWidget other;
    other.show();
    other.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&other));
    QSignalSpy notified(notifier, &Notifier::notify);

    Deliverer hoox;
    QSignalSpy finished(&hoox, &Deliverer::finished);
    hoox.deliver(
        QUrl(QStringLiteral("http://127.0.0.1:%1/webhook/hoox").arg(engine.listener()->port())),
        "{not json", {}, DeliveryOptions{});
    QVERIFY(finished.wait());
    QTRY_COMPARE(notified.size(), 1);
    QCOMPARE(notified.first().at(1).toString(), QStringLiteral("1 delivery with findings"));
    QCOMPARE(engine.store()->size(), 1);
    QTRY_COMPARE(window.captureModel()->rowCount(), 0); // filtered out
    notifier->activate();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto *table = window.findChild<QTableView *>(QStringLiteral("captureTable"));
    QTRY_VERIFY(table->currentIndex().isValid());
    const qsizetype row = window.captureModel()->storeRow(table->currentIndex().row());
    QCOMPARE(engine.store()->row(row).id, 1u);
    QVERIFY(window.findChild<QLineEdit *>(QStringLiteral("filterEdit"))->text().isEmpty());
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    TestNotifier test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_notifier.moc"
