#!/usr/bin/python3
"""Nothing blocks the GUI thread while calls arrive (issue 13), on the real `hookline` binary: under Xvfb,
on a private session bus whose notification server takes every request and never
answers (silent_notifications), with every fsync slowed to 300 ms (the slow_fsync preload) and automatic
recording on. Another window has the keyboard focus, so every offer asks for a desktop notification. The console's
frame probe (HOOKLINE_FRAME_PROBE, app/FrameProbe.h) makes it draw continuously and writes, each second, how
many frames it drew, the longest interval between two of them and the longest *stall*: an interval less the
time the GUI thread spent runnable in the kernel's run queue within it (its schedstat), i.e. the time it ran
or was blocked. Time spent waiting for a CPU is the machine's load (other builds on a shared CI machine),
not the console's; see docs/benchmarks.md ("console_no_stall").

Checks: the console asked the silent server for each call; every sync ran off the GUI thread; each second
of the calls drew frames with no stall of 50 ms or more; every call is in the call log. Prints the longest
interval and the longest stall.

With --block-at-answer MS (the ctest console_no_stall_detects) the console blocks its GUI thread for MS at
every answer (HOOKLINE_FRAME_PROBE_BLOCK_AT_ANSWER_MS) and the test passes only if the stall check catches
it: that the check can fail, on the real binary.

usage (ctest): dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" console_no_stall.py \
    HOOKLINE SILENT_NOTIFICATIONS SLOW_FSYNC_LIBRARY [--block-at-answer MS]
"""
import glob
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

from console_files import json_lines, private_home

CALLS = 6
FIRST_OFFER_MS = 4000
SPACING_MS = 900
# The goal (issue 13): no GUI-thread stall of 50 ms or more. Raw frame intervals reached 59.8 ms in a full
# CI run with nothing blocking the GUI thread (it waited for a CPU), so the bound applies to the stall, the
# interval less the GUI thread's run-queue wait.
LONGEST_STALL_MS = 50.0


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def scenario():
    steps = []
    for i in range(CALLS):
        name, at = "c%d" % i, FIRST_OFFER_MS + i * SPACING_MS
        steps += [{"at": at, "offer": {"line": "l1", "from": "peer", "as": name}},
                  {"at": at + 250, "agent": "answer", "session": name},
                  {"at": at + 600, "agent": "drop", "session": name},
                  {"at": at + 700, "agent": "terminate", "session": name}]
    return {"name": "no-stall", "description": "calls arrive while the notification server hangs",
            "lines": [{"id": "l1", "address": "100"}],
            "farEnds": [{"id": "peer", "number": "555", "name": "Pat Peer"}], "steps": steps}


def wait_for(what, predicate, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    fail("timed out waiting for " + what)


def window_of(name):
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", name],
                           capture_output=True, text=True).stdout.split()
    return found[0] if found else None


