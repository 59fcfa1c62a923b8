#!/usr/bin/python3
"""Settings › Lines › SIP accounts on the real binary: each account of the settings with its registration
state (a registrar that does not answer: out of service, with the reason), the administrator's account
locked with the reason, and an account added through the form (AT-SPI), stored in the user's file with
its password, which the console never shows."""

import os
import shutil
import tempfile
import unittest

from e2e_case import ConsoleTestCase

# Port 9 (discard) on loopback: nothing listens, so TCP is refused at once and the line is out of service.
ADMIN_TEXT = ("[sipAccounts]\n1\\id=desk\n1\\registrar=127.0.0.1:9\n1\\user=desk1\n1\\transport=tcp\n"
              "1\\password=admin-secret\nsize=1\n")
USER_TEXT = ("; mine\n[sipAccounts]\n1\\registrar=127.0.0.1:9\n1\\user=agent1\n1\\password=secret\n"
             "1\\transport=tcp\nsize=1\n")


class SipAccounts(ConsoleTestCase):
    def test_accounts_listed_locked_and_added(self):
        admin_dir = tempfile.mkdtemp(prefix="hookline-e2e-xdg-")
        self.addCleanup(shutil.rmtree, admin_dir, True)
        os.makedirs(os.path.join(admin_dir, "Hookline"))
        with open(os.path.join(admin_dir, "Hookline", "hookline.conf"), "w") as f:
            f.write(ADMIN_TEXT)
        home = self.persistent_home()
        user_dir = os.path.join(home, "config", "Hookline")
        os.makedirs(user_dir)
        user_file = os.path.join(user_dir, "hookline.conf")
        with open(user_file, "w") as f:
            f.write(USER_TEXT)

        c = self.console("quiet.json", home=home, env={"XDG_CONFIG_DIRS": admin_dir})
        tr = c.tr
        c.press(c.find("page tab", tr("Settings", context="Main"), timeout=15))
        locked = tr("Set by your administrator")
        out_of_service = tr("out of service: %1", "", context="SipAccountsPane")

        def state_of(title):
            prefix = tr("%1: %2", title, "", context="SipAccountsPane")
            for label in c.find_all("label"):
                if c.name(label).startswith(prefix):
                    return c.name(label)[len(prefix):]
            return None

        # Both accounts registered at start; the registrar does not answer: out of service, saying why.
        for title in ("agent1@127.0.0.1:9", "desk1@127.0.0.1:9"):
            c.wait_until(lambda: (state_of(title) or "").startswith(out_of_service)
                         and len(state_of(title)) > len(out_of_service), 20,
                         what="%s out of service with a reason" % title)
        # The administrator's account is locked, with the reason; the user's is free.
        edit_desk = c.find("push button", tr("Edit %1", "desk1@127.0.0.1:9"))
        remove_desk = c.find("push button", tr("Remove %1", "desk1@127.0.0.1:9"))
        for button in (edit_desk, remove_desk):
            self.assertNotIn("sensitive", c.states(button))
            self.assertEqual(locked, c.description(button))
        self.assertIn("sensitive", c.states(c.find("push button", tr("Edit %1", "agent1@127.0.0.1:9"))))
        c.screenshot("1-accounts.png")

        # Add one through the form.
        c.press(c.find("push button", tr("Add a SIP account")))
        c.set_text(self.scroll_settings_to(c, "text", tr("Registrar")), "pbx.example:5060")
        c.set_text(c.find("text", tr("User", context="SipAccountForm")), "agent2")
        # The AT-SPI bridge names no password field (Qt 6.4): the form has one.
        passwords = c.find_all("password text")
        self.assertEqual(1, len(passwords))
        self.assertEqual(tr("None", context="SipAccountForm"), c.description(passwords[0]))
        c.set_text(passwords[0], "pw-2")
        c.screenshot("2-form.png")
        c.press(self.scroll_settings_to(c, "push button", tr("Add the account")))
        # It starts at once (no restart): registering, out of service until pbx.example answers.
        c.wait_until(lambda: (state_of("agent2@pbx.example:5060") or "").startswith(out_of_service), 10,
                     what="the new account listed and registering")
        c.screenshot("3-added.png")
        c.close()
        with open(user_file) as f:
            text = f.read()
        self.assertTrue(text.startswith("; mine\n"), text)
        self.assertIn("2\\user=agent2", text)
        self.assertIn("2\\password=pw-2", text)
        self.assertIn("1\\user=agent1", text)
        self.assertIn("size=2", text)
        self.assertNotIn("admin-secret", text)
        with open(os.path.join(admin_dir, "Hookline", "hookline.conf")) as f:
            self.assertEqual(ADMIN_TEXT, f.read())


if __name__ == "__main__":
    unittest.main()
