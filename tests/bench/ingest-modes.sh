#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Loopback ingest of HookScope in both journal modes, with the sync (the default) and with
# --no-sync, measured in the same run as nginx and Qt's QHttpServer, under the load and with the
# peers of ../shared/bench/ingest-vs-peers.sh (wrk, one thread, 50 connections, the seed
# payload). Each run measures every server once, one after the other; the table gives each
# run's req/s and the median of the runs, the ratios being taken within each run.
#
#   tests/bench/ingest-modes.sh [-d SECONDS] [-c CONNECTIONS] [-r RUNS] [--bin HOOKSCOPE]
#                               [--ours NAME 'COMMAND'] ...
#
# --bin picks the hookscope executable (default: build/release/src/app/hookscope). Each --ours
# replaces the two default modes by commands of your own, {port} and {journal} standing for a
# free port and a fresh journal: `--ours old '/tmp/old listen --port {port} --journal {journal}'`
# compares two builds in one run. PEERS_DIR names the folder of ingest-vs-peers.sh (default
# ../shared/bench beside the repository); BENCH_WORK where it built the peers.
set -u
repo=$(cd "$(dirname "$0")/../.." && pwd)
peers=${PEERS_DIR:-$repo/../shared/bench}
work=${BENCH_WORK:-/tmp/hookscope-peers}
d=6 c=50 runs=3 bin=$repo/build/release/src/app/hookscope
names=() commands=()
while [ $# -gt 0 ]; do
  case "$1" in
    -d) d=$2; shift 2 ;;
    -c) c=$2; shift 2 ;;
    -r) runs=$2; shift 2 ;;
    --bin) bin=$2; shift 2 ;;
    --ours) names+=("$2"); commands+=("$3"); shift 3 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
if [ ${#names[@]} -eq 0 ]; then
  [ -x "$bin" ] || { echo "no hookscope at $bin: build the release preset, or give --bin" >&2; exit 2; }
  names=(sync no-sync)
  commands=("$bin listen --port {port} --journal {journal}"
            "$bin listen --no-sync --port {port} --journal {journal}")
fi
[ -f "$peers/ingest-vs-peers.sh" ] || { echo "no ingest-vs-peers.sh in $peers: set PEERS_DIR" >&2; exit 2; }
# The shared script builds its peers on first use; one short run of it does that.
[ -x "$work/qhttpserver/peer_qhttpserver" ] || "$peers/ingest-vs-peers.sh" -d 1 >/dev/null ||
  { echo "could not build the peers" >&2; exit 1; }

tmp=$(mktemp -d /tmp/ingest-modes.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
wait_port() { for _ in $(seq 100); do (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; return 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# measure NAME RUN PORT COMMAND...: one wrk run against the server the command starts.
measure() {
  local name=$1 run=$2 port=$3; shift 3
  "$@" >/dev/null 2>&1 & local p=$!
  local rps=0 p99=-
  if wait_port "$port"; then
    local out; out=$(wrk -t1 -c"$c" -d"${d}s" --latency -s "$peers/post.lua" \
      "http://127.0.0.1:$port/webhook/hoox" 2>&1)
    rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
    p99=$(echo "$out" | awk '$1=="99%"{print $2}')
  else
    echo "$name: nothing listens on $port" >&2
  fi
  kill "$p" 2>/dev/null; wait "$p" 2>/dev/null
  echo "$run $name ${rps:-0} ${p99:--}" >>"$tmp/results"
}

mkdir -p /tmp/peer-nginx-body
for run in $(seq "$runs"); do
  echo "run $run of $runs ($(uptime | sed 's/.*load/load/'))" >&2
  measure nginx "$run" 18081 nginx -c "$peers/peers/nginx.conf"
  measure qhttpserver "$run" 18084 "$work/qhttpserver/peer_qhttpserver"
  for i in "${!names[@]}"; do
    port=$(free_port) journal=$tmp/run$run-$i.hkj
    cmd=${commands[$i]//\{port\}/$port}
    measure "${names[$i]}" "$run" "$port" bash -c "exec ${cmd//\{journal\}/$journal}"
    rm -f "$journal" "$journal".*
  done
done

# One row a server: req/s of each run with its ratios to QHttpServer and nginx of that run, then
# the medians (of req/s, and of the per-run ratios).
awk -v runs="$runs" -v order="${names[*]} qhttpserver nginx" '
  function median(a, n,   i, j, t) {
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
    return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2
  }
  { rps[$2, $1] = $3; p99[$2, $1] = $4 }
  END {
    n = split(order, names, " ")
    printf "%-12s", "server"
    for (r = 1; r <= runs; r++) printf " %26s", "run " r " req/s (×qhttp, ×nginx)"
    printf " %26s %10s\n", "median (×qhttp, ×nginx)", "p99 run 1"
    for (k = 1; k <= n; k++) {
      s = names[k]; printf "%-12s", s
      for (r = 1; r <= runs; r++) {
        q = rps["qhttpserver", r]; g = rps["nginx", r]
        a[r] = rps[s, r]; qa[r] = q > 0 ? rps[s, r] / q : 0; ga[r] = g > 0 ? rps[s, r] / g : 0
        printf " %26s", sprintf("%.0f (%.2f×, %.2f×)", rps[s, r], qa[r], ga[r])
      }
      printf " %26s %10s\n", sprintf("%.0f (%.2f×, %.2f×)", median(a, runs), median(qa, runs), median(ga, runs)), p99[s, 1]
    }
  }' "$tmp/results"
