// SPDX-License-Identifier: MIT
#include "CheckDialog.h"

#include "AttemptText.h"
#include "VerdictIcon.h"
#include "delivery/CheckReport.h"
#include "delivery/DeliveryRequest.h"
#include "delivery/ForwardRoute.h"
#include "ui_CheckDialog.h"

#include <QFileDialog>
#include <QFontDatabase>
#include <QHeaderView>
#include <QMessageBox>
#include <QSaveFile>
#include <QTableWidgetItem>

#include <algorithm>

namespace {

enum Column { VerdictColumn, ScenarioColumn, AnswerColumn, LatencyColumn, ReasonColumn };

QString verdictText(CheckResult::Verdict v)
{
    switch (v) {
    case CheckResult::Verdict::Pass:
        return CheckDialog::tr("Pass");
    case CheckResult::Verdict::Warn:
        return CheckDialog::tr("Warn");
    case CheckResult::Verdict::Fail:
        return CheckDialog::tr("Fail");
    }
    return {};
}

VerdictIcon::Tone toneOf(CheckResult::Verdict v)
{
    switch (v) {
    case CheckResult::Verdict::Pass:
        return VerdictIcon::Tone::Good;
    case CheckResult::Verdict::Warn:
        return VerdictIcon::Tone::Warning;
    case CheckResult::Verdict::Fail:
        break;
    }
    return VerdictIcon::Tone::Bad;
}

// How many scenarios a run under `o` makes, for the progress bar before the first is done.
int scenarioCount(const CheckOptions &o)
{
    const auto all = EndpointCheck::catalogue(o.expectSenderCheck);
    return int(std::count_if(all.cbegin(), all.cend(), [&o](const auto &s) {
        return o.only.isEmpty() || o.only.contains(s.first) || o.only.contains(s.second);
    }));
}

// A scenario's grade, then each of its requests with the endpoint's answer.
QString scenarioText(const CheckResult &r, const QUrl &url)
{
    QString text = r.name + QStringLiteral(": ") + verdictText(r.verdict) + u'\n' +
                   CheckDialog::tr("Expected: %1").arg(r.expectation) + u'\n' +
                   CheckDialog::tr("Got: %1").arg(r.answer) + u'\n';
    if (!r.reason.isEmpty())
        text += r.reason + u'\n';
    for (qsizetype i = 0; i < r.shots.size(); ++i) {
        const CheckShot &s = r.shots.at(i);
        text += u'\n' +
                CheckDialog::tr("── Request %1 of %2: %3 ──")
                    .arg(QString::number(i + 1), QString::number(r.shots.size()), s.label) +
                u'\n' + AttemptText::request(url, s.headers, s.body) + QStringLiteral("\n\n") +
                AttemptText::answer(s.attempt) + u'\n';
    }
    return text;
}

// Rich text, so that a long reason wraps in the tool tip; escaped, so that it stays text.
QString scenarioToolTip(const CheckResult &r)
{
    QString text = CheckDialog::tr("Expected: %1").arg(r.expectation);
    if (!r.reason.isEmpty())
        text += u'\n' + r.reason;
    return QStringLiteral("<p>") + text.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>")) +
           QStringLiteral("</p>");
}

} // namespace

CheckDialog::CheckDialog(const QUrl &target, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::CheckDialog>())
    , m_check(std::make_unique<EndpointCheck>())
{
    m_ui->setupUi(this);
    m_ui->checkUrl->setText(target.toString());
    m_ui->scenarioDetail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 2);
    setUpTable();
    connect(m_ui->runCheckButton, &QPushButton::clicked, this, &CheckDialog::run);
    connect(m_ui->cancelCheckButton, &QPushButton::clicked, this, &CheckDialog::cancel);
    connect(m_ui->exportJunitButton, &QPushButton::clicked, this, &CheckDialog::chooseJunitFile);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &CheckDialog::reject);
    connect(m_ui->scorecardTable, &QTableWidget::itemSelectionChanged, this,
            &CheckDialog::showScenario);
    connect(m_check.get(), &EndpointCheck::scenarioFinished, this,
            &CheckDialog::onScenarioFinished);
    connect(m_check.get(), &EndpointCheck::finished, this, &CheckDialog::onFinished);
}

CheckDialog::~CheckDialog() = default;

void CheckDialog::setUpTable()
{
    QTableWidget *table = m_ui->scorecardTable;
    const QFontMetrics fm(table->font());
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(qMax(fm.height(), 16) + 8);
    // Widths from what the columns will hold, not from the rows: no resizing to contents.
    qsizetype longest = 0;
    for (const auto &s : EndpointCheck::catalogue(true))
        longest = qMax(longest, qsizetype(fm.horizontalAdvance(s.first)));
    const int pad = fm.horizontalAdvance(QStringLiteral("MM"));
    table->setColumnWidth(VerdictColumn, fm.horizontalAdvance(tr("Verdict")) + 16 + 2 * pad);
    table->setColumnWidth(ScenarioColumn, int(longest) + pad);
    table->setColumnWidth(AnswerColumn,
                          fm.horizontalAdvance(QStringLiteral("p50 000 ms, p99 0.0 s")) + pad);
    table->setColumnWidth(LatencyColumn, fm.horizontalAdvance(QStringLiteral("00.0 s")) + 2 * pad);
}

