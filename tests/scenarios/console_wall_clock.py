#!/usr/bin/python3
"""The console runs its calls on the wall clock (issue 12): starts the real `hookline` binary (offscreen,
private HOME/XDG folders) on a scenario whose caller rings and gives up, waits for the missed call the
console writes to its history by itself, and checks that the row's times are now, not the scenario's
virtual epoch. A headless run of the same scenario keeps the virtual clock (the offer is at t=300 ms).

usage: console_wall_clock.py HOOKLINE SCENARIO
"""
import glob
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

VIRTUAL_EPOCH_MS = 1767258000000  # VirtualClock's default: 2026-01-01T09:00:00Z


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def main():
    exe, scenario = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory(prefix="hookline-wallclock-") as home:
        env = dict(os.environ)
        for key, sub in (("HOME", ""), ("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                         ("XDG_CACHE_HOME", "cache")):
            path = os.path.join(home, sub)
            os.makedirs(path, exist_ok=True)
            env[key] = path
        env["QT_QPA_PLATFORM"] = "offscreen"
        env["QT_QUICK_BACKEND"] = "software"
        env["PULSE_SERVER"] = "unix:" + os.path.join(home, "no-sound-server")
        started_ms = int(time.time() * 1000)
        app = subprocess.Popen([exe, "--scenario", scenario], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
        row = None
        try:
            deadline = time.time() + 30
            while time.time() < deadline and row is None:
                if app.poll() is not None:
                    fail("hookline exited early (%s): %s" % (app.returncode, app.stdout.read()))
                for db in glob.glob(os.path.join(home, "data", "**", "calls.sqlite"), recursive=True):
                    try:
                        con = sqlite3.connect("file:%s?mode=ro" % db, uri=True, timeout=1)
                        found = con.execute("SELECT offered_at, terminated_at, outcome, remote_number "
                                            "FROM calls WHERE outcome IS NOT 'live' ORDER BY id").fetchall()
                        con.close()
                    except sqlite3.Error:
                        found = []
                    if found:
                        row = found[0]
                time.sleep(0.2)
        finally:
            app.terminate()
            try:
                app.wait(10)
            except subprocess.TimeoutExpired:
                app.kill()
                app.wait()
        if row is None:
            fail("the console wrote no history row for the missed call within 30 s")
        offered, terminated, outcome, number = row
        now_ms = int(time.time() * 1000)
        print("row: offered_at=%d terminated_at=%d outcome=%s number=%s (run %d..%d)"
              % (offered, terminated, outcome, number, started_ms, now_ms))
        for name, value in (("offered_at", offered), ("terminated_at", terminated)):
            if not started_ms - 1000 <= value <= now_ms + 1000:
                fail("%s is %d, not between the run's start %d and now %d (virtual epoch is %d)"
                     % (name, value, started_ms, now_ms, VIRTUAL_EPOCH_MS))
        if outcome != "missed":
            fail("outcome is %r, expected 'missed'" % outcome)

        # Headless keeps the scenario's virtual time: its trace starts at the virtual epoch.
        trace = subprocess.run([exe, "--headless", "--scenario", scenario, "--trace", "-"], env=env,
                               capture_output=True, text=True, timeout=60)
        if trace.returncode != 0:
            fail("headless run failed (%d): %s" % (trace.returncode, trace.stderr))
        events = [json.loads(line) for line in trace.stdout.splitlines() if line.startswith("{")]
        offers = [e for e in events if e.get("event") == "state" and e.get("state") == "OFFERING"]
        if not offers or offers[0].get("t") != 300:
            fail("headless: the offer should be at virtual t=300 ms, trace has %s" % offers[:1])
        print("headless: offered at virtual t=%d ms" % offers[0]["t"])
    print("PASS")


if __name__ == "__main__":
    main()
