// SPDX-License-Identifier: MIT
#pragma once

#include "hoox/HooxClassification.h"
#include "http/HttpHeaders.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// Checks one delivery against the Hoox webhook contract. Stateless, so it can run on the
// network thread per delivery; duplicate detection needs history and lives in DuplicateIndex.
//
// Finding codes, in the order they are reported:
//   body:    not_json | missing_task | unknown_task, missing_field:job_id |
//   missing_field:avatar_id,
//            missing_field:look_id, missing_field:status | invalid_status, missing_field:result |
//            missing_field:error | missing_field:error.code, missing_field:error.message
//            duplicate_key:<name> (an object anywhere in the body repeats a key; at most 8)
//   headers: not_hoox_user_agent, missing_hoox_header, not_post, not_json_content_type
// DuplicateIndex adds conflicting_duplicate.
class HooxClassifier {
public:
    // Fills everything except duplicateOf and attempt.
    static HooxClassification classify(QByteArrayView method, const HttpHeaders &headers,
                                       const QByteArray &body);
    // One translated sentence tying a finding code to the Hoox contract.
    static QString explain(const QString &findingCode);
    // The same, and for not_json also where parsing stopped (line, column, what was expected).
    // Reads the whole body: not for the GUI thread with a large one.
    static QString explain(const QString &findingCode, QByteArrayView body);
    // "Parsing stopped at line 3, column 7: expected ',' or '}' after …", or that the body is
    // JSON but not an object; empty for a JSON object.
    static QString jsonProblem(QByteArrayView body);
};
