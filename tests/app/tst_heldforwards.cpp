// SPDX-License-Identifier: MIT
// Hold and release from the window: the Deliver tab's Hold toggle and the Held list, driven
// through their widgets against a real listener, forwarder and app on 127.0.0.1.
#include "../helpers/HooxDelivery.h"
#include "../helpers/TestReceiver.h"
#include "HeldForwardsView.h"
#include "ResendPanel.h"
#include "capture/Journal.h"
#include "delivery/Forwarder.h"
#include "listener/Listener.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

namespace {

QByteArray hooxBody(const QByteArray &jobId)
{
    return "{\"task\":\"video_generate\",\"job_id\":\"" + jobId +
           "\",\"status\":\"completed\",\"result\":{\"video_id\":\"v\"}}";
}

PendingForward pendingAt(qint64 receivedAtMs, bool held, qint64 hooxDeadlineMs)
{
    PendingForward p;
    p.captureId = 1;
    p.receivedAtMs = receivedAtMs;
    p.held = held;
    p.hooxDeadlineMs = hooxDeadlineMs;
    return p;
}

} // namespace

class TestHeldForwards : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void stateText_data();
    void stateText();
    void emptyListSaysWhatHoldDoes();
    void holdAcknowledgesHooxAndListsTheForward();
    void releaseSendsThePickedOneElseTheOldest();
    void doubleClickReleases();
    void dropDiscards();
    void releaseAllGoesInArrivalOrder();
    void countdownWhileTheAppHangsAndHoldRescuesIt();
    void panelShowsWhatTheCommandLineSet();

private:
    template <typename T> T *find(QWidget *in, const char *name)
    {
        T *w = in->findChild<T *>(QLatin1String(name));
        if (!w)
            qFatal("no widget named %s", name);
        return w;
    }
    void makeWidgets();
    void forwardTo(const QUrl &url, bool hold);
    // Delivers like Hoox over a connection of its own and returns HookScope's status: blocking
    // is fine while holding, as the network thread answers without the forwarder.
    int hooxDelivers(const QByteArray &jobId) { return deliverHoox(m_listener->port(), jobId); }
    QTreeWidget *list() { return find<QTreeWidget>(m_view.get(), "heldList"); }
    QPushButton *button(const char *name) { return find<QPushButton>(m_view.get(), name); }
    QString stateOfRow(int row)
    {
        return list()->topLevelItem(row)->text(HeldForwardsView::StateColumn);
    }
    QList<quint64> listedIds()
    {
        QList<quint64> ids;
        for (int i = 0; i < list()->topLevelItemCount(); ++i)
            ids << list()->topLevelItem(i)->text(HeldForwardsView::IdColumn).toULongLong();
        return ids;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<Journal> m_journal;
    std::unique_ptr<Listener> m_listener;
    std::unique_ptr<Forwarder> m_forwarder;
    std::unique_ptr<ResendPanel> m_panel;
    std::unique_ptr<HeldForwardsView> m_view;
};

