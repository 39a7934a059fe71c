#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Takes README's screenshot: HookScope under Xvfb, fed the four Hoox tasks, a retry chain,
# a conflicting duplicate and a malformed payload over loopback.
#   packaging/screenshot.sh BINARY OUTPUT.png
# EMPTY=1 sends nothing, to show what an empty session shows.
# SIZE=1280x760 sets the window's size (default 1600x900); THEME=dark takes it under a dark
# palette, qt6ct's "darker" colour scheme with the Fusion style, as a user of a dark desktop
# would see it (needs qt6ct).
set -euo pipefail
bin=$1 out=$2
work=$(mktemp -d)
trap 'kill $app $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
size=${SIZE:-1600x900}
if [ "${THEME:-light}" = dark ]; then
    mkdir -p "$work/config/qt6ct"
    printf '[Appearance]\ncolor_scheme_path=/usr/share/qt6ct/colors/darker.conf\ncustom_palette=true\nstyle=Fusion\n' \
        >"$work/config/qt6ct/qt6ct.conf"
    export QT_QPA_PLATFORMTHEME=qt6ct
fi
Xvfb :9 -screen 0 "${size}x24" >/dev/null 2>&1 & xvfb=$!
sleep 1
port=47771
# A stand-in for the ngrok agent's local API, with a tunnel to our port.
mkdir -p "$work/ngrok/api"
printf '{"tunnels":[{"name":"command_line","public_url":"https://8f3c-203-0-113-7.ngrok-free.app","proto":"https","config":{"addr":"http://localhost:%s"}}]}' $port >"$work/ngrok/api/tunnels"
python3 -m http.server 47772 --bind 127.0.0.1 --directory "$work/ngrok" >/dev/null 2>&1 & ngrok=$!
trap 'kill $app $xvfb $ngrok 2>/dev/null || true; rm -rf "$work"' EXIT
DISPLAY=:9 "$bin" --port $port --journal "$work/journal.hkj" --ngrok-api http://127.0.0.1:47772 >/dev/null 2>&1 & app=$!
for _ in $(seq 50); do (echo >/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
send() { curl -s -o /dev/null -X POST "http://127.0.0.1:$port/webhook/hoox" -H 'Content-Type: application/json' \
    -H "User-Agent: ${2:-Hoox-API/1.0}" -H 'X-Hoox-Webhook: true' --data-binary "$1"; }
if [ -z "${EMPTY:-}" ]; then # EMPTY=1: the first-minute page of an empty session
send '{"task":"video_generate","job_id":"run_01234567890abcdef","status":"completed","result":{"video_id":"video_abcdef1234567890","thumbnail_url":"https://cdn.hoox.video/thumbnails/video_123.jpg","cost":5,"created_at":"2024-01-15T10:30:00Z"}}'
send '{"task":"video_export","job_id":"run_7f3a9c2e11b04d58","status":"completed","result":{"download_url":"https://cdn.hoox.video/exports/video_123.mp4"}}'
send '{"task":"avatar_create","avatar_id":"av_5521","look_id":"look_01","status":"completed","result":{"preview_url":"https://cdn.hoox.video/avatars/av_5521.png"}}'
send '{"task":"video_generate","job_id":"run_99aa41f0c2d3e4b5","status":"failed","error":{"code":"INSUFFICIENT_CREDITS","message":"Not enough credits to complete video generation"}}'
sleep 1; send '{"task":"video_generate","job_id":"run_99aa41f0c2d3e4b5","status":"failed","error":{"code":"INSUFFICIENT_CREDITS","message":"Not enough credits to complete video generation"}}'
sleep 2; send '{"task":"video_generate","job_id":"run_99aa41f0c2d3e4b5","status":"failed","error":{"code":"INSUFFICIENT_CREDITS","message":"Not enough credits to complete video generation"}}'
send '{"task":"avatar_edit","avatar_id":"av_5521","look_id":"look_02","status":"failed","error":{"code":"FACE_NOT_FOUND","message":"No face found in the uploaded image"}}'
send '{"task":"video_export","job_id":"run_7f3a9c2e11b04d58","status":"failed","error":{"code":"RENDER_FAILED","message":"Export failed"}}'
send '{"task":"avatar_create","avatar_id":"av_77","status":"completed"' curl/8.0
fi
sleep 1
wid=$(DISPLAY=:9 xdotool search --onlyvisible --name HookScope | head -1)
DISPLAY=:9 xdotool windowsize "$wid" "${size%x*}" "${size#*x}" windowmove "$wid" 0 0
sleep 0.5
# Select the conflicting duplicate (the row before last), so the viewer shows its findings.
DISPLAY=:9 xdotool mousemove 200 ${ROW_Y:-329} click 1
sleep 0.3
# A detail tab to show, by its access key (e.g. TAB_KEY=alt+t for the Timeline).
[ -z "${TAB_KEY:-}" ] || DISPLAY=:9 xdotool key "$TAB_KEY"
sleep 0.5
eval "$(DISPLAY=:9 xdotool getwindowgeometry --shell "$wid")"
DISPLAY=:9 import -window root -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage "$out"
