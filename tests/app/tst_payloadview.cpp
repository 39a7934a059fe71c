// SPDX-License-Identifier: MIT
#include "JsonTreeModel.h"
#include "PayloadView.h"
#include "hoox/HooxClassifier.h"
#include "json/JsonScanner.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTreeView>

namespace {

CapturePtr captureOf(const QByteArray &body)
{
    auto c = std::make_shared<Capture>();
    c->id = 1;
    c->method = "POST";
    c->target = "/hooks";
    c->peer = QStringLiteral("127.0.0.1:5000");
    c->body = body;
    c->headers.append("Content-Type", "application/json");
    c->hoox = HooxClassifier::classify(c->method, c->headers, c->body);
    return c;
}

// Reordered keys, a duplicated key and a 20-digit number: shown exactly as sent.
const QByteArray kFaithful =
    R"({"status":"completed","task":"video_generate","job_id":"run_1",)"
    R"("result":{"cost":12345678901234567890,"size":1.50},"status":"failed"})";

QByteArray hostileBody(const QByteArray &kind)
{
    if (kind == "string")
        return '"' + QByteArray(30 * 1024 * 1024, 'a') + '"';
    if (kind == "keys") {
        QByteArray body = "{";
        body.reserve(17 * 1024 * 1024);
        for (int i = 0; i < 1'000'000; ++i)
            body += "\"k" + QByteArray::number(i) + "\":" + QByteArray::number(i) + ',';
        body.back() = '}';
        return body;
    }
    return QByteArray(500'000, '[') + QByteArray(500'000, ']');
}

} // namespace

class tst_PayloadView : public QObject {
    Q_OBJECT
private slots:
    void init();
    void prettyShowsTheBytesAsSent();
    void treeKeepsOrderDuplicatesAndNumbers();
    void copyGivesTheReceivedBytes();
    void notJsonStaysPlainText();
    void findingsSayWhereParsingStopped();
    void hostileBodiesStayBounded_data();
    void hostileBodiesStayBounded();
    void pagesWalkALargeDocument();
    void hiddenViewsAreBuiltWhenShown();

private:
    void showView(const char *tab)
    {
        find<QTabWidget>("tabs")->setCurrentWidget(find<QWidget>(tab));
    }
    template <typename T> T *find(const char *name)
    {
        auto *w = m_view->findChild<T *>(QLatin1StringView(name));
        if (!w)
            qFatal("no %s", name);
        return w;
    }
    std::unique_ptr<PayloadView> m_view;
};

void tst_PayloadView::init()
{
    m_view = std::make_unique<PayloadView>();
}

void tst_PayloadView::prettyShowsTheBytesAsSent()
{
    m_view->setCapture(captureOf(kFaithful));
    const QString pretty = find<QPlainTextEdit>("prettyEdit")->toPlainText();
    QCOMPARE(pretty, QStringLiteral("{\n"
                                    "    \"status\": \"completed\",\n"
                                    "    \"task\": \"video_generate\",\n"
                                    "    \"job_id\": \"run_1\",\n"
                                    "    \"result\": {\n"
                                    "        \"cost\": 12345678901234567890,\n"
                                    "        \"size\": 1.50\n"
                                    "    },\n"
                                    "    \"status\": \"failed\"\n"
                                    "}\n"));
    QVERIFY(m_view->capture()->hoox.findings.contains(QStringLiteral("duplicate_key:status")));
    auto *note = find<QLabel>("prettyNoteLabel");
    QVERIFY(!note->isHidden());
    QVERIFY(note->text().contains(QStringLiteral("receivers disagree")));
    const QList<QTextEdit::ExtraSelection> marks =
        find<QPlainTextEdit>("prettyEdit")->extraSelections();
    QCOMPARE(marks.size(), 1);
    QCOMPARE(marks.first().cursor.blockNumber(), 8); // the second "status"
}

void tst_PayloadView::treeKeepsOrderDuplicatesAndNumbers()
{
    m_view->setCapture(captureOf(kFaithful));
    showView("treeTab");
    QAbstractItemModel *model = find<QTreeView>("jsonTree")->model();
    QAbstractItemModelTester tester(model);
    QCOMPARE(model->rowCount(), 1);
    const QModelIndex root = model->index(0, 0);
    QCOMPARE(model->rowCount(root), 5);
    QStringList keys;
    for (int row = 0; row < 5; ++row)
        keys << model->index(row, 0, root).data().toString();
    QCOMPARE(keys, (QStringList{QStringLiteral("status"), QStringLiteral("task"),
                                QStringLiteral("job_id"), QStringLiteral("result"),
                                QStringLiteral("status")}));
    QVERIFY(model->index(0, 0, root).data(JsonTreeModel::DuplicateRole).toBool());
    QVERIFY(model->index(4, 0, root).data(JsonTreeModel::DuplicateRole).toBool());
    QVERIFY(!model->index(1, 0, root).data(JsonTreeModel::DuplicateRole).toBool());
    QVERIFY(model->index(4, 0, root)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("disagree")));
    QCOMPARE(model->index(4, 1, root).data().toString(), QStringLiteral("\"failed\""));
    const QModelIndex result = model->index(3, 0, root);
    if (model->canFetchMore(result)) // the model tester may have fetched it already
        model->fetchMore(result);
    QCOMPARE(model->index(0, 1, result).data().toString(), QStringLiteral("12345678901234567890"));
    QCOMPARE(model->index(1, 1, result).data().toString(), QStringLiteral("1.50"));
    QCOMPARE(model->index(0, 0, result).data(JsonTreeModel::PathRole).toString(),
             QStringLiteral("$.result.cost"));
}

