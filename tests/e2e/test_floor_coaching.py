#!/usr/bin/python3
"""Coaching (issue 16) over real SIP lines on the real binary, through the accessibility tree: Kamailio and a
nats-server on loopback, two consoles, an agent's (Ana, SIP line 3001) and a supervisor's (Sam, floor id sup1,
SIP line 3101), each with its own HOME and settings. A customer (sipp) calls 3001; Ana answers with the
screen reader's Press. On the supervisor's Floor page Sam presses Listen, then Whisper, then Barge on Ana's
call: his console asks Ana's over the floor and calls her line, which joins his call to hers. At each step
Ana's session list marks the call (in the row's accessible name) and her console says what he did; Sam's
request log says it was done. Sam hangs up his line: the marks go and the line closes on both consoles
without a wrap-up (neither took a customer's call on it); Ana's call with the customer goes on until she
drops it (the customer's sipp gets her BYE) and wraps it up, once.""" 

import os
import re
import shutil
import subprocess
import tempfile
import unittest

from e2e_case import ConsoleTestCase
from sip_loopback import SipLoopback
from test_floor import Process

AGENT_USER, AGENT_PASSWORD = "3001", "pw-3001"
SUPERVISOR_USER, SUPERVISOR_PASSWORD = "3101", "pw-3101"
CUSTOMER = "Bob Caller (5551234)"  # as the session list and the floor name sipp's caller


