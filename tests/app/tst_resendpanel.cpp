// SPDX-License-Identifier: MIT
// The delivery panel, driven offscreen through its widgets against local receivers.
#include "../helpers/TestReceiver.h"
#include "AttemptStatusLabel.h"
#include "ResendPanel.h"
#include "delivery/Deliverer.h"
#include "delivery/Forwarder.h"
#include "listener/Listener.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

namespace {

constexpr int kStatusColumn = 3;
constexpr int kLatencyColumn = 4;
constexpr int kErrorColumn = 5;

CapturePtr capture(quint64 id, qint64 receivedAtMs, const QByteArray &body)
{
    auto c = std::make_shared<Capture>();
    c->id = id;
    c->receivedAtMs = receivedAtMs;
    c->method = "POST";
    c->body = body;
    c->headers.append("Host", "abc.ngrok.app");
    c->headers.append("Content-Type", "application/json");
    c->headers.append("User-Agent", "Hoox-API/1.0");
    c->headers.append("X-Hoox-Webhook", "true");
    c->headers.append("Content-Length", QByteArray::number(body.size()));
    return c;
}

} // namespace

class TestResendPanel : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void startsWithHooxDefaults();
    void editedBodyIsSentAndTimelineShowsTheAnswer();
    void uneditedCaptureIsSentByteExact();
    void invalidJsonShowsLineAndColumn();
    void removedHeaderIsNotSent();
    void deliverLikeHooxRetries();
    void cancelADeliveryInProgress();
    void sendNTimes();
    void resendSelectionKeepsSpacing();
    void rejectsANonHttpTarget();
    void liveForwarding();
    void newestAttemptIsShownWithItsStatusLine();
    void userPickWithinTheRunIsKept();
    void refusedConnectionInTheStatusLine();
    void statusLineWords_data();
    void statusLineWords();
    void attemptColumnsFit560Pixels();
    void fitsANarrowPane();
    void controlsShareRowsWhenWide();

private:
    template <typename T> T *find(const char *name)
    {
        T *w = m_panel->findChild<T *>(QLatin1String(name));
        if (!w)
            qFatal("no widget named %s", name);
        return w;
    }
    void setTarget(const QUrl &url)
    {
        QLineEdit *edit = find<QComboBox>("targetUrl")->lineEdit();
        edit->clear();
        QTest::keyClicks(edit, url.toString());
    }
    QTreeWidget *timeline() { return find<QTreeWidget>("timeline"); }
    AttemptStatusLabel *statusLine() { return find<AttemptStatusLabel>("answerStatus"); }
    QString answer() { return find<QPlainTextEdit>("responseView")->toPlainText(); }
    void click(const char *button) { QTest::mouseClick(find<QPushButton>(button), Qt::LeftButton); }

    std::unique_ptr<ResendPanel> m_panel;
};

void TestResendPanel::init()
{
    m_panel = std::make_unique<ResendPanel>(nullptr);
    DeliveryOptions fast;
    fast.retryDelaysMs = {20, 40, 80};
    fast.timeoutMs = 3000;
    m_panel->setDeliveryOptions(fast);
    m_panel->show();
}

void TestResendPanel::cleanup()
{
    m_panel.reset();
}

void TestResendPanel::startsWithHooxDefaults()
{
    QCOMPARE(find<QComboBox>("targetUrl")->currentText(),
             QStringLiteral("http://localhost:3000/webhook/hoox"));
    auto *headers = find<QTableWidget>("headersTable");
    QCOMPARE(headers->rowCount(), 3);
    QCOMPARE(headers->item(2, 0)->text(), QStringLiteral("X-Hoox-Webhook"));
    QCOMPARE(find<QComboBox>("templatePicker")->count(), 8);
    QVERIFY(!find<QPushButton>("cancelButton")->isEnabled());
    QVERIFY(!find<QCheckBox>("forwardToggle")->isEnabled()); // no listener given
}

