// SPDX-License-Identifier: MIT
#pragma once

#include "delivery/EndpointCheck.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QList>
#include <QUrl>

#include <memory>

namespace Ui {
class CheckDialog;
}

// The window's `hookscope check`: runs the Hoox contract scenarios against the user's endpoint
// with progress and Cancel, fills the scorecard as each scenario finishes, shows every request
// a scenario made with the endpoint's answer, and exports the JUnit file. The check runs on
// this dialog's thread, whose event loop carries its network traffic.
class CheckDialog : public QDialog {
    Q_OBJECT
public:
    explicit CheckDialog(const QUrl &target, QWidget *parent = nullptr);
    ~CheckDialog() override;

    // Scenarios, timeout and pacing for the next run; the checkbox decides expectSenderCheck.
    // Hoox's by default; tests shorten the waits.
    void setCheckOptions(const CheckOptions &options);
    QUrl targetUrl() const; // as the field holds it now
    bool isRunning() const;
    // The last run's results, in the order they ran (the scorecard's rows).
    QList<CheckResult> results() const { return m_results; }
    // Writes the last run's scorecard as JUnit XML. False with *error in words.
    bool exportJunit(const QString &file, QString *error);

    void reject() override; // stops a run first

public slots:
    void run();
    void cancel();

signals:
    // After each run, cancelled or not; `unreachable` as EndpointCheck::finished says it.
    void checkFinished(const QList<CheckResult> &results, const QString &unreachable);

private:
    void setUpTable();
    void setRunning(bool running);
    void onScenarioFinished(const CheckResult &result, int done, int total);
    void onFinished(const QList<CheckResult> &results, const QString &unreachable);
    void addRow(const CheckResult &result);
    void showScenario();
    void chooseJunitFile();

    std::unique_ptr<Ui::CheckDialog> m_ui;
    std::unique_ptr<EndpointCheck> m_check; // after m_ui: goes first, silently
    CheckOptions m_options;
    QList<CheckResult> m_results;
    QUrl m_runUrl; // the URL the results are for
    QElapsedTimer m_clock;
    qint64 m_elapsedMs = 0;
    bool m_cancelling = false;
};
