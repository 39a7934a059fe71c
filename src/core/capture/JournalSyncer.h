// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Journal.h"

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

// Runs a journal's syncs, one at a time, on a thread of its own, so that the thread that writes
// the journal goes on reading and staging the next group while the disk flushes this one
// (Journal::writeGroup()). The thread starts with the first sync and ends with this object.
class JournalSyncer {
public:
    // Called on the sync thread once a sync returned, with its number and result: it must only
    // post them to the journal's thread (QMetaObject::invokeMethod, queued).
    using Done = std::function<void(quint64 number, int code)>;

    JournalSyncer() = default;
    ~JournalSyncer();
    Q_DISABLE_COPY_MOVE(JournalSyncer)

    // Runs `sync` on `fd`, then calls `done`; nothing may be under way. Returns the number
    // that done() and take() name this sync by.
    quint64 start(Journal::SyncFunction sync, int fd, Done done);
    // A sync was started and its result not yet taken.
    bool busy() const { return m_number != m_taken; }
    // The result of the sync under way, waiting for it to return; take(number) only takes the
    // result of that sync, and returns -1 when it was taken already (by an earlier take()).
    int take();
    int take(quint64 number);

private:
    void run();

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::thread m_thread;
    Journal::SyncFunction m_sync;
    Done m_done;
    int m_fd = -1;
    int m_code = 0;
    quint64 m_number = 0;   // of the last sync started; read and written on the owner's thread
    quint64 m_taken = 0;    // of the last result taken; likewise
    quint64 m_returned = 0; // of the last sync that returned; under m_mutex
    bool m_quit = false;
};
