#!/usr/bin/python3
"""The administrator's settings file on the real binary: a key it pins shows its pinned value in Settings,
locked (not sensitive) and saying why ("Set by your administrator") to a screen reader; a key it does not
pin stays the agent's; the user's own file is left as it was. A pinned audio device (the microphone) locks
its picker the same way."""

import os
import shutil
import tempfile
import unittest

from e2e_case import ConsoleTestCase


ADMIN_TEXT = ("; the desk's policy\n[recording]\nformat=flac\n"
              "[audio]\ncapture\\id=desk-mic\ncapture\\description=Desk microphone\n")


class AdminSettings(ConsoleTestCase):
    def test_pinned_setting_shows_locked(self):
        admin_dir = tempfile.mkdtemp(prefix="hookline-e2e-xdg-")
        self.addCleanup(shutil.rmtree, admin_dir, True)
        os.makedirs(os.path.join(admin_dir, "Hookline"))
        admin_file = os.path.join(admin_dir, "Hookline", "hookline.conf")
        with open(admin_file, "w") as f:
            f.write(ADMIN_TEXT)
        home = self.persistent_home()
        user_dir = os.path.join(home, "config", "Hookline")
        os.makedirs(user_dir)
        user_file = os.path.join(user_dir, "hookline.conf")
        user_text = "; mine\n[recording]\nformat=opus\nlayout=mono\n"
        with open(user_file, "w") as f:
            f.write(user_text)

        c = self.console("quiet.json", home=home, env={"XDG_CONFIG_DIRS": admin_dir})
        tr = c.tr
        c.press(c.find("page tab", tr("Settings", context="Main"), timeout=15))
        locked = tr("Set by your administrator")
        note = c.find("label", tr("Settings marked “Set by your administrator” come from %1 and cannot be "
                                  "changed here.", admin_file), timeout=5)
        self.assertIn("showing", c.states(note))
        # The pinned microphone: its picker locked, with the reason; the earpiece is the agent's.
        mic = self.scroll_settings_to(c, "combo box", tr("Microphone", context="AudioDevicesPane"))
        self.assertNotIn("sensitive", c.states(mic))
        self.assertEqual(locked, c.description(mic))
        earpiece = c.find("combo box", tr("Earpiece", context="AudioDevicesPane"))
        self.assertIn("sensitive", c.states(earpiece))
        self.assertEqual("", c.description(earpiece))
        c.screenshot("0-pinned-microphone.png")
        fmt = self.scroll_settings_to(c, "combo box", tr("Recording format"))
        # The administrator's value, not the user's, locked, with the reason.
        shown = c.find_all("text", tr("Recording format"), root=fmt, showing=False)
        self.assertEqual(tr("FLAC"), c.text(shown[0]) if shown else c.name(fmt))
        self.assertNotIn("sensitive", c.states(fmt))
        self.assertNotIn("enabled", c.states(fmt))
        self.assertEqual(locked, c.description(fmt))
        self.assertTrue(c.find_all("label", locked), "the visible note beside the locked control")
        # Not pinned: the user's value, free to change.
        channels = c.find("combo box", tr("Recording channels"))
        self.assertIn("sensitive", c.states(channels))
        self.assertEqual("", c.description(channels))
        c.screenshot("1-pinned-format.png")
        c.close()
        with open(user_file) as f:
            self.assertEqual(user_text, f.read())
        with open(admin_file) as f:
            self.assertEqual(ADMIN_TEXT, f.read())


if __name__ == "__main__":
    unittest.main()
