// SPDX-License-Identifier: MIT
#pragma once

// `hookscope export --journal PATH --format har|jsonl [-o FILE]`: writes the journal's captures
// as HAR 1.2 or JSON Lines, to stdout when -o is absent or "-". argv[1] is "export".
// Returns 0 when written, 1 when the journal could not be read or the output written, 2 for
// bad arguments.
int runExportCommand(int argc, char **argv);