void tst_PayloadView::copyGivesTheReceivedBytes()
{
    m_view->setCapture(captureOf(kFaithful));
    m_view->copyBody();
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    QCOMPARE(mime->text(), QString::fromUtf8(kFaithful));
    QCOMPARE(mime->data(QStringLiteral("application/octet-stream")), kFaithful);
    QTest::mouseClick(find<QPushButton>("copyPrettyButton"), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(),
             find<QPlainTextEdit>("prettyEdit")->toPlainText());
}

void tst_PayloadView::notJsonStaysPlainText()
{
    const QByteArray body = "<b>not json</b>\n{\"a\":";
    m_view->setCapture(captureOf(body));
    QCOMPARE(find<QPlainTextEdit>("prettyEdit")->toPlainText(), QString::fromUtf8(body));
    QCOMPARE(find<QTreeView>("jsonTree")->model()->rowCount(), 0);
    auto *note = find<QLabel>("prettyNoteLabel");
    QCOMPARE(note->textFormat(), Qt::PlainText);
    QVERIFY(note->text().contains(QStringLiteral("line 1, column 1")));
}

void tst_PayloadView::findingsSayWhereParsingStopped()
{
    m_view->setCapture(captureOf("{\n  \"status\": \"failed\"\n  \"task\": \"x\"\n}"));
    showView("findingsTab");
    const QString findings = find<QPlainTextEdit>("findingsEdit")->toPlainText();
    QVERIFY2(findings.contains(QStringLiteral("line 3, column 3: expected ',' or '}' after the "
                                              "value of \"status\"")),
             qPrintable(findings));
}

void tst_PayloadView::hostileBodiesStayBounded_data()
{
    QTest::addColumn<QByteArray>("kind");
    QTest::addRow("30 MB string") << QByteArray("string");
    QTest::addRow("1M keys") << QByteArray("keys");
    QTest::addRow("500k-deep nesting") << QByteArray("nesting");
}

