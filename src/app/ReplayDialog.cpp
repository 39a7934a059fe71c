// SPDX-License-Identifier: MIT
#include "ReplayDialog.h"

#include "VerdictIcon.h"
#include "delivery/ReplayText.h"
#include "ui_ReplayDialog.h"

#include <QListWidgetItem>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpressionValidator>

#include <algorithm>

namespace {

constexpr int kFlushMs = 100;         // results reach the list in batches, not one by one
constexpr int kFilterDelayMs = 250;   // no error flashing up while a term is half typed
constexpr int kMaxListedFailures = 8; // the list above has them all

QString reportText(const ReplayReport &r, quint32 seed)
{
    QString text = ReplayText::summary(r, seed);
    if (const QString advice = ReplayText::noneReached(r, ReplayDialog::tr("the target"));
        !advice.isEmpty())
        text += u'\n' + advice;
    for (qsizetype i = 0; i < qMin<qsizetype>(r.failures.size(), kMaxListedFailures); ++i)
        text += u'\n' + ReplayText::failure(r.failures.at(i));
    if (r.failures.size() > kMaxListedFailures)
        text += u'\n' + ReplayDialog::tr("  and %1 more not delivered, marked in the list above")
                            .arg(r.failures.size() - kMaxListedFailures);
    return text;
}

} // namespace

ReplayDialog::ReplayDialog(const QUrl &target, int selectedCount, CaptureProvider provider,
                           QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ReplayDialog>())
    , m_replayer(std::make_unique<Replayer>())
    , m_provider(std::move(provider))
{
    m_ui->setupUi(this);
    m_ui->replayUrl->setText(target.toString());
    m_ui->scopeSelection->setEnabled(selectedCount > 0);
    m_ui->scopeSelection->setText(selectedCount > 0
                                      ? tr("The &selected captures (%1)").arg(selectedCount)
                                      : tr("The &selected captures (none selected)"));
    (selectedCount > 0 ? m_ui->scopeSelection : m_ui->scopeAll)->setChecked(true);
    setUpFilter();
    setUpChaos();
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kFlushMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &ReplayDialog::flushResults);
    connect(m_ui->backToBack, &QRadioButton::toggled, m_ui->speedSpin,
            [this](bool on) { m_ui->speedSpin->setEnabled(!on); });
    connect(m_ui->startReplayButton, &QPushButton::clicked, this, &ReplayDialog::start);
    connect(m_ui->cancelReplayButton, &QPushButton::clicked, this, &ReplayDialog::cancel);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ReplayDialog::reject);
    connect(m_replayer.get(), &Replayer::delivered, this, &ReplayDialog::onDelivered);
    connect(m_replayer.get(), &Replayer::finished, this, &ReplayDialog::onFinished);
}

ReplayDialog::~ReplayDialog() = default;

void ReplayDialog::setUpFilter()
{
    m_ui->filterError->hide();
    m_filterTimer.setSingleShot(true);
    m_filterTimer.setInterval(kFilterDelayMs);
    connect(&m_filterTimer, &QTimer::timeout, this, &ReplayDialog::showFilterProblem);
    connect(m_ui->filterEdit, &QLineEdit::textEdited, this, [this] {
        m_ui->scopeFilter->setChecked(true);
        m_filterTimer.start();
    });
    connect(m_ui->scopeFilter, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            m_filterTimer.start();
        else
            showFilterProblem(); // hides it: other scopes need no filter
    });
}

void ReplayDialog::setUpChaos()
{
    m_ui->seedEdit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{0,10}")), this));
    m_ui->seedEdit->setText(QString::number(QRandomGenerator::global()->generate()));
    connect(m_ui->newSeedButton, &QPushButton::clicked, this, [this] {
        m_ui->seedEdit->setText(QString::number(QRandomGenerator::global()->generate()));
    });
    // A window of one shuffles nothing: stepping goes from Off straight to 2 and back.
    connect(m_ui->reorderSpin, &QSpinBox::valueChanged, this, [this](int value) {
        if (value == 1) {
            m_ui->reorderSpin->setValue(m_lastReorder >= 2 ? 0 : 2);
            return;
        }
        m_lastReorder = value;
    });
}

