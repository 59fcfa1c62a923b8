#!/usr/bin/python3
"""An incoming call is answered and dropped through the accessibility tree, as a screen reader user does."""

import unittest

from e2e_case import ConsoleTestCase


class AnswerAndDrop(ConsoleTestCase):
    def test_answer_then_drop_opens_wrap_up(self):
        c = self.console("one-caller.json")
        tr = c.tr

        answer = c.find("push button", tr("Answer the incoming call"), timeout=15)
        self.assertIn("sensitive", c.states(answer))
        c.screenshot("1-ringing.png")
        c.press(answer)

        # The banner goes and the selected call's panel says Connected (the state the agent sees).
        c.wait_gone("push button", tr("Answer the incoming call"), timeout=5)
        panel = c.find("panel", tr("Selected call"), timeout=5)
        connected = tr("%1 (%2)", tr("Connected"), tr("active"))
        c.find("label", connected, root=panel, timeout=5)
        c.screenshot("2-connected.png")

        drop = c.find("push button", tr("Drop the call"), timeout=5)
        self.assertIn("sensitive", c.states(drop))
        c.press(drop)

        save = c.find("push button", tr("Save the wrap-up and close the call"), timeout=5)
        self.assertIn("sensitive", c.states(save))
        self.assertEqual([], c.find_all("label", connected, root=panel))
        c.screenshot("3-wrap-up.png")


if __name__ == "__main__":
    unittest.main()
