// SPDX-License-Identifier: MIT
#pragma once

#include "capture/CaptureIndex.h"

#include <QObject>
#include <QStringList>

#include <memory>

class CaptureStore;
class Journal;
class Listener;

// The open session: which journal the listener writes to and the window shows. Opening
// another (or a new one) swaps the journal under the running listener and reloads the view.
class Session : public QObject {
    Q_OBJECT
public:
    // `initial` is the journal HookScope started with; it must outlive the session.
    Session(Journal *initial, CaptureStore *store, Listener *listener, QObject *parent = nullptr);
    ~Session() override;

    QString path() const;
    // Most recent first, the open one included; kept in QSettings.
    QStringList recent() const;
    // Opens (or creates) the journal at `path`; on failure the current session stays.
    bool open(const QString &path, QString *error);
    // A new, empty journal beside the default one, named after the time.
    bool startNew(QString *error);
    // Imports a HAR or JSON Lines file: its good entries become captures of this session.
    // *report says how many were imported and which entries were not, and why.
    bool importFile(const QString &file, QString *report);

    // The captures shown of what a journal holds: retention keeps the newest, and those
    // younger than the age limit (0: no limit); the journal itself keeps everything.
    static CaptureIndex retained(CaptureIndex &&loaded, int maxCaptures, int maxAgeDays,
                                 qint64 nowMs);

signals:
    void opened(const QString &path, const QString &warning);

private:
    void remember(const QString &path);

    Journal *m_current;
    std::unique_ptr<Journal> m_owned; // the current one, unless it is the initial journal
    CaptureStore *m_store;
    Listener *m_listener;
};
