#!/usr/bin/python3
"""Coaching (issue 16) over real SIP lines on the real binary, through the accessibility tree: Kamailio and a
nats-server on loopback, two consoles, an agent's (Ana, SIP line 3001) and a supervisor's (Sam, floor id sup1,
SIP line 3101), each with its own HOME and settings. A customer (sipp) calls 3001; Ana answers with the
screen reader's Press. On the supervisor's Floor page Sam presses Listen, then Whisper, then Barge on Ana's
call: his console asks Ana's over the floor and calls her line, which joins his call to hers. At each step
Ana's session list marks the call (in the row's accessible name, with his name) and her console says what he
did; Sam's request log says it was done, and his row shows the mode in use (its button checked, unavailable,
described "... now") with the other modes and Stop offered. Sam presses Stop: his line is dropped, Ana's
console withdraws his grant at once (her call's mark goes, her notice says he left, in the past), and his
row offers every mode again. He listens once more, then hangs up his line from his Calls page (the same
drop): the marks go and the line closes on both consoles without a wrap-up (neither took a customer's call
on it); Ana's call with the customer goes on until she drops it (the customer's sipp gets her BYE) and
wraps it up, once.""" 

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
                return name.endswith(", " + mark) if mark else "Sam" not in name and "sup1" not in name
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
        now_of = {"listen": "Listening now", "whisper": "Whispering now", "barge": "In the call now"}
        coach_name = {mode: sam.tr(button, "Ana", CUSTOMER) for mode, button, _, _ in steps}
        stop_name = sam.tr("Stop coaching %1's call with %2", "Ana", CUSTOMER)

        def coach_button(mode):
            # Any role: a button read as checked may be announced as a toggle button.
            return sam.find(None, coach_name[mode], root=agents, timeout=15)

        def in_use(mode):
            """Sam's row shows `mode` in use: checked, unavailable with its reason; the others offered."""
            node = coach_button(mode)
            states = sam.states(node)
            if "checked" not in states or "sensitive" in states:
                return False
            if sam.description(node) != sam.tr(now_of[mode]):
                return False
            others = [coach_button(m) for m in now_of if m != mode]
            return all("sensitive" in sam.states(o) and "checked" not in sam.states(o) for o in others)

        def coach(number, mode, mark, deed):
            press = coach_name[mode]
            node = coach_button(mode)
            # Enabled: Sam's console has a SIP line to call Ana's with.
            sam.wait_until(lambda: "sensitive" in sam.states(node), 10, what="%s enabled" % press)
            sam.press(node)
            done = sam.tr("%1: %2", press, sam.tr("done"), context="FloorRequestLog")
            sam.find("alert", done, timeout=15)
            sam.wait_until(lambda: in_use(mode), 15, what="Sam's row showing %s in use" % mode)
            sam.find("push button", stop_name, root=agents, timeout=5)
            self.raise_window(sam)
            sam.screenshot("%d-supervisor-%s.png" % (number, mode))

            # Ana's session list marks the call, in the row's accessible name (what a screen reader reads),
            # naming him as his console sent his name.
            marked = tr(mark, "Sam", context="Names")
            row = ana.wait_until(lambda: call_row(marked), 15, what="Ana's call marked %r" % marked)
            self.assertNotIn("Sam", ana.name(row)[:-len(marked)], "one mark only: %r" % ana.name(row))
            self.assertNotIn("sup1", ana.name(row), "by name, not id: %r" % ana.name(row))
            # Her console says what the supervisor did (by his name), as an alert a screen reader hears (shown,
            # or renamed while it shows the step before); it goes by itself after 10 s.
            notice = tr("Supervisor %1 %2.", "Sam", tr(deed, CUSTOMER))
            ana.wait_until(lambda: [e for e in told if e["role"] == "alert" and e["name"] == notice]
                           or ana.find_all("alert", notice), 10, what="the notice %r" % notice)
            if mode == "listen":
                # The supervisor's own call, answered by Ana's console by itself, is marked as his line.
                leg = tr("Coaching line of supervisor %1", "Sam", context="Names")
                ana.wait_until(lambda: ana.find_all("list item", lambda n: n.endswith(", " + leg),
                                                    root=sessions), 10, what="the supervisor's line marked")
            self.raise_window(ana)
            ana.screenshot("%d-agent-%s.png" % (number, mode))

        def heard(notice):
            return [e for e in told if e["role"] == "alert" and e["name"] == notice] or ana.find_all("alert", notice)

        for number, (mode, _, mark, deed) in enumerate(steps, 2):
            coach(number, mode, mark, deed)

        # Sam presses Stop on his Floor page: his line is dropped; Ana's console withdraws his grant at once.
        sam.press(sam.find("push button", stop_name, root=agents, timeout=5))
        sam.wait_gone("push button", stop_name, timeout=15)
        sam.wait_until(lambda: all("sensitive" in sam.states(coach_button(m))
                                   and "checked" not in sam.states(coach_button(m)) for m in now_of),
                       10, what="every mode offered again on Sam's row")
        self.raise_window(sam)
        sam.screenshot("5-supervisor-stopped.png")
        # Ana is told he left; her call is unmarked and his line, which she never took, leaves her list.
        def ana_told_he_left(verb, shot):
            notice = tr("Supervisor %1 %2.", "Sam", tr(verb, CUSTOMER))
            ana.wait_until(lambda: heard(notice), 15, what="the notice %r (%s)" % (notice, shot))
            ana.wait_until(lambda: call_row(None), 15, what="Ana's call without a mark (%s)" % shot)
            ana.wait_until(lambda: len(ana.find_all("list item", root=sessions)) == 1, 10,
                           what="the supervisor's line gone from Ana's list (%s)" % shot)
            ana.find("label", tr("%1 (%2)", tr("Connected"), tr("active")), root=panel, timeout=5)
            self.raise_window(ana)
            ana.screenshot(shot)

        ana_told_he_left("left your call with %1", "5-agent-supervisor-stopped.png")

        # He listens once more (a new grant, a new line), then hangs up his line from his Calls page.
        coach(6, *[(m, mk, d) for m, _, mk, d in steps][0])

        # Sam hangs up his line from his Calls page, as a person does.
        sam.press(sam.find("page tab", tr("Calls", context="Main"), timeout=5))
        sam_panel = sam.find("panel", tr("Selected call"), timeout=10)
        sam.find("label", tr("%1 (%2)", tr("Connected"), tr("active")), root=sam_panel, timeout=10)
        self.raise_window(sam)
        sam.screenshot("7-supervisor-line.png")
        sam.press(sam.find("push button", tr("Drop the call"), timeout=5))
        # His coaching line was no customer's call: it closes without a wrap-up, and he stays Ready.
        sam_sessions = sam.find("list", tr("Sessions"), timeout=5)
        sam.wait_until(lambda: not sam.find_all("list item", root=sam_sessions), 10,
                       what="Sam's coaching line closed")
        self.assertEqual([], sam.find_all("push button", tr("Save the wrap-up and close the call")))
        sam.find("label", tr("Agent state: %1", tr("Ready", context="Names")), timeout=5)
        self.raise_window(sam)
        sam.screenshot("8-supervisor-hung-up.png")

        # Her call goes on; the notice says he stopped listening.
        ana_told_he_left("stopped listening to your call with %1", "9-agent-supervisor-gone.png")

        # Ana ends the call (the customer gets her BYE) and wraps it up: one wrap-up, the customer's, and
        # she is Ready again.
        ana.press(ana.find("push button", tr("Drop the call"), timeout=5))
        ana.press(ana.find("push button", tr("Save the wrap-up and close the call"), timeout=10))
        ana.wait_until(lambda: not ana.find_all("list item", root=sessions), 10, what="Ana's list empty")
        ana.find("label", tr("Agent state: %1", tr("Ready", context="Names")), timeout=5)
        self.raise_window(ana)
        ana.screenshot("10-agent-ready.png")
        self.assertEqual(0, customer.wait(15), customer.stdout.read().decode(errors="replace")[-2000:])


if __name__ == "__main__":
    unittest.main()
