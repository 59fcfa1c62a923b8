#!/usr/bin/env bash
# The console never rewrites what the user wrote in the settings file: a file with bytes that are not
# UTF-8, keys the console does not know, a comment and a stored agent state is byte for byte the same after
# the console started, took calls (the simulated lines' first offer is in the trace) and quit (SIGTERM
# quits through the event loop like closing the window). Polling is bounded (20 s).
set -euo pipefail
app=$1
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$work"' EXIT
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache QT_QPA_PLATFORM=offscreen
mkdir -p "$XDG_CONFIG_HOME/Hookline"
conf=$XDG_CONFIG_HOME/Hookline/hookline.conf
# \377\376 and a lone \351 are not UTF-8; QSettings would write them back as U+FFFD.
printf '; written by hand\n[zeta]\nnote=caf\351 \377\376\nunknown/deeper=1\n\n[agent]\nstate=NotReady\nreason=lunch\n\n[General]\nfuture=%s\n' \
  'a value from a newer version' > "$conf"
cp "$conf" "$work/before.conf"

"$app" --trace "$work/trace.jsonl" > "$work/console.log" 2>&1 &
pid=$!
for _ in $(seq 1 200); do
  kill -0 $pid 2>/dev/null || { echo "the console exited:"; cat "$work/console.log"; exit 1; }
  grep -q '"line":"sim/.*"state":"OFFERING"' "$work/trace.jsonl" 2>/dev/null && break
  sleep 0.1
done
grep -q '"state":"OFFERING"' "$work/trace.jsonl" || { echo "no call offered:"; cat "$work/console.log"; exit 1; }
kill -TERM $pid
code=0
wait $pid || code=$?
pid=
[ "$code" = 0 ] || { echo "the console exited with $code after SIGTERM:"; cat "$work/console.log"; exit 1; }
if ! cmp "$work/before.conf" "$conf"; then
  echo "the settings file changed:"; diff <(od -c "$work/before.conf") <(od -c "$conf") || true; exit 1
fi
echo "settings file unchanged"
