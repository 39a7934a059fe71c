// SPDX-License-Identifier: MIT
#include "PayloadView.h"

#include "JsonHighlighter.h"
#include "JsonTreeModel.h"
#include "PaletteWatcher.h"
#include "Tints.h"
#include "WarningColor.h"
#include "capture/CaptureFormat.h"
#include "hoox/HooxClassifier.h"
#include "ui_PayloadView.h"
#include "json/JsonPretty.h"

#include <QAbstractScrollArea>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QMimeData>
#include <QPointer>
#include <QStringDecoder>
#include <QThreadPool>

namespace {

// Cuts `bytes` to at most `size` bytes without splitting a UTF-8 sequence.
QByteArrayView utf8Prefix(QByteArrayView bytes, qsizetype size)
{
    if (size >= bytes.size())
        return bytes;
    while (size > 0 && (uchar(bytes[size]) & 0xc0) == 0x80)
        --size;
    return bytes.first(size);
}

bool isUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    [[maybe_unused]] const QString text = decoder(bytes);
    return !decoder.hasError();
}

QString hexDump(const QByteArray &bytes)
{
    QString out;
    out.reserve(bytes.size() * 4 + bytes.size() / 16 * 12);
    for (qsizetype line = 0; line < bytes.size(); line += 16) {
        out += QStringLiteral("%1  ").arg(line, 8, 16, QLatin1Char('0'));
        QString ascii;
        for (qsizetype i = line; i < line + 16; ++i) {
            if (i < bytes.size()) {
                const auto b = static_cast<unsigned char>(bytes.at(i));
                out += QStringLiteral("%1 ").arg(b, 2, 16, QLatin1Char('0'));
                ascii += b >= 0x20 && b < 0x7f ? QChar(char16_t(b)) : QChar(u'.');
            } else {
                out += QStringLiteral("   ");
            }
        }
        out += u' ' + ascii + u'\n';
    }
    return out;
}

} // namespace

PayloadView::PayloadView(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::PayloadView>())
    , m_tree(new JsonTreeModel(this))
{
    m_ui->setupUi(this);
    // The views out of sight are built when first shown: a hostile body costs the one in view.
    connect(m_ui->tabs, &QTabWidget::currentChanged, this, &PayloadView::buildShownView);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_ui->prettyEdit->setFont(mono);
    m_ui->rawEdit->setFont(mono);
    m_ui->showAllButton->setCheckable(true);
    m_ui->showAllButton->setToolTip(tr("Show long strings whole instead of their beginning"));
    m_highlighter = new JsonHighlighter(m_ui->prettyEdit->document(), palette());
    PaletteWatcher::watch(m_ui->prettyEdit, [this](const QPalette &palette) {
        m_highlighter->setPalette(palette);
        QList<QTextEdit::ExtraSelection> marks = m_ui->prettyEdit->extraSelections();
        for (QTextEdit::ExtraSelection &mark : marks)
            mark.format.setBackground(Tints::mark(palette));
        m_ui->prettyEdit->setExtraSelections(marks);
    });
    m_conflictButton = new QPushButton(this);
    m_conflictButton->setObjectName(QStringLiteral("conflictButton"));
    m_conflictButton->setFlat(true);
    m_conflictButton->setStyleSheet(QStringLiteral("text-align: left"));
    m_ui->layout->insertWidget(m_ui->layout->indexOf(m_ui->forwardLabel) + 1, m_conflictButton);
    connect(m_conflictButton, &QPushButton::clicked, this, &PayloadView::compareWithConflict);
    connect(m_ui->showAllButton, &QPushButton::toggled, this, [this] { showPretty(); });
    connect(m_ui->nextPageButton, &QPushButton::clicked, this, [this] { showPage(m_page + 1); });
    connect(m_ui->prevPageButton, &QPushButton::clicked, this, [this] { showPage(m_page - 1); });
    connect(m_ui->copyPrettyButton, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(prettyText()); });
    connect(m_ui->findEdit, &QLineEdit::returnPressed, this,
            [this] { find(QGuiApplication::keyboardModifiers() & Qt::ShiftModifier); });
    connect(m_ui->findEdit, &QLineEdit::textChanged, this, [this] {
        m_ui->prettyEdit->moveCursor(QTextCursor::Start);
        find(false);
    });
    m_ui->jsonTree->setModel(m_tree);
    PaletteWatcher::watch(m_ui->jsonTree, [this](const QPalette &p) { m_tree->setPalette(p); });
    // Fixed widths: resizing to contents would read every row of a huge document.
    m_ui->jsonTree->setColumnWidth(JsonTreeModel::KeyColumn, 220);
    m_ui->jsonTree->setColumnWidth(JsonTreeModel::ValueColumn, 360);
    auto *copyValue = new QAction(tr("Copy value"), m_ui->jsonTree);
    copyValue->setObjectName(QStringLiteral("copyValueAction"));
    auto *copyPath = new QAction(tr("Copy JSON path"), m_ui->jsonTree);
    copyPath->setObjectName(QStringLiteral("copyPathAction"));
    m_ui->jsonTree->addActions({copyValue, copyPath});
    connect(copyValue, &QAction::triggered, this,
            [this] { copyTreeValue(JsonTreeModel::RawValueRole); });
    connect(copyPath, &QAction::triggered, this,
            [this] { copyTreeValue(JsonTreeModel::PathRole); });
    setCapture(nullptr);
}