class FloorCoaching(ConsoleTestCase):
    def nats_server(self):
        exe = shutil.which("nats-server") or "/usr/sbin/nats-server"
        store = tempfile.mkdtemp(prefix="hookline-e2e-nats-")
        self.addCleanup(shutil.rmtree, store, True)
        server = Process([exe, "-a", "127.0.0.1", "-p", "-1", "-js", "-sd", store], "nats-server")
        self.addCleanup(server.stop)
        port = server.wait_for(lambda l: re.search(r"Listening for client connections on [^:]+:(\d+)", l), 10).group(1)
        server.wait_for(lambda l: "Server is ready" in l, 10)
        return "nats://127.0.0.1:%s" % port

    def home(self, floor, agent_id, name, sip_port, user, password, coaching=None):
        """A HOME whose settings put the console on the floor as agent_id, with one SIP account."""
        home = self.persistent_home()
        config = os.path.join(home, "config", "Hookline")
        os.makedirs(config, exist_ok=True)
        with open(os.path.join(config, "hookline.conf"), "w") as f:
            f.write("[floor]\nservers=%s\nagentId=%s\nagentName=%s\n\n" % (floor, agent_id, name))
            if coaching:
                f.write("[coaching]\nmost=%s\n\n" % coaching)
            f.write("[sipAccounts]\n1\\registrar=127.0.0.1:%d\n1\\user=%s\n1\\password=%s\nsize=1\n" % (
                sip_port, user, password))
        return home

    @staticmethod
    def raise_window(c):
        """Both windows share the screen: the one to photograph goes on top."""
        subprocess.run(["xdotool", "windowraise", c._window()], check=True)

    def test_listen_whisper_barge_marked_on_the_agents_call(self):
        sip = SipLoopback({AGENT_USER: AGENT_PASSWORD, SUPERVISOR_USER: SUPERVISOR_PASSWORD})
        self.addCleanup(sip.stop)
        sip.start()
        floor = self.nats_server()
        ana = self.console("quiet.json", run="agent", home=self.home(
            floor, "a1", "Ana", sip.port, AGENT_USER, AGENT_PASSWORD, coaching="barge"))
        sam = self.console("quiet.json", "--supervisor", run="supervisor", home=self.home(
            floor, "sup1", "Sam", sip.port, SUPERVISOR_USER, SUPERVISOR_PASSWORD))
        tr = ana.tr
        # Kamailio's log beside the consoles' output (SipLoopback removes its folder when it stops).
        self.addCleanup(lambda: shutil.copy(os.path.join(sip.dir, "kamailio.log"),
                                            os.path.join(ana.out_dir, "..", "kamailio.log")))
        # Both lines registered: the customer's call and the supervisor's find their contacts.
        for user in (AGENT_USER, SUPERVISOR_USER):
            ana.wait_until(lambda: sip.contacts(user), 20, what="Kamailio's location holds %s" % user)

        # The customer calls Ana; she answers as a screen reader user does.
        customer = sip.sipp("uac_call_until_bye.xml", service=AGENT_USER, timeout=120)
        answer = ana.find("push button", tr("Answer the incoming call"), timeout=15)
        ana.press(answer)
        panel = ana.find("panel", tr("Selected call"), timeout=10)
        ana.find("label", tr("%1 (%2)", tr("Connected"), tr("active")), root=panel, timeout=10)
        sessions = ana.find("list", tr("Sessions"), timeout=5)

        def call_row(mark):
            """Ana's row of the customer's call: its accessible name ends with mark (none: no mark at all)."""
            def matches(name):
                if not name.startswith(CUSTOMER + ", "):
                    return False
                return name.endswith(", " + mark) if mark else "sup1" not in name
            rows = ana.find_all("list item", matches, root=sessions)
            return rows[0] if len(rows) == 1 else None

        ana.wait_until(lambda: call_row(None), 5, what="the customer's call in Ana's session list, unmarked")
        self.raise_window(ana)
        ana.screenshot("1-agent-answered.png")

        told = ana.listen("object:state-changed:showing", "object:property-change:accessible-name")
        # The supervisor's Floor page: Ana's call, connected, with Listen, Whisper and Barge.
        agents = sam.find("list", tr("Agents on the floor"), timeout=15)
        sam.find("label", "Ana", root=agents, timeout=10)
        steps = [
            ("listen", "Listen to %1's call with %2", "Supervisor %1 is listening",
             "is listening to your call with %1"),
            ("whisper", "Whisper to %1 on the call with %2", "Supervisor %1 is coaching you (heard by you only)",
             "is coaching you (heard by you only) on your call with %1"),
            ("barge", "Join %1's call with %2", "Supervisor %1 has joined the call",
             "is joining your call with %1"),
        ]
        for number, (mode, button, mark, deed) in enumerate(steps, 2):
            press = sam.tr(button, "Ana", CUSTOMER)
            coach = sam.find("push button", press, root=agents, timeout=15)
            # Enabled: Sam's console has a SIP line to call Ana's with.
            sam.wait_until(lambda: "sensitive" in sam.states(coach), 10, what="%s enabled" % press)
            sam.press(coach)
            done = sam.tr("%1: %2", press, sam.tr("done"), context="FloorRequestLog")
            sam.find("alert", done, timeout=15)
            self.raise_window(sam)
            sam.screenshot("%d-supervisor-%s.png" % (number, mode))

            # Ana's session list marks the call, in the row's accessible name (what a screen reader reads).
            marked = tr(mark, "sup1", context="Names")
            row = ana.wait_until(lambda: call_row(marked), 15, what="Ana's call marked %r" % marked)
            self.assertNotIn("sup1", ana.name(row)[:-len(marked)], "one mark only: %r" % ana.name(row))
            # Her console says what the supervisor did (by his name), as an alert a screen reader hears (shown,
            # or renamed while it shows the step before); it goes by itself after 10 s.
            notice = tr("Supervisor %1 %2.", "Sam", tr(deed, CUSTOMER))
            ana.wait_until(lambda: [e for e in told if e["role"] == "alert" and e["name"] == notice]
                           or ana.find_all("alert", notice), 10, what="the notice %r" % notice)
            if mode == "listen":
                # The supervisor's own call, answered by Ana's console by itself, is marked as his line.
                leg = tr("Coaching line of supervisor %1", "sup1", context="Names")
                ana.wait_until(lambda: ana.find_all("list item", lambda n: n.endswith(", " + leg),
                                                    root=sessions), 10, what="the supervisor's line marked")
            self.raise_window(ana)
            ana.screenshot("%d-agent-%s.png" % (number, mode))

        # Sam hangs up his line from his Calls page, as a person does.
        sam.press(sam.find("page tab", tr("Calls", context="Main"), timeout=5))
        sam_panel = sam.find("panel", tr("Selected call"), timeout=10)
        sam.find("label", tr("%1 (%2)", tr("Connected"), tr("active")), root=sam_panel, timeout=10)
        self.raise_window(sam)
        sam.screenshot("5-supervisor-line.png")
        sam.press(sam.find("push button", tr("Drop the call"), timeout=5))
        # His coaching line was no customer's call: it closes without a wrap-up, and he stays Ready.
        sam_sessions = sam.find("list", tr("Sessions"), timeout=5)
        sam.wait_until(lambda: not sam.find_all("list item", root=sam_sessions), 10,
                       what="Sam's coaching line closed")
        self.assertEqual([], sam.find_all("push button", tr("Save the wrap-up and close the call")))
        sam.find("label", tr("Agent state: %1", tr("Ready", context="Names")), timeout=5)
        self.raise_window(sam)
        sam.screenshot("6-supervisor-hung-up.png")

        # Ana's call is unmarked and goes on; the supervisor's line, which she never took, leaves her list.
        ana.wait_until(lambda: call_row(None), 15, what="Ana's call without a mark")
        ana.wait_until(lambda: len(ana.find_all("list item", root=sessions)) == 1, 10,
                       what="the supervisor's line gone from Ana's list")
        ana.find("label", tr("%1 (%2)", tr("Connected"), tr("active")), root=panel, timeout=5)
        self.raise_window(ana)
        ana.screenshot("7-agent-supervisor-gone.png")

        # Ana ends the call (the customer gets her BYE) and wraps it up: one wrap-up, the customer's, and
        # she is Ready again.
        ana.press(ana.find("push button", tr("Drop the call"), timeout=5))
        ana.press(ana.find("push button", tr("Save the wrap-up and close the call"), timeout=10))
        ana.wait_until(lambda: not ana.find_all("list item", root=sessions), 10, what="Ana's list empty")
        ana.find("label", tr("Agent state: %1", tr("Ready", context="Names")), timeout=5)
        self.raise_window(ana)
        ana.screenshot("8-agent-ready.png")
        self.assertEqual(0, customer.wait(15), customer.stdout.read().decode(errors="replace")[-2000:])


if __name__ == "__main__":
    unittest.main()
