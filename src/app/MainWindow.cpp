// SPDX-License-Identifier: MIT
#include "MainWindow.h"

#include "AboutDialog.h"
#include "ActivityStrip.h"
#include "CaptureAnnotator.h"
#include "CaptureItemDelegate.h"
#include "CaptureLoader.h"
#include "CaptureTableModel.h"
#include "CheckDialog.h"
#include "DiffActions.h"
#include "DiffView.h"
#include "EmptyState.h"
#include "ExportActions.h"
#include "FilterBox.h"
#include "HeldForwardsView.h"
#include "JobIndicator.h"
#include "ListenerBar.h"
#include "Navigator.h"
#include "Notifier.h"
#include "PaletteWatcher.h"
#include "PayloadView.h"
#include "PreferencesDialog.h"
#include "ReplayDialog.h"
#include "ResendPanel.h"
#include "SessionMenu.h"
#include "StatusLine.h"
#include "TableColumns.h"
#include "TableFilter.h"
#include "TimelineView.h"
#include "capture/CaptureStore.h"
#include "delivery/Forwarder.h"
#include "interchange/CopyAs.h"
#include "listener/Listener.h"
#include "query/QuerySearch.h"
#include "session/AppSettings.h"
#include "session/JobRunner.h"
#include "session/SessionEngine.h"
#include "session/Settings.h"
#include "ui_MainWindow.h"

#include <QClipboard>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QScrollBar>
#include <QTabWidget>

#include <algorithm>

using namespace Qt::StringLiterals;

MainWindow::MainWindow(SessionEngine *engine, NgrokWatcher *ngrok, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_engine(engine)
    , m_store(engine->store())
    , m_listener(engine->listener())
    , m_model(new CaptureTableModel(m_store, engine->jobs(), this))
    , m_bar(nullptr)
    , m_payload(new PayloadView(this))
    , m_loader(new CaptureLoader(m_store, this))
    , m_resend(new ResendPanel(engine->forwarder(), this))
    , m_held(new HeldForwardsView(engine->forwarder(), this))
    , m_diff(new DiffView(engine, this))
    , m_sideTabs(new QTabWidget(this))
    , m_jobs(new JobIndicator(engine->jobs(), this))
{
    m_ui->setupUi(this);
    m_bar = new ListenerBar(m_listener, ngrok, m_ui->listenerBarHost);
    m_ui->listenerBarLayout->addWidget(m_bar);
    m_sideTabs->setObjectName(QStringLiteral("sideTabs"));
    m_sideTabs->addTab(m_payload, tr("&Payload"));
    m_sideTabs->addTab(m_resend, tr("&Deliver"));
    m_sideTabs->addTab(m_diff, tr("D&iff"));
    m_ui->payloadLayout->addWidget(m_sideTabs);
    setUpForwarding();
    m_bar->setConfirmExposure([this](const QString &address) {
        return QMessageBox::warning(this, tr("Listen on %1?").arg(address),
                                    tr("On %1, other machines on your network can send requests "
                                       "to HookScope. ngrok only needs 127.0.0.1.")
                                        .arg(address),
                                    QMessageBox::Yes | QMessageBox::Cancel,
                                    QMessageBox::Cancel) == QMessageBox::Yes;
    });
    m_confirmClear = [this] {
        return QMessageBox::question(
                   this, tr("Clear the view?"),
                   tr("Hide all %n capture(s) from the view? Nothing is deleted: the journal "
                      "keeps them, and they show again when this session is next opened, as when "
                      "HookScope starts again. To delete captures, select them and press Del; to "
                      "start empty, use File → New session.",
                      nullptr, int(m_store->size()))) == QMessageBox::Yes;
    };
    m_ui->statusBar->addPermanentWidget(m_jobs);
    m_status = new StatusLine(m_ui->statusBar, engine, m_bar, this);
    setUpTable();
    setUpPictures();
    setUpDiff();
    m_ui->captureMenu->addSeparator();
    m_ui->captureMenu->addActions(
        (new CaptureAnnotator(engine, m_model, m_ui->captureTable, m_ui->statusBar))->actions());
    setUpFilters();
    setUpActions();
    setAcceptDrops(true);
    setUpSessionActions();
    m_notifier = new Notifier(m_listener, engine->forwarder(), this, this);
    connect(m_notifier, &Notifier::activated, this, [this](quint64 id) {
        if (const qsizetype row = m_store->rowOfId(id); row >= 0 && m_model->rowOfStoreRow(row) < 0)
            clearFilters(); // filtered out: show it
        selectStoreRow(m_store->rowOfId(id));
    });
    connect(m_bar, &ListenerBar::webhookUrlChanged, this,
            [](const QString &url) { Settings::instance().set(Settings::Key::WebhookUrl, url); });
    new Navigator({this, m_ui->captureTable, m_sideTabs, m_payload, m_bar, m_ui->editMenu,
                   m_ui->viewMenu, m_ui->captureMenu, m_ui->helpMenu},
                  this);
    restoreSettings();
    updateCounts();
}

MainWindow::~MainWindow() = default;

void MainWindow::setUpTable()
{
    QTableView *table = m_ui->captureTable;
    table->setModel(m_model);
    table->setItemDelegate(new CaptureItemDelegate(table));
    PaletteWatcher::watch(table, [this](const QPalette &p) { m_model->setPalette(p); });
    // Fixed row heights: measuring rows costs seconds at a hundred thousand captures.
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSortIndicator(CaptureTableModel::IdColumn, Qt::AscendingOrder);
    TableColumns::setUp(table);
    table->addActions({m_ui->showKeyAction, m_ui->jumpToFirstAction, m_ui->resendAction,
                       m_ui->resendSpacedAction, m_ui->copyPayloadAction});
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onSelectionChanged);
    connect(m_loader, &CaptureLoader::loaded, this, &MainWindow::showCapture);
    connect(m_store, &CaptureStore::appended, this, &MainWindow::onAppended);
    connect(m_model, &CaptureTableModel::countsChanged, this, &MainWindow::updateCounts);
    connect(m_model, &CaptureTableModel::modelReset, this, &MainWindow::onSelectionChanged);
    (new EmptyState(this))->standIn(m_ui->captureTable, m_store, m_bar, m_ui->statusBar);
    // The table keeps the larger share; the detail pane gives way down to what its tabs need.
    m_ui->payloadHost->setMinimumWidth(400);
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 2);
    m_ui->splitter->setSizes({780, 500});
}

