#!/usr/bin/python3
"""Settings › Lines › SIP accounts while the console runs, against a real registrar (Kamailio on loopback):
a person adds an account through the form and it registers without a restart (the row says registered,
Kamailio's location table holds its contact, the Lines list shows it in service); removing it withdraws
the registration at once (the contact leaves the table long before its ten minutes are up)."""

import unittest

from e2e_case import ConsoleTestCase
from sip_registrar import Registrar


class SipLive(ConsoleTestCase):
    def test_account_added_registers_and_removed_unregisters(self):
        registrar = Registrar()
        registrar.start()
        self.addCleanup(registrar.stop)
        c = self.console("quiet.json", home=self.persistent_home())
        tr = c.tr
        c.press(c.find("page tab", tr("Settings", context="Main"), timeout=15))
        c.find("label", tr("No SIP accounts.", context="SipAccountsPane"), timeout=10)
        title = "agent7@" + registrar.address

        def state_of():
            prefix = tr("%1: %2", title, "", context="SipAccountsPane")
            for label in c.find_all("label"):
                if c.name(label).startswith(prefix):
                    return c.name(label)[len(prefix):]
            return None

        # Add one through the form, as a person does.
        c.press(c.find("push button", tr("Add a SIP account")))
        c.set_text(self.scroll_settings_to(c, "text", tr("Registrar")), registrar.address)
        c.set_text(c.find("text", tr("User", context="SipAccountForm")), "agent7")
        c.set_text(c.find_all("password text")[0], "pw-7")
        c.press(self.scroll_settings_to(c, "push button", tr("Add the account")))
        c.wait_until(lambda: state_of() == tr("registered", context="SipAccountsPane"), 20,
                     what="the new account registered without a restart")
        c.wait_until(lambda: registrar.contacts("agent7"), 10, what="Kamailio's location holds agent7")
        contact = registrar.contacts("agent7")
        self.assertEqual(1, len(contact), contact)
        self.assertTrue(contact[0].startswith("sip:agent7@127.0.0.1"), contact)
        c.screenshot("1-registered.png")

        # Remove it: un-registered at once, the row gone.
        c.press(c.find("push button", tr("Remove %1", title)))
        c.wait_until(lambda: state_of() is None, 10, what="the account's row gone")
        c.wait_until(lambda: not registrar.contacts("agent7"), 10,
                     what="Kamailio's location no longer holds agent7")
        c.find("label", tr("No SIP accounts.", context="SipAccountsPane"), timeout=10)
        c.screenshot("2-removed.png")


if __name__ == "__main__":
    unittest.main()
