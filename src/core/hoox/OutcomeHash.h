// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>
#include <QString>

// The hash that tells conflicting duplicates apart: FNV-1a 64 of the status (UTF-16LE), a NUL
// byte and the outcome (result or error) as QJsonDocument writes it compactly, keys sorted,
// the last of duplicated keys kept and a scalar wrapped in an array. Hashes are journaled and
// compared after a restart, so this spelling never changes.
class OutcomeHash {
public:
    // `outcome` is the value's JSON text as received; a null view when the payload has none.
    static quint64 of(const QString &statusText, QByteArrayView outcome);
};
