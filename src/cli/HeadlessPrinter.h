// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Capture.h"

#include <QObject>

// Prints each capture on stdout: one human line, or with --json the JSON Lines record that
// `hookscope export --format jsonl` writes, so that `hookscope import` reads the output back.
class HeadlessPrinter : public QObject {
    Q_OBJECT
public:
    explicit HeadlessPrinter(bool json, QObject *parent = nullptr);
    void print(const CaptureBatch &batch);

private:
    bool m_json;
};
