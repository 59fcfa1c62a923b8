#!/usr/bin/env bash
# Smoke test: starts the real console under Xvfb with the software renderer, waits until its window
# is mapped and the default scenario has calls on screen, and saves screenshots of the console and
# of the supervisor view at 1280x800 and 1920x1080 into OUT_DIR. Fails if the app exits early or
# never shows a window.
set -euo pipefail
app=$1
out=$2
mkdir -p "$out"
export QT_QUICK_BACKEND=software
unset QT_QPA_PLATFORM
export XDG_DATA_HOME=$(mktemp -d) XDG_CONFIG_HOME=$(mktemp -d)
trap 'rm -rf "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"' EXIT

shoot() { # size name extra-args...
  local size=$1 name=$2
  shift 2
  xvfb-run -a -s "-screen 0 ${size}x24" bash -c '
    set -e
    "$0" -qwindowgeometry "$1+0+0" "${@:4}" & pid=$!
    # Wait (bounded) for the window, then for the scenario to have offered its first calls (6.5 s).
    for i in $(seq 1 100); do
      if xwininfo -root -tree | grep -q "\"Hookline"; then break; fi
      kill -0 $pid 2>/dev/null || { echo "hookline exited before showing a window"; exit 1; }
      sleep 0.1
    done
    xwininfo -root -tree | grep -q "\"Hookline" || { echo "no Hookline window"; kill $pid; exit 1; }
    sleep 7
    kill -0 $pid 2>/dev/null || { echo "hookline died"; exit 1; }
    import -window root "$2/$3"
    kill $pid; wait $pid || true
  ' "$app" "$size" "$out" "$name.png" "$@"
  test -s "$out/$name.png"
  echo "screenshot: $out/$name.png"
}

shoot 1280x800 console-1280x800
shoot 1920x1080 console-1920x1080
shoot 1280x800 supervisor-1280x800 --supervisor
shoot 1920x1080 supervisor-1920x1080 --supervisor
