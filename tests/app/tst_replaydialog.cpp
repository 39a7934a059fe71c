// SPDX-License-Identifier: MIT
// The Replay dialog, driven offscreen through its widgets against a local receiver: pacing,
// reproducible chaos, the report, Cancel, and input that cannot start a replay.
#include "../helpers/TestReceiver.h"
#include "ReplayDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

namespace {

constexpr qint64 kSpacingMs = 200;
constexpr qint64 kSlackMs = 60;

// A Hoox result as HookScope captured it, `kSpacingMs` after the one before.
CapturePtr capture(quint64 id, const QString &task = QStringLiteral("video_generate"))
{
    auto c = std::make_shared<Capture>();
    c->id = id;
    c->receivedAtMs = 1'700'000'000'000 + qint64(id - 1) * kSpacingMs;
    c->method = "POST";
    c->target = "/webhook/hoox";
    c->headers.append("Host", "abc.ngrok.app");
    c->headers.append("Content-Type", "application/json");
    c->headers.append("X-Hoox-Webhook", "true");
    c->body = "{\"task\":\"" + task.toUtf8() + "\",\"job_id\":\"job_" + QByteArray::number(id) +
              "\",\"status\":\"completed\",\"result\":{}}";
    c->hoox.taskText = task;
    c->hoox.statusText = QStringLiteral("completed");
    return c;
}

QList<CapturePtr> threeCaptures()
{
    return {capture(1), capture(2), capture(3)};
}

QStringList lines(const QListWidget *list)
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        out << list->item(i)->text();
    return out;
}

} // namespace

