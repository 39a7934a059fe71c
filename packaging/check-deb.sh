#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the .deb (the package preset: a release build without the tests, then CPack),
# installs it with apt, checks the installed program, desktop entry, AppStream metainfo, icons
# and man page, and removes it again.
# Run as root (CI is) or with sudo available. Leaves the package removed, pass or fail.
set -euo pipefail
cd "$(dirname "$0")/.."

app_id=io.github.hookscope.HookScope
check_packages=(dpkg-dev file desktop-file-utils appstream curl)
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo

step() { echo "== $*" >&2; }
fail() {
    echo "check-deb: $*" >&2
    exit 1
}

install_missing() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing ${missing[*]}" >&2
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Runs a command quietly; shows its output when it fails.
quietly() {
    "$@" >"$tmp/log" 2>&1 || { tail -n 60 "$tmp/log" >&2; fail "failed: $*"; }
}

build_deb() {
    quietly cmake --preset package
    quietly cmake --build --preset package -j"$(nproc 2>/dev/null || echo 2)"
    rm -rf build/package/package
    (cd build/package && quietly cpack -G DEB)
    deb=$(ls build/package/package/hookscope_*.deb)
    [ "$(echo "$deb" | wc -l)" -eq 1 ] || fail "expected one .deb, found: $deb"
    echo "$deb"
}

check_control() {
    local deb=$1 version depends
    version=$(dpkg-deb -f "$deb" Version)
    [ "$(basename "$deb")" = "hookscope_${version}_$(dpkg --print-architecture).deb" ] ||
        fail "unexpected file name $(basename "$deb")"
    depends=$(dpkg-deb -f "$deb" Depends)
    [[ $depends == *libqt6widgets6* ]] || fail "Depends lacks the Qt libraries (dpkg-shlibdeps): $depends"
    grep -q "<release version=\"$version\"" packaging/$app_id.metainfo.xml ||
        fail "packaging/$app_id.metainfo.xml has no <release> for $version"
}

# Starts the installed program headless on a free port, sends one delivery, and checks that
# it is printed on stdout.
check_headless() {
    local port=""
    /usr/bin/hookscope --headless --json --port 0 --journal "$tmp/journal.hkj" \
        >"$tmp/out" 2>"$tmp/err" &
    pid=$!
    for _ in $(seq 100); do
        port=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$tmp/err" | head -1 | grep -o '[0-9]*/$' | tr -d /) || true
        [ -n "$port" ] && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    [ -n "$port" ] || { cat "$tmp/err" >&2; fail "hookscope --headless did not say where it listens"; }
    curl -sS --fail -o /dev/null -X POST "http://127.0.0.1:$port/webhook/hoox" \
        -H 'Content-Type: application/json' -H 'User-Agent: Hoox-API/1.0' -H 'X-Hoox-Webhook: true' \
        --data '{"task":"video_generate","job_id":"run_deb_check","status":"completed","result":{"video_id":"video_1"}}'
    for _ in $(seq 100); do
        grep -q '"key":"run_deb_check"' "$tmp/out" && break
        sleep 0.1
    done
    kill -TERM "$pid"
    wait "$pid" || fail "hookscope --headless exited with $? after SIGTERM"
    pid=""
    grep -q '"key":"run_deb_check"' "$tmp/out" || { cat "$tmp/out" "$tmp/err" >&2; fail "the delivery was not printed"; }
}

check_installed_files() {
    local f
    for f in /usr/share/applications/$app_id.desktop /usr/share/metainfo/$app_id.metainfo.xml \
        /usr/share/icons/hicolor/scalable/apps/$app_id.svg /usr/share/man/man1/hookscope.1.gz \
        /usr/share/doc/hookscope/copyright; do
        [ -f "$f" ] || fail "$f is not installed"
    done
    for size in 16 32 48 64 128 256; do
        f=/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png
        [[ $(file -b "$f") == "PNG image data, $size x $size,"* ]] || fail "$f is not a ${size}px PNG"
    done
    zcat /usr/share/man/man1/hookscope.1.gz >"$tmp/man"
    grep -q '^\.TH HOOKSCOPE 1' "$tmp/man" || fail "the man page is unreadable"
    desktop-file-validate /usr/share/applications/$app_id.desktop
    appstreamcli validate --no-net /usr/share/metainfo/$app_id.metainfo.xml >/dev/null
}

remove_package() {
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq hookscope >/dev/null
}

installed=""
pid=""
cleanup() {
    [ -z "$pid" ] || kill "$pid" 2>/dev/null || true
    [ -z "$installed" ] || remove_package || true
    rm -rf "$tmp"
}
tmp=$(mktemp -d)
trap cleanup EXIT

install_missing "${check_packages[@]}"
step "building the package"
deb=$(build_deb)
check_control "$deb"
step "installing $deb"
installed=1
quietly $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y "./$deb"
version=$(dpkg-query -W -f='${Version}' hookscope)
[ "$(/usr/bin/hookscope --version)" = "hookscope $version" ] ||
    fail "hookscope --version says '$(/usr/bin/hookscope --version)', the package is $version"
step "hookscope --headless receives a delivery"
check_headless
step "validating the desktop entry, metainfo, icons and man page"
check_installed_files
step "removing the package"
remove_package
installed=""
[ ! -e /usr/bin/hookscope ] || fail "/usr/bin/hookscope is still there after removal"
echo "check-deb: $(basename "$deb") built, installed, checked and removed" >&2
