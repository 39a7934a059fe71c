// SPDX-License-Identifier: MIT
#include "DiffView.h"

#include "DiffModel.h"
#include "PaletteWatcher.h"
#include "capture/CaptureStore.h"
#include "session/JobRunner.h"
#include "session/SessionEngine.h"
#include "session/Settings.h"
#include "ui_DiffView.h"

#include <QHeaderView>
#include <QPointer>

#include <algorithm>

DiffView::DiffView(SessionEngine *engine, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::DiffView>())
    , m_engine(engine)
    , m_store(engine->store())
    , m_model(new DiffModel(this))
{
    m_ui->setupUi(this);
    QTableView *table = m_ui->diffTable;
    table->setModel(m_model);
    PaletteWatcher::watch(table, [this](const QPalette &p) { m_model->setPalette(p); });
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setColumnWidth(DiffModel::MarkColumn, table->fontMetrics().horizontalAdvance(u'M') * 3);
    table->setColumnWidth(DiffModel::WhereColumn, 160);
    table->setColumnWidth(DiffModel::BeforeColumn, 160);
    table->addActions({m_ui->ignorePathAction, m_ui->unignorePathAction});
    m_ui->volatileHeadersCheck->setChecked(
        Settings::instance().get(Settings::Key::DiffIgnoreVolatileHeaders).toBool());
    connect(m_ui->ignorePathAction, &QAction::triggered, this, [this] { ignoreSelected(true); });
    connect(m_ui->unignorePathAction, &QAction::triggered, this, [this] { ignoreSelected(false); });
    connect(m_ui->resetIgnoredButton, &QPushButton::clicked, this, [this] { setIgnored({}); });
    connect(m_ui->showIgnoredCheck, &QCheckBox::toggled, m_model, &DiffModel::setShowIgnored);
    connect(m_ui->volatileHeadersCheck, &QCheckBox::toggled, this, [this](bool on) {
        Settings::instance().set(Settings::Key::DiffIgnoreVolatileHeaders, on);
        m_model->applyIgnores(options());
        updateSummary();
    });
    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DiffView::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DiffView::updateActions);
    showMessage(tr("Select two captures to compare them, or one that has an earlier attempt."));
    updateActions();
}

DiffView::~DiffView() = default;

void DiffView::showSelection(const QList<qsizetype> &storeRows)
{
    if (storeRows.size() == 2) {
        quint64 a = m_store->row(storeRows.at(0)).id;
        quint64 b = m_store->row(storeRows.at(1)).id;
        compare(std::min(a, b), std::max(a, b));
        return;
    }
    QString relation;
    const qsizetype partner = storeRows.size() == 1 ? partnerOf(storeRows.at(0), &relation) : -1;
    if (partner < 0) {
        m_wanted = {};
        forget();
        showMessage(storeRows.size() > 2
                        ? tr("Select two captures to compare them, not more.")
                        : tr("Select two captures to compare them, or one that has an earlier "
                             "attempt."));
        return;
    }
    compare(m_store->row(partner).id, m_store->row(storeRows.at(0)).id, relation);
}

qsizetype DiffView::partnerOf(qsizetype storeRow, QString *relation) const
{
    const CaptureStore::Row &r = m_store->row(storeRow);
    if (r.group < 0)
        return -1;
    if (r.flags & CaptureStore::Conflict) {
        const quint64 first = m_store->group(r.group).firstId;
        const qsizetype row = m_store->rowOfId(first);
        if (row >= 0 && row != storeRow) {
            if (relation)
                *relation =
                    tr("#%1 conflicts with #%2: same key, another outcome").arg(r.id).arg(first);
            return row;
        }
    }
    const qsizetype previous = previousAttemptOf(storeRow);
    if (previous >= 0 && relation)
        *relation = tr("#%1 is a later attempt of #%2").arg(r.id).arg(m_store->row(previous).id);
    return previous;
}

qsizetype DiffView::previousAttemptOf(qsizetype storeRow) const
{
    return m_store->row(storeRow).previous;
}

void DiffView::compare(quint64 beforeId, quint64 afterId, const QString &relation)
{
    const Pair wanted{beforeId, afterId, relation};
    if (wanted == m_wanted && (m_comparing || wanted == m_shown))
        return;
    m_wanted = wanted;
    if (wanted == m_shown) { // back to the pair on show, maybe by another way
        ++m_generation;
        m_comparing = false;
        m_shown.relation = relation;
        showTitle();
        updateSummary();
        return;
    }
    if (isVisible()) {
        start();
        return;
    }
    forget();
    showMessage(tr("#%1 and #%2 are compared when this tab is shown.").arg(beforeId).arg(afterId));
}

void DiffView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_wanted.before != 0 && !m_comparing && !(m_wanted == m_shown))
        start();
}