void TestHeldForwards::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const QString path = m_dir->filePath(QStringLiteral("held.hkj"));
    m_journal = std::make_shared<Journal>();
    QString error;
    QVERIFY2(m_journal->open(path, &error), qPrintable(error));
    m_listener = std::make_unique<Listener>(m_journal, m_journal->takeLoaded());
    QVERIFY2(m_listener->start(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    m_forwarder = std::make_unique<Forwarder>(m_listener.get());
    QVERIFY2(m_forwarder->openLog(path, &error), qPrintable(error));
}

void TestHeldForwards::cleanup()
{
    m_view.reset();
    m_panel.reset();
    m_forwarder.reset();
    m_listener.reset();
    m_journal.reset();
    m_dir.reset();
}

void TestHeldForwards::makeWidgets()
{
    m_panel = std::make_unique<ResendPanel>(m_forwarder.get());
    m_view = std::make_unique<HeldForwardsView>(m_forwarder.get());
    m_panel->show();
    m_view->show();
}

// Through the panel, as the user does it: the target, Hold, then Forward.
void TestHeldForwards::forwardTo(const QUrl &url, bool hold)
{
    QLineEdit *edit = find<QComboBox>(m_panel.get(), "targetUrl")->lineEdit();
    edit->clear();
    QTest::keyClicks(edit, url.toString());
    find<QCheckBox>(m_panel.get(), "holdToggle")->setChecked(hold);
    find<QCheckBox>(m_panel.get(), "forwardToggle")->setChecked(true);
    QVERIFY(m_forwarder->isActive());
    QCOMPARE(m_forwarder->settings().hold, hold);
}

void TestHeldForwards::stateText_data()
{
    constexpr qint64 now = 1'705'314'600'000;
    QTest::addColumn<PendingForward>("forward");
    QTest::addColumn<QString>("text");
    QTest::addRow("held seconds") << pendingAt(now - 12'400, true, 0)
                                  << QStringLiteral("held for 12 s");
    QTest::addRow("held minutes") << pendingAt(now - 185'000, true, 0)
                                  << QStringLiteral("held for 3 min 5 s");
    QTest::addRow("held hours") << pendingAt(now - 2 * 3'600'000 - 14 * 60'000, true, 0)
                                << QStringLiteral("held for 2 h 14 min");
    QTest::addRow("held, clock behind")
        << pendingAt(now + 500, true, 0) << QStringLiteral("held for 0 s");
    QTest::addRow("countdown") << pendingAt(now - 3'000, false, now + 6'000)
                               << QStringLiteral("waiting for your app: Hoox gets 502 in 6 s");
    QTest::addRow("countdown rounds up")
        << pendingAt(now - 3'000, false, now + 5'200)
        << QStringLiteral("waiting for your app: Hoox gets 502 in 6 s");
    QTest::addRow("deadline reached") << pendingAt(now - 9'000, false, now - 10)
                                      << QStringLiteral("waiting for your app: Hoox gets 502 now");
    QTest::addRow("Hoox answered")
        << pendingAt(now - 3'000, false, 0) << QStringLiteral("sent, waiting for your app");
}

void TestHeldForwards::stateText()
{
    QFETCH(PendingForward, forward);
    QFETCH(QString, text);
    QCOMPARE(HeldForwardsView::stateText(forward, 1'705'314'600'000), text);
}

void TestHeldForwards::emptyListSaysWhatHoldDoes()
{
    makeWidgets();
    auto *stack = find<QStackedWidget>(m_view.get(), "heldStack");
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("emptyPage"));
    QCOMPARE(find<QLabel>(m_view.get(), "emptyLabel")->text(),
             QStringLiteral("Nothing held. Turn on Hold forwards to acknowledge Hoox at once and "
                            "release each delivery to your app when you are ready."));
    for (const char *name : {"releaseButton", "releaseAllButton", "dropButton"})
        QVERIFY2(!button(name)->isEnabled(), name);
    QCOMPARE(m_view->count(), 0);
    QVERIFY(!find<QTimer>(m_view.get(), "heldTick")->isActive());
}

void TestHeldForwards::holdAcknowledgesHooxAndListsTheForward()
{
    makeWidgets();
    TestReceiver app;
    forwardTo(app.url(), true);
    QSignalSpy counted(m_view.get(), &HeldForwardsView::countChanged);
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(hooxDelivers("j1"), 200);
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    QTRY_COMPARE(list()->topLevelItemCount(), 1);
    QCOMPARE(find<QStackedWidget>(m_view.get(), "heldStack")->currentWidget()->objectName(),
             QStringLiteral("listPage"));
    const QTreeWidgetItem *row = list()->topLevelItem(0);
    QCOMPARE(row->text(HeldForwardsView::IdColumn), QStringLiteral("1"));
    QCOMPARE(row->text(HeldForwardsView::TaskColumn), QStringLiteral("video_generate"));
    QCOMPARE(row->text(HeldForwardsView::StatusColumn), QStringLiteral("completed"));
    QCOMPARE(row->text(HeldForwardsView::TargetColumn), app.url().toString());
    QVERIFY2(stateOfRow(0).startsWith(QStringLiteral("held for ")), qPrintable(stateOfRow(0)));
    QCOMPARE(counted.size(), 1);
    QCOMPARE(counted.first().first().toInt(), 1);
    QVERIFY(find<QTimer>(m_view.get(), "heldTick")->isActive()); // "held for" keeps counting
    // Nothing selected: Release takes the oldest; Drop needs a pick.
    QVERIFY(button("releaseButton")->isEnabled());
    QVERIFY(button("releaseAllButton")->isEnabled());
    QVERIFY(!button("dropButton")->isEnabled());
    list()->topLevelItem(0)->setSelected(true);
    QVERIFY(button("dropButton")->isEnabled());
    QTest::qWait(100);
    QCOMPARE(app.requests().size(), 0); // held: the app got nothing
}

void TestHeldForwards::releaseSendsThePickedOneElseTheOldest()
{
    makeWidgets();
    TestReceiver app;
    forwardTo(app.url(), true);
    for (const char *job : {"j1", "j2", "j3"})
        QCOMPARE(hooxDelivers(job), 200);
    QTRY_COMPARE(listedIds(), (QList<quint64>{1, 2, 3}));
    list()->topLevelItem(1)->setSelected(true);
    QTest::mouseClick(button("releaseButton"), Qt::LeftButton);
    QTRY_COMPARE(app.requests().size(), 1);
    QCOMPARE(app.requests().first().body, hooxBody("j2"));
    QTRY_COMPARE(listedIds(), (QList<quint64>{1, 3}));
    QVERIFY(list()->selectedItems().isEmpty());
    QTest::mouseClick(button("releaseButton"), Qt::LeftButton); // none picked: the oldest
    QTRY_COMPARE(app.requests().size(), 2);
    QCOMPARE(app.requests().at(1).body, hooxBody("j1"));
    QTRY_COMPARE(listedIds(), (QList<quint64>{3}));
    QCOMPARE(m_view->count(), 1);
}

void TestHeldForwards::doubleClickReleases()
{
    makeWidgets();
    TestReceiver app;
    forwardTo(app.url(), true);
    QCOMPARE(hooxDelivers("j1"), 200);
    QCOMPARE(hooxDelivers("j2"), 200);
    QTRY_COMPARE(list()->topLevelItemCount(), 2);
    QTreeWidgetItem *second = list()->topLevelItem(1);
    const QPoint at(10, list()->visualItemRect(second).center().y()); // in the # column
    // An item view acts on a double click only after a press on the same item.
    QTest::mouseClick(list()->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(list()->viewport(), Qt::LeftButton, {}, at);
    QTRY_COMPARE(app.requests().size(), 1);
    QCOMPARE(app.requests().first().body, hooxBody("j2"));
    QTRY_COMPARE(listedIds(), QList<quint64>{1});
}

void TestHeldForwards::dropDiscards()
{
    makeWidgets();
    TestReceiver app;
    forwardTo(app.url(), true);
    QCOMPARE(hooxDelivers("j1"), 200);
    QCOMPARE(hooxDelivers("j2"), 200);
    QTRY_COMPARE(list()->topLevelItemCount(), 2);
    QSignalSpy outcomes(m_forwarder.get(), &Forwarder::outcome);
    list()->topLevelItem(0)->setSelected(true);
    QTest::mouseClick(button("dropButton"), Qt::LeftButton);
    QTRY_COMPARE(listedIds(), QList<quint64>{2});
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes.first().first().value<ForwardOutcome>().state,
             ForwardOutcome::State::Dropped);
    QVERIFY(!button("dropButton")->isEnabled()); // nothing picked any more
    QTest::qWait(100);
    QCOMPARE(app.requests().size(), 0);
}

void TestHeldForwards::releaseAllGoesInArrivalOrder()
{
    makeWidgets();
    TestReceiver app;
    forwardTo(app.url(), true);
    for (const char *job : {"j1", "j2", "j3"})
        QCOMPARE(hooxDelivers(job), 200);
    QTRY_COMPARE(list()->topLevelItemCount(), 3);
    list()->topLevelItem(2)->setSelected(true); // a pick does not change Release all's order
    QTest::mouseClick(button("releaseAllButton"), Qt::LeftButton);
    QTRY_COMPARE(app.requests().size(), 3);
    QCOMPARE(app.requests().at(0).body, hooxBody("j1"));
    QCOMPARE(app.requests().at(1).body, hooxBody("j2"));
    QCOMPARE(app.requests().at(2).body, hooxBody("j3"));
    QTRY_COMPARE(m_view->count(), 0);
    QCOMPARE(find<QStackedWidget>(m_view.get(), "heldStack")->currentWidget()->objectName(),
             QStringLiteral("emptyPage"));
    QVERIFY(!button("releaseAllButton")->isEnabled());
    QVERIFY(!find<QTimer>(m_view.get(), "heldTick")->isActive());
}

// A handler paused at a breakpoint, Hoox waiting for its answer: the list counts down to the
// 502; switching Hold on answers Hoox at once and the countdown ends.
void TestHeldForwards::countdownWhileTheAppHangsAndHoldRescuesIt()
{
    makeWidgets();
    TestReceiver app({ReceiverStep{200, 0, true, {}, {}}});           // never answers
    find<QComboBox>(m_panel.get(), "answerMode")->setCurrentIndex(0); // the app's answer
    forwardTo(app.url(), false);
    QCOMPARE(m_forwarder->settings().answer, ForwardSettings::Answer::App);
    // Not blocking: the forwarder works on this thread.
    QTcpSocket hoox;
    QByteArray answer;
    connect(&hoox, &QTcpSocket::readyRead, &hoox, [&] { answer += hoox.readAll(); });
    hoox.connectToHost(QHostAddress::LocalHost, m_listener->port());
    const QByteArray body = hooxBody("j1");
    hoox.write("POST /webhook/hoox HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
               "User-Agent: Hoox-API/1.0\r\nX-Hoox-Webhook: true\r\nContent-Length: " +
               QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QTRY_COMPARE(app.requests().size(), 1);
    QTRY_COMPARE(list()->topLevelItemCount(), 1);
    QVERIFY(m_forwarder->pending().first().hooxDeadlineMs > 0);
    QVERIFY2(stateOfRow(0).startsWith(QStringLiteral("waiting for your app: Hoox gets 502 in ")),
             qPrintable(stateOfRow(0)));
    QVERIFY(find<QTimer>(m_view.get(), "heldTick")->isActive());
    QVERIFY(find<QTimer>(m_view.get(), "heldTick")->interval() <= 500);
    // In flight, not held: nothing to release or drop.
    list()->topLevelItem(0)->setSelected(true);
    QVERIFY(!button("releaseButton")->isEnabled());
    QVERIFY(!button("dropButton")->isEnabled());
    QVERIFY(answer.isEmpty());

    find<QCheckBox>(m_panel.get(), "holdToggle")->setChecked(true);
    QVERIFY(!find<QComboBox>(m_panel.get(), "answerMode")->isEnabled());
    QTRY_VERIFY(answer.startsWith("HTTP/1.1 200"));
    QTRY_COMPARE(stateOfRow(0), QStringLiteral("sent, waiting for your app"));
    QCOMPARE(m_forwarder->pending().first().hooxDeadlineMs, qint64(0));
    QVERIFY(!find<QTimer>(m_view.get(), "heldTick")->isActive());
}

// `hookscope --forward-to URL --route … --hold --answer …`: the panel opens showing it, and the
// Hold toggle changes hold alone.
void TestHeldForwards::panelShowsWhatTheCommandLineSet()
{
    TestReceiver app;
    TestReceiver avatars;
    ForwardSettings s;
    s.fallback = app.url(QStringLiteral("/hooks"));
    ForwardRoute route;
    QString error;
    const QString routeText =
        QStringLiteral("task:avatar_*=") + avatars.url(QStringLiteral("/a")).toString();
    QVERIFY2(ForwardRoute::parse(routeText, &route, &error), qPrintable(error));
    s.routes = {route};
    s.answer = ForwardSettings::Answer::Rule;
    s.hold = true;
    m_forwarder->setSettings(s);
    m_forwarder->start();
    makeWidgets();

    auto *target = find<QComboBox>(m_panel.get(), "targetUrl");
    QCOMPARE(target->currentText(), s.fallback.toString());
    QVERIFY(find<QCheckBox>(m_panel.get(), "forwardToggle")->isChecked());
    QVERIFY(find<QCheckBox>(m_panel.get(), "holdToggle")->isChecked());
    QCOMPARE(find<QComboBox>(m_panel.get(), "answerMode")->currentData().toInt(),
             int(ForwardSettings::Answer::Rule));
    auto *routes = find<QLabel>(m_panel.get(), "routesLabel");
    QVERIFY(routes->isVisible());
    QCOMPARE(routes->text(), QStringLiteral("Routes: %1 (from the command line)").arg(routeText));
    QVERIFY(find<QLabel>(m_panel.get(), "forwardStatus")
                ->text()
                .startsWith(QStringLiteral("Forwarding to ") + s.fallback.toString()));
    // The window then restores the saved target history: the running forward keeps its target.
    m_panel->setTargetHistory({QStringLiteral("http://localhost:3000/webhook/hoox")});
    QCOMPARE(target->currentText(), s.fallback.toString());
    QCOMPARE(m_forwarder->settings().fallback, s.fallback);

    find<QCheckBox>(m_panel.get(), "holdToggle")->setChecked(false);
    const ForwardSettings now = m_forwarder->settings();
    QVERIFY(!now.hold);
    QCOMPARE(now.routes.size(), 1);
    QCOMPARE(now.routes.first().text, routeText);
    QCOMPARE(now.fallback, s.fallback);
    QCOMPARE(now.answer, ForwardSettings::Answer::Rule);
    QVERIFY(m_forwarder->isActive());
    QVERIFY(find<QComboBox>(m_panel.get(), "answerMode")->isEnabled());
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TestHeldForwards test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_heldforwards.moc"
