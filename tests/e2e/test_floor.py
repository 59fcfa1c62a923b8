#!/usr/bin/python3
"""The floor (issue 16) on the real binary, through the accessibility tree: a supervisor's console and two agents'
consoles (tests/floor/floor_agent_console, headless: the engine on the simulated switch) on one nats-server started
here. The supervisor sees both agents with their calls, drops a party of Ana's conference from the floor page, the
page says it was done, and Ana's console drops that party (its session goes IDLE, the others stay)."""

import json
import os
import re
import select
import shutil
import subprocess
import tempfile
import time
import unittest

from e2e_case import ConsoleTestCase
from hookline_driver import DriverError, _die_with_parent, _stop
from test_accessibility import MUST_BE_NAMED


class Process:
    """A process started here, stopped by its id when the test ends; its output read line by line."""

    def __init__(self, cmd, what):
        self.what = what
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     preexec_fn=_die_with_parent)
        self.lines = []
        self._partial = b""

    def read(self):
        while self.proc.stdout and select.select([self.proc.stdout], [], [], 0)[0]:
            chunk = os.read(self.proc.stdout.fileno(), 65536)
            if not chunk:
                break
            self._partial += chunk
            *done, self._partial = self._partial.split(b"\n")
            self.lines += [line.decode(errors="replace") for line in done]
        return self.lines

    def wait_for(self, predicate, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.read():
                found = predicate(line)
                if found:
                    return found
            if self.proc.poll() is not None:
                break
            select.select([self.proc.stdout], [], [], 0.1)
        raise DriverError("%s: nothing matched within %.0f s (exit status %s); its output:\n%s" % (
            self.what, timeout, self.proc.poll(), "\n".join(self.read()[-30:])))

    def stop(self):
        _stop(self.proc)


class Floor(ConsoleTestCase):
    def start(self, cmd, what):
        p = Process(cmd, what)
        self.addCleanup(p.stop)
        return p

    def nats_server(self):
        exe = shutil.which("nats-server") or "/usr/sbin/nats-server"
        store = tempfile.mkdtemp(prefix="hookline-e2e-nats-")
        self.addCleanup(shutil.rmtree, store, True)
        server = self.start([exe, "-a", "127.0.0.1", "-p", "-1", "-js", "-sd", store], "nats-server")
        port = server.wait_for(lambda l: re.search(r"Listening for client connections on [^:]+:(\d+)", l), 10).group(1)
        server.wait_for(lambda l: "Server is ready" in l, 10)
        return "nats://127.0.0.1:%s" % port

    def agent(self, url, agent_id, name, team, *extra):
        exe = os.environ.get("HOOKLINE_FLOOR_AGENT_CONSOLE")
        if not exe:
            self.skipTest("HOOKLINE_FLOOR_AGENT_CONSOLE is not set (ctest sets it)")
        p = self.start([exe, url, agent_id, "30", "--name", name, "--team", team] + list(extra), name)
        p.wait_for(lambda l: l == "ready", 15)
        return p

    def floor_home(self, url, agent_id, name):
        """A HOME whose settings put the console on the floor at url as agent_id."""
        home = self.persistent_home()
        config = os.path.join(home, "config", "Hookline")
        os.makedirs(config, exist_ok=True)
        with open(os.path.join(config, "hookline.conf"), "w") as f:
            f.write("[floor]\nservers=%s\nagentId=%s\nagentName=%s\n" % (url, agent_id, name))
        return home

    def test_supervisor_drops_a_party_from_the_floor(self):
        url = self.nats_server()
        ana = self.agent(url, "a1", "Ana", "north", "--conference", "alice,bob,carol")
        self.agent(url, "a2", "Bo", "south")
        c = self.console("quiet.json", "--supervisor", home=self.floor_home(url, "sup1", "Sam"))
        tr = c.tr

        # The supervisor view opens on the floor, connected, with both agents and their calls.
        c.find("label", tr("Floor: %1", tr("Connected to %1", url)), timeout=15)
        agents = c.find("list", tr("Agents on the floor"), timeout=10)
        c.find("label", "Ana", root=agents, timeout=10)
        c.find("label", "Bo", root=agents, timeout=10)
        c.find("label", tr("Calls in progress: %1", 2), timeout=10)
        bob = "2002"
        c.find("label", bob, root=agents, timeout=10)
        c.screenshot("1-floor.png")
        # Everything on the floor page a screen reader meets has a name.
        unnamed = ["%s in %s" % (c.describe(n), c.describe(n.parent)) for n in c.find_all()
                   if c.role(n) in MUST_BE_NAMED and not c.name(n).strip()]
        self.assertEqual([], unnamed)

        # Drop Bob from Ana's conference, pressed as a screen reader does.
        c.press(c.find("push button", tr("Drop %1 from the conference", bob), root=agents))
        done = tr("%1: %2", tr("Drop %1 from %2's conference", bob, "Ana"), tr("done"), context="FloorRequestLog")
        c.find("alert", done, timeout=10)
        # Ana's console carried it out: Bob's session went IDLE there, nobody else's.
        ana.wait_for(lambda l: l.startswith("{") and json.loads(l).get("action") == "dropParty"
                     and json.loads(l).get("result") == "OK", 10)
        states = [e for e in (json.loads(l) for l in ana.read() if l.startswith("{")) if "session" in e]
        idle = [e for e in states if e["state"] == "IDLE"]
        self.assertEqual(["2002"], [e["remoteNumber"] for e in idle], states)
        # The page follows: Bob's call ended, one party fewer in the conference.
        row = tr("%1, %2, on %3, %4", bob, tr("Ended", context="Names"), "\0", "\1", context="FloorCallRow")
        ended = re.compile("^" + re.escape(row).replace("\0", ".*").replace("\1", ".*") + "$")
        c.wait_until(lambda: c.find_all("table row", ended, root=agents), 10, what="Bob's call shown ended")
        c.screenshot("2-party-dropped.png")

    def test_agent_console_says_what_the_supervisor_did(self):
        # Two real consoles on one floor: Cy's (an agent's) and Sam's (a supervisor's). Sam forces Cy Offline
        # from the floor page; Cy's console goes Offline and tells Cy so, as an alert.
        url = self.nats_server()
        agent = self.console("quiet.json", home=self.floor_home(url, "a3", "Cy"), run="agent")
        tr = agent.tr
        agent.find("label", tr("Agent state: %1", tr("Ready", context="Names")), timeout=15)
        # The agent is working elsewhere in the console: the notice must be heard without taking the focus.
        history = agent.find("page tab", tr("History"))
        agent.focus(history)
        agent.wait_until(lambda: "focused" in agent.states(history), 5, what="History tab focused")
        events = agent.listen("object:state-changed:showing", "object:state-changed:focused")
        sup = self.console("quiet.json", "--supervisor", home=self.floor_home(url, "sup1", "Sam"), run="supervisor")
        agents = sup.find("list", tr("Agents on the floor"), timeout=15)
        sup.find("label", "Cy", root=agents, timeout=10)
        sup.press(sup.find("push button", tr("Force a state on %1", "Cy"), root=agents))
        offline = tr("Offline", context="Names")
        sup.press(sup.find("menu item", tr("Set %1 to %2", "Cy", offline, context="FloorAgentCard"), timeout=5))
        sup.find("alert", tr("%1: %2", tr("Set %1 to %2", "Cy", offline, context="FloorAgentCard"),
                             tr("done"), context="FloorRequestLog"), timeout=10)
        sup.screenshot("1-forced.png")
        # The supervisor by name (the name Sam's console sent), not by id.
        notice = tr("Supervisor %1 %2.", "Sam", tr("changed your state to %1", offline))
        agent.wait_until(lambda: [e for e in events if e["role"] == "alert" and e["name"] == notice
                                  and e["detail1"] == 1], 10, what="the notice announced")
        agent.find("alert", notice, timeout=5)
        agent.find("label", tr("Agent state: %1", offline), timeout=5)
        self.assertIn("focused", agent.states(history))
        self.assertEqual([], [e for e in events if e["type"] == "object:state-changed:focused" and e["detail1"] == 1])
        # Both windows share the screen: the agent's is raised for its picture.
        subprocess.run(["xdotool", "windowraise", agent._window()], check=True)
        agent.wait_until(lambda: "showing" in agent.states(agent.find("alert", notice)), 5, what="the notice")
        agent.screenshot("2-agent-told.png")
        # Dismissed with the screen reader's Press.
        agent.press(agent.find("push button", tr("Dismiss the supervisor's notice")))
        agent.wait_gone("alert", notice, timeout=5)


if __name__ == "__main__":
    unittest.main()
