#!/usr/bin/env bash
# Starts or stops the private PulseAudio that Hookline's audio tests play and record through.
#   pulse-harness.sh start STATE_DIR CONFIG.pa    (returns once `pactl info` answers)
#   pulse-harness.sh stop  STATE_DIR
# Everything the daemon writes (socket, pid, cookie, state, log) stays inside STATE_DIR, so it never meets
# the user's own sound server. Clients reach it with PULSE_SERVER=unix:STATE_DIR/runtime/native.
#
# Running as root (CI containers): pulseaudio only *warns* in per-user mode as root ("not intended to be run
# as root"); it refuses only when it would autospawn or drop privileges. So we never autospawn (-n plus an
# explicit -F script, --use-pid-file=no), ask for no realtime/high priority (no rtkit/D-Bus), point HOME and
# XDG_* at STATE_DIR, allow anonymous clients on the socket (no cookie), and keep it alive with
# --exit-idle-time=-1 --disallow-exit until `stop` sends SIGTERM to the pid we recorded.
set -euo pipefail

action=${1:?start|stop}
state=$(realpath -m "${2:?state directory}") # pulseaudio wants absolute paths
pidfile=$state/pulseaudio.pid
export HOME=$state/home XDG_RUNTIME_DIR=$state/xdg XDG_CONFIG_HOME=$state/home/.config
export PULSE_RUNTIME_PATH=$state/runtime PULSE_STATE_PATH=$state/state
export PULSE_SERVER=unix:$state/runtime/native

stop_daemon() {
  [ -f "$pidfile" ] || return 0
  local pid
  pid=$(cat "$pidfile")
  rm -f "$pidfile"
  # Only signal it if it is still the pulseaudio we started (pids get reused).
  if [ "$(cat /proc/"$pid"/comm 2>/dev/null)" = pulseaudio ]; then
    kill -TERM "$pid"
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.05; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
}

case $action in
start)
  config=${3:?config .pa file}
  stop_daemon # a daemon left over from an interrupted run
  rm -rf "$state"
  mkdir -p "$HOME" "$XDG_RUNTIME_DIR" "$PULSE_RUNTIME_PATH" "$PULSE_STATE_PATH"
  chmod 700 "$XDG_RUNTIME_DIR" "$PULSE_RUNTIME_PATH"
  # setsid + redirected streams: the daemon must not hold ctest's output pipe open after we return.
  setsid pulseaudio -n --daemonize=no --use-pid-file=no --exit-idle-time=-1 --disallow-exit \
    --realtime=no --high-priority=no --log-level=notice --log-target=file:"$state/pulseaudio.log" \
    -F "$config" </dev/null >"$state/pulseaudio.out" 2>&1 &
  echo $! >"$pidfile"
  # Readiness: poll the server (it offers no other signal), bounded to 10 s.
  for _ in $(seq 200); do
    if pactl info >/dev/null 2>&1; then
      pactl list short sinks
      pactl list short sources
      exit 0
    fi
    if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then break; fi
    sleep 0.05
  done
  echo "pulse-harness: PulseAudio did not come up; its log follows" >&2
  cat "$state/pulseaudio.out" "$state/pulseaudio.log" >&2 2>/dev/null || true
  stop_daemon
  exit 1
  ;;
stop)
  stop_daemon
  ;;
*)
  echo "pulse-harness: unknown action '$action'" >&2
  exit 2
  ;;
esac
