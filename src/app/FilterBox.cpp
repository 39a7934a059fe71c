// SPDX-License-Identifier: MIT
#include "FilterBox.h"

#include "WarningColor.h"
#include "session/Settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {
constexpr int kDebounceMs = 250;
const QString kDuplicatesTerm = u"duplicate:yes"_s;
const QString kFindingsTerm = u"finding:*"_s;

// Whether `term` stands in `text` as a whole word.
qsizetype termAt(const QString &text, const QString &term)
{
    for (qsizetype at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
        const qsizetype end = at + term.size();
        if ((at == 0 || text[at - 1].isSpace()) && (end == text.size() || text[end].isSpace()))
            return at;
    }
    return -1;
}
} // namespace

FilterBox::FilterBox(const Widgets &widgets, QObject *parent)
    : QObject(parent)
    , m_w(widgets)
    , m_savedMenu(new QMenu(widgets.saved))
{
    fillCombos();
    m_w.error->hide();
    m_w.error->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_w.error->setTextFormat(Qt::PlainText);
    m_w.edit->setPlaceholderText(tr("Filter: free text, task:avatar_* status:failed answer:5xx, "
                                    "body.result.cost:>3, -duplicate:yes, … (Ctrl+F)"));
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &FilterBox::applyNow);
    connect(m_w.edit, &QLineEdit::textChanged, &m_debounce, qOverload<>(&QTimer::start));
    connect(m_w.task, &QComboBox::currentIndexChanged, this,
            [this] { writeTerm(std::exchange(m_taskTerm, termOf(m_w.task)), m_taskTerm); });
    connect(m_w.status, &QComboBox::currentIndexChanged, this,
            [this] { writeTerm(std::exchange(m_statusTerm, termOf(m_w.status)), m_statusTerm); });
    connect(m_w.duplicates, &QCheckBox::toggled, this, [this](bool on) {
        writeTerm(on ? QString() : kDuplicatesTerm, on ? kDuplicatesTerm : QString());
    });
    connect(m_w.findings, &QCheckBox::toggled, this, [this](bool on) {
        writeTerm(on ? QString() : kFindingsTerm, on ? kFindingsTerm : QString());
    });
    m_w.saved->setMenu(m_savedMenu);
    m_w.saved->setPopupMode(QToolButton::InstantPopup);
    connect(m_savedMenu, &QMenu::aboutToShow, this, &FilterBox::fillSavedMenu);
}

void FilterBox::fillCombos()
{
    const Choice tasks[] = {
        {tr("All tasks"), {}},
        {u"video_generate"_s, u"task:video_generate"_s},
        {u"video_export"_s, u"task:video_export"_s},
        {u"avatar_create"_s, u"task:avatar_create"_s},
        {u"avatar_edit"_s, u"task:avatar_edit"_s},
        {tr("Other or none"), u"-task:video_generate -task:video_export -task:avatar_create "
                              u"-task:avatar_edit"_s},
    };
    for (const Choice &c : tasks)
        m_w.task->addItem(c.label, c.term);
    const Choice statuses[] = {
        {tr("All statuses"), {}},
        {u"completed"_s, u"status:completed"_s},
        {u"failed"_s, u"status:failed"_s},
        {tr("Other"), u"-status:completed -status:failed"_s},
    };
    for (const Choice &c : statuses)
        m_w.status->addItem(c.label, c.term);
}

QString FilterBox::termOf(const QComboBox *combo) const
{
    return combo->currentData().toString();
}

// A control replaces its own term in the box, wherever the user left it, and the filter applies
// at once: a click needs no debounce.
void FilterBox::writeTerm(const QString &oldTerm, const QString &newTerm)
{
    QString text = m_w.edit->text();
    if (const qsizetype at = oldTerm.isEmpty() ? -1 : termAt(text, oldTerm); at >= 0)
        text.remove(at, oldTerm.size());
    text = text.simplified();
    if (!newTerm.isEmpty() && termAt(text, newTerm) < 0)
        text = text.isEmpty() ? newTerm : text + u' ' + newTerm;
    setText(text);
}