void ReplayDialog::setDeliveryOptions(const DeliveryOptions &options)
{
    m_delivery = options;
}

bool ReplayDialog::isRunning() const
{
    return m_reading != 0 || m_replayer->isRunning();
}

ReplayDialog::Scope ReplayDialog::scope() const
{
    if (m_ui->scopeFilter->isChecked())
        return Scope::Filter;
    return m_ui->scopeSelection->isChecked() ? Scope::Selection : Scope::All;
}

bool ReplayDialog::readFilter(Query *filter, QString *problem) const
{
    const QString text = m_ui->filterEdit->text().trimmed();
    if (text.isEmpty()) {
        *problem = tr("Write a filter such as task:avatar_* status:failed, or choose All "
                      "captures.");
        return false;
    }
    *filter = Query::parse(text);
    if (filter->isValid())
        return true;
    *problem = tr("The filter \"%1\": %2").arg(text, filter->error().toString());
    return false;
}

void ReplayDialog::showFilterProblem()
{
    m_filterTimer.stop();
    Query filter;
    QString problem;
    const bool show = m_ui->scopeFilter->isChecked() && !m_ui->filterEdit->text().isEmpty() &&
                      !readFilter(&filter, &problem);
    m_ui->filterError->setText(problem);
    m_ui->filterError->setVisible(show);
}

bool ReplayDialog::readSeed(quint32 *seed, QString *problem) const
{
    bool ok = false;
    *seed = m_ui->seedEdit->text().toUInt(&ok);
    if (!ok)
        *problem = tr("The seed needs a whole number from 0 to 4294967295, not \"%1\".")
                       .arg(m_ui->seedEdit->text());
    return ok;
}

bool ReplayDialog::readForm(Run *run, QString *problem) const
{
    const QString url = m_ui->replayUrl->text().trimmed();
    run->url = QUrl(url, QUrl::StrictMode);
    if (!isForwardUrl(run->url)) {
        *problem = tr("The target needs an http:// or https:// URL such as "
                      "http://localhost:3000/webhook/hoox, not \"%1\".")
                       .arg(url);
        return false;
    }
    if (scope() == Scope::Filter && !readFilter(&run->filter, problem))
        return false;
    ReplayOptions &o = run->options;
    o.backToBack = m_ui->backToBack->isChecked();
    // The spin box holds its last good value while the text is, say, "0": say so, not that.
    if (!o.backToBack && !m_ui->speedSpin->hasAcceptableInput()) {
        *problem = tr("The speed needs a factor above 0, such as 2 (twice as fast) or 0.5, not "
                      "\"%1\"; Back to back sends without pauses.")
                       .arg(m_ui->speedSpin->cleanText());
        return false;
    }
    o.speed = m_ui->speedSpin->value();
    o.duplicate = m_ui->duplicateSpin->value() / 100.0;
    o.drop = m_ui->dropSpin->value() / 100.0;
    o.reorderWindow = m_ui->reorderSpin->value();
    o.delivery = m_delivery;
    o.delivery.likeHoox = m_ui->likeHoox->isChecked();
    return readSeed(&o.seed, problem);
}

QString ReplayDialog::nothingToReplay() const
{
    switch (scope()) {
    case Scope::Selection:
        return tr("Nothing to replay: none of the selected captures could be read back.");
    case Scope::Filter:
        return tr("Nothing to replay: no capture matches the filter \"%1\".")
            .arg(m_ui->filterEdit->text().trimmed());
    case Scope::All:
        break;
    }
    return tr("Nothing to replay: there are no captures yet.");
}