void CheckDialog::setCheckOptions(const CheckOptions &options)
{
    m_options = options;
}

QUrl CheckDialog::targetUrl() const
{
    return QUrl(m_ui->checkUrl->text().trimmed(), QUrl::StrictMode);
}

bool CheckDialog::isRunning() const
{
    return m_check->isRunning();
}

void CheckDialog::run()
{
    if (m_check->isRunning())
        return;
    const QUrl url = targetUrl();
    if (!isForwardUrl(url)) {
        m_ui->checkSummary->setText(tr("The endpoint needs an http:// or https:// URL such as "
                                       "http://localhost:3000/webhook/hoox, not \"%1\".")
                                        .arg(m_ui->checkUrl->text().trimmed()));
        m_ui->checkUrl->setFocus();
        return;
    }
    CheckOptions options = m_options;
    options.expectSenderCheck = m_ui->senderCheck->isChecked();
    m_runUrl = url;
    m_results.clear();
    m_ui->scorecardTable->setRowCount(0);
    m_ui->scenarioDetail->clear();
    m_ui->checkProgress->setRange(0, scenarioCount(options));
    m_ui->checkProgress->setValue(0);
    m_ui->checkSummary->setText(tr("Checking %1…").arg(url.toString()));
    m_cancelling = false;
    setRunning(true);
    m_clock.start();
    m_check->start(url, options);
}

void CheckDialog::cancel()
{
    if (!m_check->isRunning())
        return;
    m_cancelling = true;
    m_check->cancel(); // finished() follows at once, with the scenarios done so far
}

void CheckDialog::reject()
{
    cancel();
    QDialog::reject();
}

void CheckDialog::setRunning(bool running)
{
    m_ui->runCheckButton->setEnabled(!running);
    m_ui->cancelCheckButton->setEnabled(running);
    m_ui->checkUrl->setEnabled(!running);
    m_ui->senderCheck->setEnabled(!running);
    m_ui->exportJunitButton->setEnabled(!running && !m_results.isEmpty());
}

void CheckDialog::onScenarioFinished(const CheckResult &result, int done, int total)
{
    m_results.append(result);
    addRow(result);
    m_ui->checkProgress->setRange(0, total);
    m_ui->checkProgress->setValue(done);
}

void CheckDialog::onFinished(const QList<CheckResult> &results, const QString &unreachable)
{
    m_elapsedMs = m_clock.elapsed();
    if (!unreachable.isEmpty()) {
        m_ui->checkSummary->setText(unreachable);
    } else {
        QString text = CheckReport::summary(results, m_runUrl);
        if (m_cancelling)
            text += tr(" (cancelled after %1 of %2 scenarios)")
                        .arg(results.size())
                        .arg(m_ui->checkProgress->maximum());
        m_ui->checkSummary->setText(text);
    }
    m_results = results;
    m_cancelling = false;
    setRunning(false);
    emit checkFinished(results, unreachable);
}

void CheckDialog::addRow(const CheckResult &r)
{
    QTableWidget *table = m_ui->scorecardTable;
    const int row = table->rowCount();
    table->insertRow(row);
    const QString tip = scenarioToolTip(r);
    const auto set = [&](int column, QTableWidgetItem *item) {
        item->setToolTip(tip);
        table->setItem(row, column, item);
    };
    set(VerdictColumn,
        new QTableWidgetItem(VerdictIcon::icon(toneOf(r.verdict)), verdictText(r.verdict)));
    set(ScenarioColumn, new QTableWidgetItem(r.name));
    set(AnswerColumn, new QTableWidgetItem(r.answer));
    auto *latency = new QTableWidgetItem(DeliveryRequest::durationText(r.latencyMs));
    latency->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    set(LatencyColumn, latency);
    set(ReasonColumn, new QTableWidgetItem(r.reason));
}

void CheckDialog::showScenario()
{
    const QModelIndexList rows = m_ui->scorecardTable->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= m_results.size()) {
        m_ui->scenarioDetail->clear();
        return;
    }
    m_ui->scenarioDetail->setPlainText(scenarioText(m_results.at(rows.first().row()), m_runUrl));
}

bool CheckDialog::exportJunit(const QString &file, QString *error)
{
    if (m_results.isEmpty()) {
        *error = tr("Nothing to export: run the check first.");
        return false;
    }
    QSaveFile f(file);
    if (!f.open(QIODevice::WriteOnly) ||
        f.write(CheckReport::junit(m_results, m_runUrl, m_elapsedMs)) < 0 || !f.commit()) {
        *error = tr("Cannot write %1: %2").arg(file, f.errorString());
        return false;
    }
    return true;
}

void CheckDialog::chooseJunitFile()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Export JUnit"),
                                                      QStringLiteral("hookscope-check.xml"),
                                                      tr("JUnit XML (*.xml);;All files (*)"));
    if (file.isEmpty())
        return;
    QString error;
    if (!exportJunit(file, &error))
        QMessageBox::warning(this, tr("Export JUnit"), error);
}
