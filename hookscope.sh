#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds HookScope and runs it, or builds it and runs every test headless.
#
#   ./hookscope.sh run [hookscope options]   build (release) and start the window, listening
#   ./hookscope.sh test                      build (warnings are errors) and run every test
#
# Installs what it needs from Debian's packages when missing (asks sudo when not root).
set -euo pipefail
cd "$(dirname "$0")"

# qt6-l10n-tools: lrelease builds the translations (the build stops without it), lupdate checks them.
build_packages=(cmake ninja-build g++ pkg-config qt6-base-dev qt6-base-dev-tools qt6-l10n-tools libgl-dev
    zlib1g-dev)
# qt6-translations-l10n: Qt's own French catalogue, which the French tests read when present.
test_packages=(curl python3 nodejs qt6-translations-l10n)
# NodeSource's nodejs carries npm and conflicts with Debian's npm package.
command -v npm >/dev/null || test_packages+=(npm)

install_missing() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing ${missing[*]}" >&2
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# tests/express: the Hoox page's Express receiver, which tests run as the user's app; installed
# from its lockfile when missing or when the lockfile changed since.
install_test_receivers() {
    local dir=tests/express
    if [ -f "$dir/node_modules/express/package.json" ] &&
        [ ! "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
        return 0
    fi
    echo "Installing $dir's npm packages" >&2
    npm ci --no-audit --no-fund --loglevel=error --prefix "$dir" >/dev/null
}

jobs=$(nproc 2>/dev/null || echo 2)
case "${1:-}" in
run)
    shift
    install_missing "${build_packages[@]}"
    cmake --preset release >/dev/null
    cmake --build --preset release -j"$jobs"
    exec build/release/src/app/hookscope "$@"
    ;;
test)
    install_missing "${build_packages[@]}" "${test_packages[@]}"
    install_test_receivers
    cmake --preset dev >/dev/null
    cmake --build --preset dev -j"$jobs"
    QT_QPA_PLATFORM=offscreen ctest --preset dev -j"$jobs"
    ;;
*)
    sed -n '3,8p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
