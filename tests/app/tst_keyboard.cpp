// SPDX-License-Identifier: MIT
// The window without a mouse: the main loop driven by keys alone, Tab through every region,
// one use of each access key, and F1 opening the help.
#include "CaptureTableModel.h"
#include "ExportActions.h"
#include "HelpDialog.h"
#include "ListenerBar.h"
#include "MainWindow.h"
#include "PayloadView.h"
#include "ResendPanel.h"
#include "helpers/HooxDelivery.h"
#include "helpers/TestReceiver.h"
#include "listener/Listener.h"
#include "ngrok/NgrokWatcher.h"
#include "session/SessionEngine.h"
#include "session/Settings.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

namespace {
// The letter after a single '&' ("Po&rt" → 'r'), or a null char.
QChar accessKey(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != u'&')
            continue;
        if (text[i + 1] == u'&') {
            ++i;
            continue;
        }
        return text[i + 1].toLower();
    }
    return {};
}
} // namespace

class tst_Keyboard : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void accessKeysAreUnique();
    void tabReachesEveryRegion();
    void f1OpensTheHelp();
    void mainLoopByKeysAlone();

private:
    template <typename T> T *find(const char *name) const
    {
        return m_window->findChild<T *>(QLatin1String(name));
    }
    QTableView *table() const { return find<QTableView>("captureTable"); }
    QTabWidget *detailTabs() const { return find<QTabWidget>("sideTabs"); }
    QStringList accessKeyClashes() const;
    void keys(const QKeySequence &sequence);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SessionEngine> m_engine;
    std::unique_ptr<NgrokWatcher> m_ngrok;
    std::unique_ptr<MainWindow> m_window;
    quint16 m_port = 0;
};

void tst_Keyboard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("hookscope-tests"));
}

void tst_Keyboard::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    Settings::useFile(m_dir->filePath(QStringLiteral("hookscope.conf")));
    m_engine = std::make_unique<SessionEngine>();
    SessionOptions options;
    options.journalPath = m_dir->filePath(QStringLiteral("keys.hkj"));
    QString error;
    QVERIFY2(m_engine->open(options, &error), qPrintable(error));
    m_ngrok = std::make_unique<NgrokWatcher>();
    m_window = std::make_unique<MainWindow>(m_engine.get(), m_ngrok.get());
    QVERIFY(m_window->listenerBar()->startListening(QHostAddress::LocalHost, 0));
    m_port = m_engine->listener()->port();
    m_window->resize(1280, 760);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    for (const QByteArray job : {"run_a", "run_b", "run_c"})
        QCOMPARE(deliverHoox(m_port, job), 200);
    QTRY_COMPARE(m_window->captureModel()->rowCount(), 3);
}

void tst_Keyboard::cleanup()
{
    m_window.reset();
    m_ngrok.reset();
    m_engine.reset();
    m_dir.reset();
}

// Keys go where a user's would: to the widget with focus, or the window.
void tst_Keyboard::keys(const QKeySequence &sequence)
{
    QWidget *to = QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get();
    QTest::keySequence(to, sequence);
}

// Every access key among what is on screen at once: menus, labels with a buddy, buttons,
// check boxes, group boxes and the tabs of every tab bar in view.
QStringList tst_Keyboard::accessKeyClashes() const
{
    QMultiHash<QChar, QString> owners;
    const auto note = [&owners](const QString &text) {
        if (const QChar k = accessKey(text); !k.isNull())
            owners.insert(k, QString(text).remove(u'&'));
    };
    for (QAction *a : m_window->menuBar()->actions())
        note(a->text());
    for (QWidget *w : m_window->findChildren<QWidget *>()) {
        if (!w->isVisible())
            continue;
        if (auto *b = qobject_cast<QAbstractButton *>(w))
            note(b->text());
        else if (auto *l = qobject_cast<QLabel *>(w); l && l->buddy())
            note(l->text());
        else if (auto *g = qobject_cast<QGroupBox *>(w))
            note(g->title());
        else if (auto *bar = qobject_cast<QTabBar *>(w))
            for (int i = 0; i < bar->count(); ++i)
                note(bar->tabText(i));
    }
    QStringList clashes;
    for (const QChar k : owners.uniqueKeys())
        if (owners.count(k) > 1)
            clashes << QStringLiteral("Alt+%1: %2").arg(k).arg(owners.values(k).join(u", "));
    return clashes;
}

// With each detail tab shown in turn, no Alt+letter means two things.
void tst_Keyboard::accessKeysAreUnique()
{
    for (int i = 0; i < detailTabs()->count(); ++i) {
        detailTabs()->setCurrentIndex(i);
        const QStringList clashes = accessKeyClashes();
        QVERIFY2(clashes.isEmpty(), qPrintable(detailTabs()->tabText(i) + QStringLiteral(": ") +
                                               clashes.join(QStringLiteral("; "))));
    }
}