PayloadView::~PayloadView() = default;

void PayloadView::clearViews()
{
    m_pager.reset();
    m_ui->prettyEdit->clear();
    m_ui->prettyNoteLabel->hide();
    m_ui->pageLabel->clear();
    m_ui->prevPageButton->hide();
    m_ui->nextPageButton->hide();
    m_ui->showAllButton->hide();
    m_tree->clear();
    m_ui->headersTable->setRowCount(0);
    m_ui->rawEdit->clear();
    m_ui->findingsEdit->clear();
}

void PayloadView::setCapture(const CapturePtr &capture)
{
    m_capture = capture;
    ++m_generation;
    m_jsonProblem.clear();
    setForwardResult({}, false);
    setConflictWith(0);
    clearViews();
    if (!capture) {
        m_ui->summaryLabel->setText(tr("Select a capture to see its payload."));
        return;
    }
    const Capture &c = *capture;
    const QString answer =
        c.answerStatus == 0 ? tr("not answered") : tr("answered %1").arg(c.answerStatus);
    m_ui->summaryLabel->setText(tr("#%1 · %2 %3 · from %4 at %5 · %6")
                                    .arg(c.id)
                                    .arg(QString::fromLatin1(c.method), QString::fromUtf8(c.target),
                                         c.peer, CaptureFormat::isoTime(c.receivedAtMs), answer));
    showPretty(); // always: it tells whether the body is JSON, which the tree needs
    m_built = PrettyView;
    buildShownView();
    m_ui->tabs->setTabText(m_ui->tabs->indexOf(m_ui->findingsTab),
                           c.hoox.findings.isEmpty()
                               ? tr("Findings")
                               : tr("Findings (%1)").arg(c.hoox.findings.size()));
}

void PayloadView::buildShownView()
{
    if (!m_capture)
        return;
    QWidget *page = m_ui->tabs->currentWidget();
    const auto build = [this](int view, void (PayloadView::*show)()) {
        if (!(m_built & view)) {
            m_built |= view;
            (this->*show)();
        }
    };
    if (page == m_ui->treeTab)
        build(TreeView, &PayloadView::showTree);
    else if (page == m_ui->headersTab)
        build(HeadersView, &PayloadView::showHeaders);
    else if (page == m_ui->rawTab)
        build(RawView, &PayloadView::showRaw);
    else if (page == m_ui->findingsTab)
        build(FindingsView, &PayloadView::showFindings);
}

void PayloadView::showLoading(quint64 id)
{
    setCapture(nullptr);
    m_ui->summaryLabel->setText(tr("Reading #%1 from the journal…").arg(id));
}

// Formats the first page; a body that stops being JSON within it is shown as text instead.
void PayloadView::showPretty()
{
    const QByteArray &body = m_capture->body;
    const qsizetype elide = m_ui->showAllButton->isChecked() ? 0 : JsonPretty::kDefaultElide;
    m_pager = std::make_unique<JsonPretty>(body, elide);
    const QString first = m_pager->nextPage(kPageChars);
    m_isJson = !m_pager->error().isError();
    if (!m_isJson)
        m_jsonProblem = m_pager->error().toString();
    m_ui->showAllButton->setVisible(m_isJson && body.size() > JsonPretty::kDefaultElide);
    m_page = 0;
    if (m_isJson) {
        m_morePages = !m_pager->atEnd();
        showPageText(first, m_pager->duplicateLines());
    } else {
        showPage(0);
    }
}

void PayloadView::showPage(int page)
{
    if (!m_capture || page < 0)
        return;
    QString text;
    QList<int> duplicates;
    if (m_isJson) {
        if (page < m_page) { // pages are formatted in order: start again for an earlier one
            m_pager = std::make_unique<JsonPretty>(
                m_capture->body, m_ui->showAllButton->isChecked() ? 0 : JsonPretty::kDefaultElide);
            for (int i = 0; i < page; ++i)
                m_pager->nextPage(kPageChars);
        }
        text = m_pager->nextPage(kPageChars);
        duplicates = m_pager->duplicateLines();
        m_morePages = !m_pager->atEnd();
    } else {
        text = plainPage(page);
        m_morePages = qsizetype(page + 1) * kPageChars < m_capture->body.size();
    }
    m_page = page;
    showPageText(text, duplicates);
}

