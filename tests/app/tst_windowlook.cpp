// SPDX-License-Identifier: MIT
// The window under a dark palette (Fusion) and a change of palette at run time; export's
// format, selection and report; resending a selection with its original spacing.
#include "CaptureTableModel.h"
#include "ExportActions.h"
#include "MainWindow.h"
#include "PayloadView.h"
#include "ResendPanel.h"
#include "Tints.h"
#include "helpers/TestReceiver.h"
#include "listener/Listener.h"
#include "ngrok/NgrokWatcher.h"
#include "session/JobRunner.h"
#include "session/SessionEngine.h"
#include "session/Settings.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyleFactory>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

namespace {
QPalette darkPalette(const QPalette &from)
{
    QPalette p = from;
    p.setColor(QPalette::Window, QColor(0x30, 0x2f, 0x2e));
    p.setColor(QPalette::WindowText, QColor(0xf9, 0xf9, 0xf9));
    p.setColor(QPalette::Base, QColor(0x22, 0x20, 0x20));
    p.setColor(QPalette::AlternateBase, QColor(0x3d, 0x3d, 0x3d));
    p.setColor(QPalette::Text, QColor(0xe7, 0xe4, 0xe0));
    p.setColor(QPalette::Button, QColor(0x42, 0x42, 0x45));
    p.setColor(QPalette::ButtonText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x12, 0x60, 0x8a));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x3f, 0x3f, 0x36));
    p.setColor(QPalette::ToolTipText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x97, 0x97, 0x97));
    return p;
}

// Two retry chains (run_a and run_b, the first answered 500 then 200) and a lone delivery,
// 300 ms apart: a JSON Lines file, so that the spacing is exact without waiting for it.
QByteArray sessionLines()
{
    const char *const jobs[] = {"run_a", "run_a", "run_b", "run_b", "run_c"};
    const int answers[] = {500, 200, 404, 200, 200};
    QByteArray out;
    for (int i = 0; i < 5; ++i) {
        const QString body = QStringLiteral(R"({"task":"video_generate","job_id":"%1",)"
                                            R"("status":"completed","result":{"cost":%2,)"
                                            R"("ok":true,"error":null}})")
                                 .arg(QLatin1String(jobs[i]))
                                 .arg(i);
        const QJsonObject o{
            {QStringLiteral("method"), QStringLiteral("POST")},
            {QStringLiteral("target"), QStringLiteral("/webhook/hoox")},
            {QStringLiteral("received_at"),
             QDateTime::fromMSecsSinceEpoch(1'700'000'000'000 + i * 300, Qt::UTC)
                 .toString(Qt::ISODateWithMs)},
            {QStringLiteral("answer"), answers[i]},
            {QStringLiteral("headers"), QJsonArray{QJsonArray{QStringLiteral("Content-Type"),
                                                              QStringLiteral("application/json")}}},
            {QStringLiteral("body"), body}};
        out += QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    }
    return out;
}
} // namespace

class tst_WindowLook : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void darkPaletteReadsAndFollowsChanges();
    void chosenFormatWins_data();
    void chosenFormatWins();
    void exportSelectionNeedsASelection();
    void exportSaysWhatItWrote();
    void resendSelection_data();
    void resendSelection();

private:
    CaptureTableModel *model() const { return m_window->captureModel(); }
    QTableView *table() const
    {
        return m_window->findChild<QTableView *>(QStringLiteral("captureTable"));
    }
    QAction *action(const char *name) const
    {
        return m_window->findChild<QAction *>(QLatin1String(name));
    }
    void checkTableReads(bool dark);
    void checkPrettyReads(QSet<QRgb> *colours);
    void screenshot(const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SessionEngine> m_engine;
    std::unique_ptr<NgrokWatcher> m_ngrok;
    std::unique_ptr<MainWindow> m_window;
    QPalette m_light;
};

void tst_WindowLook::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("hookscope-tests"));
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    m_light = QApplication::style()->standardPalette();
    QApplication::setPalette(m_light);
}

