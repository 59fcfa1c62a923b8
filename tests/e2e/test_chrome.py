#!/usr/bin/python3
"""The console's feedback on the real binary, through the accessibility tree: a disabled control gives its
reason, a line out of service is seen from the header and explained in Settings, a refused shortcut says why, dropping a whole conference asks first (Cancel keeps it, Drop all
drops everyone), the focus moves into wrap-up after a drop, the agent state survives a restart."""

import os
import re
import shutil
import tempfile
import unittest

from e2e_case import ConsoleTestCase, scenario
from hookline_driver import Console


class Chrome(ConsoleTestCase):
    def test_disabled_reject_gives_its_reason(self):
        c = self.console("cannot-reject.json")
        tr = c.tr
        reject = c.find("push button", tr("Reject the incoming call"), timeout=15)
        self.assertNotIn("sensitive", c.states(reject))
        reason = tr("This line cannot reject calls: answer it or let it ring.")
        self.assertEqual(reason, c.description(reject))
        c.screenshot("1-reject-disabled.png")
        # The shortcut is refused with the same reason, shown where the agent is looking.
        c.key("ctrl+shift+r")
        notice = c.find("alert", reason, timeout=5)
        self.assertIn("showing", c.states(notice))
        c.screenshot("2-reject-refused.png")
        c.wait_gone("alert", reason, timeout=10)
        # From the keyboard: the unavailable Reject is still a Tab stop, so its reason can be read there.
        self.assertIn("focusable", c.states(reject))
        answer = c.find("push button", tr("Answer the incoming call"))
        c.focus(answer)
        for _ in range(4):
            if "focused" in c.states(reject):
                break
            c.key("Tab")
        self.assertIn("focused", c.states(reject))
        self.assertNotIn("sensitive", c.states(reject))
        c.find("tool tip", reason, timeout=5)
        c.screenshot("3-reject-focused.png")
        # Pressed anyway (Space, or a screen reader's Press), it does not act and says why.
        c.press(reject)
        c.find("alert", reason, timeout=5)
        self.assertIn("showing", c.states(answer))  # still ringing

    def test_line_out_of_service_is_seen_and_explained(self):
        c = self.console("line-out-of-service.json")
        tr = c.tr
        reason = "the USB sound card was unplugged"
        # Seen from any page: the header says a line is out of service, and leads to where it is explained.
        notice = c.find("push button", c.trn("%n line(s) out of service", 1), timeout=15)
        c.screenshot("1-notice.png")
        c.press(notice)
        c.find("page tab", tr("Settings", context="Main"))
        status = c.find("label", tr("%1: %2", "Support 2002", tr("out of service: %1", reason), context="LinesPane"), timeout=5)
        self.assertIn("showing", c.states(status))
        c.find("label", tr("%1: %2", "Sales 2001", tr("in service"), context="LinesPane"))
        c.screenshot("2-lines.png")
        # The card comes back: the line is in service again by itself, and the notice goes.
        c.find("label", tr("%1: %2", "Support 2002", tr("in service"), context="LinesPane"), timeout=15)
        c.wait_gone("push button", c.trn("%n line(s) out of service", 1), timeout=5)
        c.screenshot("3-back.png")

    def test_refused_shortcut_says_why(self):
        c = self.console("one-caller.json")
        tr = c.tr
        c.find("push button", tr("Answer the incoming call"), timeout=15)
        # Nothing has ended: Save and close by shortcut has nothing to save, and says so.
        c.key("ctrl+shift+s")
        c.find("alert", tr("Nothing to save: the selected call has not ended."), timeout=5)
        c.screenshot("1-nothing-to-save.png")
        # Hold by shortcut with no call selected.
        c.key("ctrl+shift+h")
        c.find("alert", tr("Select a call first."), timeout=5)
        # The notice fades by itself.
        c.wait_gone("alert", tr("Select a call first."), timeout=10)

    def session_items(self, c):
        return [c.name(n) for n in c.find_all("list item", root=c.find("list", c.tr("Sessions")))]

    def test_conference_drop_asks_first(self):
        c = self.console("consult.json")
        tr = c.tr
        # The agent sets the conference up: answer Hana, conference, dial Tom, add him when he answers.
        c.press(c.find("push button", tr("Answer the incoming call"), timeout=15))
        panel = c.find("panel", tr("Selected call"), timeout=5)
        c.press(c.find("push button", tr("Set up a conference"), root=panel, timeout=5))
        add = c.find("push button", tr("Add to conference"), root=panel, timeout=5)
        c.set_text(c.find("text", tr("Number to dial"), root=panel), "+1 555 0177")
        c.press(c.find("push button", tr("Dial the number"), root=panel))
        c.find("label", tr("%1 (%2)", tr("Connected"), tr("active")), root=panel, timeout=10)  # Tom answered
        c.wait_until(lambda: "sensitive" in c.states(add), 5, what="Add to conference enabled")
        c.press(add)
        conference = tr("Conference", context="SessionList") + ", " + tr("%1 (%2)", tr("Connected"), tr("active"))
        c.wait_until(lambda: conference in self.session_items(c), 5, what="the conference in the list")
        c.press(c.find("list item", conference))
        c.screenshot("1-conference.png")

        # Drop on the conference asks first; Cancel, pressed as a screen reader presses it, keeps everyone.
        c.press(c.find("push button", tr("Drop the call"), root=panel, timeout=5))
        question = c.find("dialog", tr("Drop the whole conference?"), timeout=5)
        keep = c.find("push button", tr("Keep the conference"), root=question)
        c.find("push button", tr("Drop the whole conference"), root=question)
        self.assertIn("focused", c.states(keep))  # the safe choice has the focus
        c.screenshot("2-asked.png")
        items = self.session_items(c)
        c.press(keep)
        c.wait_gone("push button", tr("Keep the conference"), timeout=5)
        self.assertEqual(items, self.session_items(c))
        self.assertIn(conference, self.session_items(c))
        self.assertEqual([], self.save_buttons(c))
        c.screenshot("3-kept.png")

        # Asked again, Drop all drops every party: the conference and Tom's leg close by themselves, Hana's
        # call waits for its one wrap-up.
        c.press(c.find("push button", tr("Drop the call"), root=panel, timeout=5))
        c.press(c.find("push button", tr("Drop the whole conference"), timeout=5))
        c.wait_until(lambda: len(self.session_items(c)) == 1, 5,
                     what="only the customer's call left: %s" % self.session_items(c))
        self.assertTrue(self.session_items(c)[0].startswith("Hana Kim (+1 555 0142), "), self.session_items(c))
        c.wait_until(lambda: len(self.save_buttons(c)) == 1, 5, what="one Save and close")
        c.screenshot("4-dropped.png")
        c.press(self.save_buttons(c)[0])
        c.wait_gone("push button", tr("Save the wrap-up and close the call"), timeout=5)
        # History names the conference row as it shows it.
        c.press(c.find("page tab", tr("History", context="Main")))
        c.find("list item", re.compile("^[^,]+, %s, %s$" % (re.escape(tr("Conference", context="HistoryPage")),
                                                          re.escape(tr("conference", context="HistoryPage")))),
               timeout=5)
        c.screenshot("5-history.png")

    def save_buttons(self, c):
        return c.find_all("push button", c.tr("Save the wrap-up and close the call"))

    def test_focus_moves_into_wrap_up_after_drop(self):
        c = self.console("one-caller.json")
        tr = c.tr
        c.press(c.find("push button", tr("Answer the incoming call"), timeout=15))
        c.press(c.find("push button", tr("Drop the call"), timeout=5))
        notes = c.find("text", tr("Wrap-up notes"), timeout=5)
        c.wait_until(lambda: "focused" in c.states(notes), 5, what="the focus in the wrap-up notes")
        c.type_text("callback")
        c.wait_until(lambda: c.text(notes) == "callback", 5, what="the typed notes")
        c.screenshot("1-notes-focused.png")
        # Save and close by shortcut.
        c.key("ctrl+shift+s")
        c.wait_gone("text", tr("Wrap-up notes"), timeout=5)

    def test_agent_state_survives_restart(self):
        config = tempfile.mkdtemp(prefix="hookline-e2e-config-")
        self.addCleanup(shutil.rmtree, config, True)
        out = os.path.join(os.environ.get("HOOKLINE_E2E_OUT", tempfile.gettempdir()), self.lang,
                           re.sub(r"[^A-Za-z0-9_.-]", "_", self.id()))
        lunch = None
        with Console(scenario=scenario("one-caller.json"), lang=self.lang, out_dir=os.path.join(out, "first"),
                     env={"XDG_CONFIG_HOME": config}) as c:
            tr = c.tr
            ready = tr("Agent state: %1", tr("Ready", context="Names"), context="AgentStateBar")
            c.find("label", ready, timeout=15)
            # Not ready: Lunch, through the state menu's keyboard shortcut and the arrow keys.
            c.key("ctrl+shift+n")
            c.find(None, tr("Not ready", context="AgentStateBar"), timeout=5)
            c.key("Down", "Right", "Down", "Return")
            lunch = tr("Agent state: %1", tr("%1: %2", tr("Not ready", context="Names"),
                                              tr("Lunch", context="Names"), context="AgentStateBar"),
                       context="AgentStateBar")
            c.find("label", lunch, timeout=5)
            c.screenshot("1-lunch.png")
        with Console(scenario=scenario("one-caller.json"), lang=self.lang, out_dir=os.path.join(out, "second"),
                     env={"XDG_CONFIG_HOME": config}) as c:
            c.find("label", lunch, timeout=15)
            # Not ready: the caller does not alert.
            c.screenshot("2-restarted.png")


if __name__ == "__main__":
    unittest.main()
