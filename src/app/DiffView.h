// SPDX-License-Identifier: MIT
#pragma once

#include "capture/CaptureDiff.h"

#include <QWidget>

#include <memory>

namespace Ui {
class DiffView;
}
class CaptureStore;
class DiffModel;
class SessionEngine;

// The Diff tab: what differs between two captures, by JSON path, with both values, the request
// line and the headers. The captures are read back from the journal and compared as jobs, so
// the GUI thread never reads a journal or parses a body; a comparison waits until the tab is
// shown. "Ignore this path" choices are remembered in the settings until reset.
class DiffView : public QWidget {
    Q_OBJECT
public:
    DiffView(SessionEngine *engine, QWidget *parent = nullptr);
    ~DiffView() override;

    // What a selection of store rows asks for: two rows are compared, the older one before;
    // one row is compared with the delivery it conflicts with, else with its previous attempt.
    void showSelection(const QList<qsizetype> &storeRows);
    // Compares captures `beforeId` and `afterId`; `relation` says how they are related.
    void compare(quint64 beforeId, quint64 afterId, const QString &relation = {});
    // The store row one row is compared with, or -1: for a conflicting duplicate the delivery
    // it contradicts (its key's first), else the previous attempt of its key.
    qsizetype partnerOf(qsizetype storeRow, QString *relation = nullptr) const;
    qsizetype previousAttemptOf(qsizetype storeRow) const;

    DiffModel *model() const { return m_model; }
    CaptureStore *store() const { return m_store; }
    quint64 beforeId() const { return m_shown.before; }
    quint64 afterId() const { return m_shown.after; }
    bool isComparing() const { return m_comparing; }
    QStringList ignoredPaths() const;

signals:
    // A comparison's result is shown (or why there is none).
    void compared();

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Pair {
        quint64 before = 0;
        quint64 after = 0;
        QString relation;
        bool operator==(const Pair &o) const { return before == o.before && after == o.after; }
    };

    void start();
    void onRead(const QList<CapturePtr> &captures, const QString &error, quint64 generation);
    void onCompared(CaptureDiffResult result, quint64 generation);
    void forget();
    void showTitle();
    void showMessage(const QString &title, const QString &summary = {});
    void updateSummary();
    CaptureDiffOptions options() const;
    void setIgnored(const QStringList &patterns);
    void ignoreSelected(bool ignore);
    void updateActions();

    std::unique_ptr<Ui::DiffView> m_ui;
    SessionEngine *m_engine;
    CaptureStore *m_store;
    DiffModel *m_model;
    Pair m_wanted;
    Pair m_shown;
    quint64 m_generation = 0;
    bool m_comparing = false;
};
