#!/usr/bin/python3
"""The agent's call flows on the real console, driven only through the accessibility tree (issue 12):
consult transfer and conference finished, blind transfer, placing a call with a number written as the
console shows numbers, calling back from History, several ringing calls answered by choice, and one wrap-up
per customer interaction. The scenarios only let far ends act; every agent action is the test's."""

import re
import unittest

from e2e_case import ConsoleTestCase


def starting(text):
    return re.compile("^" + re.escape(text))


class CallFlows(ConsoleTestCase):
    def answer_first_caller(self, c):
        tr = c.tr
        c.press(c.find("push button", tr("Answer the incoming call"), timeout=15))
        panel = c.find("panel", tr("Selected call"), timeout=5)
        c.find("label", tr("%1 (%2)", tr("Connected"), tr("active")), root=panel, timeout=5)
        return panel

    def state_label(self, c, state):
        return c.tr(state, context="Names")

    def shows_label(self, c, text, root, timeout=5):
        """Waits for a showing label with this text in root (a caller without a name shows the number twice:
        as the heading and as the number)."""
        return c.wait_until(lambda: c.find_all("label", text, root=root), timeout, what="a label %r" % text)

    def list_items(self, c):
        return [c.name(n) for n in c.find_all("list item", root=c.find("list", c.tr("Sessions")))]

    def save_buttons(self, c):
        return c.find_all("push button", c.tr("Save the wrap-up and close the call"))

    def open_history(self, c):
        c.press(c.find("page tab", c.tr("History", context="Main")))
        return c.find("list", c.tr("Call history"), timeout=5)

    def history_row(self, c, direction, caller, outcome, timeout=5):
        name = "%s, %s, %s" % (c.tr(direction, context="HistoryPage"), caller, c.tr(outcome, context="HistoryPage"))
        return c.find("list item", name, timeout=timeout)

    def test_consult_transfer_completed(self):
        c = self.console("consult.json")
        tr = c.tr
        panel = self.answer_first_caller(c)
        c.press(c.find("push button", tr("Start a consultation for transfer"), root=panel))
        # The consultation call is selected at once: its dial tone is what the panel shows.
        c.find("label", self.state_label(c, "Dial tone"), root=panel, timeout=5)
        complete = c.find("push button", tr("Complete transfer"), root=panel, timeout=5)
        self.assertNotIn("sensitive", c.states(complete))
        c.set_text(c.find("text", tr("Number to dial"), root=panel), "+1 555 0199")
        c.press(c.find("push button", tr("Dial the number"), root=panel))
        # The dialled number is the consult's number from dialling on.
        self.shows_label(c, "+1 555 0199", panel)
        c.find("list item", starting("+1 555 0199, "), timeout=5)  # and in the list
        c.screenshot("1-consult-ringing.png")
        c.wait_until(lambda: "sensitive" in c.states(complete), 10, what="Complete transfer enabled")
        c.find("label", tr("%1 (%2)", tr("Connected"), tr("active")), root=panel, timeout=5)
        c.screenshot("2-consult-connected.png")
        c.press(complete)
        # One wrap-up for the interaction: the consultation leg closes by itself, the customer's call stays.
        c.wait_until(lambda: len(self.list_items(c)) == 1, 5, what="only the customer's call left")
        self.assertTrue(self.list_items(c)[0].startswith("Hana Kim (+1 555 0142), "), self.list_items(c))
        save = c.find("push button", tr("Save the wrap-up and close the call"), timeout=5)
        self.assertEqual(1, len(self.save_buttons(c)))
        c.find("label", "order 4711", root=panel, timeout=5)  # the caller's data is still there
        c.screenshot("3-wrap-up-once.png")
        c.press(save)
        c.wait_gone("push button", tr("Save the wrap-up and close the call"), timeout=5)
        self.open_history(c)
        self.history_row(c, "Incoming", "Hana Kim (+1 555 0142)", "transferred")
        self.history_row(c, "Outgoing", "+1 555 0199", "consultation")
        c.screenshot("4-history.png")

    def test_conference_completed(self):
        c = self.console("consult.json")
        tr = c.tr
        panel = self.answer_first_caller(c)
        c.press(c.find("push button", tr("Set up a conference"), root=panel))
        c.find("label", self.state_label(c, "Dial tone"), root=panel, timeout=5)
        add = c.find("push button", tr("Add to conference"), root=panel, timeout=5)
        c.set_text(c.find("text", tr("Number to dial"), root=panel), "+1 (555) 0177")
        c.press(c.find("push button", tr("Dial the number"), root=panel))
        self.shows_label(c, "+1 (555) 0177", panel)
        # Talk to the new party first, as an agent does, then join the calls.
        c.find("label", tr("%1 (%2)", tr("Connected"), tr("active")), root=panel, timeout=10)
        c.wait_until(lambda: "sensitive" in c.states(add), 5, what="Add to conference enabled")
        c.press(add)
        in_conference = self.state_label(c, "In conference")
        # A row's name is what it shows: the caller, the state, then the conference it is in.
        c.wait_until(lambda: sum(1 for n in self.list_items(c) if (", " + in_conference + ", ") in n
                                 or n.endswith(", " + in_conference)) == 2, 5,
                     what="both parties in the conference: %s" % self.list_items(c))
        items = self.list_items(c)
        self.assertTrue(any(n.startswith("Hana Kim (+1 555 0142), ") for n in items), items)
        self.assertTrue(any(n.startswith("+1 (555) 0177, ") for n in items), items)
        self.assertIn(tr("Conference", context="SessionList") + ", " + tr("%1 (%2)", tr("Connected"), tr("active")), items)
        c.wait_gone("push button", tr("Add to conference"), timeout=5)
        c.screenshot("conference.png")
        # Drop the added party: the conference collapses to the call with Hana, and her row's name says so
        # (no "in conference" any more), as the row shows it.
        added = next(n for n in c.find_all("list item", root=c.find("list", tr("Sessions")))
                     if c.name(n).startswith("+1 (555) 0177, "))
        c.press(added)
        panel = c.find("panel", tr("Selected call"), timeout=5)
        c.press(c.find("push button", tr("Drop the call"), root=panel, timeout=5))
        connected = tr("%1 (%2)", tr("Connected"), tr("active"))
        c.find("list item", "Hana Kim (+1 555 0142), " + connected, timeout=10)
        in_conference = max(tr("in conference %1", "\x00", context="SessionList").split("\x00"), key=len).strip()
        self.assertFalse([n for n in self.list_items(c) if in_conference in n], self.list_items(c))
        c.screenshot("collapsed.png")

    def test_blind_transfer(self):
        c = self.console("consult.json")
        tr = c.tr
        panel = self.answer_first_caller(c)
        field = c.find("text", tr("Number to transfer the call to"), root=panel)
        button = c.find("push button", tr("Transfer the call without consulting"), root=panel)
        c.set_text(field, "sales desk")
        # Refused with the reason shown, not silently.
        c.find("label", tr("Only digits, + at the start, * and # can be dialled; letters cannot.",
                           context="DialString"), root=panel, timeout=5)
        self.assertNotIn("sensitive", c.states(button))
        c.set_text(field, "+1 (555) 0199")
        c.wait_until(lambda: "sensitive" in c.states(button), 5, what="Blind transfer enabled")
        c.screenshot("1-blind-transfer.png")
        c.press(button)
        c.find("push button", tr("Save the wrap-up and close the call"), timeout=5)
        self.assertEqual(1, len(self.save_buttons(c)))
        c.press(c.find("push button", tr("Save the wrap-up and close the call")))
        self.open_history(c)
        self.history_row(c, "Incoming", "Hana Kim (+1 555 0142)", "transferred")
        c.screenshot("2-history.png")

    def test_outbound_number_shown(self):
        c = self.console("quiet.json")
        tr = c.tr
        number = c.find("text", tr("Number to call"), timeout=15)
        call = c.find("push button", tr("Call the number"))
        c.find("combo box", tr("Line to call on"))  # two lines can make calls: the agent chooses
        c.set_text(number, "call sam")
        c.find("label", tr("Only digits, + at the start, * and # can be dialled; letters cannot.",
                           context="DialString"), timeout=5)
        self.assertNotIn("sensitive", c.states(call))
        c.set_text(number, "+1 555 0199")
        c.wait_until(lambda: "sensitive" in c.states(call), 5, what="Call enabled")
        c.press(call)
        panel = c.find("panel", tr("Selected call"), timeout=5)
        # While it rings the list and the panel show whom the agent calls.
        c.find("list item", "+1 555 0199, " + self.state_label(c, "Ringing"), timeout=5)
        self.shows_label(c, "+1 555 0199", panel)
        c.screenshot("1-ringing.png")
        c.find("list item", "+1 555 0199, " + tr("%1 (%2)", tr("Connected"), tr("active")), timeout=10)
        # The supervisor's list of sessions shows it too.
        c.press(c.find("page tab", tr("Supervisor", context="Main")))
        c.wait_until(lambda: c.find_all("label", "+1 555 0199"), 5, what="the number in the supervisor view")
        c.screenshot("2-supervisor.png")
        c.press(c.find("page tab", tr("Calls", context="Main")))
        panel = c.find("panel", tr("Selected call"), timeout=5)
        c.press(c.find("push button", tr("Drop the call"), root=panel))
        c.press(c.find("push button", tr("Save the wrap-up and close the call"), timeout=5))
        self.open_history(c)
        self.history_row(c, "Outgoing", "+1 555 0199", "answered")
        c.screenshot("3-history.png")

    def test_callback_from_history(self):
        c = self.console("missed-caller.json")
        tr = c.tr
        c.find("push button", tr("Answer the incoming call"), timeout=15)
        # She gives up: a missed call goes to History by itself, without a wrap-up.
        c.wait_gone("push button", tr("Answer the incoming call"), timeout=10)
        c.wait_until(lambda: self.list_items(c) == [], 5, what="the missed call closed")
        self.assertEqual([], self.save_buttons(c))
        history = self.open_history(c)
        self.history_row(c, "Incoming", "Hana Kim (+1 555 0142)", "missed")
        # Search by digits, written another way than the stored number.
        c.set_text(c.find("text", tr("Search the call history")), "(555) 014-2")
        self.history_row(c, "Incoming", "Hana Kim (+1 555 0142)", "missed")
        c.screenshot("1-history-missed.png")
        c.press(c.find("push button", tr("Call back %1", "Hana Kim (+1 555 0142)"), root=history))
        # Back on the Calls tab with the outbound call, which she answers.
        c.find("list item", "+1 555 0142, " + tr("%1 (%2)", tr("Connected"), tr("active")), timeout=10)
        c.screenshot("2-called-back.png")

    def test_several_ringing_answer_the_chosen_one(self):
        c = self.console("three-callers.json")
        tr = c.tr
        c.find("push button", tr("Answer the incoming call"), timeout=15)
        c.find("push button", tr("Answer the call from %1", "Jo Park (+1 555 0144)"), timeout=10)
        ivan = c.find("push button", tr("Answer the call from %1", "Ivan Petrov (+1 555 0143)"), timeout=5)
        c.screenshot("1-three-ringing.png")
        c.press(ivan)
        c.find("list item", "Ivan Petrov (+1 555 0143), " + tr("%1 (%2)", tr("Connected"), tr("active")), timeout=5)
        ringing = self.state_label(c, "Incoming")
        c.find("list item", "Hana Kim (+1 555 0142), " + ringing)
        c.find("list item", "Jo Park (+1 555 0144), " + ringing)
        panel = c.find("panel", tr("Selected call"))
        c.find("label", "Ivan Petrov", root=panel)
        c.screenshot("2-answered-ivan.png")

    def test_wrap_up_once_per_interaction(self):
        c = self.console("two-callers-one-line.json")
        tr = c.tr
        c.find("push button", tr("Answer the call from %1", "Ivan Petrov (+1 555 0143)"), timeout=15)
        # Hana is refused: recorded as rejected, no wrap-up asked for.
        c.press(c.find("push button", tr("Reject the incoming call")))
        c.wait_until(lambda: not any(n.startswith("Hana Kim") for n in self.list_items(c)), 5,
                     what="the rejected call closed")
        self.assertEqual([], self.save_buttons(c))
        # Ivan is taken; notes typed while talking go into his wrap-up.
        c.press(c.find("push button", tr("Answer the incoming call"), timeout=5))
        panel = c.find("panel", tr("Selected call"), timeout=5)
        c.find("label", tr("%1 (%2)", tr("Connected"), tr("active")), root=panel, timeout=5)
        c.set_text(c.find("text", tr("Call notes"), root=panel), "wants a refund")
        c.screenshot("1-notes-while-talking.png")
        # He hangs up: one wrap-up, with the notes already in it.
        save = c.find("push button", tr("Save the wrap-up and close the call"), timeout=10)
        self.assertEqual(1, len(self.save_buttons(c)))
        self.assertEqual("wants a refund", c.text(c.find("text", tr("Wrap-up notes"), root=panel)))
        c.screenshot("2-wrap-up.png")
        c.press(save)
        c.wait_until(lambda: self.list_items(c) == [], 5, what="every call closed")
        self.open_history(c)
        self.history_row(c, "Incoming", "Ivan Petrov (+1 555 0143)", "answered")
        self.history_row(c, "Incoming", "Hana Kim (+1 555 0142)", "rejected")
        c.screenshot("3-history.png")


if __name__ == "__main__":
    unittest.main()
