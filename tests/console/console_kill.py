#!/usr/bin/python3
"""Nothing finished is lost when the console is killed (issue 13): runs the real `hookline` binary
(offscreen, private HOME/XDG folders, automatic recording on, WAV, FLAC or Ogg/Opus by turns) on a scenario of calls
that are offered, answered, recorded, dropped and closed one after another, SIGKILLs it at a random moment,
and checks what it left:
  - every session the trace (--trace, one flushed line per event) shows terminated has its row, completed
    unless its "terminated" line is the trace's last (the kill may fall between the two writes);
  - every row that is still live is one the trace shows unfinished (it is marked interrupted at next start);
  - every recording file is linked from exactly one row, and readable by libsndfile to its end once the
    console has started again (the next start repairs a recording the kill cut short, an Ogg/Opus one
    killed before its first audio page included, and links one the kill left before its row named it);
    a completed call's holds audio.
Every other run is killed around a recording's start (a call's answer), the rest at a random moment.
Runs until its time budget (default 45 s) is spent, at least 6 runs (two of each format). The seed is printed for reproduction.

usage: console_kill.py HOOKLINE [SECONDS] [SEED]
"""
import glob
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

from console_files import json_lines, private_home, sndfile_frames

CALLS = 8
CALL_SPACING_MS = 1100


def fail(message, seed):
    print("FAIL (seed %d): %s" % (seed, message))
    sys.exit(1)


def live_rows(db):
    """Rows still live: the console that starts after a kill has opened its log when there are none."""
    con = sqlite3.connect(db, timeout=5)
    try:
        return con.execute("SELECT COUNT(*) FROM calls WHERE outcome = 'live'").fetchone()[0]
    finally:
        con.close()


def scenario():
    steps = []
    for i in range(CALLS):
        name, at = "c%d" % i, i * CALL_SPACING_MS
        steps += [{"at": at, "offer": {"line": "l1", "from": "peer", "as": name}},
                  {"at": at + 150, "agent": "answer", "session": name},
                  {"at": at + 850, "agent": "drop", "session": name},
                  {"at": at + 950, "agent": "terminate", "session": name}]
    return {"name": "console-kill", "description": "calls recorded and closed one after another",
            "lines": [{"id": "l1", "address": "100"}], "farEnds": [{"id": "peer", "number": "555"}],
            "steps": steps}


