#!/usr/bin/env bash
# The real console under Xvfb with a window manager (openbox): a call that starts ringing while the
# console's window is minimised makes the window demand attention (QWindow::alert: on X11 the window
# manager sets _NET_WM_STATE_DEMANDS_ATTENTION and the task bar flashes). Nothing is demanded before
# the call.
# Usage: urgency_hint.sh HOOKLINE_BINARY SCENARIO (the scenario offers a call a few seconds in)
set -euo pipefail
app=$1
scenario=$2
export QT_QUICK_BACKEND=software
unset QT_QPA_PLATFORM
export XDG_DATA_HOME=$(mktemp -d) XDG_CONFIG_HOME=$(mktemp -d)
trap 'rm -rf "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"' EXIT

xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  set -e
  openbox --sm-disable & wm=$!
  "$0" --scenario "$1" -qwindowgeometry 1280x800+0+0 & pid=$!
  trap "kill $pid $wm 2>/dev/null || true" EXIT
  win=""
  for i in $(seq 1 100); do
    win=$(xdotool search --onlyvisible --name "^Hookline" 2>/dev/null | head -1 || true)
    [ -n "$win" ] && break
    kill -0 $pid 2>/dev/null || { echo "hookline exited before showing a window"; exit 1; }
    sleep 0.1
  done
  [ -n "$win" ] || { echo "no Hookline window"; exit 1; }
  demands() { xprop -id "$win" _NET_WM_STATE | grep -q _NET_WM_STATE_DEMANDS_ATTENTION; }
  xdotool windowminimize "$win"
  if demands; then echo "demands attention before any call"; exit 1; fi
  for i in $(seq 1 150); do
    if demands; then echo "the incoming call made the minimised window demand attention"; exit 0; fi
    kill -0 $pid 2>/dev/null || { echo "hookline died"; exit 1; }
    sleep 0.1
  done
  echo "no attention demanded 15 s after start:"; xprop -id "$win" _NET_WM_STATE WM_HINTS
  exit 1
' "$app" "$scenario"
