// SPDX-License-Identifier: MIT
#pragma once

#include "delivery/DeliveryAttempt.h"

#include <QList>
#include <QObject>

class AttemptStatusLabel;
class QPlainTextEdit;
class QTreeWidget;
class QTreeWidgetItem;

// The Deliver tab's answer side: every attempt of every run in a table whose #, when, status and
// latency fit 560 px (longer text elided, whole in its tooltip), and the selected attempt's
// answer under a status line. The newest attempt is selected as it starts, so that what shows is
// never an older answer, unless the user picked another attempt of the run under way.
class AttemptLog : public QObject {
    Q_OBJECT
public:
    enum Column {
        DeliveryColumn,
        AttemptColumn,
        TimeColumn,
        StatusColumn,
        LatencyColumn,
        ErrorColumn
    };

    // The widgets belong to the panel that holds them and outlive this.
    AttemptLog(QTreeWidget *table, AttemptStatusLabel *statusLine, QPlainTextEdit *answer,
               QObject *parent = nullptr);

    void startRun(int deliveries);
    void attemptStarted(const DeliveryAttempt &attempt, const QString &deliveryLabel);
    void attemptFinished(const DeliveryAttempt &attempt);
    void deliveryFinished(bool delivered);
    void runEnded();
    struct Run {
        int total = 0;
        int done = 0;
        int delivered = 0;
    };
    // The run under way, or the last one.
    Run currentRun() const { return m_runs.isEmpty() ? Run{} : m_runs.last(); }
    // "Delivered 0 of 1", of the run `run`; "… so far" while it goes on.
    QString runText(int run) const;

private:
    void sizeColumns();
    void setCell(QTreeWidgetItem *item, Column column, const QString &text);
    void onSelectionChanged();
    void showSelected();
    void showStatusLine();
    QTreeWidgetItem *selectedItem() const;
    QTreeWidgetItem *newestItem() const;
    int runOf(const QTreeWidgetItem *item) const;

    QTreeWidget *m_table;
    AttemptStatusLabel *m_statusLine;
    QPlainTextEdit *m_answer;
    QList<DeliveryAttempt> m_attempts; // one per table row
    QList<Run> m_runs;
    bool m_running = false;
    bool m_selecting = false;  // the newest is being selected, not by the user
    bool m_userPicked = false; // the user chose an attempt of the run under way: keep it
};
