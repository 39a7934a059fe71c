// SPDX-License-Identifier: MIT
#include "CaptureLoader.h"

#include "capture/CaptureStore.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

CaptureLoader::CaptureLoader(const CaptureStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
}

void CaptureLoader::load(qsizetype row)
{
    const quint64 generation = ++m_generation;
    if (row < 0 || row >= m_store->size()) {
        finish(generation, -1, nullptr, {});
        return;
    }
    const CaptureStore::Location where = m_store->locate(row);
    if (where.resident || where.size <= kSyncLimit) {
        QString error;
        const CapturePtr capture = m_store->capture(row, &error);
        finish(generation, row, capture, error);
        return;
    }
    m_loading = true;
    QPointer<CaptureLoader> self(this);
    QThreadPool::globalInstance()->start([self, generation, row, where] {
        QString error;
        const CapturePtr capture = CaptureStore::read(where, &error);
        QMetaObject::invokeMethod(
            qApp,
            [self, generation, row, capture, error] {
                if (self)
                    self->finish(generation, row, capture, error);
            },
            Qt::QueuedConnection);
    });
}

void CaptureLoader::finish(quint64 generation, qsizetype row, const CapturePtr &capture,
                           const QString &error)
{
    if (generation != m_generation)
        return; // a newer request is on its way
    m_loading = false;
    emit loaded(row, capture, error);
}
