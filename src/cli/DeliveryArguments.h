// SPDX-License-Identifier: MIT
#pragma once

#include "delivery/DeliveryOptions.h"

#include <QString>
#include <QUrl>

class QCommandLineParser;

// The options that say where and how deliveries go, as `send`, `check` and `replay` read them.
// Each reads its option only when the parser defines it and it is set.
namespace DeliveryArguments {
// --to URL: required, an http or https URL with a host.
bool parseTarget(const QCommandLineParser &p, QUrl *url, QString *error);
// --timeout MS (1 ms to 10 minutes) into options->timeoutMs.
bool parseTimeout(const QCommandLineParser &p, DeliveryOptions *options, QString *error);
// --like-hoox and --schedule MS,MS,MS (at most three delays).
bool parseRetries(const QCommandLineParser &p, DeliveryOptions *options, QString *error);
} // namespace DeliveryArguments