void TestResendPanel::editedBodyIsSentAndTimelineShowsTheAnswer()
{
    TestReceiver app({ReceiverStep{202, 0, false, {}, "thanks"}});
    setTarget(app.url());
    m_panel->setCapture(capture(1, 0, "{\"task\":\"video_generate\"}"));
    auto *body = find<QPlainTextEdit>("bodyEdit");
    body->selectAll();
    QTest::keyClicks(body, QStringLiteral("{\"edited\":true}"));
    QSignalSpy done(m_panel.get(), &ResendPanel::runFinished);
    click("sendOnceButton");
    QVERIFY(done.wait());
    QCOMPARE(app.requests().size(), 1);
    QCOMPARE(app.requests().first().body, QByteArray("{\"edited\":true}"));
    QCOMPARE(app.requests().first().header("Host"), app.url().authority().toUtf8());
    QCOMPARE(timeline()->topLevelItemCount(), 1);
    QTreeWidgetItem *row = timeline()->topLevelItem(0);
    QCOMPARE(row->text(kStatusColumn), QStringLiteral("202"));
    QVERIFY(row->text(kErrorColumn).isEmpty());
    timeline()->setCurrentItem(row);
    QVERIFY(find<QPlainTextEdit>("responseView")->toPlainText().contains(QStringLiteral("thanks")));
    QCOMPARE(find<QComboBox>("targetUrl")->itemText(0), app.url().toString()); // history
}

void TestResendPanel::uneditedCaptureIsSentByteExact()
{
    TestReceiver app;
    setTarget(app.url());
    const QByteArray bytes = "{ \"task\" :\t\"x\" }\xff\r\n";
    m_panel->setCapture(capture(1, 0, bytes));
    QSignalSpy done(m_panel.get(), &ResendPanel::runFinished);
    click("sendOnceButton");
    QVERIFY(done.wait());
    QCOMPARE(app.requests().first().body, bytes);
}

void TestResendPanel::invalidJsonShowsLineAndColumn()
{
    auto *body = find<QPlainTextEdit>("bodyEdit");
    body->setPlainText(QStringLiteral("{\n  \"task\": \"video_generate\",\n  oops\n}"));
    auto *status = find<QLabel>("jsonStatus");
    QTRY_VERIFY(status->text().contains(QStringLiteral("line 3, column")));
    QVERIFY(status->text().startsWith(QStringLiteral("Invalid JSON")));
    body->setPlainText(QStringLiteral("{\"ok\": 1}"));
    QTRY_COMPARE(status->text(), QStringLiteral("Valid JSON."));
}

void TestResendPanel::removedHeaderIsNotSent()
{
    TestReceiver app;
    setTarget(app.url());
    m_panel->setCapture(capture(1, 0, "{}"));
    auto *headers = find<QTableWidget>("headersTable");
    const QList<QTableWidgetItem *> found =
        headers->findItems(QStringLiteral("X-Hoox-Webhook"), Qt::MatchExactly);
    QCOMPARE(found.size(), 1);
    headers->setCurrentCell(found.first()->row(), 0);
    click("removeHeaderButton");
    QSignalSpy done(m_panel.get(), &ResendPanel::runFinished);
    click("sendOnceButton");
    QVERIFY(done.wait());
    const ReceivedRequest &r = app.requests().first();
    QVERIFY(r.header("X-Hoox-Webhook").isEmpty()); // to see the app reject a non-Hoox request
    QVERIFY(r.header("User-Agent").contains("Hoox-API"));
    QCOMPARE(r.header("Host"), app.url().authority().toUtf8()); // not the capture's
}

void TestResendPanel::deliverLikeHooxRetries()
{
    TestReceiver app({ReceiverStep{500, 0, false, {}, {}}, ReceiverStep{}});
    setTarget(app.url());
    find<QComboBox>("templatePicker")->setCurrentText(QStringLiteral("avatar_create.completed"));
    click("useTemplateButton");
    QVERIFY(
        find<QPlainTextEdit>("bodyEdit")->toPlainText().contains(QStringLiteral("avatar_create")));
    QSignalSpy done(m_panel.get(), &ResendPanel::runFinished);
    click("deliverLikeHooxButton");
    QVERIFY(done.wait());
    QCOMPARE(done.first().at(0).toInt(), 1);
    QCOMPARE(timeline()->topLevelItemCount(), 2);
    QCOMPARE(timeline()->topLevelItem(0)->text(kStatusColumn), QStringLiteral("500"));
    QCOMPARE(timeline()->topLevelItem(1)->text(kStatusColumn), QStringLiteral("200"));
    QCOMPARE(app.requests().at(0).body, app.requests().at(1).body);
}

