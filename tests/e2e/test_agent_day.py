#!/usr/bin/python3
"""An agent's day on the real console, through the accessibility tree (issue 12): History shows wall-clock
times, caller data stays in view after answering, the idle console's number field takes numbers as the
console writes them and says why it refuses others, History is searched by digits, the state bar shows
"On call" with a running time, the event log speaks the console's state names and follows new events, and
the language chosen in Settings applies at once and at the next start, and a call that was going on when the
console was killed is in History as interrupted after the next start (issue 13)."""

import datetime
import os
import re
import signal
import unittest

from e2e_case import ConsoleTestCase, scenario
from hookline_driver import Catalog, Console


def starting(text):
    return re.compile("^" + re.escape(text))


class AgentDay(ConsoleTestCase):
    def connected(self, c):
        return c.tr("%1 (%2)", c.tr("Connected"), c.tr("active"))

    def open_history(self, c):
        c.press(c.find("page tab", c.tr("History", context="Main")))
        return c.find("list", c.tr("Call history"), timeout=5)

    def history_row_name(self, c, direction, caller, outcome):
        return "%s, %s, %s" % (c.tr(direction, context="HistoryPage"), caller, c.tr(outcome, context="HistoryPage"))

    def answer_drop_and_close(self, c):
        tr = c.tr
        c.press(c.find("push button", tr("Answer the incoming call"), timeout=15))
        panel = c.find("panel", tr("Selected call"), timeout=5)
        c.find("label", self.connected(c), root=panel, timeout=5)
        c.press(c.find("push button", tr("Drop the call"), root=panel))
        c.press(c.find("push button", tr("Save the wrap-up and close the call"), timeout=5))
        c.wait_gone("push button", tr("Save the wrap-up and close the call"), timeout=5)

    # 1 ------------------------------------------------------------------------------------------------

    def test_call_live_at_a_kill_is_interrupted_in_history(self):
        home = self.persistent_home()
        c = self.console("one-caller.json", home=home)
        tr = c.tr
        c.press(c.find("push button", tr("Answer the incoming call"), timeout=15))
        panel = c.find("panel", tr("Selected call"), timeout=5)
        c.find("label", self.connected(c), root=panel, timeout=5)
        c.screenshot("1-talking.png")
        # Power lost, or killed: nothing of the console's own shutdown runs.
        os.kill(c.proc.pid, signal.SIGKILL)
        c.proc.wait(10)
        c.stop()
        again = self.console("quiet.json", home=home, run="after-kill")
        self.open_history(again)
        again.find("list item", self.history_row_name(again, "Incoming", "Hana Kim (+1 555 0142)", "interrupted"),
                   timeout=5)
        again.screenshot("2-history-interrupted.png")

    def test_history_shows_wall_clock_time(self):
        c = self.console("one-caller.json")
        self.answer_drop_and_close(c)
        now = datetime.datetime.now()
        self.open_history(c)
        row = c.find("list item", self.history_row_name(c, "Incoming", "Hana Kim (+1 555 0142)", "answered"),
                     timeout=5)
        # The row's time: the locale's short date and a 24-hour hh:mm (HistoryPage).
        stamp = re.compile(r"^(.*\d.*)\s(\d\d):(\d\d)$")
        times = [c.name(n) for n in c.find_all("label", stamp, root=row)]
        self.assertEqual(1, len(times), times)
        date_part, hours, minutes = stamp.match(times[0]).groups()
        shown = now.replace(hour=int(hours), minute=int(minutes), second=0, microsecond=0)
        gap = abs((now - shown).total_seconds())
        self.assertLess(min(gap, 86400 - gap), 5 * 60, "%r is not now (%s)" % (times[0], now))
        # The date's numbers are today's day, month and year (two or four digits), in whatever order.
        numbers = sorted(int(n) for n in re.findall(r"\d+", date_part))
        expected = [sorted([now.day, now.month, y]) for y in (now.year, now.year % 100)]
        self.assertIn(numbers, expected, "%r is not today (%s)" % (times[0], now.date()))
        c.screenshot("history-time.png")

    # 2 ------------------------------------------------------------------------------------------------

    def caller_labels(self, c, panel):
        for text in ("Hana Kim", "+1 555 0142", "order 4711"):
            c.wait_until(lambda: c.find_all("label", text, root=panel), 5, what="a label %r in the call panel" % text)

    def test_caller_data_stays_after_answer(self):
        c = self.console("one-caller.json")
        tr = c.tr
        answer = c.find("push button", tr("Answer the incoming call"), timeout=15)
        # The ringing call, chosen in the list, shows who calls and what they sent.
        c.press(c.find("list item", "Hana Kim (+1 555 0142), " + tr("Incoming", context="Names"), timeout=5))
        panel = c.find("panel", tr("Selected call"), timeout=5)
        c.find("label", tr("Caller data"), root=panel, timeout=5)
        self.caller_labels(c, panel)
        c.screenshot("1-ringing.png")
        c.press(answer)
        c.find("label", self.connected(c), root=panel, timeout=5)
        self.caller_labels(c, panel)
        c.find("label", tr("Caller data"), root=panel)
        c.screenshot("2-connected.png")
        c.press(c.find("push button", tr("Drop the call"), root=panel))
        c.find("push button", tr("Save the wrap-up and close the call"), timeout=5)
        self.caller_labels(c, panel)
        c.find("label", tr("Caller data"), root=panel)
        c.screenshot("3-wrap-up.png")

    # 3 ------------------------------------------------------------------------------------------------

    def test_idle_number_field_accepts_shown_format_and_explains_refusal(self):
        c = self.console("dial-out.json")
        tr = c.tr
        number = c.find("text", tr("Number to call"), timeout=15)
        call = c.find("push button", tr("Call the number"))
        reason = tr("Only digits, + at the start, * and # can be dialled; letters cannot.", context="DialString")
        c.set_text(number, "+1 555 LEE")
        # Refused, and the reason is in view and on the field for a screen reader.
        c.find("label", reason, timeout=5)
        self.assertEqual(reason, c.description(number))
        self.assertNotIn("sensitive", c.states(call))
        c.screenshot("1-refused.png")
        # The number as the console shows numbers.
        c.set_text(number, "+1 555 0103")
        c.wait_gone("label", reason, timeout=5)
        c.wait_until(lambda: "sensitive" in c.states(call), 5, what="Call enabled")
        self.assertEqual("", c.description(number))
        c.press(call)
        # Shown as written while ringing and once connected (the line dialled +15550103).
        c.find("list item", starting("+1 555 0103, "), timeout=5)
        c.find("list item", "+1 555 0103, " + self.connected(c), timeout=10)
        c.screenshot("2-called.png")

    # 4 ------------------------------------------------------------------------------------------------

    def test_history_search_by_digits(self):
        c = self.console("missed-caller.json")
        tr = c.tr
        c.find("push button", tr("Answer the incoming call"), timeout=15)
        c.wait_gone("push button", tr("Answer the incoming call"), timeout=10)  # she gave up: missed
        self.open_history(c)
        hana = self.history_row_name(c, "Incoming", "Hana Kim (+1 555 0142)", "missed")
        c.find("list item", hana, timeout=5)
        search = c.find("text", tr("Search the call history"))
        for query in ("5550142", "+1 555 0142", "+1 (555) 014-2"):
            c.set_text(search, query)
            c.find("list item", hana, timeout=5)
        c.screenshot("1-found.png")
        # Another number's digits find nothing: the search filters.
        c.set_text(search, "5550143")
        c.wait_gone("list item", hana, timeout=5)
        c.find("label", tr("No calls recorded yet", context="HistoryPage"), timeout=5)
        c.screenshot("2-not-found.png")

    # 5 ------------------------------------------------------------------------------------------------

    def test_on_call_and_time_in_state(self):
        c = self.console("one-caller.json")
        tr = c.tr
        on_call = tr("On call", context="AgentStateBar")
        answer = c.find("push button", tr("Answer the incoming call"), timeout=15)
        c.find("label", starting(tr("In this state for %1", "")), timeout=5)
        self.assertEqual([], c.find_all("label", on_call))
        c.press(answer)
        c.find("label", on_call, timeout=5)
        timer = c.find("label", starting(tr("On call for %1", "")), timeout=5)
        first = c.name(timer)
        self.assertRegex(first, r"\d+:\d\d$")
        c.screenshot("1-on-call.png")
        # The time runs: the label changes without anyone touching the console.
        later = c.wait_until(lambda: c.name(timer) != first and c.name(timer), 5,
                             what="the time on call to change from %r" % first)
        self.assertTrue(later.startswith(tr("On call for %1", "")), later)
        c.find("label", on_call)
        c.screenshot("2-later.png")

    # 6 ------------------------------------------------------------------------------------------------

    def test_event_log_uses_state_names_and_follows(self):
        c = self.console("missed-callers.json", "--supervisor")
        tr = c.tr
        log = c.find("list", tr("State changes", context="EventLogPane"), timeout=15)
        # Each missed call logs Incoming, then Disconnected (hung up): eight calls are more rows than the list
        # shows at once.
        state = lambda name: tr(name, context="Names")
        hung_up = "%s → %s" % (state("Incoming"), tr("%1 (%2)", state("Disconnected"), tr("hung up", context="Names")))
        offered = "%s → %s" % (state("Not started"), state("Incoming"))

        def extents(node):
            import pyatspi
            return node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)

        def in_view(node):
            x, y, w, h = extents(node)
            lx, ly, lw, lh = extents(log)
            return w > 0 and h > 0 and ly <= y and y + h <= ly + lh

        def row_state(session, text):
            """The state label of session's row showing text, by the row's place on screen (a row's labels are
            the list's children, side by side)."""
            states = c.find_all("label", text, root=log, showing=False)
            for tag in c.find_all("label", session, root=log, showing=False):
                y = extents(tag)[1]
                for s in states:
                    if extents(s)[1] == y:
                        return s
            return None

        c.wait_until(lambda: row_state("#8", hung_up), 20, what="the eighth caller's hang-up logged")
        # The list followed: the newest event is in view, the oldest scrolled away.
        c.wait_until(lambda: in_view(row_state("#8", hung_up)), 5, what="the newest event in view")
        first = row_state("#1", offered)
        self.assertFalse(first is not None and in_view(first), "the first event is still in view")
        c.screenshot("1-followed.png")
        # The states have the console's names (the TAPI names are only the description), never TAPI's.
        shown = [c.name(n) for n in c.find_all("label", re.compile(" → "), root=log) if in_view(n)]
        self.assertIn(hung_up, shown)
        self.assertIn(offered, shown)
        self.assertEqual(set(), set(shown) - {hung_up, offered})
        for text in shown:
            self.assertNotRegex(text, r"NOSTATE|OFFERING|DISCONNECTED|CONNECTED|IDLE")
        # The cause column too: "hung up" beside a hang-up, never TAPI's cause names (NONE, DISCONNECTNORMAL).
        labels = [c.name(n) for n in c.find_all("label", re.compile("."), root=log) if in_view(n)]
        self.assertIn(tr("hung up", context="Names"), [t for t in labels if " → " not in t])
        for text in labels:
            self.assertNotRegex(text, r"^(NONE|DISCONNECT[A-Z]*)$")

    # 7 ------------------------------------------------------------------------------------------------

    def test_language_choice_applies_and_is_kept(self):
        home = self.persistent_home()
        c = self.console("quiet.json", home=home)
        tr = c.tr
        other_lang, other_name = ("zh_TW", "繁體中文") if self.lang.startswith("en") else ("en", "English")
        other = Catalog(other_lang)
        tabs = [("Calls", "Main"), ("History", "Main"), ("Supervisor", "Main"), ("Settings", "Main")]
        c.press(c.find("page tab", tr("Settings", context="Main"), timeout=15))
        box = self.scroll_settings_to(c, "combo box", tr("User interface language"))
        c.press(box)
        choices = c.find("dialog", tr("User interface language"), timeout=5)
        c.screenshot("1-choices.png")
        c.press(c.find(None, other_name, root=choices))
        # The tab names change at once.
        for source, context in tabs:
            c.find("page tab", other.tr(source, context=context), timeout=5)
        c.screenshot("2-switched.png")
        c.close()

        # Started again from the same home without --lang, on a system in this test's language: the
        # stored choice wins.
        out = os.path.join(c.out_dir, "restarted")
        again = Console(scenario=scenario("quiet.json"), out_dir=out, home=home,
                        env={"LANGUAGE": self.lang, "LANG": self.lang + ".UTF-8", "LC_ALL": self.lang + ".UTF-8"})
        again.__enter__()
        self.addCleanup(self._stop, again)
        for source, context in tabs:
            again.find("page tab", other.tr(source, context=context), timeout=15)
        again.press(again.find("page tab", other.tr("Settings", context="Main")))
        box = self.scroll_settings_to(again, "combo box", other.tr("User interface language"), catalog=other)
        again.wait_until(lambda: again.text(again.find("text", other.tr("User interface language"), root=box))
                         == other_name, 5, what="%s shown as the choice" % other_name)
        again.screenshot("3-restarted.png")

    def test_language_choice_retranslates_audio_settings(self):
        c = self.console("quiet.json")
        other_lang, other_name = ("zh_TW", "繁體中文") if self.lang.startswith("en") else ("en", "English")
        other = Catalog(other_lang)
        c.press(c.find("page tab", c.tr("Settings", context="Main"), timeout=15))
        c.press(self.scroll_settings_to(c, "combo box", c.tr("User interface language")))
        c.press(c.find(None, other_name, root=c.find("dialog", c.tr("User interface language"), timeout=5)))
        c.find("page tab", other.tr("Settings", context="Main"), timeout=5)
        microphone = c.wait_until(lambda: c.find_all("combo box", other.tr("Microphone"), showing=False), 5,
                                  what="the microphone choice")[0]
        shown = c.find_all("text", other.tr("Microphone"), root=microphone, showing=False)
        c.screenshot("audio-after-switch.png")
        self.assertEqual(other.tr("System default (none available)"), c.text(shown[0]) if shown else c.name(microphone))


if __name__ == "__main__":
    unittest.main()
