#!/usr/bin/python3
"""Settings › Lines › SIP accounts while the console runs, against a real registrar (Kamailio on loopback):
a person adds an account through the form and it registers without a restart (the row says registered,
Kamailio's location table holds its contact, the Lines list shows it in service); removing it withdraws
the registration at once (the contact leaves the table long before its ten minutes are up)."""

import unittest

from e2e_case import ConsoleTestCase
from sip_registrar import Registrar


class SipLive(ConsoleTestCase):
    def scroll_to_top(self, c):
        """Scrolls the settings page to its top with its scroll bar (Lines and SIP accounts come first)."""
        bar = c.find("scroll bar", c.tr("Scroll %1", c.tr("Settings", context="SettingsPage")), timeout=5)
        for _ in range(40):
            c.do_action(bar, "Decrease")
        c.pump()

    def test_account_added_registers_and_removed_unregisters(self):
        registrar = Registrar()
        registrar.start()
        self.addCleanup(registrar.stop)
        c = self.console("quiet.json", home=self.persistent_home())
        tr = c.tr
        c.press(c.find("page tab", tr("Settings", context="Main"), timeout=15))
        c.find("label", tr("No SIP accounts.", context="SipAccountsPane"), timeout=10)
        title = "agent7@" + registrar.address

        def states():
            """What the labels say about the account: its row in SIP accounts and its line in Lines
            (the line's name is user@registrar too)."""
            prefix = tr("%1: %2", title, "", context="SipAccountsPane")
            return [c.name(label)[len(prefix):] for label in c.find_all("label", showing=False)
                    if c.name(label).startswith(prefix)]

        # Add one through the form, as a person does.
        c.press(c.find("push button", tr("Add a SIP account")))
        c.set_text(self.scroll_settings_to(c, "text", tr("Registrar")), registrar.address)
        c.set_text(c.find("text", tr("User", context="SipAccountForm")), "agent7")
        c.set_text(c.find_all("password text")[0], "pw-7")
        c.press(self.scroll_settings_to(c, "push button", tr("Add the account")))
        c.wait_until(lambda: tr("registered", context="SipAccountsPane") in states(), 20,
                     what="the new account registered without a restart")
        # Its line is in the Lines list, in service.
        self.assertIn(tr("in service", context="LinesPane"), states())
        c.wait_until(lambda: registrar.contacts("agent7"), 10, what="Kamailio's location holds agent7")
        contact = registrar.contacts("agent7")
        self.assertEqual(1, len(contact), contact)
        self.assertTrue(contact[0].startswith("sip:agent7@127.0.0.1"), contact)
        self.scroll_to_top(c)
        c.find("label", tr("%1: %2", title, tr("registered", context="SipAccountsPane"),
                           context="SipAccountsPane"), timeout=5)
        c.screenshot("1-registered.png")

        # Remove it: un-registered at once, the row gone.
        c.press(c.find("push button", tr("Remove %1", title)))
        c.wait_until(lambda: not states(), 10, what="the account's row and its line gone")
        c.wait_until(lambda: not registrar.contacts("agent7"), 10,
                     what="Kamailio's location no longer holds agent7")
        c.find("label", tr("No SIP accounts.", context="SipAccountsPane"), timeout=10)
        self.scroll_to_top(c)
        c.screenshot("2-removed.png")


if __name__ == "__main__":
    unittest.main()
