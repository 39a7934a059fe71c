// SPDX-License-Identifier: MIT
#pragma once

// `hookscope check --to URL [--only NAME,...] [--json] [--junit FILE] [--timeout MS]
// [--expect-sender-check]`: grades the user's endpoint against the Hoox contract, one line per
// scenario. Exit 0 when every scenario passes (warnings allowed), 1 when any fails, 2 on bad
// arguments or when the URL cannot be reached at all.
int runCheckCommand(int argc, char **argv);
