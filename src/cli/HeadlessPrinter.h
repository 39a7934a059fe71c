// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Capture.h"

#include <QObject>

// Prints each capture on stdout: one human line, or one JSON object per line.
class HeadlessPrinter : public QObject {
    Q_OBJECT
public:
    explicit HeadlessPrinter(bool json, QObject *parent = nullptr);
    void print(const CaptureBatch &batch);

private:
    bool m_json;
};