void TestResendPanel::cancelADeliveryInProgress()
{
    TestReceiver app({ReceiverStep{200, 0, true, {}, {}}}); // hangs
    setTarget(app.url());
    m_panel->setCapture(capture(1, 0, "{}"));
    QSignalSpy done(m_panel.get(), &ResendPanel::runFinished);
    click("deliverLikeHooxButton");
    QVERIFY(m_panel->isBusy());
    QVERIFY(!find<QPushButton>("sendOnceButton")->isEnabled());
    QTRY_COMPARE(app.requests().size(), 1);
    click("cancelButton");
    QCOMPARE(done.size(), 1);
    QVERIFY(!m_panel->isBusy());
    QVERIFY(find<QPushButton>("sendOnceButton")->isEnabled());
    QCOMPARE(timeline()->topLevelItemCount(), 1);
    QCOMPARE(timeline()->topLevelItem(0)->text(kErrorColumn), QStringLiteral("cancelled"));
}

void TestResendPanel::sendNTimes()
{
    TestReceiver app;
    setTarget(app.url());
    m_panel->setCapture(capture(1, 0, "{\"job_id\":\"run_same\"}"));
    find<QSpinBox>("timesSpin")->setValue(4);
    QSignalSpy done(m_panel.get(), &ResendPanel::runFinished);
    click("sendTimesButton");
    QVERIFY(done.wait());
    QCOMPARE(done.first().at(0).toInt(), 4);
    QCOMPARE(app.requests().size(), 4);
    for (const ReceivedRequest &r : app.requests())
        QCOMPARE(r.body, QByteArray("{\"job_id\":\"run_same\"}"));
    QCOMPARE(find<QProgressBar>("progressBar")->value(), 4);
}

void TestResendPanel::resendSelectionKeepsSpacing()
{
    TestReceiver app;
    setTarget(app.url());
    QSignalSpy done(m_panel.get(), &ResendPanel::runFinished);
    m_panel->resend({capture(7, 1000, "first"), capture(8, 1150, "second")}, true);
    QVERIFY(done.wait());
    QCOMPARE(app.requests().size(), 2);
    QCOMPARE(app.requests().at(0).body, QByteArray("first"));
    QCOMPARE(app.requests().at(1).body, QByteArray("second"));
    QVERIFY(app.requests().at(1).atMs - app.requests().at(0).atMs >= 150);
    QCOMPARE(timeline()->topLevelItem(1)->text(0), QStringLiteral("capture #8"));
}

void TestResendPanel::rejectsANonHttpTarget()
{
    setTarget(QUrl(QStringLiteral("ftp://127.0.0.1/x")));
    click("sendOnceButton");
    QVERIFY(!m_panel->isBusy());
    QCOMPARE(timeline()->topLevelItemCount(), 0);
    QVERIFY(find<QLabel>("statusLabel")->text().contains(QStringLiteral("http://")));
}

