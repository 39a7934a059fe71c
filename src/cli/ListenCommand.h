// SPDX-License-Identifier: MIT
#pragma once

// `hookscope listen [options]` (or `hookscope --headless [options]`): the listener without a
// window, one line (or one JSON Lines record) per capture on stdout, messages on stderr.
// Returns 0 after SIGINT or SIGTERM, 1 when the journal or the port cannot be used, 2 for bad
// arguments.
int runListenCommand(int argc, char **argv);