void ReplayDialog::start()
{
    if (isRunning())
        return;
    Run run;
    QString problem;
    if (!readForm(&run, &problem)) {
        m_ui->replayReport->setText(problem);
        showFilterProblem();
        return;
    }
    if (!m_provider) {
        m_ui->replayReport->setText(nothingToReplay());
        return;
    }
    m_reading = ++m_readCount;
    setRunning(true);
    m_ui->replayReport->setText(tr("Reading the captures…"));
    QPointer<ReplayDialog> self(this);
    const quint64 reading = m_reading;
    m_provider(scope(), run.filter,
               [self, reading, run](QList<CapturePtr> captures, const QString &error) {
                   if (self && self->m_reading == reading)
                       self->begin(run, std::move(captures), error);
               });
}

void ReplayDialog::begin(const Run &run, QList<CapturePtr> captures, const QString &error)
{
    m_reading = 0;
    captures.removeAll(nullptr);
    if (!error.isEmpty() || captures.isEmpty()) {
        setRunning(false);
        m_ui->replayReport->setText(error.isEmpty() ? nothingToReplay() : error);
        return;
    }
    std::stable_sort(captures.begin(), captures.end(),
                     [](const CapturePtr &a, const CapturePtr &b) { return a->id < b->id; });
    int dropped = 0;
    const QList<ReplayItem> plan = Replayer::plan(captures, run.options, &dropped);
    m_seed = run.options.seed;
    m_pending.clear();
    m_ui->replayResults->clear();
    m_ui->replayProgress->setFormat(tr("%v of %m"));
    m_ui->replayProgress->setRange(0, int(qMax<qsizetype>(1, plan.size())));
    m_ui->replayProgress->setValue(0);
    m_ui->replayReport->setText(ReplayText::start(plan.size(), captures.size(), run.url, m_seed));
    m_replayer->start(run.url, plan, run.options, dropped);
}

void ReplayDialog::cancel()
{
    if (m_reading != 0) { // the captures that come now are not used
        m_reading = 0;
        setRunning(false);
        m_ui->replayReport->setText(tr("Cancelled before sending anything."));
        return;
    }
    m_replayer->cancel(); // finished() follows at once, with what was answered so far
}

void ReplayDialog::reject()
{
    cancel();
    QDialog::reject();
}

void ReplayDialog::setRunning(bool running)
{
    for (QWidget *w :
         {static_cast<QWidget *>(m_ui->replayUrl), static_cast<QWidget *>(m_ui->scopeGroup),
          static_cast<QWidget *>(m_ui->pacingGroup), static_cast<QWidget *>(m_ui->chaosGroup),
          static_cast<QWidget *>(m_ui->startReplayButton)})
        w->setEnabled(!running);
    m_ui->cancelReplayButton->setEnabled(running);
}

void ReplayDialog::onDelivered(const ReplayResult &result, int done, int total)
{
    m_pending.append({ReplayText::result(result), result.delivered()});
    m_ui->replayProgress->setRange(0, total);
    m_ui->replayProgress->setValue(done);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void ReplayDialog::flushResults()
{
    m_flushTimer.stop();
    if (m_pending.isEmpty())
        return;
    QListWidget *list = m_ui->replayResults;
    const int first = list->count();
    QStringList lines;
    lines.reserve(m_pending.size());
    for (const auto &p : std::as_const(m_pending))
        lines.append(p.first);
    list->addItems(lines); // one insertion for the batch
    const QIcon good = VerdictIcon::icon(VerdictIcon::Tone::Good);
    const QIcon bad = VerdictIcon::icon(VerdictIcon::Tone::Bad);
    for (qsizetype i = 0; i < m_pending.size(); ++i)
        list->item(first + int(i))->setIcon(m_pending.at(i).second ? good : bad);
    m_pending.clear();
    list->scrollToBottom();
}

void ReplayDialog::onFinished(const ReplayReport &report)
{
    flushResults();
    if (report.planned == 0) { // every capture dropped on purpose
        m_ui->replayProgress->setFormat(tr("all dropped"));
        m_ui->replayProgress->setValue(m_ui->replayProgress->maximum());
    }
    m_ui->replayReport->setText(reportText(report, m_seed));
    setRunning(false);
    emit replayFinished(report, m_seed);
}