// Each view holds a bounded part of the body: a page, a batch of rows, a prefix.
void tst_PayloadView::hostileBodiesStayBounded()
{
    QFETCH(QByteArray, kind);
    const CapturePtr capture = captureOf(hostileBody(kind));
    m_view->setCapture(capture);
    const QString pretty = find<QPlainTextEdit>("prettyEdit")->toPlainText();
    QVERIFY(!pretty.isEmpty());
    // A page ends after the line that crosses kPageChars; the deepest line is 4 KiB of indent.
    QVERIFY(pretty.size() <= PayloadView::kPageChars + 4 * JsonScanner::kDefaultMaxDepth + 200);
    showView("rawTab");
    QVERIFY(find<QPlainTextEdit>("rawEdit")->toPlainText().size() <=
            PayloadView::kPreviewLimit + 100);
    showView("treeTab");
    QAbstractItemModel *tree = find<QTreeView>("jsonTree")->model();
    QCOMPARE(tree->rowCount(), 1);
    const QModelIndex root = tree->index(0, 0);
    QVERIFY(tree->rowCount(root) <= JsonTreeModel::kBatch);
    QVERIFY(tree->index(0, 1).data().toString().size() <= JsonTreeModel::kShownChars + 1);
    if (kind == "keys") {
        QCOMPARE(tree->rowCount(root), JsonTreeModel::kBatch);
        QVERIFY(tree->canFetchMore(root));
        tree->fetchMore(root);
        QCOMPARE(tree->rowCount(root), 2 * JsonTreeModel::kBatch);
        QVERIFY(find<QPushButton>("nextPageButton")->isEnabled());
    }
    if (kind == "nesting") {
        // Nesting past the reader's limit is an error row deep down, not a crash.
        QModelIndex deepest = root;
        for (int level = 0; level < 1100 && tree->rowCount(deepest) > 0; ++level) {
            deepest = tree->index(0, 0, deepest);
            if (tree->canFetchMore(deepest))
                tree->fetchMore(deepest);
        }
        QCOMPARE(deepest.siblingAtColumn(2).data().toString(), QStringLiteral("error"));
    }
}

void tst_PayloadView::pagesWalkALargeDocument()
{
    QByteArray body = "[";
    for (int i = 0; i < 20'000; ++i)
        body += "{\"n\":" + QByteArray::number(i) + "},";
    body.back() = ']';
    m_view->setCapture(captureOf(body));
    auto *edit = find<QPlainTextEdit>("prettyEdit");
    auto *next = find<QPushButton>("nextPageButton");
    auto *prev = find<QPushButton>("prevPageButton");
    const QString first = edit->toPlainText();
    QVERIFY(first.startsWith(QStringLiteral("[\n    {\n        \"n\": 0\n    },")));
    QVERIFY(!prev->isEnabled());
    QString all = first;
    int pages = 1;
    while (next->isEnabled()) {
        QTest::mouseClick(next, Qt::LeftButton);
        all += edit->toPlainText();
        ++pages;
    }
    QVERIFY(pages > 2);
    QCOMPARE(all, m_view->prettyText());
    QTest::mouseClick(prev, Qt::LeftButton);
    QVERIFY(prev->isEnabled() || pages == 2);
}

// Selecting a capture builds the view in sight; the others wait until they are shown, and a
// view in sight is built for each capture selected while it shows.
void tst_PayloadView::hiddenViewsAreBuiltWhenShown()
{
    auto *headers = find<QTableWidget>("headersTable");
    m_view->setCapture(captureOf(kFaithful));
    QCOMPARE(headers->rowCount(), 0);
    QCOMPARE(find<QTreeView>("jsonTree")->model()->rowCount(), 0);
    QVERIFY(find<QPlainTextEdit>("findingsEdit")->toPlainText().isEmpty());
    showView("headersTab");
    QVERIFY(headers->rowCount() > 0);
    m_view->setCapture(captureOf("{\"task\":\"video_generate\"}"));
    QVERIFY(headers->rowCount() > 0); // shown, so built for this capture at once
    QCOMPARE(find<QTreeView>("jsonTree")->model()->rowCount(), 0);
    showView("treeTab");
    QCOMPARE(find<QTreeView>("jsonTree")->model()->rowCount(), 1);
    showView("prettyTab");
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    tst_PayloadView test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_payloadview.moc"
