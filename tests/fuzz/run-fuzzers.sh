#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for SECONDS (default 60),
# starting from its seed corpus in tests/fuzz/corpus/<target>/. Fails on the first crash, leak,
# sanitizer report or timeout; the input that caused it is left in build/fuzz/artifacts/.
# Without TARGETs it runs every tests/fuzz/fuzz_<target>.cpp, one after the other: the whole run
# takes SECONDS times their number, plus the build.
#
#   tests/fuzz/run-fuzzers.sh [SECONDS] [TARGET…]     e.g. tests/fuzz/run-fuzzers.sh 60 httpparser
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for src in tests/fuzz/fuzz_*.cpp; do
        name=$(basename "$src" .cpp)
        targets+=("${name#fuzz_}")
    done
fi
build=build/fuzz

# libFuzzer ships with clang's runtime libraries on Debian 12.
if ! command -v clang++ >/dev/null || ! dpkg-query -W -f='${Status}' libclang-rt-14-dev 2>/dev/null |
    grep -q "install ok installed"; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        clang libclang-rt-14-dev >/dev/null
fi

CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DHOOKSCOPE_FUZZ=ON -DHOOKSCOPE_TESTS=OFF >/dev/null
cmake --build "$build" --target "${targets[@]/#/fuzz_}"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
mkdir -p "$build/artifacts"
for t in "${targets[@]}"; do
    # New inputs go to a scratch corpus, so a run never rewrites the committed seeds.
    work="$build/corpus/$t"
    mkdir -p "$work"
    echo "== fuzz_$t for ${seconds}s" >&2
    # A fixed seed (FUZZ_SEED to change it) makes a CI failure reproducible.
    "$build/tests/fuzz/fuzz_$t" -seed="${FUZZ_SEED:-1}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$build/artifacts/$t-" \
        "$work" "tests/fuzz/corpus/$t" 2>"$build/fuzz_$t.log" || {
        tail -n 60 "$build/fuzz_$t.log" >&2
        echo "fuzz_$t failed; the input is in $build/artifacts/" >&2
        exit 1
    }
    grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' "$build/fuzz_$t.log" >&2 || true
done
