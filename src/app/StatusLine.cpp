// SPDX-License-Identifier: MIT
#include "StatusLine.h"

#include "ElidedLabel.h"
#include "ListenerBar.h"
#include "capture/CaptureStore.h"
#include "listener/Listener.h"
#include "session/SessionEngine.h"

#include <QStatusBar>

StatusLine::StatusLine(QStatusBar *bar, SessionEngine *engine, ListenerBar *listenerBar,
                       QObject *parent)
    : QObject(parent)
    , m_bar(bar)
    , m_store(engine->store())
    , m_listen(new QLabel(bar))
    , m_total(new QLabel(bar))
    , m_rate(new QLabel(bar))
    , m_journal(new ElidedLabel(bar))
{
    for (QLabel *l :
         {m_listen, m_total, static_cast<QLabel *>(m_rate), static_cast<QLabel *>(m_journal)})
        bar->addPermanentWidget(l);
    m_journal->setMaximumWidth(bar->fontMetrics().averageCharWidth() * 48);
    connect(listenerBar, &ListenerBar::listeningChanged, this, [this, listenerBar] {
        const Listener *l = listenerBar->listener();
        m_listen->setText(l->isListening()
                              ? tr("Listening on %1:%2").arg(l->address().toString()).arg(l->port())
                              : tr("Not listening"));
    });
    connect(listenerBar, &ListenerBar::copied, bar,
            [bar](const QString &what) { bar->showMessage(what, 4000); });
    if (!engine->journalWarning().isEmpty()) // e.g. how many bytes of a torn record were dropped
        bar->showMessage(engine->journalWarning());
    // Deliveries are answered 503 meanwhile, so Hoox retries: say why, and what to do.
    connect(engine, &SessionEngine::journalFailed, bar, [bar](const QString &error) {
        bar->showMessage(
            tr("Deliveries are refused with 503 until the journal can be written: %1").arg(error));
    });
    connect(engine, &SessionEngine::ngrokProblem, bar,
            [bar](const QString &message) { bar->showMessage(message); });
    m_rateTimer.setInterval(1000);
    connect(&m_rateTimer, &QTimer::timeout, this, &StatusLine::showRate);
    m_rateTimer.start();
    connect(m_store, &CaptureStore::openingChanged, this, &StatusLine::showTotal);
    showTotal();
    showRate();
}

QLabel *StatusLine::journalLabel() const
{
    return m_journal;
}

void StatusLine::showTotal()
{
    // While the journal is read at start, its rows are not all there: no count to mislead.
    m_total->setText(m_store->isOpening() ? tr("Reading the journal…")
                                          : tr("%Ln capture(s)", nullptr, int(m_store->size())));
}

void StatusLine::showRate()
{
    const qsizetype now = m_store->size();
    m_rate->setText(tr("%1 deliveries/s").arg(qMax<qsizetype>(0, now - m_lastCount)));
    m_lastCount = now;
}
