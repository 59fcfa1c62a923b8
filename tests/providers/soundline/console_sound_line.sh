#!/usr/bin/env bash
# The console loads the sound-card lines its settings configure (array soundLines) next to the
# simulated ones. "good": a line playing a recorded inbound call (ring, Bell 202 caller ID, ring) as its
# audio offers a session on that line. "bad": a line the provider refuses is reported as an engine
# error naming the setting and the console runs on (the simulated lines still get their calls).
# "size-huge", "size-word", "size-negative": soundLines/size is 100000000, abc or -3; each is refused with
# the key at once (a huge size used to allocate gigabytes, the others to drop the lines silently).
# Evidence is the console's own --trace; the polling is bounded (20 s).
set -euo pipefail
app=$1
fixtures=$2
mode=$3
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$work"' EXIT
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data QT_QPA_PLATFORM=offscreen
mkdir -p "$XDG_CONFIG_HOME/Hookline"
profile=us
[ "$mode" = bad ] && profile=mars
size=1
case $mode in
  size-huge) size=100000000 ;;
  size-word) size=abc ;;
  size-negative) size=-3 ;;
esac
cat > "$XDG_CONFIG_HOME/Hookline/hookline.conf" <<CONF
[soundLines]
1\\id=desk
1\\name=Desk line
1\\profile=$profile
1\\captureFile=$fixtures/inbound_us_ring_cid.wav
size=$size
CONF

"$app" --trace "$work/trace.jsonl" > "$work/console.log" 2>&1 &
pid=$!
found() { grep -q "$1" "$work/trace.jsonl" 2>/dev/null; }
for _ in $(seq 1 200); do
  kill -0 $pid 2>/dev/null || { echo "the console exited:"; cat "$work/console.log"; exit 1; }
  if [ "$mode" = good ] && found '"line":"soundline/desk".*"state":"OFFERING"'; then
    echo "OFFERING on soundline/desk"; exit 0
  fi
  if [ "$mode" = bad ] && found '"event":"error".*soundLines.*profile' && found '"line":"sim/.*"state":"OFFERING"'; then
    grep '"event":"error"' "$work/trace.jsonl"; exit 0
  fi
  if [ "${mode#size-}" != "$mode" ] && found "\"event\":\"error\".*soundLines/size=$size: expected a number of lines from 0 to 32" \
     && found '"line":"sim/.*"state":"OFFERING"'; then
    grep '"event":"error"' "$work/trace.jsonl"; exit 0
  fi
  sleep 0.1
done
echo "expected evidence not in the trace:"; cat "$work/trace.jsonl"; cat "$work/console.log"; exit 1