// The Diff tab compares the selection; a row's menu compares it with its previous attempt or
// with the delivery it conflicts with.
void MainWindow::setUpDiff()
{
    const QList<QAction *> actions{m_ui->compareWithPreviousAction,
                                   m_ui->compareWithConflictAction};
    m_ui->captureTable->addActions(actions);
    m_ui->captureMenu->addSeparator();
    m_ui->captureMenu->addActions(actions);
    connect(m_payload, &PayloadView::compareWithConflict, m_ui->compareWithConflictAction,
            &QAction::trigger);
    new DiffActions(m_ui->captureTable, m_model, m_diff, m_sideTabs,
                    {m_ui->compareWithPreviousAction, m_ui->compareWithConflictAction}, this);
}

void MainWindow::setUpFilters()
{
    m_filterBox =
        new FilterBox({m_ui->filterEdit, m_ui->taskCombo, m_ui->statusCombo, m_ui->duplicatesCheck,
                       m_ui->findingsCheck, m_ui->filterErrorLabel, m_ui->savedFiltersButton},
                      this);
    connect(m_filterBox, &FilterBox::queryChanged, this, [this](const Query &query) {
        const qsizetype keep = currentStoreRow();
        m_model->setQuery(query);
        if (keep >= 0)
            selectStoreRow(keep);
    });
    connect(m_model, &CaptureTableModel::searchingChanged, this, &MainWindow::updateCounts);
    connect(m_model, &CaptureTableModel::searchCanceled, this, [this] {
        const QSignalBlocker blocker(m_ui->filterEdit);
        m_ui->filterEdit->clear();
        m_ui->statusBar->showMessage(tr("Search cancelled: the filter is off."));
    });
}