class TestReplayDialog : public QObject {
    Q_OBJECT
private slots:
    void cleanup();
    void startsWithTheSelectionAndASeed();
    void nothingSelectedMeansAll();
    void keepsTheOriginalSpacing_data();
    void keepsTheOriginalSpacing();
    void backToBackWithDuplicates();
    void sameSeedSameChaos();
    void everythingDropped();
    void filterScopeHandsTheConditionsOver();
    void filterThatMatchesNothing();
    void badFilterShowsTheParseError();
    void refusesInputItCannotReplay_data();
    void refusesInputItCannotReplay();
    void appThatDoesNotTakeThem_data();
    void appThatDoesNotTakeThem();
    void likeHooxRetries();
    void cancelStopsMidway();

private:
    void open(int selected = 3, QList<CapturePtr> captures = threeCaptures(), const QUrl &url = {});
    template <typename T> T *find(const char *name)
    {
        T *w = m_dialog->findChild<T *>(QLatin1String(name));
        if (!w)
            qFatal("no widget named %s", name);
        return w;
    }
    // Near the left edge: a radio button or checkbox takes clicks on its mark and text only.
    void click(const char *button)
    {
        auto *b = find<QAbstractButton>(button);
        QTest::mouseClick(b, Qt::LeftButton, {}, QPoint(qMin(b->width() / 2, 8), b->height() / 2));
    }
    void type(const char *edit, const QString &text)
    {
        auto *e = find<QLineEdit>(edit);
        e->clear();
        QTest::keyClicks(e, text);
    }
    // Starts and waits for the report.
    bool replay(int timeoutMs = 20'000)
    {
        QSignalSpy finished(m_dialog.get(), &ReplayDialog::replayFinished);
        click("startReplayButton");
        return finished.wait(timeoutMs);
    }
    QString report() { return find<QLabel>("replayReport")->text(); }

    std::unique_ptr<ReplayDialog> m_dialog;
    QList<CapturePtr> m_captures;
    int m_asked = 0;
    ReplayDialog::Scope m_scope = ReplayDialog::Scope::All;
    Query m_filter;
};

void TestReplayDialog::open(int selected, QList<CapturePtr> captures, const QUrl &url)
{
    m_captures = std::move(captures);
    m_asked = 0;
    m_filter = Query();
    // Like the window: the selection is the first `selected` captures; a filter is applied to all.
    auto provider = [this, selected](ReplayDialog::Scope scope, const Query &filter,
                                     const ReplayDialog::CaptureSink &deliver) {
        ++m_asked;
        m_scope = scope;
        m_filter = filter;
        QList<CapturePtr> out;
        for (const CapturePtr &c : std::as_const(m_captures)) {
            if (scope == ReplayDialog::Scope::Selection && out.size() >= selected)
                break;
            if (scope != ReplayDialog::Scope::Filter || filter.matches(*c))
                out.append(c);
        }
        deliver(out, {});
    };
    m_dialog = std::make_unique<ReplayDialog>(
        url.isEmpty() ? QUrl(QStringLiteral("http://localhost:3000/webhook/hoox")) : url, selected,
        provider);
    DeliveryOptions fast;
    fast.retryDelaysMs = {20, 40, 80};
    fast.timeoutMs = 3000;
    m_dialog->setDeliveryOptions(fast);
    m_dialog->show();
}

void TestReplayDialog::cleanup()
{
    m_dialog.reset();
}

void TestReplayDialog::startsWithTheSelectionAndASeed()
{
    open(2);
    QCOMPARE(find<QLineEdit>("replayUrl")->text(),
             QStringLiteral("http://localhost:3000/webhook/hoox"));
    auto *selection = find<QRadioButton>("scopeSelection");
    QVERIFY(selection->isEnabled());
    QVERIFY(selection->isChecked());
    QVERIFY(selection->text().contains(u'2'));
    QVERIFY(!find<QLabel>("filterError")->isVisible());
    auto *seed = find<QLineEdit>("seedEdit");
    bool ok = false;
    seed->text().toUInt(&ok);
    QVERIFY(ok);
    const QString first = seed->text();
    // Fresh seeds until one differs: two draws of 32 bits may, rarely, agree.
    for (int i = 0; i < 5 && seed->text() == first; ++i)
        click("newSeedButton");
    QVERIFY(seed->text() != first);
    QCOMPARE(find<QDoubleSpinBox>("speedSpin")->minimum(), 0.01);
    // A reorder window of one shuffles nothing: the spin box steps from Off to 2 and back.
    auto *reorder = find<QSpinBox>("reorderSpin");
    QCOMPARE(reorder->value(), 0);
    reorder->stepUp();
    QCOMPARE(reorder->value(), 2);
    reorder->stepDown();
    QCOMPARE(reorder->value(), 0);
    QVERIFY(!find<QPushButton>("cancelReplayButton")->isEnabled());
}

void TestReplayDialog::nothingSelectedMeansAll()
{
    open(0);
    QVERIFY(!find<QRadioButton>("scopeSelection")->isEnabled());
    QVERIFY(find<QRadioButton>("scopeAll")->isChecked());
}

void TestReplayDialog::keepsTheOriginalSpacing_data()
{
    QTest::addColumn<double>("speed");
    QTest::addRow("as they came") << 1.0;
    QTest::addRow("twice as fast") << 2.0;
}

void TestReplayDialog::keepsTheOriginalSpacing()
{
    QFETCH(double, speed);
    TestReceiver app;
    open(3, threeCaptures(), app.url());
    find<QDoubleSpinBox>("speedSpin")->setValue(speed);
    type("seedEdit", QStringLiteral("42"));
    QVERIFY(replay());
    QCOMPARE(m_scope, ReplayDialog::Scope::Selection);
    QCOMPARE(app.requests().size(), 3);
    const qint64 gap = qint64(double(kSpacingMs) / speed);
    for (qsizetype i = 1; i < app.requests().size(); ++i) {
        const qint64 seen = app.requests().at(i).atMs - app.requests().at(i - 1).atMs;
        QVERIFY2(qAbs(seen - gap) <= kSlackMs,
                 qPrintable(QStringLiteral("gap %1 ms, expected %2 ms").arg(seen).arg(gap)));
    }
    // Byte for byte: the captured body and headers, the hop-by-hop Host left out.
    QCOMPARE(app.requests().first().body, m_captures.first()->body);
    QCOMPARE(app.requests().first().header("X-Hoox-Webhook"), QByteArray("true"));
    QCOMPARE(app.requests().first().header("Host"),
             QByteArray("127.0.0.1:") + QByteArray::number(app.url().port()));
    QVERIFY2(report().startsWith(QStringLiteral("3 sent, 3 answered 2xx, 0 not, 0 timed out; 0 "
                                                "dropped, 0 duplicated on purpose (seed 42)")),
             qPrintable(report()));
    const QStringList results = lines(find<QListWidget>("replayResults"));
    QCOMPARE(results.size(), 3);
    static const QRegularExpression line(QStringLiteral("^#[123] → 200 in \\d+ ms$"));
    for (const QString &l : results)
        QVERIFY2(line.match(l).hasMatch(), qPrintable(l));
    QCOMPARE(find<QProgressBar>("replayProgress")->value(), 3);
    QVERIFY(find<QPushButton>("startReplayButton")->isEnabled());
    QVERIFY(!find<QPushButton>("cancelReplayButton")->isEnabled());
}

void TestReplayDialog::backToBackWithDuplicates()
{
    TestReceiver app;
    open(3, threeCaptures(), app.url());
    click("backToBack");
    QVERIFY(!find<QDoubleSpinBox>("speedSpin")->isEnabled());
    find<QSpinBox>("duplicateSpin")->setValue(100);
    type("seedEdit", QStringLiteral("7"));
    QVERIFY(replay());
    QCOMPARE(app.requests().size(), 6);
    const QStringList results = lines(find<QListWidget>("replayResults"));
    QCOMPARE(results.size(), 6);
    QCOMPARE(results.filter(QStringLiteral(" (again) → 200 in ")).size(), 3);
    QVERIFY2(results.at(1).startsWith(QStringLiteral("#1 (again) → 200")),
             qPrintable(results.at(1)));
    QVERIFY2(report().startsWith(QStringLiteral("6 sent, 6 answered 2xx, 0 not, 0 timed out; 0 "
                                                "dropped, 3 duplicated on purpose (seed 7)")),
             qPrintable(report()));
}

// Drops and reordering are drawn from the seed: the same seed, the same replay.
void TestReplayDialog::sameSeedSameChaos()
{
    TestReceiver app;
    QList<CapturePtr> many;
    for (quint64 id = 1; id <= 12; ++id)
        many << capture(id);
    open(0, many, app.url());
    click("backToBack");
    find<QSpinBox>("dropSpin")->setValue(30);
    find<QSpinBox>("reorderSpin")->setValue(4);
    type("seedEdit", QStringLiteral("1234"));
    QStringList firstOrder;
    for (int run = 0; run < 2; ++run) {
        QVERIFY(replay());
        QStringList order;
        for (const QString &l : lines(find<QListWidget>("replayResults")))
            order << l.section(u' ', 0, 0);
        if (run == 0)
            firstOrder = order;
        else
            QCOMPARE(order, firstOrder);
    }
    QVERIFY(firstOrder.size() < 12); // some were dropped
    QVERIFY2(report().contains(QStringLiteral("%1 dropped").arg(12 - firstOrder.size())),
             qPrintable(report()));
}

void TestReplayDialog::everythingDropped()
{
    TestReceiver app;
    open(3, threeCaptures(), app.url());
    find<QSpinBox>("dropSpin")->setValue(100);
    type("seedEdit", QStringLiteral("5"));
    QVERIFY(replay());
    QCOMPARE(app.requests().size(), 0);
    QCOMPARE(report(), QStringLiteral("0 sent, 0 answered 2xx, 0 not, 0 timed out; 3 dropped, 0 "
                                      "duplicated on purpose (seed 5)"));
    QCOMPARE(find<QProgressBar>("replayProgress")->text(), QStringLiteral("all dropped"));
}

void TestReplayDialog::filterScopeHandsTheConditionsOver()
{
    TestReceiver app;
    open(0,
         {capture(1), capture(2, QStringLiteral("avatar_create")), capture(3),
          capture(4, QStringLiteral("avatar_edit"))},
         app.url());
    type("filterEdit", QStringLiteral("task:avatar_*"));
    QVERIFY(find<QRadioButton>("scopeFilter")->isChecked()); // typing a filter picks it
    click("backToBack");
    QVERIFY(replay());
    QCOMPARE(m_scope, ReplayDialog::Scope::Filter);
    QCOMPARE(m_filter.text(), QStringLiteral("task:avatar_*"));
    QCOMPARE(app.requests().size(), 2);
    QVERIFY(report().startsWith(QStringLiteral("2 sent, 2 answered 2xx")));
}

void TestReplayDialog::filterThatMatchesNothing()
{
    TestReceiver app;
    open(0, threeCaptures(), app.url());
    type("filterEdit", QStringLiteral("task:nothing"));
    QSignalSpy finished(m_dialog.get(), &ReplayDialog::replayFinished);
    click("startReplayButton");
    QCOMPARE(m_asked, 1);
    QVERIFY(!m_dialog->isRunning());
    QCOMPARE(report(),
             QStringLiteral("Nothing to replay: no capture matches the filter \"task:nothing\"."));
    QCOMPARE(finished.size(), 0);
    QCOMPARE(find<QListWidget>("replayResults")->count(), 0);
    QVERIFY(find<QPushButton>("startReplayButton")->isEnabled());
}

void TestReplayDialog::badFilterShowsTheParseError()
{
    open(0);
    type("filterEdit", QStringLiteral("colour:red"));
    auto *error = find<QLabel>("filterError");
    QTRY_VERIFY(error->isVisible()); // once typing pauses
    QVERIFY2(error->text().startsWith(QStringLiteral("The filter \"colour:red\": column 1: ")),
             qPrintable(error->text()));
    QVERIFY(error->text().size() > QStringLiteral("The filter \"colour:red\": ").size());
    click("startReplayButton");
    QCOMPARE(m_asked, 0);
    QVERIFY(!m_dialog->isRunning());
    QCOMPARE(report(), error->text());
    // Fixed, the error goes; another scope needs no filter at all.
    type("filterEdit", QStringLiteral("task:video_*"));
    QTRY_VERIFY(!error->isVisible());
    type("filterEdit", QStringLiteral("status:"));
    click("scopeAll");
    QVERIFY(!error->isVisible());
}

void TestReplayDialog::refusesInputItCannotReplay_data()
{
    QTest::addColumn<QString>("widget");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("said");
    QTest::addRow("ftp target") << "replayUrl"
                                << "ftp://example.com/x"
                                << "The target needs an http:// or https:// URL";
    QTest::addRow("no target") << "replayUrl"
                               << ""
                               << "The target needs an http:// or https:// URL";
    QTest::addRow("speed 0") << "speedSpin"
                             << "0"
                             << "The speed needs a factor above 0";
    QTest::addRow("no seed") << "seedEdit"
                             << ""
                             << "The seed needs a whole number";
    QTest::addRow("seed too large") << "seedEdit"
                                    << "4294967296"
                                    << "The seed needs a whole number";
    QTest::addRow("empty filter") << "filterEdit"
                                  << " "
                                  << "Write a filter such as";
}

void TestReplayDialog::refusesInputItCannotReplay()
{
    QFETCH(QString, widget);
    QFETCH(QString, text);
    QFETCH(QString, said);
    TestReceiver app;
    open(3, threeCaptures(), app.url());
    QWidget *w = m_dialog->findChild<QWidget *>(widget);
    QVERIFY(w);
    QLineEdit *edit = qobject_cast<QLineEdit *>(w);
    if (auto *spin = qobject_cast<QAbstractSpinBox *>(w))
        edit = spin->findChild<QLineEdit *>();
    QVERIFY(edit);
    edit->selectAll();
    edit->del();
    QTest::keyClicks(edit, text);
    click("startReplayButton");
    QVERIFY(!m_dialog->isRunning());
    QVERIFY2(report().startsWith(said), qPrintable(report()));
    QCOMPARE(app.requests().size(), 0);
}

void TestReplayDialog::appThatDoesNotTakeThem_data()
{
    QTest::addColumn<int>("status"); // 0: nobody listens
    QTest::addColumn<bool>("hang");
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("timeouts");
    QTest::addColumn<QString>("advice");
    QTest::addRow("unreachable") << 0 << false << "#1 → connection refused" << 0
                                 << "Nothing reached your app (connection refused): is it "
                                    "running, and is the target its URL?";
    QTest::addRow("500") << 500 << false << "#1 → 500 in " << 0 << QString();
    QTest::addRow("redirect") << 302 << false
                              << "#1 → redirect not followed (302 to http://elsewhere/)" << 0
                              << QString();
    QTest::addRow("no answer") << 200 << true << "#1 → timeout after 300 ms" << 3 << QString();
}

void TestReplayDialog::appThatDoesNotTakeThem()
{
    QFETCH(int, status);
    QFETCH(bool, hang);
    QFETCH(QString, line);
    QFETCH(int, timeouts);
    QFETCH(QString, advice);
    TestReceiver app({ReceiverStep{status, 0, hang, "http://elsewhere/", "no"}});
    open(3, threeCaptures(), status == 0 ? TestReceiver::closedPortUrl() : app.url());
    DeliveryOptions impatient;
    impatient.timeoutMs = 300;
    m_dialog->setDeliveryOptions(impatient);
    click("backToBack");
    QVERIFY(replay());
    QVERIFY2(report().startsWith(
                 QStringLiteral("3 sent, 0 answered 2xx, 3 not, %1 timed out").arg(timeouts)),
             qPrintable(report()));
    const QStringList reportLines = report().split(u'\n');
    QCOMPARE(reportLines.filter(QStringLiteral("  not delivered: #")).size(), 3);
    QVERIFY2(reportLines.filter(QStringLiteral("  not delivered: ") + line).size() == 1,
             qPrintable(report()));
    if (!advice.isEmpty())
        QVERIFY2(reportLines.contains(advice), qPrintable(report()));
    else
        QVERIFY(!report().contains(QStringLiteral("Nothing reached")));
    auto *results = find<QListWidget>("replayResults");
    QCOMPARE(results->count(), 3);
    QVERIFY(results->item(0)->text().startsWith(line));
}

void TestReplayDialog::likeHooxRetries()
{
    ReceiverStep unavailable;
    unavailable.status = 503;
    TestReceiver app({unavailable, ReceiverStep{}});
    open(1, {capture(1)}, app.url());
    find<QCheckBox>("likeHoox")->setChecked(true);
    QVERIFY(replay());
    QCOMPARE(app.requests().size(), 2);
    const QString result = find<QListWidget>("replayResults")->item(0)->text();
    QVERIFY2(QRegularExpression(QStringLiteral("^#1 → 200 in \\d+ ms after 2 attempts$"))
                 .match(result)
                 .hasMatch(),
             qPrintable(result));
    QVERIFY(report().startsWith(QStringLiteral("1 sent, 1 answered 2xx, 0 not")));
}

void TestReplayDialog::cancelStopsMidway()
{
    TestReceiver app;
    QList<CapturePtr> many;
    for (quint64 id = 1; id <= 10; ++id)
        many << capture(id);
    open(0, many, app.url());
    QSignalSpy finished(m_dialog.get(), &ReplayDialog::replayFinished);
    click("startReplayButton");
    QVERIFY(m_dialog->isRunning());
    QVERIFY(!find<QPushButton>("startReplayButton")->isEnabled());
    QVERIFY(!find<QWidget>("chaosGroup")->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(find<QListWidget>("replayResults")->count() >= 1, 10'000);
    click("cancelReplayButton");
    QCOMPARE(finished.size(), 1);
    QVERIFY(!m_dialog->isRunning());
    const auto report = finished.first().at(0).value<ReplayReport>();
    QVERIFY(report.cancelled);
    QVERIFY2(report.sent < 10, qPrintable(QString::number(report.sent)));
    QVERIFY2(this->report().contains(QStringLiteral("; cancelled")), qPrintable(this->report()));
    QVERIFY(find<QPushButton>("startReplayButton")->isEnabled());
    QVERIFY(!find<QPushButton>("cancelReplayButton")->isEnabled());
    QVERIFY(find<QWidget>("chaosGroup")->isEnabled());
    const qsizetype arrived = app.requests().size();
    QVERIFY(arrived <= report.sent);
    // Nothing more goes out once cancelled: the next capture was due 200 ms later.
    QTest::qWait(int(2 * kSpacingMs));
    QCOMPARE(app.requests().size(), arrived);
    // Closing while a replay runs stops it too.
    click("startReplayButton");
    QVERIFY(m_dialog->isRunning());
    m_dialog->reject();
    QVERIFY(!m_dialog->isRunning());
    // Destroyed while a replay runs: nothing is left to call back into it.
    click("startReplayButton");
    QVERIFY(m_dialog->isRunning());
    m_dialog.reset();
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TestReplayDialog test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_replaydialog.moc"
