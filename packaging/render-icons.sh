#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Renders the PNG icon sizes from the SVG. Run after editing the SVG and commit the PNGs:
# the build installs them as they are, so it needs no SVG renderer.
set -euo pipefail
cd "$(dirname "$0")/icons"
id=io.github.hookscope.HookScope
command -v rsvg-convert >/dev/null || { echo "rsvg-convert is missing: apt install librsvg2-bin" >&2; exit 1; }
for size in 16 32 48 64 128 256; do
    mkdir -p "hicolor/${size}x${size}/apps"
    rsvg-convert -w "$size" -h "$size" "$id.svg" -o "hicolor/${size}x${size}/apps/$id.png"
done