void FilterBox::setText(const QString &text)
{
    {
        const QSignalBlocker blocker(m_w.edit);
        m_w.edit->setText(text);
    }
    applyNow();
}

// The controls follow the box: a term the user deleted resets the control that wrote it.
void FilterBox::syncControls()
{
    const QString text = m_w.edit->text();
    const auto reset = [&text](QComboBox *combo, QString *term) {
        if (!term->isEmpty() && termAt(text, *term) < 0) {
            const QSignalBlocker blocker(combo);
            combo->setCurrentIndex(0);
            term->clear();
        }
    };
    reset(m_w.task, &m_taskTerm);
    reset(m_w.status, &m_statusTerm);
    for (const auto &[check, term] :
         {std::pair{m_w.duplicates, kDuplicatesTerm}, std::pair{m_w.findings, kFindingsTerm}}) {
        const QSignalBlocker blocker(check);
        check->setChecked(termAt(text, term) >= 0);
    }
}

void FilterBox::applyNow()
{
    m_debounce.stop();
    syncControls();
    const Query query = Query::parse(m_w.edit->text());
    showError(query);
    if (query.isValid())
        emit queryChanged(query);
}

void FilterBox::showError(const Query &query)
{
    m_w.error->setVisible(!query.isValid());
    if (query.isValid()) {
        m_w.error->clear();
        return;
    }
    m_w.error->setText(query.error().pointAt(query.text()) +
                       tr("\n(the last good filter stays in force)"));
    showAsWarning(m_w.error, true);
}

QMap<QString, QString> FilterBox::savedFilters() const
{
    QMap<QString, QString> saved;
    const QVariantMap stored = Settings::instance().get(Settings::Key::FilterSaved).toMap();
    for (auto it = stored.cbegin(); it != stored.cend(); ++it)
        saved.insert(it.key(), it.value().toString());
    return saved;
}

void FilterBox::saveFilter(const QString &name, const QString &expression)
{
    QVariantMap stored = Settings::instance().get(Settings::Key::FilterSaved).toMap();
    stored.insert(name, expression);
    Settings::instance().set(Settings::Key::FilterSaved, stored);
}

void FilterBox::removeFilter(const QString &name)
{
    QVariantMap stored = Settings::instance().get(Settings::Key::FilterSaved).toMap();
    stored.remove(name);
    Settings::instance().set(Settings::Key::FilterSaved, stored);
}

void FilterBox::fillSavedMenu()
{
    m_savedMenu->clear();
    const QMap<QString, QString> saved = savedFilters();
    for (auto it = saved.cbegin(); it != saved.cend(); ++it) {
        QAction *use = m_savedMenu->addAction(it.key());
        use->setToolTip(it.value());
        connect(use, &QAction::triggered, this, [this, text = it.value()] { setText(text); });
    }
    if (!saved.isEmpty())
        m_savedMenu->addSeparator();
    QAction *save = m_savedMenu->addAction(tr("Save Current Filter…"), this, &FilterBox::askToSave);
    save->setEnabled(!m_w.edit->text().trimmed().isEmpty());
    QMenu *remove = m_savedMenu->addMenu(tr("Remove"));
    remove->setEnabled(!saved.isEmpty());
    for (auto it = saved.cbegin(); it != saved.cend(); ++it) {
        remove->addAction(it.key(), this, [this, name = it.key()] { removeFilter(name); });
    }
}

// Asked without a nested event loop: the name arrives with the dialog's answer.
void FilterBox::askToSave()
{
    const QString expression = m_w.edit->text().trimmed();
    auto *dialog = new QInputDialog(m_w.edit->window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Save Filter"));
    dialog->setLabelText(tr("Name for \u201c%1\u201d:").arg(expression));
    dialog->setTextValue(expression);
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this, expression](const QString &name) {
                if (!name.trimmed().isEmpty())
                    saveFilter(name.trimmed(), expression);
            });
    dialog->open();
}