// Reads both captures back as a job, then compares them as another: neither the journal nor
// the bodies are touched on the GUI thread.
void DiffView::start()
{
    forget();
    const quint64 generation = m_generation;
    const qsizetype before = m_store->rowOfId(m_wanted.before);
    const qsizetype after = m_store->rowOfId(m_wanted.after);
    if (before < 0 || after < 0) {
        showMessage(
            tr("#%1 is no longer loaded.").arg(before < 0 ? m_wanted.before : m_wanted.after));
        emit compared();
        return;
    }
    m_comparing = true;
    showMessage(tr("Comparing #%1 and #%2…").arg(m_wanted.before).arg(m_wanted.after));
    QPointer<DiffView> self(this);
    m_engine->readCaptures({before, after}, false, {},
                           [self, generation](QList<CapturePtr> captures, QString error) {
                               if (self)
                                   self->onRead(captures, error, generation);
                           });
}

void DiffView::onRead(const QList<CapturePtr> &captures, const QString &error, quint64 generation)
{
    if (generation != m_generation)
        return; // another pair was asked for meanwhile
    const auto byId = [&captures](quint64 id) {
        const auto it = std::find_if(captures.cbegin(), captures.cend(),
                                     [id](const CapturePtr &c) { return c && c->id == id; });
        return it == captures.cend() ? CapturePtr() : *it;
    };
    CapturePtr before = byId(m_wanted.before);
    CapturePtr after = byId(m_wanted.after);
    if (!before || !after) {
        m_comparing = false;
        showMessage(tr("Cannot compare #%1 and #%2.").arg(m_wanted.before).arg(m_wanted.after),
                    error);
        emit compared();
        return;
    }
    m_engine->jobs()->start(
        tr("Comparing #%1 and #%2").arg(before->id).arg(after->id), this,
        [before, after, options = options()](JobControl &) {
            return CaptureDiff::compare(*before, *after, options);
        },
        [this, generation](CaptureDiffResult result) {
            onCompared(std::move(result), generation);
        });
}

void DiffView::onCompared(CaptureDiffResult result, quint64 generation)
{
    if (generation != m_generation)
        return;
    m_comparing = false;
    m_shown = m_wanted;
    m_model->setResult(std::move(result));
    showTitle();
    updateSummary();
    emit compared();
}

// Drops what is shown and what is on its way.
void DiffView::forget()
{
    ++m_generation;
    m_comparing = false;
    m_shown = {};
    m_model->setResult({});
}

void DiffView::showTitle()
{
    QString title = tr("#%1 (before) → #%2 (after)").arg(m_shown.before).arg(m_shown.after);
    if (!m_shown.relation.isEmpty())
        title += QStringLiteral(" · ") + m_shown.relation;
    m_ui->diffTitleLabel->setText(title);
}

void DiffView::showMessage(const QString &title, const QString &summary)
{
    m_ui->diffTitleLabel->setText(title);
    m_ui->diffSummaryLabel->setText(summary);
}

void DiffView::updateSummary()
{
    if (m_shown.before == 0)
        return;
    const CaptureDiffResult &r = m_model->result();
    QStringList parts;
    parts << (r.isEqual() ? tr("No differences")
                          : tr("%n difference(s)", nullptr, int(r.differenceCount())));
    if (const qsizetype ignored = r.ignoredCount())
        parts << tr("%n ignored", nullptr, int(ignored));
    if (!r.bodiesAreJson()) {
        const auto state = [](const QString &notJson) {
            return notJson.isEmpty() ? tr("JSON") : tr("not JSON (%1)").arg(notJson);
        };
        parts << tr("bodies compared as text: before %1, after %2")
                     .arg(state(r.beforeNotJson), state(r.afterNotJson));
    }
    m_ui->diffSummaryLabel->setText(parts.join(QStringLiteral(" · ")));
}

QStringList DiffView::ignoredPaths() const
{
    return Settings::instance().get(Settings::Key::DiffIgnoredPaths).toStringList();
}

CaptureDiffOptions DiffView::options() const
{
    CaptureDiffOptions o;
    o.ignore = ignoredPaths();
    o.ignoreVolatileHeaders = m_ui->volatileHeadersCheck->isChecked();
    return o;
}

void DiffView::setIgnored(const QStringList &patterns)
{
    Settings::instance().set(Settings::Key::DiffIgnoredPaths, patterns);
    m_model->applyIgnores(options());
    updateSummary();
}

void DiffView::ignoreSelected(bool ignore)
{
    QStringList patterns = ignoredPaths();
    for (const QModelIndex &i : m_ui->diffTable->selectionModel()->selectedRows()) {
        const QString pattern = i.data(DiffModel::IgnorePatternRole).toString();
        if (pattern.isEmpty())
            continue;
        if (ignore && !patterns.contains(pattern))
            patterns.append(pattern);
        else if (!ignore)
            patterns.removeAll(pattern);
    }
    setIgnored(patterns);
}

void DiffView::updateActions()
{
    const QStringList ignored = ignoredPaths();
    bool canIgnore = false;
    bool canStop = false;
    for (const QModelIndex &i : m_ui->diffTable->selectionModel()->selectedRows()) {
        const QString pattern = i.data(DiffModel::IgnorePatternRole).toString();
        canIgnore = canIgnore || (!pattern.isEmpty() && !ignored.contains(pattern));
        canStop = canStop || ignored.contains(pattern);
    }
    m_ui->ignorePathAction->setEnabled(canIgnore);
    m_ui->unignorePathAction->setEnabled(canStop);
    m_ui->resetIgnoredButton->setEnabled(!ignored.isEmpty());
}
