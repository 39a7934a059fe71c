// SPDX-License-Identifier: MIT
#pragma once

// `hookscope diff --journal PATH A B [--json] [--ignore PATH]... [--all-headers]`: what differs
// between captures A and B (the ids of the table's # column): body paths, request line and
// headers, one per line, or one JSON object with --json. Exit 0 when they are the same, 1 when
// they differ, 2 on bad arguments (an unknown id, no journal, a bad option). argv[1] is "diff".
int runDiffCommand(int argc, char **argv);