def main():
    exe, silent, slow_fsync = sys.argv[1:4]
    block_ms = int(sys.argv[5]) if len(sys.argv) > 5 and sys.argv[4] == "--block-at-answer" else 0
    if "DBUS_SESSION_BUS_ADDRESS" not in os.environ or "DISPLAY" not in os.environ:
        fail("run under dbus-run-session and xvfb-run (see usage)")
    with tempfile.TemporaryDirectory(prefix="hookline-nostall-") as home:
        env = private_home(home, dict(os.environ))
        env.pop("QT_QPA_PLATFORM", None)  # xcb, on the Xvfb display
        env.update(QT_QUICK_BACKEND="software", PULSE_SERVER="unix:" + os.path.join(home, "no-sound-server"))
        os.makedirs(os.path.join(home, "config", "Hookline"))
        with open(os.path.join(home, "config", "Hookline", "hookline.conf"), "w") as f:
            f.write("[recording]\nauto=true\nformat=wav\n")
        scenario_path = os.path.join(home, "scenario.json")
        with open(scenario_path, "w") as f:
            json.dump(scenario(), f)
        trace = os.path.join(home, "trace.jsonl")
        frames = os.path.join(home, "frames.jsonl")
        syncs = os.path.join(home, "syncs.log")

        server = subprocess.Popen([silent], stdout=subprocess.PIPE, text=True)
        app = clock = None
        try:
            if server.stdout.readline().strip() != "ready":
                fail("the silent notification server did not start")
            console_env = dict(env, LD_PRELOAD=slow_fsync, HOOKLINE_SLOW_FSYNC_MS="300",
                               HOOKLINE_SLOW_FSYNC_LOG=syncs, HOOKLINE_FRAME_PROBE=frames)
            if block_ms:
                console_env["HOOKLINE_FRAME_PROBE_BLOCK_AT_ANSWER_MS"] = str(block_ms)
            app = subprocess.Popen([exe, "--scenario", scenario_path, "--trace", trace,
                                    "-qwindowgeometry", "1280x800+0+0"], env=console_env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            wait_for("the console's window", lambda: app.poll() is None and window_of("^Hookline"), 45)
            # The agent is in another program: the console's window loses the focus before the first call.
            clock = subprocess.Popen(["xclock", "-geometry", "120x120+1150+670", "-title", "elsewhere"],
                                     env=env)
            other = wait_for("the other window", lambda: window_of("^elsewhere$"), 10)
            subprocess.run(["xdotool", "windowfocus", "--sync", other], check=True, timeout=10)
            if json_lines(trace) and any(e.get("state") == "OFFERING" for e in json_lines(trace)):
                fail("the first call came before the focus moved: raise FIRST_OFFER_MS")

            def all_ended():
                return sum(1 for e in json_lines(trace) if e.get("event") == "terminated") == CALLS
            wait_for("%d calls to end" % CALLS, lambda: app.poll() is None and all_ended(), 60)
            seconds_at_end = len(json_lines(frames))
            wait_for("the frame probe's next two seconds", lambda: len(json_lines(frames)) >= seconds_at_end + 2, 10)
            app.send_signal(signal.SIGTERM)
            app.wait(timeout=30)
        finally:
            for process in (app, clock, server):
                if process and process.poll() is None:
                    process.kill()
                    process.wait()

        # The console asks (GetCapabilities, then Notify) for every call that rings while it is not focused;
        # none is ever answered.
        requests = server.stdout.read().split()
        if len(requests) < CALLS:
            fail("the console asked the notification server %d time(s) for %d calls (%s)"
                 % (len(requests), CALLS, requests))

        log = open(syncs).read() if os.path.exists(syncs) else ""
        sync_lines = [line for line in log.splitlines() if not line.startswith(" ")]
        if sync_lines.count("main"):
            print(log)
            fail("%d fsync(s) on the GUI thread (their backtraces are above)" % sync_lines.count("main"))
        if sync_lines.count("other") < CALLS:
            fail("only %d slowed fsync(s): is the preload in place?" % sync_lines.count("other"))

        seconds = [s for s in json_lines(frames) if s["t"] >= FIRST_OFFER_MS - 1000]
        if len(seconds) < (CALLS * SPACING_MS) // 1000:
            fail("the frame probe covered %d second(s) of the calls" % len(seconds))
        if not all(s.get("schedstat") for s in seconds):
            print("note: no schedstat for the GUI thread; a stall is the whole frame interval")
        for s in seconds:
            if s["frames"] < 10:
                fail("second ending at %d ms drew %d frame(s): the console stopped drawing" % (s["t"], s["frames"]))
        stalls = [s for s in seconds if s["maxStallMs"] >= LONGEST_STALL_MS]
        worst = max(seconds, key=lambda s: s["maxIntervalMs"])
        worst_stall = max(seconds, key=lambda s: s["maxStallMs"])
        figures = ("longest interval %.1f ms (ending %d ms after start), longest stall %.1f ms (ending %d ms "
                   "after start; %.1f ms of run-queue wait taken out of its interval), run-queue wait up to "
                   "%.1f ms in a second"
                   % (worst["maxIntervalMs"], worst["maxEndedAtMs"], worst_stall["maxStallMs"],
                      worst_stall["stallEndedAtMs"], worst_stall["stallWaitMs"],
                      max(s["waitMs"] for s in seconds)))
        # Where each second's longest interval and stall fell in the call cycle (offer +0, answer +250, drop
        # +600, terminate +700 ms; the console's clock starts a little before the scenario's), for tracing one.
        for s in seconds:
            print("  second to %6d ms: %3d frames, longest interval %5.1f ms ending at %6d ms, "
                  "longest stall %5.1f ms ending at %6d ms, run-queue wait %5.1f ms"
                  % (s["t"], s["frames"], s["maxIntervalMs"], s["maxEndedAtMs"], s["maxStallMs"],
                     s["stallEndedAtMs"], s["waitMs"]))
        if block_ms:
            # The self-check: the blocked answers must be caught, each as a stall of at least the block.
            caught = [s for s in stalls if s["maxStallMs"] >= block_ms]
            if len(caught) < CALLS // 2:
                fail("the GUI thread was blocked %d ms at each of %d answers, but only %d second(s) show a "
                     "stall of %d ms or more: the check would miss it (%s)"
                     % (block_ms, CALLS, len(caught), block_ms, figures))
            print("blocked %d ms at each answer: %d second(s) with a stall of %d ms or more, caught; %s"
                  % (block_ms, len(caught), block_ms, figures))
        elif stalls:
            s = stalls[0]
            fail("second ending at %d ms: a %.1f ms stall of the GUI thread (interval %.1f ms) ending at %d ms; %s"
                 % (s["t"], s["maxStallMs"], s["maxIntervalMs"], s["stallEndedAtMs"], figures))

        dbs = glob.glob(os.path.join(home, "data", "**", "calls.sqlite"), recursive=True)
        if not dbs:
            fail("no call log")
        con = sqlite3.connect(dbs[0], timeout=5)
        answered = con.execute("SELECT COUNT(*) FROM calls WHERE outcome = 'answered'").fetchone()[0]
        con.close()
        if answered != CALLS:
            fail("%d of %d calls in the call log" % (answered, CALLS))

        print("%d calls, %d notification requests left unanswered, %d fsyncs (all off the GUI thread); "
              "%d seconds of frames, %d-%d frames a second; %s"
              % (CALLS, len(requests), len(sync_lines), len(seconds), min(s["frames"] for s in seconds),
                 max(s["frames"] for s in seconds), figures))


if __name__ == "__main__":
    main()