void MainWindow::setUpActions()
{
    connect(m_ui->quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->clearAction, &QAction::triggered, this, &MainWindow::clearCaptures);
    connect(m_ui->copyPayloadAction, &QAction::triggered, m_payload, &PayloadView::copyBody);
    connect(m_ui->findAction, &QAction::triggered, this, [this] {
        // Ctrl+F searches the payload while the reader is in it, the captures elsewhere.
        if (m_payload->isReading()) {
            m_payload->focusFind();
            return;
        }
        m_ui->filterEdit->setFocus();
        m_ui->filterEdit->selectAll();
    });
    connect(m_ui->findInPayloadAction, &QAction::triggered, m_payload, &PayloadView::focusFind);
    connect(m_ui->followAction, &QAction::toggled, m_ui->followCheck, &QCheckBox::setChecked);
    connect(m_ui->followCheck, &QCheckBox::toggled, m_ui->followAction, &QAction::setChecked);
    connect(m_ui->followCheck, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            m_ui->captureTable->scrollToBottom();
    });
    connect(m_ui->clearFiltersAction, &QAction::triggered, this, &MainWindow::clearFilters);
    connect(m_ui->showKeyAction, &QAction::triggered, this, &MainWindow::showKeyOfCurrent);
    connect(m_ui->jumpToFirstAction, &QAction::triggered, this, &MainWindow::jumpToFirstOfCurrent);
    connect(m_ui->resendAction, &QAction::triggered, this, [this] { resendSelection(false); });
    connect(m_ui->resendSpacedAction, &QAction::triggered, this, [this] { resendSelection(true); });
    connect(m_ui->checkEndpointAction, &QAction::triggered, this, &MainWindow::checkEndpoint);
    connect(m_ui->replayAction, &QAction::triggered, this, &MainWindow::replay);
    connect(m_ui->preferencesAction, &QAction::triggered, this, &MainWindow::showPreferences);
    connect(m_ui->copyCurlAction, &QAction::triggered, this, [this] { copyAs(&CopyAs::curl); });
    connect(m_ui->copyFetchAction, &QAction::triggered, this,
            [this] { copyAs(&CopyAs::nodeFetch); });
    connect(m_ui->copyPythonAction, &QAction::triggered, this,
            [this] { copyAs(&CopyAs::pythonRequests); });
    connect(m_ui->aboutAction, &QAction::triggered, this, [this] { AboutDialog(this).exec(); });
}

void MainWindow::clearFilters()
{
    m_model->setTimeRange(TableFilter::kNoSince, TableFilter::kNoUntil);
    m_filterBox->clear();
}

qsizetype MainWindow::currentStoreRow() const
{
    const QModelIndex current = m_ui->captureTable->currentIndex();
    return current.isValid() ? m_model->storeRow(current.row()) : -1;
}

void MainWindow::selectStoreRow(qsizetype storeRow)
{
    const int row = m_model->rowOfStoreRow(storeRow);
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, 0);
    m_ui->captureTable->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_ui->captureTable->scrollTo(index);
}

void MainWindow::onSelectionChanged()
{
    const qsizetype row = currentStoreRow();
    const bool inGroup = row >= 0 && m_store->row(row).group >= 0;
    m_ui->showKeyAction->setEnabled(inGroup);
    m_ui->jumpToFirstAction->setEnabled(inGroup);
    m_loader->load(row);
    if (m_loader->isLoading())
        m_payload->showLoading(m_store->row(row).id);
}