// From the filter box, Tab reaches the table, leaves it (arrows walk its cells), reaches the
// detail pane and the listener bar, and comes back round.
void tst_Keyboard::tabReachesEveryRegion()
{
    auto *filter = find<QLineEdit>("filterEdit");
    filter->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), filter);
    QList<QWidget *> seen;
    for (int i = 0; i < 120; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget *now = QApplication::focusWidget();
        QVERIFY(now);
        if (now == filter)
            break;
        QVERIFY2(!seen.contains(now), qPrintable(QStringLiteral("Tab came back to %1 before the "
                                                                "filter box")
                                                     .arg(now->objectName())));
        seen << now;
    }
    QCOMPARE(QApplication::focusWidget(), filter); // round, not trapped
    QVERIFY(seen.contains(table()));
    QVERIFY(seen.contains(find<QLineEdit>("webhookUrlEdit")));
    QVERIFY(std::any_of(seen.cbegin(), seen.cend(),
                        [this](QWidget *w) { return detailTabs()->isAncestorOf(w); }));
}

void tst_Keyboard::f1OpensTheHelp()
{
    keys(QKeySequence::HelpContents);
    HelpDialog *help = nullptr;
    QTRY_VERIFY((help = m_window->findChild<HelpDialog *>()) && help->isVisible());
    QCOMPARE(help->currentSection(), QStringLiteral("Keyboard"));
    QVERIFY(help->sections().contains(QStringLiteral("The filter language")));
    QVERIFY(!help->sections().contains(QStringLiteral("Hoox gets your app's answer; 502 with "
                                                      "the reason when the app is down or "
                                                      "slower than 9 s."))); // code, not a heading
    auto *text = help->findChild<QTextEdit *>(QStringLiteral("helpText"));
    QVERIFY(text->toPlainText().contains(QStringLiteral("Ctrl+Shift+U")));
    help->close();
}

// Filter, select, switch the payload's views and the detail tabs, copy, resend, arm "fail
// next" and export, without a mouse.
void tst_Keyboard::mainLoopByKeysAlone()
{
    keys(QKeySequence::Find);
    auto *filter = find<QLineEdit>("filterEdit");
    QTRY_COMPARE(QApplication::focusWidget(), filter);
    QTest::keyClicks(filter, QStringLiteral("key:run_b"));
    QTRY_COMPARE(m_window->captureModel()->rowCount(), 1);

    keys(QKeySequence(Qt::CTRL | Qt::Key_1));
    QTRY_COMPARE(QApplication::focusWidget(), table());
    QTest::keyClick(table(), Qt::Key_Home);
    QTRY_VERIFY(m_window->payloadView()->capture());
    QCOMPARE(m_window->payloadView()->capture()->hoox.key, QStringLiteral("run_b"));

    auto *views = m_window->payloadView()->findChild<QTabWidget *>(QStringLiteral("tabs"));
    const int view = views->currentIndex();
    keys(QKeySequence(Qt::CTRL | Qt::Key_PageDown));
    QCOMPARE(views->currentIndex(), (view + 1) % views->count());
    keys(QKeySequence(Qt::CTRL | Qt::Key_PageUp));
    QCOMPARE(views->currentIndex(), view);
    keys(QKeySequence(Qt::CTRL | Qt::Key_Tab));
    QCOMPARE(detailTabs()->currentWidget(), static_cast<QWidget *>(m_window->resendPanel()));
    keys(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Tab));
    QCOMPARE(detailTabs()->currentWidget(), static_cast<QWidget *>(m_window->payloadView()));
    keys(QKeySequence(Qt::CTRL | Qt::Key_2));
    QTRY_VERIFY(m_window->payloadView()->isAncestorOf(QApplication::focusWidget()));

    keys(QKeySequence(Qt::CTRL | Qt::Key_1));
    keys(QKeySequence::Copy);
    QTRY_VERIFY(QGuiApplication::clipboard()->text().contains(QStringLiteral("\"run_b\"")));

    TestReceiver app({ReceiverStep{}});
    m_window->resendPanel()->setTargetHistory({app.url().toString()});
    keys(QKeySequence(Qt::CTRL | Qt::Key_R));
    QTRY_COMPARE(app.requests().size(), 1);
    QVERIFY(app.requests().first().body.contains("\"run_b\""));

    find<QSpinBox>("failStatusSpin")->setValue(503);
    keys(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_F));
    QCOMPARE(deliverHoox(m_port, "run_d"), 503);
    QCOMPARE(deliverHoox(m_port, "run_e"), 200);

    keys(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_D));
    QVERIFY(find<QLabel>("ruleStateLabel")->text().contains(QStringLiteral("delaying the next")));

    const QString file = m_dir->filePath(QStringLiteral("out"));
    m_window->exportActions()->setChooseFile(
        [&file](const QString &, const QStringList &filters, QString *chosen) {
            *chosen = filters.value(1); // JSON Lines
            return file;
        });
    keys(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)); // the selection: run_b
    QTRY_VERIFY(QFile::exists(file + QStringLiteral(".jsonl")));
    const auto written = [&file] {
        QFile out(file + QStringLiteral(".jsonl"));
        return out.open(QIODevice::ReadOnly) ? out.readAll() : QByteArray();
    };
    QTRY_VERIFY(written().endsWith('\n'));
    QCOMPARE(written().count('\n'), 1);
    QVERIFY(written().contains("\"run_b\""));
}

QTEST_MAIN(tst_Keyboard)
#include "tst_keyboard.moc"