QString PayloadView::plainPage(int page) const
{
    const QByteArrayView body(m_capture->body);
    qsizetype start = qMin(qsizetype(page) * kPageChars, body.size());
    while (start > 0 && start < body.size() && (uchar(body[start]) & 0xc0) == 0x80)
        --start;
    return QString::fromUtf8(utf8Prefix(body.sliced(start), kPageChars));
}

void PayloadView::showPageText(const QString &text, const QList<int> &duplicateLines)
{
    m_highlighter->setDocument(m_isJson ? m_ui->prettyEdit->document() : nullptr);
    m_ui->prettyEdit->setPlainText(text);
    QList<QTextEdit::ExtraSelection> marks;
    for (const int line : duplicateLines) {
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(m_ui->prettyEdit->document()->findBlockByNumber(line));
        mark.format.setProperty(QTextFormat::FullWidthSelection, true);
        mark.format.setBackground(Tints::mark(m_ui->prettyEdit->palette()));
        mark.format.setToolTip(tr("duplicate key: receivers disagree which one wins"));
        marks.append(mark);
    }
    m_ui->prettyEdit->setExtraSelections(marks);
    const bool paged = m_page > 0 || m_morePages;
    m_ui->prevPageButton->setVisible(paged);
    m_ui->nextPageButton->setVisible(paged);
    m_ui->prevPageButton->setEnabled(m_page > 0);
    m_ui->nextPageButton->setEnabled(m_morePages);
    m_ui->pageLabel->setText(paged ? tr("Page %1").arg(m_page + 1) : QString());
    updatePrettyNote(!duplicateLines.isEmpty());
}

void PayloadView::updatePrettyNote(bool duplicates)
{
    QStringList notes;
    if (!m_isJson && !m_capture->body.isEmpty())
        notes << tr("Not JSON (%1): shown as received.").arg(m_jsonProblem);
    else if (m_isJson && m_pager && m_pager->error().isError())
        notes << tr("Not JSON from here on: %1").arg(m_pager->error().toString());
    if (duplicates)
        notes << tr("⚠ Marked lines repeat a key: receivers disagree which one wins.");
    m_ui->prettyNoteLabel->setVisible(!notes.isEmpty());
    m_ui->prettyNoteLabel->setText(notes.join(u' '));
    showAsWarning(m_ui->prettyNoteLabel, !notes.isEmpty());
}

void PayloadView::showTree()
{
    if (!m_isJson)
        return;
    m_tree->setJson(m_capture->body);
    if (m_tree->rowCount() == 0)
        return;
    const QModelIndex root = m_tree->index(0, 0);
    if (m_tree->canFetchMore(root))
        m_tree->fetchMore(root);
    m_ui->jsonTree->expand(root);
}

void PayloadView::copyTreeValue(int role)
{
    const QModelIndex current = m_ui->jsonTree->currentIndex();
    if (current.isValid())
        QGuiApplication::clipboard()->setText(current.siblingAtColumn(0).data(role).toString());
}

void PayloadView::showHeaders()
{
    const Capture &c = *m_capture;
    QTableWidget *t = m_ui->headersTable;
    t->setRowCount(0);
    auto addRow = [t](const QString &name, const QString &value) {
        const int row = t->rowCount();
        t->insertRow(row);
        t->setItem(row, 0, new QTableWidgetItem(name));
        t->setItem(row, 1, new QTableWidgetItem(value));
    };
    for (const HttpHeader &h : c.headers)
        addRow(QString::fromLatin1(h.name), QString::fromLatin1(h.value));
    for (const HttpHeader &h : c.trailers)
        addRow(tr("%1 (trailer)").arg(QString::fromLatin1(h.name)), QString::fromLatin1(h.value));
    t->resizeColumnToContents(0);
}

void PayloadView::showRaw()
{
    const QByteArray &body = m_capture->body;
    // Only the shown prefix is checked and decoded: never the whole of a 30 MB body.
    const QByteArray shown = utf8Prefix(body, kPreviewLimit).toByteArray();
    QString text = isUtf8(shown) ? QString::fromUtf8(shown) : hexDump(body.left(kPreviewLimit));
    if (body.size() > kPreviewLimit)
        text += tr("\n… %1 more bytes").arg(body.size() - shown.size());
    m_ui->rawEdit->setPlainText(text);
}

void PayloadView::showFindings()
{
    const QStringList &findings = m_capture->hoox.findings;
    if (findings.isEmpty()) {
        m_ui->findingsEdit->setPlainText(tr("No findings: this delivery keeps the Hoox contract."));
        return;
    }
    QStringList lines;
    for (const QString &f : findings)
        lines << f + u'\n' + QStringLiteral("    ") + findingText(f);
    m_ui->findingsEdit->setPlainText(lines.join(QStringLiteral("\n\n")));
    if (findings.contains(QStringLiteral("not_json")) && m_jsonProblem.isNull())
        locateJsonProblem();
}

