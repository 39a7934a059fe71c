// SPDX-License-Identifier: MIT
#include "PayloadView.h"

#include "JsonHighlighter.h"
#include "WarningColor.h"
#include "capture/CaptureFormat.h"
#include "hoox/HooxClassifier.h"
#include "ui_PayloadView.h"

#include <QAction>
#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QStringDecoder>

namespace {
enum TreeRole { PathRole = Qt::UserRole, ValueRole };

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

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Null:
        return QStringLiteral("null");
    default:
        return QStringLiteral("undefined");
    }
}

QString valueText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 17);
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return QStringLiteral("null");
    }
}

bool isIdentifier(const QString &key)
{
    if (key.isEmpty() || key.front().isDigit())
        return false;
    for (QChar c : key) {
        if (!c.isLetterOrNumber() && c != u'_' && c != u'$')
            return false;
    }
    return true;
}
} // namespace

PayloadView::PayloadView(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::PayloadView>())
{
    m_ui->setupUi(this);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_ui->prettyEdit->setFont(mono);
    m_ui->rawEdit->setFont(mono);
    m_ui->showAllButton->hide();
    m_highlighter = new JsonHighlighter(m_ui->prettyEdit->document());
    connect(m_ui->showAllButton, &QPushButton::clicked, this, [this] { showPretty(true); });
    connect(m_ui->findEdit, &QLineEdit::returnPressed, this,
            [this] { find(QGuiApplication::keyboardModifiers() & Qt::ShiftModifier); });
    connect(m_ui->findEdit, &QLineEdit::textChanged, this, [this] {
        m_ui->prettyEdit->moveCursor(QTextCursor::Start);
        find(false);
    });
    auto *copyValue = new QAction(tr("Copy value"), m_ui->jsonTree);
    copyValue->setObjectName(QStringLiteral("copyValueAction"));
    auto *copyPath = new QAction(tr("Copy JSON path"), m_ui->jsonTree);
    copyPath->setObjectName(QStringLiteral("copyPathAction"));
    m_ui->jsonTree->addActions({copyValue, copyPath});
    connect(copyValue, &QAction::triggered, this, [this] { copyTreeColumn(ValueRole); });
    connect(copyPath, &QAction::triggered, this, [this] { copyTreeColumn(PathRole); });
    setCapture(nullptr);
}

PayloadView::~PayloadView() = default;

void PayloadView::setCapture(const CapturePtr &capture)
{
    m_capture = capture;
    setForwardResult({}, false);
    if (!capture) {
        m_ui->summaryLabel->setText(tr("Select a capture to see its payload."));
        m_pretty.clear();
        m_ui->prettyEdit->clear();
        m_ui->jsonTree->clear();
        m_ui->headersTable->setRowCount(0);
        m_ui->rawEdit->clear();
        m_ui->findingsEdit->clear();
        m_ui->showAllButton->hide();
        return;
    }
    const Capture &c = *capture;
    const QString answer =
        c.answerStatus == 0 ? tr("not answered") : tr("answered %1").arg(c.answerStatus);
    m_ui->summaryLabel->setText(tr("#%1 · %2 %3 · from %4 at %5 · %6")
                                    .arg(c.id)
                                    .arg(QString::fromLatin1(c.method), QString::fromUtf8(c.target),
                                         c.peer, CaptureFormat::isoTime(c.receivedAtMs), answer));
    const QJsonDocument doc = QJsonDocument::fromJson(c.body);
    m_pretty = doc.isNull() ? QString::fromUtf8(c.body) : QString::fromUtf8(doc.toJson());
    showPretty(false);
    showTree();
    showHeaders();
    showRaw();
    showFindings();
    m_ui->tabs->setTabText(m_ui->tabs->indexOf(m_ui->findingsTab),
                           c.hoox.findings.isEmpty()
                               ? tr("Findings")
                               : tr("Findings (%1)").arg(c.hoox.findings.size()));
}

void PayloadView::showPretty(bool all)
{
    const bool preview = !all && m_pretty.size() > kPreviewLimit;
    // Highlighting a huge document would freeze the window for seconds.
    m_highlighter->setDocument(m_pretty.size() > kHighlightLimit ? nullptr
                                                                 : m_ui->prettyEdit->document());
    m_ui->prettyEdit->setPlainText(preview ? m_pretty.left(kPreviewLimit) : m_pretty);
    m_ui->showAllButton->setVisible(preview);
    if (preview)
        m_ui->showAllButton->setText(
            tr("Show all (%1 characters)").arg(QLocale().toString(m_pretty.size())));
}

void PayloadView::showTree()
{
    m_ui->jsonTree->clear();
    const QJsonDocument doc = QJsonDocument::fromJson(m_capture->body);
    if (doc.isNull())
        return;
    auto *root = new QTreeWidgetItem(m_ui->jsonTree, {QStringLiteral("$"), {}, {}});
    const QJsonValue value = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    root->setText(2, typeName(value));
    root->setData(0, PathRole, QStringLiteral("$"));
    root->setData(0, ValueRole, valueText(value));
    addTreeItems(root, value, QStringLiteral("$"));
    m_ui->jsonTree->expandToDepth(1);
    m_ui->jsonTree->resizeColumnToContents(0);
    m_ui->jsonTree->resizeColumnToContents(1);
}

void PayloadView::addTreeItems(QTreeWidgetItem *parent, const QJsonValue &value,
                               const QString &path)
{
    auto add = [&](const QString &label, const QString &childPath, const QJsonValue &child) {
        const bool leaf = !child.isObject() && !child.isArray();
        auto *item = new QTreeWidgetItem(
            parent, {label, leaf ? valueText(child) : QString(), typeName(child)});
        item->setData(0, PathRole, childPath);
        item->setData(0, ValueRole, valueText(child));
        if (!leaf)
            addTreeItems(item, child, childPath);
    };
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString childPath =
                isIdentifier(it.key())
                    ? QString(path + u'.' + it.key())
                    : QString(path + QStringLiteral("[\"") + it.key() + QStringLiteral("\"]"));
            add(it.key(), childPath, it.value());
        }
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            add(QString::number(i), path + u'[' + QString::number(i) + u']', a.at(i));
    }
}

void PayloadView::copyTreeColumn(int role)
{
    const QTreeWidgetItem *item = m_ui->jsonTree->currentItem();
    if (item)
        QGuiApplication::clipboard()->setText(item->data(0, role).toString());
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
    const QByteArray shown = body.left(kPreviewLimit);
    QString text = isUtf8(body) ? QString::fromUtf8(shown) : hexDump(shown);
    if (body.size() > kPreviewLimit)
        text += tr("\n… %1 more bytes").arg(body.size() - kPreviewLimit);
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
        lines << f + u'\n' + QStringLiteral("    ") + HooxClassifier::explain(f);
    m_ui->findingsEdit->setPlainText(lines.join(QStringLiteral("\n\n")));
}

void PayloadView::setForwardResult(const QString &summary, bool slow)
{
    QLabel *label = m_ui->forwardLabel;
    label->setVisible(!summary.isEmpty());
    label->setText(summary.isEmpty() ? QString() : tr("Forward: %1").arg(summary));
    showAsWarning(label, slow);
}

QString PayloadView::payloadText() const
{
    return m_pretty;
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