void TestResendPanel::liveForwarding()
{
    Listener listener;
    QString error;
    QVERIFY(listener.start(QHostAddress::LocalHost, 0, &error));
    Forwarder forwarder(&listener);
    m_panel = std::make_unique<ResendPanel>(&forwarder);
    TestReceiver app({ReceiverStep{418, 0, false, {}, {}}});
    setTarget(app.url());
    find<QComboBox>("answerMode")->setCurrentIndex(0); // the app's answer
    find<QCheckBox>("forwardToggle")->setChecked(true);
    QVERIFY(m_panel->forwarder()->isActive());
    QSignalSpy forwarded(m_panel.get(), &ResendPanel::forwarded);

    Deliverer hoox;
    QSignalSpy finished(&hoox, &Deliverer::finished);
    DeliveryOptions once;
    once.likeHoox = false;
    hoox.deliver(QUrl(QStringLiteral("http://127.0.0.1:%1/webhook/hoox").arg(listener.port())),
                 "{\"task\":\"video_generate\"}", {}, once);
    QVERIFY(finished.wait());
    QCOMPARE(hoox.attempts().first().status, 418);
    // Reported as the app answered, before Hoox got that answer.
    QTRY_COMPARE(forwarded.size(), 1);
    QCOMPARE(forwarded.first().at(4).toInt(), 418); // for the filter's forward:4xx
    QCOMPARE(forwarded.first().at(2).toString(), QStringLiteral("418")); // the column's words
    const QString summary = forwarded.first().at(1).toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^→ %1: 418 in \\d+ ms$")
                                    .arg(QRegularExpression::escape(app.url().toString())))
                 .match(summary)
                 .hasMatch(),
             qPrintable(summary));
    find<QCheckBox>("forwardToggle")->setChecked(false);
    QVERIFY(!m_panel->forwarder()->isActive());
    m_panel.reset(); // before the forwarder it drives
}

// A stale answer never shows beside a new run's outcome: the newest attempt is selected, its
// answer shown under a status line that says what it got and what the run delivered.
void TestResendPanel::newestAttemptIsShownWithItsStatusLine()
{
    TestReceiver app(
        {ReceiverStep{500, 0, false, {}, "boom"}, ReceiverStep{200, 0, false, {}, "fine"}});
    setTarget(app.url());
    m_panel->setCapture(capture(1, 0, "{}"));
    QSignalSpy done(m_panel.get(), &ResendPanel::runFinished);
    click("sendOnceButton");
    QVERIFY(done.wait());
    QCOMPARE(timeline()->currentItem(), timeline()->topLevelItem(0));
    QVERIFY(timeline()->topLevelItem(0)->isSelected());
    QVERIFY2(statusLine()->text().startsWith(QStringLiteral("HTTP 500 · ")),
             qPrintable(statusLine()->text()));
    QVERIFY(statusLine()->text().endsWith(QStringLiteral(" ms · Delivered 0 of 1")));
    QCOMPARE(statusLine()->kind(), AnswerClass::ServerError);
    QCOMPARE(statusLine()->toolTip(), statusLine()->text());
    QVERIFY(answer().contains(QStringLiteral("boom")));

    click("sendOnceButton");
    QVERIFY(done.wait());
    QCOMPARE(timeline()->topLevelItemCount(), 2);
    QCOMPARE(timeline()->currentItem(), timeline()->topLevelItem(1));
    QVERIFY(!timeline()->topLevelItem(0)->isSelected());
    QVERIFY2(statusLine()->text().startsWith(QStringLiteral("HTTP 200 · ")),
             qPrintable(statusLine()->text()));
    QVERIFY(statusLine()->text().endsWith(QStringLiteral("Delivered 1 of 1")));
    QCOMPARE(statusLine()->kind(), AnswerClass::Success);
    QVERIFY(answer().contains(QStringLiteral("fine")));
    QVERIFY(!answer().contains(QStringLiteral("boom")));
}