def one_run(exe, run, rng, seed):
    with tempfile.TemporaryDirectory(prefix="hookline-kill-") as home:
        env = private_home(home, dict(os.environ))
        env.update(QT_QPA_PLATFORM="offscreen", QT_QUICK_BACKEND="software",
                   PULSE_SERVER="unix:" + os.path.join(home, "no-sound-server"))
        fmt = ("wav", "flac", "opus")[run % 3]
        os.makedirs(os.path.join(home, "config", "Hookline"))
        with open(os.path.join(home, "config", "Hookline", "hookline.conf"), "w") as f:
            f.write("[recording]\nauto=true\nformat=%s\n" % fmt)
        with open(os.path.join(home, "scenario.json"), "w") as f:
            json.dump(scenario(), f)
        trace = os.path.join(home, "trace.jsonl")
        app = subprocess.Popen([exe, "--scenario", os.path.join(home, "scenario.json"), "--trace", trace],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # Kill once the first offer is in the trace (the console is up), at a random moment of the calls.
        deadline = time.time() + 20
        while time.time() < deadline and not any(e.get("state") == "OFFERING" for e in json_lines(trace)):
            if app.poll() is not None:
                fail("hookline exited early (%s)" % app.returncode, seed)
            time.sleep(0.05)
        if run % 2:
            # Around a recording's start (the call's answer), where the file and its row's link are made a
            # moment apart: a kill in between is the one the next start must link.
            delay = (rng.randrange(CALLS) * CALL_SPACING_MS + 150) / 1000.0 + rng.uniform(-0.05, 0.1)
        else:
            delay = rng.uniform(0.0, CALLS * CALL_SPACING_MS / 1000.0)
        time.sleep(delay)
        app.send_signal(signal.SIGKILL)
        app.wait()

        events = json_lines(trace)
        terminated = [e["session"] for e in events if e.get("event") == "terminated"]
        last_is_terminated = bool(events) and events[-1].get("event") == "terminated"
        dbs = glob.glob(os.path.join(home, "data", "**", "calls.sqlite"), recursive=True)
        if not dbs:
            if terminated:
                fail("no call log, yet %d calls ended" % len(terminated), seed)
            return delay, 0, 0, fmt
        con = sqlite3.connect(dbs[0], timeout=5)
        rows = {r[0]: r[1:] for r in con.execute(
            "SELECT session_id, outcome, recording_path FROM calls")}
        con.close()
        for session in terminated:
            if session not in rows:
                fail("session %d ended before the kill but has no row (%s)" % (session, fmt), seed)
            outcome = rows[session][0]
            if outcome == "live" and not (last_is_terminated and session == terminated[-1]):
                fail("session %d ended before the kill but its row is still live" % session, seed)
        for session, (outcome, _) in rows.items():
            if outcome == "live" and session in terminated[:-1]:
                fail("session %d: live row for a call the trace ended" % session, seed)
        # The next start repairs what the kill left (a recording whose header the kill cut short, a row
        # still live, a recording the kill left before its row linked it): start the console again on the
        # same folders with no calls, and give it until it has opened its log (no row live) and every
        # recording reads, as an agent would find them.
        files = glob.glob(os.path.join(home, "data", "**", "recordings", "*"), recursive=True)
        if files:
            with open(os.path.join(home, "quiet.json"), "w") as f:
                json.dump({"name": "quiet", "lines": [{"id": "l1", "address": "100"}], "farEnds": [],
                           "steps": []}, f)
            again = subprocess.Popen([exe, "--scenario", os.path.join(home, "quiet.json")], env=env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.time() + 20
            while time.time() < deadline and not (live_rows(dbs[0]) == 0
                                                  and all(sndfile_frames(p) is not None for p in files)):
                if again.poll() is not None:
                    fail("hookline exited early on the start after the kill (%s)" % again.returncode, seed)
                time.sleep(0.2)
            again.send_signal(signal.SIGTERM)
            try:
                again.wait(10)
            except subprocess.TimeoutExpired:
                again.kill()
                again.wait()
            if live_rows(dbs[0]):
                fail("the start after the kill left %d rows live" % live_rows(dbs[0]), seed)
            rows = {r[0]: r[1:] for r in sqlite3.connect(dbs[0], timeout=5).execute(
                "SELECT session_id, outcome, recording_path FROM calls")}
        linked = {}
        for session, (outcome, path) in rows.items():
            if path:
                linked.setdefault(path, []).append(session)
        files = glob.glob(os.path.join(home, "data", "**", "recordings", "*"), recursive=True)
        for path in files:
            if len(linked.get(path, [])) != 1:
                fail("recording %s is linked from %s rows" % (path, len(linked.get(path, []))), seed)
            frames = sndfile_frames(path)
            if frames is None:
                fail("recording %s is not readable by libsndfile" % path, seed)
            session = linked[path][0]
            if rows[session][0] == "answered" and frames <= 0:
                fail("recording %s of a completed call holds no audio" % path, seed)
        for path in linked:
            if path not in files:
                fail("row links %s, which does not exist" % path, seed)
        return delay, len(terminated), len(files), fmt


def main():
    exe = sys.argv[1]
    budget = float(sys.argv[2]) if len(sys.argv) > 2 else 45.0
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else random.randrange(1 << 30)
    rng = random.Random(seed)
    print("seed %d" % seed)
    started = time.time()
    run = 0
    while run < 6 or time.time() - started < budget:
        delay, ended, recordings, fmt = one_run(exe, run, rng, seed)
        print("run %d (%s): killed %.2f s after the first offer; %d calls had ended, %d recordings checked"
              % (run, fmt, delay, ended, recordings))
        run += 1
    print("%d runs, nothing finished was lost" % run)


if __name__ == "__main__":
    main()
