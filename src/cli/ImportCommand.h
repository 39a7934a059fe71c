// SPDX-License-Identifier: MIT
#pragma once

// `hookscope import FILE --journal PATH`: reads a HAR or JSON Lines file (told apart by the
// extension, else by the content) and appends its entries to the journal as captures,
// classified and numbered like live ones. argv[1] is "import". Returns 0 when every entry was
// imported, 1 when some were bad or the file or journal unusable, 2 for bad arguments.
int runImportCommand(int argc, char **argv);
