// SPDX-License-Identifier: MIT
#include "HelpDialog.h"

#include <QAbstractTextDocumentLayout>
#include <QDialogButtonBox>
#include <QFile>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPointer>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

HelpDialog::HelpDialog(QWidget *parent)
    : QDialog(parent)
    , m_list(new QListWidget(this))
    , m_text(new QTextBrowser(this))
{
    setObjectName(u"helpDialog"_s);
    setWindowTitle(tr("HookScope help"));
    m_list->setObjectName(u"helpSections"_s);
    m_text->setObjectName(u"helpText"_s);
    m_text->setOpenExternalLinks(false);
    m_text->setOpenLinks(false); // nothing leaves this machine from here
    QFile readme(u":/help/README.md"_s);
    const QString markdown =
        readme.open(QIODevice::ReadOnly) ? QString::fromUtf8(readme.readAll()) : QString();
    // Pictures are for the web page: here they would be broken frames.
    QString shown = markdown;
    shown.remove(QRegularExpression(uR"(!\[[^\]]*\]\([^)]*\))"_s));
    m_text->setMarkdown(shown);
    m_list->addItems(headingsOf(markdown));
    m_list->setMaximumWidth(fontMetrics().averageCharWidth() * 34);

    auto *split = new QSplitter(this);
    split->addWidget(m_list);
    split->addWidget(m_text);
    split->setStretchFactor(1, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);
    layout->addWidget(buttons);
    connect(m_list, &QListWidget::currentTextChanged, this, &HelpDialog::showSection);
    resize(900, 620);
    showSection(tr("Keyboard"));
}

HelpDialog *HelpDialog::showFor(QWidget *window)
{
    static QPointer<HelpDialog> open;
    if (!open || open->parentWidget() != window) {
        open = new HelpDialog(window);
        open->setAttribute(Qt::WA_DeleteOnClose);
    }
    open->QDialog::show();
    open->raise();
    open->activateWindow();
    return open;
}

QStringList HelpDialog::headingsOf(const QString &markdown)
{
    QStringList headings;
    bool inCode = false;
    for (const QString &line : markdown.split(u'\n')) {
        if (line.startsWith("```"_L1)) {
            inCode = !inCode;
            continue;
        }
        if (!inCode && (line.startsWith("## "_L1) || line.startsWith("### "_L1)))
            headings << line.section(u' ', 1).trimmed();
    }
    return headings;
}

QStringList HelpDialog::sections() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        out << m_list->item(i)->text();
    return out;
}

// The heading's block goes to the top of the view.
void HelpDialog::showSection(const QString &heading)
{
    const QList<QListWidgetItem *> items = m_list->findItems(heading, Qt::MatchExactly);
    if (items.isEmpty())
        return;
    if (m_list->currentItem() != items.first())
        m_list->setCurrentItem(items.first());
    for (QTextBlock b = m_text->document()->begin(); b.isValid(); b = b.next()) {
        if (b.blockFormat().headingLevel() > 0 && b.text().trimmed() == heading) {
            m_text->setTextCursor(QTextCursor(b));
            // The heading at the top of the view, once the text is laid out at its width.
            QTimer::singleShot(0, m_text, [text = m_text, b] {
                const QRectF at = text->document()->documentLayout()->blockBoundingRect(b);
                text->verticalScrollBar()->setValue(int(at.top()));
            });
            return;
        }
    }
}

QString HelpDialog::currentSection() const
{
    return m_list->currentItem() ? m_list->currentItem()->text() : QString();
}
