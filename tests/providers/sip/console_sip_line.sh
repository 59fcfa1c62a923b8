#!/usr/bin/env bash
# The console loads the SIP accounts its settings configure (array sipAccounts) next to the simulated
# lines. "good": an account whose registrar does not answer is a line out of service with the reason,
# in the console's trace. "bad": an account the settings schema refuses is reported as an engine error naming
# the key, and the console runs on (the simulated lines still get their calls). Bounded (20 s).
set -euo pipefail
app=$1
mode=$2
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$work"' EXIT
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data QT_QPA_PLATFORM=offscreen
mkdir -p "$XDG_CONFIG_HOME/Hookline"
transport=tcp
[ "$mode" = bad ] && transport=carrier-pigeon
# Port 9 (discard) on loopback: nothing listens, so TCP is refused at once.
cat > "$XDG_CONFIG_HOME/Hookline/hookline.conf" <<CONF
[sipAccounts]
1\\registrar=127.0.0.1:9
1\\user=agent1
1\\password=secret
1\\transport=$transport
size=1
CONF

"$app" --trace "$work/trace.jsonl" > "$work/console.log" 2>&1 &
pid=$!
found() { grep -q "$1" "$work/trace.jsonl" "$work/console.log" 2>/dev/null; }
for _ in $(seq 1 200); do
  kill -0 $pid 2>/dev/null || { echo "the console exited:"; cat "$work/console.log"; exit 1; }
  if [ "$mode" = good ] && found 'sip/agent1.*does not answer'; then
    grep -h 'sip/agent1' "$work/trace.jsonl" "$work/console.log" | head -3; exit 0
  fi
  if [ "$mode" = bad ] && found '"event":"error".*sipAccounts/1/transport' && found '"line":"sim/.*"state":"OFFERING"'; then
    grep '"event":"error"' "$work/trace.jsonl"; exit 0
  fi
  sleep 0.1
done
echo "expected evidence not in the trace:"; cat "$work/trace.jsonl"; cat "$work/console.log"; exit 1
