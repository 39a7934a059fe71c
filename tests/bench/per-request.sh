#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# System calls and instructions per request of `hookscope listen`: counts that hold still on a
# noisy machine, where req/s do not. wrk (one thread, 50 connections, the seed payload of
# ../shared/bench/post.lua) runs for a while, and the calls or instructions counted over that
# while are divided by the answers wrk counted.
#
#   tests/bench/per-request.sh [--bin HOOKSCOPE] [-d SECONDS] [LISTEN OPTIONS...]
#
# Prints, per answered request: the system calls of the whole process and of its network thread
# alone (strace -f), and the instructions of the whole process (callgrind, for 4 × SECONDS; its
# start is not counted: the counters are zeroed after a warm-up). Extra options go to `listen`
# (e.g. --no-sync).
set -u
repo=$(cd "$(dirname "$0")/../.." && pwd)
peers=${PEERS_DIR:-$repo/../shared/bench}
bin=$repo/build/release/src/app/hookscope d=3
while [ $# -gt 0 ]; do
  case "$1" in
    --bin) bin=$2; shift 2 ;;
    -d) d=$2; shift 2 ;;
    *) break ;;
  esac
done
for tool in wrk strace valgrind callgrind_control; do
  command -v $tool >/dev/null || { echo "needs $tool" >&2; exit 2; }
done
tmp=$(mktemp -d /tmp/per-request.XXXXXX)
trap 'kill $server 2>/dev/null; rm -rf "$tmp"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
url=http://127.0.0.1:$port/webhook/hoox
wait_port() { for _ in $(seq 300); do (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0; sleep 0.1; done; return 1; }
load() { wrk -t1 -c50 -d"$1"s --timeout 30s -s "$peers/post.lua" "$url"; }
answered() { awk '/requests in/{print $1}'; }

# System calls: strace on every thread, each call on a line that starts with its thread's id.
"$bin" listen --port "$port" --journal "$tmp/j.hkj" "$@" >/dev/null 2>&1 & server=$!
wait_port || { echo "hookscope did not listen" >&2; exit 1; }
load 1 >/dev/null
net=$(grep -l hookscope-netw /proc/$server/task/*/comm | head -1 | cut -d/ -f5)
strace -f -qq -p "$server" -o "$tmp/calls.txt" & tracer=$!
sleep 1
got=$(load "$d" | answered)
kill -INT $tracer; wait $tracer 2>/dev/null
kill $server; wait $server 2>/dev/null
echo "answers: $got"
# A call interrupted by another thread's shows twice, "<unfinished ...>" then "resumed>".
grep -v 'resumed>' "$tmp/calls.txt" | grep -v '^[0-9]* +++' |
  awk -v n="$got" -v net="$net" '
    { all++; if ($1 == net) { one++; split($2, c, "("); per[c[1]]++ } }
    END {
      printf "syscalls_per_request: %.2f (network thread %.2f)\n", all / n, one / n
      print "network thread, per request:"
      for (k in per) if (per[k] / n >= 0.005) printf "  %-14s %.3f\n", k, per[k] / n | "sort -k2 -nr"
    }'

# Instructions: callgrind, zeroed after the warm-up, dumped after the counted requests.
rm -f "$tmp"/j.hkj*
valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.%p" \
  "$bin" listen --port "$port" --journal "$tmp/j.hkj" "$@" >/dev/null 2>&1 & server=$!
wait_port || { echo "hookscope did not listen under callgrind" >&2; exit 1; }
load "$d" >/dev/null
callgrind_control -z "$server" >/dev/null 2>&1
got=$(load $((4 * d)) | answered)
callgrind_control -d "$server" >/dev/null 2>&1
sleep 1
ir=$(cat "$tmp"/cg.*.* 2>/dev/null | awk '/^totals:/{s+=$2} END{print s+0}')
echo "answers under callgrind: $got"
awk -v ir="$ir" -v n="$got" 'BEGIN{printf "instructions_per_request: %.0f\n", ir/n}'
