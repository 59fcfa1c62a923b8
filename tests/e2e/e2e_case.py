#!/usr/bin/python3
"""The base of Hookline's own end-to-end tests: one console per test, in the language and with the binary
ctest passes (HOOKLINE_BINARY, HOOKLINE_LANG), screenshots under HOOKLINE_E2E_OUT/<test name>/."""

import os
import re
import shutil
import tempfile
import unittest

from hookline_driver import Console

HERE = os.path.dirname(os.path.abspath(__file__))


def scenario(name):
    return os.path.join(HERE, "scenarios", name)


class ConsoleTestCase(unittest.TestCase):
    lang = os.environ.get("HOOKLINE_LANG", "en")

    def console(self, scenario_name, *args, home=None, run="", env=None):
        """Starts the console on tests/e2e/scenarios/<scenario_name>; stopped when the test ends. home:
        a folder kept across consoles (see persistent_home); run: a sub-folder name for the output of a
        second console in the same test; env: more environment variables for the console."""
        out = os.path.join(os.environ.get("HOOKLINE_E2E_OUT", os.path.join(HERE, "out")), self.lang,
                           re.sub(r"[^A-Za-z0-9_.-]", "_", self.id()), run)
        c = Console(scenario=scenario(scenario_name), lang=self.lang, out_dir=out, args=args, home=home,
                    env=env)
        # __enter__/__exit__ by hand so a failing test still leaves failure.png and failure-tree.txt.
        c.__enter__()
        self.addCleanup(self._stop, c)
        return c

    def scroll_settings_to(self, c, role, name, catalog=None):
        """Scrolls the settings page down with its scroll bar, as a user does, until the control shows.
        catalog: the translations the page is shown in, when the test changed the console's language."""
        tr = (catalog or c).tr
        bar = c.find("scroll bar", tr("Scroll %1", tr("Settings", context="SettingsPage")), timeout=5)
        for _ in range(40):
            found = c.find_all(role, name)
            if found:
                c.do_action(bar, "Increase")  # and a step more, so that it is wholly in view
                return found[0]
            c.do_action(bar, "Increase")
            c.pump()
        return c.find(role, name, timeout=2)

    def persistent_home(self):
        """A HOME for several consoles in one test (a restart keeps settings and history); removed at the end."""
        home = tempfile.mkdtemp(prefix="hookline-e2e-home-")
        self.addCleanup(shutil.rmtree, home, True)
        return home

    def _stop(self, c):
        # Python 3.11's unittest records a failure as it happens, before the clean-ups run.
        result = self._outcome.result
        failed = any(t is self for t, _ in result.failures + result.errors)
        c.__exit__(AssertionError if failed else None, None, None)
