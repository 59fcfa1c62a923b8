#!/usr/bin/python3
"""Issue 17: what a screen reader or a scripted UI test finds in the console's accessibility tree, and that
it can act on every control. Each test names the item of the issue it checks."""

import re
import unittest

from e2e_case import ConsoleTestCase

# Roles of containers and controls that must never be showing without a name.
MUST_BE_NAMED = {"tool bar", "panel", "scroll bar", "label", "text", "push button", "check box",
                 "combo box", "page tab", "page tab list", "list", "list item", "alert", "spin button",
                 "radio button", "progress bar"}


class Accessibility(ConsoleTestCase):
    maxDiff = None

    def answer_first_call(self, c):
        c.press(c.find("push button", c.tr("Answer the incoming call"), timeout=15))
        return c.find("panel", c.tr("Selected call"), timeout=5)

    # "Press does nothing": Press acts as a click, through the same handler.
    def test_press_acts_on_tabs_toggles_and_rows(self):
        c = self.console("two-lines.json")
        tr = c.tr
        panel = self.answer_first_call(c)

        # A check box (Mute): Toggle and Press both run the click's handler, the engine mutes.
        mute = c.find("check box", tr("Mute the microphone"), root=panel)
        c.toggle(mute)
        c.find("check box", tr("Unmute the microphone"), root=panel, timeout=5)
        c.press(c.find("check box", tr("Unmute the microphone"), root=panel))
        c.find("check box", tr("Mute the microphone"), root=panel, timeout=5)

        # A list row: Press selects it and the panel follows.
        row = c.find("list item", lambda n: n.startswith("Ivan Petrov"), timeout=10)
        self.assertNotIn("selected", c.states(row))
        c.press(row)
        c.wait_until(lambda: "selected" in c.states(row), 5, what="Ivan's row selected")
        c.find("label", "Ivan Petrov", root=c.find("panel", tr("Selected call")), timeout=5)

        # A page tab: Press opens the page, and the tab is the selected one.
        history = c.find("page tab", tr("History"))
        calls = c.find("page tab", tr("Calls"))
        self.assertIn("selected", c.states(calls))
        c.press(history)
        c.find("text", tr("Search the call history"), timeout=5)
        c.wait_until(lambda: "selected" in c.states(history), 5, what="History selected")
        self.assertNotIn("selected", c.states(calls))
        c.screenshot("history-by-press.png")

    # "Page tabs: the current page should be SELECTED" (changed here with the keyboard, not with Press).
    def test_current_page_tab_is_selected(self):
        c = self.console("one-caller.json")
        calls, settings = c.find("page tab", c.tr("Calls")), c.find("page tab", c.tr("Settings"))
        self.assertEqual(("selected", None), ("selected" if "selected" in c.states(calls) else None,
                                              "selected" if "selected" in c.states(settings) else None))
        self.open_settings_by_keyboard(c)
        c.wait_until(lambda: "selected" in c.states(settings) and "selected" not in c.states(calls), 5,
                     what="Settings the selected tab")
        # Qt 6.4's AT-SPI bridge sends no event for a change of "selected"; the tab's "checked" event
        # tells a screen reader.

    def test_check_box_toggles_through_its_own_handler(self):
        # Toggle checks the box and its handler stores the setting: a restarted console shows it checked.
        # (Qt 6.4 alone sets "checked" without running the handler.)
        home = self.persistent_home()
        c = self.console("one-caller.json", home=home)
        self.open_settings_by_keyboard(c)
        auto = c.find("check box", c.tr("Record every call automatically"))
        self.assertNotIn("checked", c.states(auto))
        c.toggle(auto)
        c.wait_until(lambda: "checked" in c.states(auto), 5, what="auto-record checked")
        c.close()
        again = self.console("one-caller.json", home=home, run="restarted")
        self.open_settings_by_keyboard(again)
        self.assertIn("checked", again.states(again.find("check box", again.tr("Record every call automatically"))))

    def open_settings_by_keyboard(self, c):
        tab = c.find("page tab", c.tr("Settings"))
        c.focus(tab)
        c.key("space")
        # The recording check box is below the Lines and SIP accounts sections: scrolled to, as a user does
        # (in Chinese, with the audio devices' notes, it is below the fold of a 800-pixel window).
        self.scroll_settings_to(c, "check box", c.tr("Record every call automatically"))

    def wrap_up_spin_box(self, c):
        # Below the fold of the settings page (not showing): a screen reader's review mode reaches it.
        return c.wait_until(lambda: c.find_all("spin button", c.tr("Wrap-up time in seconds"), showing=False),
                            5, what="the wrap-up time spin box")[0]

    def test_spin_box_steps_through_its_own_handler(self):
        # Increase steps the spin box and its handler stores the time: a restarted console shows it.
        home = self.persistent_home()
        c = self.console("one-caller.json", home=home)
        self.open_settings_by_keyboard(c)
        wrap = self.wrap_up_spin_box(c)
        before = wrap.queryValue().currentValue
        c.do_action(wrap, "Increase")
        c.wait_until(lambda: wrap.queryValue().currentValue > before, 5, what="wrap-up time increased")
        c.close()
        again = self.console("one-caller.json", home=home, run="restarted")
        self.open_settings_by_keyboard(again)
        self.assertGreater(self.wrap_up_spin_box(again).queryValue().currentValue, before)

    def test_press_on_menu_and_combo_box(self):
        c = self.console("one-caller.json")
        tr = c.tr
        # A menu: Press opens it, Press on an item runs it (the agent goes offline).
        c.press(c.find("push button", tr("Change the agent state"), timeout=5))
        c.press(c.find("menu item", tr("Offline", context="AgentStateBar"), timeout=5))
        c.find("label", tr("Agent state: %1", tr("Offline", context="AgentStateBar")), timeout=5)
        c.wait_gone("menu item", tr("Offline", context="AgentStateBar"))

        # A combo box: Press opens its list (named after the combo box), Press on an entry chooses it.
        c.press(c.find("push button", tr("Change the agent state")))
        c.press(c.find("menu item", tr("Ready", context="AgentStateBar"), timeout=5))
        panel = self.answer_first_call(c)
        reason = c.find("combo box", tr("Drop reason"), root=panel)
        c.press(reason)
        reasons = c.find("dialog", tr("Drop reason"), timeout=5)
        sale = c.find(None, tr("Sale"), root=reasons)  # a list item or a menu item, as the style makes it
        c.screenshot("drop-reasons.png")
        c.press(sale)
        c.wait_gone("dialog", tr("Drop reason"))
        c.wait_until(lambda: c.text(c.find("text", tr("Drop reason"), root=reason)) == tr("Sale"), 5,
                     what="Sale chosen")

    # "Disabled controls are announced as enabled".
    def test_disabled_control_is_not_sensitive_and_says_why(self):
        c = self.console("cannot-reject.json")
        tr = c.tr
        reject = c.find("push button", tr("Reject the incoming call"), timeout=15)
        states = c.states(reject)
        self.assertNotIn("sensitive", states)
        self.assertNotIn("enabled", states)
        self.assertEqual(tr("This line cannot reject calls: answer it or let it ring."), c.description(reject))
        answer = c.find("push button", tr("Answer the incoming call"))
        self.assertIn("sensitive", c.states(answer))
        c.screenshot("reject-disabled.png")

    def test_enabled_state_changes_are_announced(self):
        c = self.console("one-caller.json")
        tr = c.tr
        c.press(c.find("page tab", tr("Settings")))
        clear = c.find("push button", tr("Clear %1", tr("Ringtone file")), timeout=5)
        self.assertNotIn("sensitive", c.states(clear))
        events = c.listen("object:state-changed:sensitive")
        c.set_text(c.find("text", tr("Ringtone file")), "/tmp/ring.wav")
        c.wait_until(lambda: "sensitive" in c.states(clear), 5, what="Clear enabled")
        c.wait_until(lambda: any(e["name"] == c.name(clear) and e["detail1"] == 1 for e in events), 5,
                     what="a sensitive state-changed event for Clear")
        c.press(clear)
        c.wait_until(lambda: "sensitive" not in c.states(clear), 5, what="Clear disabled again")

    # "Text fields expose no editable-text interface".
    def test_text_fields_are_editable_through_atspi(self):
        c = self.console("one-caller.json")
        tr = c.tr
        panel = self.answer_first_call(c)
        uui = c.find("text", tr("User-to-user information sent with the drop"), root=panel)
        c.set_text(uui, "thanks")
        self.assertEqual("thanks", c.text(uui))
        c.find("label", tr("%1 / %2 bytes", 6, 16), root=panel, timeout=5)  # the console counted it
        notes_before_drop = c.find_all("text", tr("Wrap-up notes"))
        self.assertEqual([], notes_before_drop)
        c.press(c.find("push button", tr("Drop the call"), root=panel))
        notes = c.find("text", tr("Wrap-up notes"), timeout=5)
        c.set_text(notes, "Asked for a callback")
        self.assertEqual("Asked for a callback", c.text(notes))

    # "Ghost row": a closed call leaves no showing, selected row behind.
    def test_closed_call_leaves_no_row(self):
        c = self.console("one-caller.json")
        tr = c.tr
        panel = self.answer_first_call(c)
        c.find("list item", lambda n: n.startswith("Hana Kim"), timeout=5)
        c.press(c.find("push button", tr("Drop the call"), root=panel))
        c.press(c.find("push button", tr("Save the wrap-up and close the call"), timeout=5))
        c.find("label", tr("No calls"), timeout=5)
        c.screenshot("no-calls.png")
        # Not even a hidden one: a pooled row stayed in the tree, showing and selected.
        sessions = c.find("list", tr("Sessions"))
        c.wait_until(lambda: not c.find_all("list item", showing=False, root=sessions), 5,
                     what="no row left in the session list")

    # "Conference row named Unknown caller while it shows Conference": a row's name says what it shows.
    def test_session_rows_are_named_as_they_show(self):
        c = self.console("conference-collapses.json")
        tr = c.tr
        sessions = c.find("list", tr("Sessions"), timeout=5)
        in_conference = re.compile(re.escape(tr("in conference %1")).replace(re.escape("%1"), r"\d+"))
        # Bob joins at 6 s: two rows in the conference (Alice's and Bob's), and the conference's own.
        c.wait_until(lambda: len(c.find_all("list item", in_conference, root=sessions)) == 2, 15,
                     what="two rows in the conference")
        conference = c.find("list item", lambda n: n.startswith(tr("Conference")), root=sessions)
        c.screenshot("conference.png")
        for row in c.find_all("list item", root=sessions):
            labels = [c.name(label) for label in c.find_all("label", root=row)]
            # Who (or "Conference"), the state, the conference it is in; the number-and-line line and the
            # duration are details the name leaves out.
            shown = [labels[0]] + [t for t in labels[2:] if not re.fullmatch(r"[0-9:]+", t)]
            self.assertTrue(all(t in c.name(row) for t in shown), "%s shows %s" % (c.describe(row), labels))
        self.assertFalse(c.name(conference).startswith(tr("Unknown caller")))

    # "A live announcement when a call starts ringing, without stealing focus".
    def alerts(self, events, name):
        return [e for e in events if e["type"] == "object:state-changed:showing" and e["detail1"] == 1
                and e["role"] == "alert" and e["name"] == name]

    def test_ringing_call_is_announced_without_taking_focus(self):
        c = self.console("one-caller.json")
        tr = c.tr
        history = c.find("page tab", tr("History"))
        c.focus(history)
        c.wait_until(lambda: "focused" in c.states(history), 5, what="History tab focused")
        events = c.listen("object:state-changed:showing", "object:state-changed:focused")
        banner_name = tr("Incoming call on %1 from %2", "Sales 2001", "Hana Kim (+1 555 0142)")
        c.wait_until(lambda: self.alerts(events, banner_name), 15, what="an alert shown, named for the call")
        c.screenshot("announced.png")
        self.assertIn("focused", c.states(history))
        gained = [e for e in events if e["type"] == "object:state-changed:focused" and e["detail1"] == 1]
        self.assertEqual([], gained)

    def test_next_alerting_call_is_announced_too(self):
        # Hana and Ivan ring; the banner shows Hana. When she gives up the banner shows Ivan at once:
        # that is a new call for the agent, and is announced as one.
        c = self.console("two-ring-one-leaves.json")
        tr = c.tr
        events = c.listen("object:state-changed:showing")
        hana = tr("Incoming call on %1 from %2", "Sales 2001", "Hana Kim (+1 555 0142)")
        ivan = tr("Incoming call on %1 from %2", "Support 2002", "Ivan Petrov (+1 555 0177)")
        c.wait_until(lambda: self.alerts(events, hana), 15, what="Hana announced")
        c.find("list item", lambda n: n.startswith("Ivan Petrov"), timeout=10)
        self.assertEqual([], self.alerts(events, ivan))  # he rings while Hana is the one shown
        c.wait_until(lambda: self.alerts(events, ivan), 15, what="Ivan announced when Hana left")
        c.screenshot("ivan-announced.png")

    # Unnamed tool bar, panels, scroll bars, text inside combo boxes, empty showing labels.
    def test_every_showing_node_has_a_name(self):
        c = self.console("one-caller.json")
        tr = c.tr
        pages = [tr("Calls"), tr("History"), tr("Supervisor"), tr("Settings")]
        self.answer_first_call(c)
        unnamed = []
        for page in pages:
            c.press(c.find("page tab", page))
            c.wait_until(lambda: "selected" in c.states(c.find("page tab", page)), 5, what=page)
            c.screenshot("page-%d.png" % pages.index(page))
            for node in c.find_all():
                if c.role(node) in MUST_BE_NAMED and not c.name(node).strip():
                    parent = node.parent
                    unnamed.append("%s in %s on %s" % (c.describe(node), c.describe(parent), page))
        self.assertEqual([], unnamed)

    def test_scroll_bars_are_listed_once(self):
        # The settings page had two unnamed scroll bars, one of them for a width that never scrolls.
        # Opened with the keyboard, so that this check does not depend on Press.
        c = self.console("one-caller.json")
        tab = c.find("page tab", c.tr("Settings"))
        c.focus(tab)
        c.key("space")
        # The recording check box is below the Lines and SIP accounts sections: scrolled to, as a user does
        # (in Chinese, with the audio devices' notes, it is below the fold of a 800-pixel window).
        self.scroll_settings_to(c, "check box", c.tr("Record every call automatically"))
        names = [c.name(n) for n in c.find_all("scroll bar")]
        self.assertEqual(len(set(names)), len(names), names)
        self.assertEqual([c.tr("Scroll %1", c.tr("Settings", context="SettingsPage"))], names)

if __name__ == "__main__":
    unittest.main()
