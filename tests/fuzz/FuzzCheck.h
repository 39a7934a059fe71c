// SPDX-License-Identifier: MIT
#pragma once

#include "http/HttpRequest.h"

#include <cstdio>
#include <cstdlib>

// What every fuzz target asserts with: a broken invariant aborts, so that libFuzzer saves the
// input that got there, and says which file and line it was.
inline void check(bool condition, const char *file = __builtin_FILE(), int line = __builtin_LINE())
{
    if (condition)
        return;
    std::fprintf(stderr, "%s:%d: invariant broken\n", file, line);
    std::abort();
}

// Whether a request read back from a file is the one that was written: every field a reader
// fills.
inline bool sameRequest(const HttpRequest &a, const HttpRequest &b)
{
    return a.method == b.method && a.target == b.target && a.httpMinor == b.httpMinor &&
           a.headers == b.headers && a.trailers == b.trailers && a.body == b.body &&
           a.chunked == b.chunked;
}