// The selected capture, read from the journal (CaptureLoader), in the panels that show it.
void MainWindow::showCapture(qsizetype row, const CapturePtr &capture, const QString &error)
{
    if (row != currentStoreRow())
        return; // the selection moved on while it was read
    if (!error.isEmpty())
        m_ui->statusBar->showMessage(error);
    m_payload->setCapture(capture);
    if (capture) {
        const CaptureTableModel::ForwardNote note = m_model->forwardNote(capture->id);
        m_payload->setForwardResult(note.summary, note.slow);
    }
    if (capture && !m_resend->isBusy())
        m_resend->setCapture(capture);
    if (!capture)
        return;
    const CaptureStore::Row &r = m_store->row(row);
    if (r.group >= 0 && (r.flags & CaptureStore::Conflict))
        m_payload->setConflictWith(m_store->group(r.group).firstId);
}

void MainWindow::onAppended()
{
    m_bar->showRuleState();
    // Follow only while the view sits at the bottom: reading an older row is not disturbed,
    // and the box says so instead of staying checked while nothing follows.
    QScrollBar *bar = m_ui->captureTable->verticalScrollBar();
    if (!m_ui->followCheck->isChecked())
        return;
    if (bar->value() >=
        bar->maximum() - 2 * m_ui->captureTable->verticalHeader()->defaultSectionSize()) {
        m_ui->captureTable->scrollToBottom();
        return;
    }
    m_ui->followCheck->setChecked(false);
    m_ui->statusBar->showMessage(
        tr("Follow paused while you read older rows: check Follow to jump to the newest."), 6000);
}

void MainWindow::showKeyOfCurrent()
{
    const qsizetype row = currentStoreRow();
    if (row < 0 || m_store->row(row).group < 0)
        return;
    // Quoted, so that the key is taken literally.
    QString key = m_store->key(row).toString();
    key.replace(u'\\', "\\\\"_L1).replace(u'"', "\\\""_L1);
    m_filterBox->setText("key:\""_L1 + key + u'"');
    selectStoreRow(row);
}

void MainWindow::jumpToFirstOfCurrent()
{
    const qsizetype row = currentStoreRow();
    if (row < 0 || m_store->row(row).group < 0)
        return;
    // The key's first capture by the journal's numbering, which retention may have left out:
    // the earliest row loaded would then be the wrong one.
    const quint64 firstId = m_store->group(m_store->row(row).group).firstId;
    const qsizetype first = m_store->rowOfId(firstId);
    if (first < 0) {
        m_ui->statusBar->showMessage(
            tr("The first delivery of key %1, #%2, is not loaded: retention keeps only the "
               "newest captures of this session.")
                .arg(m_store->key(row), QString::number(firstId)));
        return;
    }
    if (m_model->rowOfStoreRow(first) < 0)
        clearFilters();
    selectStoreRow(first);
}

// The Held tab beside Payload and Deliver, its title counting what waits; forward results in
// the table and the payload header.
void MainWindow::setUpForwarding()
{
    const auto heldTitle = [](int count) {
        return count == 0 ? tr("He&ld") : tr("He&ld (%1)").arg(count);
    };
    const int heldTab = m_sideTabs->addTab(m_held, heldTitle(m_held->count()));
    connect(m_held, &HeldForwardsView::countChanged, this, [this, heldTab, heldTitle](int count) {
        m_sideTabs->setTabText(heldTab, heldTitle(count));
    });
    connect(m_held, &HeldForwardsView::captureSelected, this,
            [this](quint64 id) { selectStoreRow(m_store->rowOfId(id)); });
    connect(m_resend, &ResendPanel::forwarded, this, &MainWindow::showForwardResult);
}

// The Timeline tab for the selected capture's key, and the activity strip over the table, whose
// drag sets the table's time range (CaptureTableModel::setTimeRange).
void MainWindow::setUpPictures()
{
    auto *strip = new ActivityStrip(m_store, this);
    m_ui->centralLayout->insertWidget(m_ui->centralLayout->indexOf(m_ui->splitter), strip);
    connect(strip, &ActivityStrip::rangeChanged, m_model, &CaptureTableModel::setTimeRange);
    connect(m_model, &CaptureTableModel::modelReset, strip, [this, strip] {
        strip->showRange(m_model->tableFilter().sinceMs(), m_model->tableFilter().untilMs());
    });
    auto *timeline = new TimelineView(m_store, m_model, this);
    m_sideTabs->addTab(timeline, tr("&Timeline"));
    const auto follow = [this, timeline] { timeline->showRow(currentStoreRow()); };
    connect(m_ui->captureTable->selectionModel(), &QItemSelectionModel::currentRowChanged, timeline,
            follow);
    connect(m_model, &CaptureTableModel::modelReset, timeline, follow);
    connect(timeline, &TimelineView::captureActivated, this, [this](qsizetype row) {
        if (m_model->rowOfStoreRow(row) < 0)
            clearFilters(); // the attempt is filtered out of the table: show it
        selectStoreRow(row);
    });
}

