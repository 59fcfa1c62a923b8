#!/usr/bin/python3
"""The console's feedback on the real binary, through the accessibility tree: a disabled control gives its
reason, a refused shortcut says why, the focus moves into wrap-up after a drop, the agent state survives a
restart."""

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