QString PayloadView::findingText(const QString &code) const
{
    if (code != QStringLiteral("not_json"))
        return HooxClassifier::explain(code);
    if (!m_jsonProblem.isNull())
        return HooxClassifier::explain(code) + u' ' + m_jsonProblem;
    return HooxClassifier::explain(code) + u' ' + tr("Locating where parsing stopped…");
}

// Where a not_json body stopped: read here for a small body, off the GUI thread for a large one.
void PayloadView::locateJsonProblem()
{
    const QByteArray body = m_capture->body;
    if (body.size() <= kSyncScanLimit) {
        m_jsonProblem = HooxClassifier::jsonProblem(body);
        showFindings();
        return;
    }
    const quint64 generation = m_generation;
    QPointer<PayloadView> self(this);
    QThreadPool::globalInstance()->start([self, generation, body] {
        const QString problem = HooxClassifier::jsonProblem(body);
        QMetaObject::invokeMethod(
            qApp,
            [self, generation, problem] {
                if (!self || self->m_generation != generation)
                    return;
                self->m_jsonProblem = problem;
                self->showFindings();
            },
            Qt::QueuedConnection);
    });
}

void PayloadView::setForwardResult(const QString &summary, bool slow)
{
    QLabel *label = m_ui->forwardLabel;
    label->setVisible(!summary.isEmpty());
    label->setText(summary.isEmpty() ? QString() : tr("Forward: %1").arg(summary));
    showAsWarning(label, slow);
}

void PayloadView::setConflictWith(quint64 otherId)
{
    m_conflictButton->setVisible(otherId != 0);
    if (otherId == 0)
        return;
    m_conflictButton->setText(tr("⚠ Conflicts with #%1: compare…").arg(otherId));
    m_conflictButton->setToolTip(
        tr("Same key as #%1, another outcome: receivers disagree on which delivery of a key "
           "wins. Opens both in the Diff tab.")
            .arg(otherId));
    QPalette palette = this->palette();
    palette.setColor(QPalette::ButtonText, warningColor(palette));
    m_conflictButton->setPalette(palette);
}

QString PayloadView::payloadText() const
{
    return m_capture ? QString::fromUtf8(m_capture->body) : QString();
}

void PayloadView::copyBody() const
{
    if (!m_capture)
        return;
    auto *mime = new QMimeData;
    mime->setText(payloadText());
    mime->setData(QStringLiteral("application/octet-stream"), m_capture->body);
    QGuiApplication::clipboard()->setMimeData(mime);
}

QString PayloadView::prettyText() const
{
    if (!m_capture)
        return {};
    return m_isJson ? JsonPretty::format(m_capture->body) : payloadText();
}

bool PayloadView::isReading() const
{
    return m_ui->prettyEdit->hasFocus() || m_ui->findEdit->hasFocus();
}

void PayloadView::focusFind()
{
    m_ui->tabs->setCurrentWidget(m_ui->prettyTab);
    m_ui->findEdit->setFocus();
    m_ui->findEdit->selectAll();
}

void PayloadView::stepView(int step)
{
    QTabWidget *tabs = m_ui->tabs;
    const int n = tabs->count();
    const bool hadFocus = isAncestorOf(QApplication::focusWidget());
    tabs->setCurrentIndex(((tabs->currentIndex() + step) % n + n) % n);
    if (hadFocus)
        focusView();
}

void PayloadView::focusView()
{
    QWidget *page = m_ui->tabs->currentWidget();
    for (QWidget *w = page->nextInFocusChain(); w && w != page; w = w->nextInFocusChain()) {
        // The text or tree first: the page's search box and buttons come after it.
        if (page->isAncestorOf(w) && w->isVisible() && w->isEnabled() &&
            qobject_cast<QAbstractScrollArea *>(w)) {
            w->setFocus(Qt::ShortcutFocusReason);
            return;
        }
    }
    m_ui->tabs->tabBar()->setFocus(Qt::ShortcutFocusReason);
}

void PayloadView::find(bool backwards)
{
    const QString needle = m_ui->findEdit->text();
    if (needle.isEmpty()) {
        m_ui->findStatus->clear();
        return;
    }
    QPlainTextEdit *edit = m_ui->prettyEdit;
    const QTextDocument::FindFlags flags =
        backwards ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    bool found = edit->find(needle, flags);
    if (!found) { // wrap around
        edit->moveCursor(backwards ? QTextCursor::End : QTextCursor::Start);
        found = edit->find(needle, flags);
    }
    m_ui->findStatus->setText(found ? QString() : tr("Not found"));
}