void MainWindow::showForwardResult(quint64 captureId, const QString &summary, const QString &cell,
                                   bool slow, int status)
{
    m_model->setForwardResult(captureId, summary, cell, slow, status);
    if (const CapturePtr shown = m_payload->capture(); shown && shown->id == captureId)
        m_payload->setForwardResult(summary, slow);
}

// Resends the selected captures in table order to the delivery panel's target: back to back,
// or spaced as they arrived (gaps of a minute or more are idle time and shortened).
void MainWindow::resendSelection(bool keepOriginalSpacing)
{
    const CaptureBatch captures = selectedCaptures();
    if (captures.isEmpty())
        return;
    m_sideTabs->setCurrentWidget(m_resend);
    m_resend->resend(captures, keepOriginalSpacing);
}

// The Hoox contract scorecard of the Deliver tab's target.
void MainWindow::checkEndpoint()
{
    auto *dialog = new CheckDialog(m_resend->targetUrl(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

// Replays all captures, the selection, or those a filter matches, read back from the journal
// as a job when the replay starts: a whole session can be large, and the window must not wait.
void MainWindow::replay()
{
    const auto provider = [this](ReplayDialog::Scope scope, const Query &filter,
                                 const ReplayDialog::CaptureSink &deliver) {
        if (scope == ReplayDialog::Scope::Filter) {
            auto facts = std::make_shared<QHash<quint64, QueryFacts>>();
            const QList<qsizetype> rows =
                QuerySearch::candidates(filter, *m_store, &m_model->annotations(), facts.get());
            m_engine->readCaptures(
                rows, false,
                [filter, facts](const Capture &c) {
                    const QueryFacts f = facts->value(c.id);
                    return filter.matches(c, &f);
                },
                deliver);
            return;
        }
        const bool selection = scope == ReplayDialog::Scope::Selection;
        m_engine->readCaptures(selection ? selectedStoreRows() : QList<qsizetype>{}, !selection, {},
                               deliver);
    };
    auto *dialog =
        new ReplayDialog(m_resend->targetUrl(), int(selectedStoreRows().size()), provider, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

// The store rows of the selection, in table order.
QList<qsizetype> MainWindow::selectedStoreRows() const
{
    QList<int> rows;
    for (const QModelIndex &i : m_ui->captureTable->selectionModel()->selectedRows())
        rows << i.row();
    std::sort(rows.begin(), rows.end());
    QList<qsizetype> storeRows;
    storeRows.reserve(rows.size());
    for (int r : rows)
        storeRows << m_model->storeRow(r);
    return storeRows;
}

// The selected captures in table order, read back from the journal.
CaptureBatch MainWindow::selectedCaptures() const
{
    CaptureBatch captures;
    for (qsizetype row : selectedStoreRows()) {
        if (CapturePtr c = m_store->capture(row))
            captures << std::move(c);
    }
    return captures;
}

void MainWindow::setUpSessionActions()
{
    m_sessions = new SessionMenu(
        m_engine,
        {m_ui->newSessionAction, m_ui->openJournalAction, m_ui->recentMenu, m_ui->importAction},
        m_ui->statusBar, m_status->journalLabel(), this);
    connect(m_sessions, &SessionMenu::opened, this, &MainWindow::updateCounts);
    m_export = new ExportActions(
        m_engine, m_ui->captureTable, {m_ui->exportAllAction, m_ui->exportSelectionAction},
        [this] { return selectedStoreRows(); }, m_ui->statusBar, this);
}

void MainWindow::openJournal(const QString &path)
{
    m_sessions->openJournal(path);
}

void MainWindow::importFiles(const QStringList &files)
{
    m_sessions->importFiles(files);
}

quint64 MainWindow::exportTo(const QString &file, bool selectionOnly)
{
    return m_export->exportTo(file, ExportActions::formatOfName(file), selectionOnly);
}

void MainWindow::copyAs(QString (*render)(const Capture &, const QString &))
{
    if (const CapturePtr c = m_payload->capture())
        QGuiApplication::clipboard()->setText(render(*c, {}));
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList files;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            files << url.toLocalFile();
    }
    importFiles(files);
    event->acceptProposedAction();
}

void MainWindow::showPreferences()
{
    auto *dialog = new PreferencesDialog(AppSettings::load(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PreferencesDialog::settingsChanged, this, &MainWindow::applySettings);
    dialog->open();
}

// What can change while running does: the answer, the delivery target, the address.
// New limits take effect at the next start of HookScope.
void MainWindow::applySettings(const AppSettings &settings)
{
    // The rule only: "fail next" or "delay next" armed in the bar carries on.
    m_listener->policy()->setRule(settings.response);
    m_bar->showRule();
    QStringList targets = m_resend->targetHistory();
    targets.removeAll(settings.deliveryTarget.toString());
    targets.prepend(settings.deliveryTarget.toString());
    m_resend->setTargetHistory(targets);
    m_engine->setRetention(settings.maxCaptures, settings.maxAgeDays);
    m_engine->setJournalSync(settings.journalSync);
    m_notifier->setKinds(settings.notifications);
    const QHostAddress bind(settings.bindAddress);
    if (m_listener->isListening() &&
        (m_listener->port() != settings.port || m_listener->address() != bind))
        m_bar->startListening(bind, settings.port);
}

void MainWindow::clearCaptures()
{
    if (m_store->size() == 0 || !m_confirmClear())
        return;
    m_store->clear();
}

void MainWindow::updateCounts()
{
    QString text = tr("%L1 of %L2 shown").arg(m_model->rowCount()).arg(m_store->size());
    if (m_model->isSearching())
        text += tr(" · searching…");
    m_ui->countLabel->setText(text);
    m_status->showTotal();
}

void MainWindow::restoreSettings()
{
    const Settings &s = Settings::instance();
    restoreGeometry(s.get(Settings::Key::WindowGeometry).toByteArray());
    m_ui->splitter->restoreState(s.get(Settings::Key::WindowSplitter).toByteArray());
    m_ui->captureTable->horizontalHeader()->restoreState(
        s.get(Settings::Key::WindowColumns).toByteArray());
    // The delivery target last used, then the ones before it.
    QStringList targets = s.get(Settings::Key::DeliveryTargetHistory).toStringList();
    const QString target = AppSettings::load(s).deliveryTarget.toString();
    targets.removeAll(target);
    targets.prepend(target);
    m_resend->setTargetHistory(targets);
    m_bar->setWebhookUrl(s.get(Settings::Key::WebhookUrl).toString());
    m_notifier->setKinds(AppSettings::load(s).notifications);
    // Arrival order after a restart: a saved sort would hide the newest deliveries.
    m_ui->captureTable->horizontalHeader()->setSortIndicator(CaptureTableModel::IdColumn,
                                                             Qt::AscendingOrder);
}

void MainWindow::saveSettings() const
{
    Settings &s = Settings::instance();
    s.set(Settings::Key::WindowGeometry, saveGeometry());
    s.set(Settings::Key::WindowSplitter, m_ui->splitter->saveState());
    s.set(Settings::Key::WindowColumns, m_ui->captureTable->horizontalHeader()->saveState());
    s.set(Settings::Key::DeliveryTargetHistory, m_resend->targetHistory());
    if (m_listener->isListening())
        s.set(Settings::Key::ListenerPort, m_listener->port());
    s.sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    event->accept();
}