void tst_WindowLook::init()
{
    QApplication::setPalette(m_light);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    Settings::useFile(m_dir->filePath(QStringLiteral("hookscope.conf")));
    m_engine = std::make_unique<SessionEngine>();
    SessionOptions options;
    options.journalPath = m_dir->filePath(QStringLiteral("look.hkj"));
    QString error;
    QVERIFY2(m_engine->open(options, &error), qPrintable(error));
    m_ngrok = std::make_unique<NgrokWatcher>();
    m_window = std::make_unique<MainWindow>(m_engine.get(), m_ngrok.get());
    m_window->resize(1280, 760);
    m_window->show();
    QFile lines(m_dir->filePath(QStringLiteral("session.jsonl")));
    QVERIFY(lines.open(QIODevice::WriteOnly));
    lines.write(sessionLines());
    lines.close();
    QSignalSpy imported(m_engine.get(), &SessionEngine::imported);
    m_window->importFiles({lines.fileName()});
    QVERIFY(imported.wait(10'000));
    QTRY_COMPARE(model()->rowCount(), 5);
}

void tst_WindowLook::cleanup()
{
    m_window.reset();
    m_ngrok.reset();
    m_engine.reset();
    m_dir.reset();
    QApplication::setPalette(m_light);
}

// Every row's words on its background, tinted or not, reach 4.5:1; a dark palette's tints
// stay dark under its light text.
void tst_WindowLook::checkTableReads(bool dark)
{
    const QPalette palette = table()->palette();
    QCOMPARE(Tints::isDark(palette), dark);
    int tinted = 0;
    for (int row = 0; row < model()->rowCount(); ++row) {
        const QVariant tint = model()->index(row, 0).data(Qt::BackgroundRole);
        const QColor ground = tint.isValid() ? tint.value<QColor>() : palette.color(QPalette::Base);
        tinted += tint.isValid();
        QCOMPARE(Tints::isDark(palette),
                 Tints::luminance(ground) < Tints::luminance(palette.color(QPalette::Text)));
        for (int column = 0; column < CaptureTableModel::ColumnCount; ++column) {
            const QVariant fore = model()->index(row, column).data(Qt::ForegroundRole);
            const QColor text =
                fore.isValid() ? fore.value<QColor>() : palette.color(QPalette::Text);
            QVERIFY2(Tints::contrast(text, ground) >= Tints::kTextContrast,
                     qPrintable(QStringLiteral("row %1 column %2: %3 on %4")
                                    .arg(row)
                                    .arg(column)
                                    .arg(text.name(), ground.name())));
        }
    }
    QCOMPARE(tinted, 4); // the two chains; the lone delivery is not tinted
    // The two chains are told apart.
    QVERIFY(model()->index(0, 0).data(Qt::BackgroundRole) !=
            model()->index(2, 0).data(Qt::BackgroundRole));
}

// Every highlighted token of the payload reads at 4.5:1 on the editor's base.
void tst_WindowLook::checkPrettyReads(QSet<QRgb> *colours)
{
    auto *pretty =
        m_window->payloadView()->findChild<QPlainTextEdit *>(QStringLiteral("prettyEdit"));
    const QColor base = pretty->palette().color(QPalette::Base);
    for (QTextBlock b = pretty->document()->begin(); b.isValid(); b = b.next()) {
        for (const QTextLayout::FormatRange &r : b.layout()->formats()) {
            const QColor c = r.format.foreground().color();
            colours->insert(c.rgb());
            QVERIFY2(Tints::contrast(c, base) >= Tints::kTextContrast,
                     qPrintable(c.name() + u" on " + base.name()));
        }
    }
    QCOMPARE(colours->size(), 4); // keys, strings, numbers, literals
}

// With HOOKSCOPE_SCREENSHOTS set to a folder, the window as it looks (1280×760).
void tst_WindowLook::screenshot(const QString &name)
{
    const QString dir = qEnvironmentVariable("HOOKSCOPE_SCREENSHOTS");
    if (!dir.isEmpty())
        QVERIFY(m_window->grab().save(QDir(dir).filePath(name)));
}

void tst_WindowLook::darkPaletteReadsAndFollowsChanges()
{
    QApplication::setPalette(darkPalette(m_light));
    QTRY_VERIFY(Tints::isDark(table()->palette())); // widgets hear of it from the event loop
    table()->selectRow(1);
    QTRY_VERIFY(m_window->payloadView()->capture());
    checkTableReads(true);
    QSet<QRgb> dark;
    checkPrettyReads(&dark);
    screenshot(QStringLiteral("dark-1280x760.png"));

    QApplication::setPalette(m_light); // at run time: everything follows
    QTRY_VERIFY(!Tints::isDark(table()->palette()));
    checkTableReads(false);
    QSet<QRgb> light;
    checkPrettyReads(&light);
    QVERIFY(!light.intersects(dark));
    screenshot(QStringLiteral("light-1280x760.png"));
}

void tst_WindowLook::chosenFormatWins_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<int>("filter");
    QTest::addColumn<QString>("written");
    QTest::addRow("HAR, no extension") << "out" << 0 << "out.har";
    QTest::addRow("HAR, .har") << "out.har" << 0 << "out.har";
    QTest::addRow("HAR, a dot in the name") << "report.v2" << 0 << "report.v2.har";
    QTest::addRow("JSON Lines, no extension") << "out" << 1 << "out.jsonl";
    QTest::addRow("JSON Lines, .ndjson") << "out.ndjson" << 1 << "out.ndjson";
}

// The dialog's chosen filter decides the format, whatever the name says.
void tst_WindowLook::chosenFormatWins()
{
    QFETCH(QString, typed);
    QFETCH(int, filter);
    QFETCH(QString, written);
    m_window->exportActions()->setChooseFile(
        [&](const QString &, const QStringList &filters, QString *chosen) {
            *chosen = filters.at(filter);
            return m_dir->filePath(typed);
        });
    QSignalSpy exported(m_engine.get(), &SessionEngine::exported);
    action("exportAllAction")->trigger();
    QVERIFY(exported.wait(10'000));
    QCOMPARE(exported.first().at(0).toString(), m_dir->filePath(written));
    QFile file(m_dir->filePath(written));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    if (filter == 0) {
        const QJsonObject log = QJsonDocument::fromJson(bytes).object().value(u"log").toObject();
        QCOMPARE(log.value(u"entries").toArray().size(), 5);
    } else {
        QCOMPARE(bytes.count('\n'), 5);
        QVERIFY(QJsonDocument::fromJson(bytes.left(bytes.indexOf('\n'))).isObject());
    }
}

void tst_WindowLook::exportSelectionNeedsASelection()
{
    QAction *selection = action("exportSelectionAction");
    QVERIFY(!selection->isEnabled());
    table()->selectRow(2);
    QVERIFY(selection->isEnabled());
    table()->clearSelection();
    QVERIFY(!selection->isEnabled());
    // Asked all the same (a test, a script): nothing is written, and the status bar says why.
    const QString file = m_dir->filePath(QStringLiteral("none.har"));
    QCOMPARE(m_window->exportTo(file, true), 0u);
    QVERIFY(!QFile::exists(file));
    QVERIFY(
        m_window->statusBar()->currentMessage().startsWith(QStringLiteral("Nothing is selected")));

    table()->selectRow(2);
    QSignalSpy exported(m_engine.get(), &SessionEngine::exported);
    QVERIFY(m_window->exportTo(file, true) != 0);
    QVERIFY(exported.wait(10'000));
    QCOMPARE(exported.first().at(1).toString(),
             QStringLiteral("Exported 1 capture to %1").arg(QDir::toNativeSeparators(file)));
}

// The job's progress shows while it runs (the status bar's job indicator), its outcome after.
void tst_WindowLook::exportSaysWhatItWrote()
{
    QSignalSpy started(m_engine->jobs(), &JobRunner::started);
    QSignalSpy exported(m_engine.get(), &SessionEngine::exported);
    const QString file = m_dir->filePath(QStringLiteral("all.har"));
    m_window->exportTo(file, false);
    QCOMPARE(started.size(), 1);
    QCOMPARE(started.first().at(1).toString(), QStringLiteral("Exporting to all.har"));
    QVERIFY(m_window->findChild<QWidget *>(QStringLiteral("jobIndicator"))->isVisible());
    QVERIFY(exported.wait(10'000));
    QCOMPARE(m_window->statusBar()->currentMessage(),
             QStringLiteral("Exported 5 captures to %1").arg(QDir::toNativeSeparators(file)));
}

void tst_WindowLook::resendSelection_data()
{
    QTest::addColumn<QByteArray>("actionName");
    QTest::addColumn<bool>("spaced");
    QTest::addRow("back to back") << QByteArray("resendAction") << false;
    QTest::addRow("original spacing") << QByteArray("resendSpacedAction") << true;
}

// Both ways are in the Capture menu and the table's context menu; spaced, each request waits
// at least as long after the previous one as the captures were apart (300 ms).
void tst_WindowLook::resendSelection()
{
    QFETCH(QByteArray, actionName);
    QFETCH(bool, spaced);
    TestReceiver app;
    ResendPanel *panel = m_window->resendPanel();
    QLineEdit *target = panel->findChild<QComboBox *>(QStringLiteral("targetUrl"))->lineEdit();
    target->setText(app.url().toString());
    QAction *resend = action(actionName.constData());
    QVERIFY(table()->actions().contains(resend));
    table()->selectAll();
    QSignalSpy finished(panel, &ResendPanel::runFinished);
    resend->trigger();
    QVERIFY(finished.wait(20'000));
    QCOMPARE(finished.first().at(0).toInt(), 5);
    QCOMPARE(app.requests().size(), 5);
    for (int i = 0; i < 5; ++i)
        QVERIFY(
            app.requests().at(i).body.contains(QByteArray("\"cost\":" + QByteArray::number(i))));
    if (spaced) {
        for (int i = 1; i < 5; ++i)
            QVERIFY(app.requests().at(i).atMs - app.requests().at(i - 1).atMs >= 300);
    }
}

QTEST_MAIN(tst_WindowLook)
#include "tst_windowlook.moc"