// The user reads the first answer while Hoox's retries go on: the table does not take it away.
void TestResendPanel::userPickWithinTheRunIsKept()
{
    TestReceiver app({ReceiverStep{500, 0, false, {}, "first"}, ReceiverStep{200, 0, true, {}, {}},
                      ReceiverStep{200, 0, false, {}, "third"}});
    setTarget(app.url());
    m_panel->resize(600, 900); // the table shows both attempts to click on
    m_panel->setCapture(capture(1, 0, "{}"));
    QSignalSpy done(m_panel.get(), &ResendPanel::runFinished);
    click("deliverLikeHooxButton");
    // The retry hangs until the timeout (3 s): time enough to pick the first attempt.
    QTRY_COMPARE(timeline()->topLevelItemCount(), 2);
    QCOMPARE(timeline()->currentItem(), timeline()->topLevelItem(1));
    QVERIFY(statusLine()->text().startsWith(QStringLiteral("Sending… · Delivered 0 of 1 so far")));
    QTreeWidgetItem *first = timeline()->topLevelItem(0);
    QTest::mouseClick(timeline()->viewport(), Qt::LeftButton, {},
                      timeline()->visualItemRect(first).center());
    QVERIFY(first->isSelected());
    QVERIFY(done.wait(10'000));
    QCOMPARE(timeline()->topLevelItemCount(), 3);
    QVERIFY(first->isSelected());
    QVERIFY(!timeline()->topLevelItem(2)->isSelected());
    QVERIFY(statusLine()->text().startsWith(QStringLiteral("HTTP 500 · ")));
    QVERIFY(statusLine()->text().endsWith(QStringLiteral("Delivered 1 of 1")));
    QVERIFY(answer().contains(QStringLiteral("first")));
    timeline()->setCurrentItem(timeline()->topLevelItem(1));
    QCOMPARE(statusLine()->text(),
             QStringLiteral("No answer · timed out after 3.0 s · Delivered 1 of 1"));
}

void TestResendPanel::refusedConnectionInTheStatusLine()
{
    setTarget(TestReceiver::closedPortUrl());
    m_panel->setCapture(capture(1, 0, "{}"));
    QSignalSpy done(m_panel.get(), &ResendPanel::runFinished);
    click("sendOnceButton");
    QVERIFY(done.wait());
    QCOMPARE(statusLine()->text(), QStringLiteral("Connection refused · Delivered 0 of 1"));
    QCOMPARE(statusLine()->kind(), AnswerClass::ServerError);
    QVERIFY(statusLine()->font().bold()); // failed: not by its colour alone
}

void TestResendPanel::statusLineWords_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<qint64>("latencyMs");
    QTest::addColumn<QString>("error");
    QTest::addColumn<bool>("timedOut");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");

    QTest::addRow("2xx") << 204 << qint64(12) << QString() << false
                         << QStringLiteral("HTTP 204 · 12 ms") << int(AnswerClass::Success);
    QTest::addRow("4xx") << 404 << qint64(3) << QString() << false
                         << QStringLiteral("HTTP 404 · 3 ms") << int(AnswerClass::ClientError);
    QTest::addRow("5xx") << 500 << qint64(12) << QString() << false
                         << QStringLiteral("HTTP 500 · 12 ms") << int(AnswerClass::ServerError);
    QTest::addRow("timeout") << 0 << qint64(10'004) << QStringLiteral("timeout after 10 s") << true
                             << QStringLiteral("No answer · timed out after 10.0 s")
                             << int(AnswerClass::ServerError);
    QTest::addRow("refused") << 0 << qint64(1) << QStringLiteral("connection refused") << false
                             << QStringLiteral("Connection refused")
                             << int(AnswerClass::ServerError);
    QTest::addRow("redirect") << 302 << qint64(5) << QStringLiteral("redirect not followed")
                              << false << QStringLiteral("HTTP 302 · 5 ms · redirect not followed")
                              << int(AnswerClass::ServerError);
    QTest::addRow("in flight") << 0 << qint64(-1) << QString() << false
                               << QStringLiteral("Sending…") << int(AnswerClass::None);
}

void TestResendPanel::statusLineWords()
{
    QFETCH(int, status);
    QFETCH(qint64, latencyMs);
    QFETCH(QString, error);
    QFETCH(bool, timedOut);
    QFETCH(QString, text);
    QFETCH(int, kind);

    DeliveryAttempt a;
    a.status = status;
    a.latencyMs = latencyMs;
    a.error = error;
    a.timedOut = timedOut;
    QCOMPARE(AttemptStatusLabel::attemptText(a), text);
    QCOMPARE(int(AttemptStatusLabel::kindOf(a)), kind);
}

// In a 600 px detail pane the attempts table is about 560 px wide: the attempt, its time,
// status and latency show whole there, the request and answer sides stacked.
void TestResendPanel::attemptColumnsFit560Pixels()
{
    m_panel->resize(560, 700);
    QTRY_COMPARE(find<QSplitter>("splitter")->orientation(), Qt::Vertical);
    QHeaderView *header = timeline()->header();
    const int end =
        header->sectionViewportPosition(kLatencyColumn) + header->sectionSize(kLatencyColumn);
    QVERIFY2(end <= timeline()->viewport()->width(),
             qPrintable(QStringLiteral("%1 > %2").arg(end).arg(timeline()->viewport()->width())));
    for (int column = 1; column <= kLatencyColumn; ++column)
        QVERIFY(!header->isSectionHidden(column));
    m_panel->resize(1200, 700);
    QTRY_COMPARE(find<QSplitter>("splitter")->orientation(), Qt::Horizontal);
}

// A 1024×640 window leaves the detail pane about 420 px: the panel's controls wrap or stack
// into 400, and none is cut there, long messages included.
void TestResendPanel::fitsANarrowPane()
{
    find<QPlainTextEdit>("bodyEdit")
        ->setPlainText(QStringLiteral("{\n  \"task\": \"video_generate\",\n  oops oops oops oops "
                                      "oops oops oops oops oops\n}"));
    QTRY_VERIFY(find<QLabel>("jsonStatus")->text().startsWith(QStringLiteral("Invalid JSON")));
    setTarget(QUrl(
        QStringLiteral("ftp://127.0.0.1/a/very/long/path/that/goes/on/and/on/and/on/and/on/x")));
    click("sendOnceButton");
    QVERIFY(!find<QLabel>("statusLabel")->text().isEmpty());
    m_panel->resize(400, 420);
    QTRY_COMPARE(m_panel->width(), 400);
    // The form's own minimum, stacked as it is at this width: the panel itself scrolls when
    // the pane is shorter than that.
    auto *form = find<QWidget>("ResendPanel");
    const QSize minimum = form->minimumSizeHint();
    QVERIFY2(minimum.width() <= 400, qPrintable(QString::number(minimum.width())));
    QVERIFY(m_panel->minimumSizeHint().width() <= 400);
    QTRY_VERIFY(form->height() >= minimum.height()); // scrolled, not squeezed
    auto *scroll = find<QScrollArea>("formScroll");
    QTRY_VERIFY(!scroll->horizontalScrollBar()->isVisible());
    for (QWidget *w : form->findChildren<QWidget *>()) {
        if (!w->isVisible() || !qobject_cast<QAbstractButton *>(w))
            continue;
        const QRect inForm(w->mapTo(form, QPoint(0, 0)), w->size());
        QVERIFY2(form->rect().contains(inForm), qPrintable(w->objectName()));
        QVERIFY2(w->width() >= w->minimumSizeHint().width(), qPrintable(w->objectName()));
    }
}

// Rows of controls stack in a narrow pane and go back on one row when there is room.
void TestResendPanel::controlsShareRowsWhenWide()
{
    const auto sameRow = [this](const char *a, const char *b) {
        const auto middle = [this](const char *name) {
            QWidget *w = find<QWidget>(name);
            return w->mapTo(m_panel.get(), QPoint()).y() + w->height() / 2;
        };
        return std::abs(middle(a) - middle(b)) <= 2;
    };
    m_panel->resize(400, 700);
    QTRY_VERIFY(!sameRow("sendOnceButton", "sendTimesButton"));
    QVERIFY(!sameRow("forwardToggle", "answerMode"));
    QVERIFY(!sameRow("targetUrl", "templatePicker"));
    m_panel->resize(900, 700);
    QTRY_VERIFY(sameRow("sendOnceButton", "sendTimesButton"));
    QVERIFY(sameRow("forwardToggle", "answerMode"));
    QVERIFY(sameRow("targetUrl", "templatePicker"));
    QTRY_VERIFY(!find<QScrollArea>("formScroll")->horizontalScrollBar()->isVisible());
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TestResendPanel test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_resendpanel.moc"
