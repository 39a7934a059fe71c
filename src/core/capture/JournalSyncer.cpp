// SPDX-License-Identifier: MIT
#include "JournalSyncer.h"

#include <pthread.h>

JournalSyncer::~JournalSyncer()
{
    {
        const std::lock_guard lock(m_mutex);
        m_quit = true;
    }
    m_changed.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

quint64 JournalSyncer::start(Journal::SyncFunction sync, int fd, Done done)
{
    Q_ASSERT(!busy());
    {
        const std::lock_guard lock(m_mutex);
        m_sync = std::move(sync);
        m_done = std::move(done);
        m_fd = fd;
        ++m_number;
    }
    if (!m_thread.joinable())
        m_thread = std::thread([this] { run(); });
    else
        m_changed.notify_all();
    return m_number;
}

int JournalSyncer::take()
{
    return take(m_number);
}

int JournalSyncer::take(quint64 number)
{
    if (number != m_number || m_taken == m_number)
        return -1;
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_returned == m_number; });
    m_taken = m_number;
    return m_code;
}

void JournalSyncer::run()
{
    pthread_setname_np(pthread_self(), "hookscope-sync");
    quint64 done = 0;
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [&] { return m_quit || m_number != done; });
        if (m_number == done)
            return; // quitting, nothing under way
        done = m_number;
        const Journal::SyncFunction sync = std::move(m_sync);
        const Done notify = std::move(m_done);
        const int fd = m_fd;
        lock.unlock();
        const int code = sync(fd);
        notify(done, code); // posted before take() can return: the owner may go right after
        lock.lock();
        m_code = code;
        m_returned = done;
        m_changed.notify_all();
    }
}
