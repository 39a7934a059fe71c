// SPDX-License-Identifier: MIT
#include "CaptureStore.h"

void CaptureStore::append(const CaptureBatch &batch)
{
    if (batch.isEmpty())
        return;
    const qsizetype first = m_captures.size();
    emit aboutToAppend(first, batch.size());
    m_captures.append(batch);
    emit appended(first, batch.size());
}

void CaptureStore::clear()
{
    emit aboutToClear();
    m_captures.clear();
    emit cleared();
}
