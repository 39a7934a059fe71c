// SPDX-License-Identifier: MIT
#include "JobIndicator.h"

#include "session/JobRunner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

JobIndicator::JobIndicator(JobRunner *jobs, QWidget *parent)
    : QWidget(parent)
    , m_jobs(jobs)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
{
    setObjectName(QStringLiteral("jobIndicator"));
    m_cancel->setObjectName(QStringLiteral("cancelJobButton"));
    m_cancel->setText(tr("Cancel"));
    m_bar->setMaximumWidth(140);
    m_bar->setMaximumHeight(m_label->sizeHint().height());
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    connect(jobs, &JobRunner::started, this, &JobIndicator::onStarted);
    connect(jobs, &JobRunner::progressed, this, &JobIndicator::onProgressed);
    connect(jobs, &JobRunner::finished, this, [this](quint64 id) { onFinished(id); });
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        if (m_current)
            m_jobs->cancel(m_current);
    });
    hide();
    // Jobs started before the window, such as reading the journal it opens on.
    for (quint64 id : jobs->running())
        onStarted(id, jobs->title(id));
}

void JobIndicator::onStarted(quint64 id, const QString &title)
{
    m_titles.insert(id, title);
    m_current = id;
    m_label->setText(title + QStringLiteral("…"));
    m_bar->setRange(0, 0); // busy until the first progress report
    show();
}

void JobIndicator::onProgressed(quint64 id, qint64 done, qint64 total)
{
    if (id != m_current || total <= 0)
        return;
    // Per mille: a progress bar holds an int, a journal's bytes may not fit.
    m_bar->setRange(0, 1000);
    m_bar->setValue(int(qBound(qint64(0), done * 1000 / total, qint64(1000))));
}

void JobIndicator::onFinished(quint64 id)
{
    m_titles.remove(id);
    if (id != m_current)
        return;
    if (m_titles.isEmpty()) {
        m_current = 0;
        hide();
        return;
    }
    // Another job still runs: show that one.
    m_current = m_titles.constBegin().key();
    m_label->setText(m_titles.constBegin().value() + QStringLiteral("…"));
    m_bar->setRange(0, 0);
}
