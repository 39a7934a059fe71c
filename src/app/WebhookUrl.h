// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QString>

// The webhook_url a developer pastes into a Hoox request: ngrok's public URL and the path
// HookScope is told to expect, in one field that also takes a pasted URL as it comes.
class WebhookUrl {
    Q_DECLARE_TR_FUNCTIONS(WebhookUrl)
public:
    static constexpr auto kDefaultPath = "/webhook/hoox";

    // What was typed or pasted, made whole: https:// when it names no scheme, the default
    // path when it has none. Blank stays blank.
    static QString normalized(const QString &typed);
    // The tunnel's origin with the path of `current` (the default path when it has none), so
    // that a path the developer chose survives ngrok coming back with a new address.
    static QString withOrigin(const QString &tunnel, const QString &current);
    // Why Hoox could not deliver to `url`, in words; empty when it could.
    static QString problem(const QString &url);
};
