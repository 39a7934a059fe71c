// SPDX-License-Identifier: MIT
#pragma once

// `hookscope send --to URL [--like-hoox] [--header 'Name: value']... [--json] [--timeout MS]
// [--schedule 1000,2000,4000] (--template NAME | FILE | -)`: delivers one payload the way
// Hoox does and prints one line per attempt. Exit 0 delivered, 1 not, 2 bad arguments.
int runSendCommand(int argc, char **argv);
