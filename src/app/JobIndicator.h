// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QWidget>

class JobRunner;
class QLabel;
class QProgressBar;
class QToolButton;

// The status bar's view of the running jobs: what runs ("Exporting to all.har"), how far it
// is, and Cancel. Hidden while nothing runs.
class JobIndicator : public QWidget {
    Q_OBJECT
public:
    explicit JobIndicator(JobRunner *jobs, QWidget *parent = nullptr);

private:
    void onStarted(quint64 id, const QString &title);
    void onProgressed(quint64 id, qint64 done, qint64 total);
    void onFinished(quint64 id);

    JobRunner *m_jobs;
    QLabel *m_label;
    QProgressBar *m_bar;
    QToolButton *m_cancel;
    quint64 m_current = 0;
    QHash<quint64, QString> m_titles;
};
