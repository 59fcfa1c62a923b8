#!/usr/bin/python3
"""The floor (issue 16) end to end on a NATS cluster: three nats-server nodes started here (loopback, free ports,
stopped by their process ids), three agents' consoles (tests/floor/floor_agent_console, headless: the engine on the
simulated switch), each on a node of its own, and the supervisor's console (the real binary) on the third node.
The supervisor sees every agent and every call; a party of Ana's conference dropped from the floor page leaves
Ana's conference by TAPI's cascade there (that party IDLE, the others stay); Cy's console takes requests from
another supervisor only, so ending Cy's call is refused, the page says why and Cy's console audits it."""

import json
import os
import re
import shutil
import socket
import tempfile
import unittest

from e2e_case import ConsoleTestCase
from test_floor import Process


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class FloorCluster(ConsoleTestCase):
    def start(self, cmd, what):
        p = Process(cmd, what)
        self.addCleanup(p.stop)
        return p

    def cluster(self, size=3):
        """size nodes of one cluster (JetStream on each); their client URLs."""
        exe = shutil.which("nats-server") or "/usr/sbin/nats-server"
        ports = [free_port() for _ in range(size)]
        routes = [free_port() for _ in range(size)]
        nodes = []
        for i in range(size):
            store = tempfile.mkdtemp(prefix="hookline-e2e-nats-n%d-" % i)
            self.addCleanup(shutil.rmtree, store, True)
            others = ",".join("nats://127.0.0.1:%d" % r for j, r in enumerate(routes) if j != i)
            nodes.append(self.start([exe, "-a", "127.0.0.1", "-p", str(ports[i]), "-js", "-sd", store,
                                     "-n", "n%d" % i, "--cluster_name", "hookline-e2e",
                                     "--cluster", "nats://127.0.0.1:%d" % routes[i], "--routes", others],
                                    "nats-server n%d" % i))
        for node in nodes:
            node.wait_for(lambda l: "Server is ready" in l, 10)
        return ["nats://127.0.0.1:%d" % p for p in ports]

    def agent(self, url, agent_id, name, *extra):
        exe = os.environ.get("HOOKLINE_FLOOR_AGENT_CONSOLE")
        if not exe:
            self.skipTest("HOOKLINE_FLOOR_AGENT_CONSOLE is not set (ctest sets it)")
        return self.start([exe, url, agent_id, "30", "--name", name, "--team", "north"] + list(extra), name)

    def floor_home(self, url, agent_id, name):
        home = self.persistent_home()
        config = os.path.join(home, "config", "Hookline")
        os.makedirs(config, exist_ok=True)
        with open(os.path.join(config, "hookline.conf"), "w") as f:
            f.write("[floor]\nservers=%s\nagentId=%s\nagentName=%s\n" % (url, agent_id, name))
        return home

    @staticmethod
    def events(agent):
        return [json.loads(l) for l in agent.read() if l.startswith("{")]

    def test_supervisor_on_a_cluster(self):
        urls = self.cluster()
        # Each agent on a node of its own; the cluster's first JetStream leader election happens meanwhile.
        ana = self.agent(urls[0], "a1", "Ana", "--conference", "alice,bob,carol")
        bo = self.agent(urls[1], "a2", "Bo")
        cy = self.agent(urls[2], "a3", "Cy", "--supervisors", "boss")
        for agent in (ana, bo, cy):
            agent.wait_for(lambda l: l == "ready", 30)
        c = self.console("quiet.json", "--supervisor", home=self.floor_home(urls[2], "sup1", "Sam"))
        tr = c.tr

        # Every agent and every call, whichever node its console uses.
        c.find("label", tr("Floor: %1", tr("Connected to %1", urls[2])), timeout=15)
        agents = c.find("list", tr("Agents on the floor"), timeout=10)
        for name in ("Ana", "Bo", "Cy"):
            c.find("label", name, root=agents, timeout=10)
        c.find("label", tr("Calls in progress: %1", 3), timeout=10)
        bob = "2002"  # a party of Ana's conference
        c.find("label", bob, root=agents, timeout=10)
        c.screenshot("1-cluster-floor.png")

        # Drop Bob from Ana's conference (Ana's console is on another node): TAPI's cascade at Ana's console.
        c.press(c.find("push button", tr("Drop %1 from the conference", bob), root=agents))
        done = tr("%1: %2", tr("Drop %1 from %2's conference", bob, "Ana"), tr("done"), context="FloorRequestLog")
        c.find("alert", done, timeout=10)
        ana.wait_for(lambda l: l.startswith("{") and json.loads(l).get("action") == "dropParty"
                     and json.loads(l).get("result") == "OK", 10)
        states = [e for e in self.events(ana) if "session" in e]
        self.assertEqual(["2002"], [e["remoteNumber"] for e in states if e["state"] == "IDLE"], states)

        # Cy's console refuses this supervisor: the page says why, Cy's call goes on, the refusal is audited.
        placeholder = tr("End %1's call with %2", "Cy", "\0")
        end = re.compile("^" + re.escape(placeholder).replace(re.escape("\0"), ".+") + "$")
        c.press(c.find("push button", end, root=agents))
        refused = tr("refused: this supervisor may not act on this agent", context="FloorRequestLog")
        c.find("alert", re.compile("^" + re.escape(tr("%1: %2", "\0", refused, context="FloorRequestLog"))
                                   .replace(re.escape("\0"), ".+") + "$"), timeout=10)
        cy.wait_for(lambda l: l.startswith("{") and json.loads(l).get("audited") is True, 10)
        acted = [e for e in self.events(cy) if "action" in e]
        self.assertEqual([{"supervisor": "sup1", "action": "endCall", "result": "forbidden", "ok": False}], acted)
        self.assertEqual([], [e for e in self.events(cy) if "session" in e])  # no state change at Cy's console
        self.assertEqual([], [e for e in self.events(bo) if "action" in e])  # Bo was not asked anything
        c.screenshot("2-refused.png")


if __name__ == "__main__":
    unittest.main()
