#!/usr/bin/python3
"""Settings › Lines › SIP accounts on the real binary, the newer keys of an account: transport TLS with its
certificate authorities file and client certificate file, a monitored address and the shared-line flag,
entered through the form (AT-SPI) as a person does; a bad file and a bad monitored address refused, naming
them. After a restart the account is in the form as it was stored, and its monitored address is in the
console's Monitored list with its state: unknown while not subscribed (the registrar does not answer)."""

import os
import unittest

from e2e_case import ConsoleTestCase
from sip_loopback import SipLoopback

HERE = os.path.dirname(os.path.abspath(__file__))
CA_FILE = os.path.normpath(os.path.join(HERE, "..", "ui", "fixtures", "tls", "ca.pem"))
CLIENT_FILE = os.path.normpath(os.path.join(HERE, "..", "ui", "fixtures", "tls", "client.pem"))


class SipMonitored(ConsoleTestCase):
    def test_tls_files_monitor_and_shared_line_through_the_form(self):
        home = self.persistent_home()
        user_file = os.path.join(home, "config", "Hookline", "hookline.conf")
        c = self.console("quiet.json", home=home)
        tr = c.tr
        form = "SipAccountForm"
        c.press(c.find("page tab", tr("Settings", context="Main"), timeout=15))
        c.press(self.scroll_settings_to(c, "push button", tr("Add a SIP account")))
        # Port 9 (discard) on loopback: nothing listens, the account never registers.
        c.set_text(self.scroll_settings_to(c, "text", tr("Registrar", context=form)), "127.0.0.1:9")
        c.set_text(c.find("text", tr("User", context=form)), "agent3")
        # Transport TLS: its files' fields appear.
        self.assertEqual([], c.find_all("text", tr("TLS certificate authorities file", context=form)))
        c.press(c.find("combo box", tr("Transport", context=form)))
        c.press(c.find(None, "TLS", root=c.find("dialog", tr("Transport", context=form), timeout=5)))
        ca = c.find("text", tr("TLS certificate authorities file", context=form), timeout=5)
        certificate = c.find("text", tr("TLS client certificate and key file", context=form))
        c.find("push button", tr("Browse for %1", tr("TLS certificate authorities file", context=form),
                                 context=form))
        # A file that is not there: named, and the account is not added.
        c.set_text(ca, "/nonexistent/ca.pem")
        missing = tr("%1 does not exist.", "/nonexistent/ca.pem", context="SipAccountChecks")
        c.wait_until(lambda: c.description(ca) == missing, 5, what="the missing file named")
        c.find(None, missing)  # the problem under the field
        c.screenshot("1-missing-file.png")
        c.set_text(ca, CA_FILE)
        c.set_text(certificate, CLIENT_FILE)
        c.wait_gone(None, missing, timeout=5)
        self.assertNotEqual(missing, c.description(ca))
        c.screenshot("2-tls-files.png")
        # A monitored address that is no address: named.
        monitor = self.scroll_settings_to(c, "text", tr("Monitored addresses", context=form))
        c.set_text(monitor, "201, bob smith")
        bad = tr("\"%1\" is not a number, a SIP user name or a sip: address.", "bob smith",
                 context="SipAccountChecks")
        c.wait_until(lambda: c.description(monitor) == bad, 5, what="the bad entry named")
        c.set_text(monitor, "201")
        shared = self.scroll_settings_to(c, "check box", tr("Shared line", context=form))
        self.assertNotIn("checked", c.states(shared))
        c.toggle(shared)
        c.wait_until(lambda: "checked" in c.states(shared), 5, what="shared line ticked")
        c.screenshot("3-monitor-and-shared.png")
        c.press(self.scroll_settings_to(c, "push button", tr("Add the account", context=form)))
        title = "agent3@127.0.0.1:9"
        # Listed (above, out of view now: the form closed and the page kept its place).
        c.wait_until(lambda: c.find_all("push button", tr("Edit %1", title, context="SipAccountsPane"),
                                        showing=False), 10, what="the account listed")
        c.close()

        with open(user_file) as f:
            text = f.read()
        for line in ("1\\user=agent3", "1\\transport=tls", "1\\tlsCaFile=" + CA_FILE,
                     "1\\tlsCertificateFile=" + CLIENT_FILE, "1\\sharedLine=true"):
            self.assertIn(line, text)
        self.assertRegex(text, r"1\\monitor=(@Variant\(.*)?201")

        # Restarted: the console opens the account; its monitored address is listed under the calls,
        # unknown while it is not subscribed, saying why.
        c = self.console("quiet.json", home=home, run="restarted")
        tr = c.tr
        lamp = c.find("label", tr("%1: %2", "201", tr("unknown", context="MonitoredAddresses"),
                                   context="MonitoredAddresses"), timeout=20)
        self.assertTrue(c.description(lamp), "the reason it is not watched")
        c.find("label", tr("Monitored (%1)", "1", context="MonitoredAddresses"))
        c.screenshot("4-monitored.png")
        # The form shows what was stored.
        c.press(c.find("page tab", tr("Settings", context="Main"), timeout=15))
        c.press(self.scroll_settings_to(c, "push button", tr("Edit %1", title, context="SipAccountsPane")))
        self.assertEqual(CA_FILE, c.text(self.scroll_settings_to(
            c, "text", tr("TLS certificate authorities file", context=form))))
        self.assertEqual(CLIENT_FILE, c.text(c.find("text", tr("TLS client certificate and key file",
                                                               context=form))))
        c.screenshot("5-edited.png")
        self.assertEqual("201", c.text(self.scroll_settings_to(c, "text", tr("Monitored addresses",
                                                                            context=form))))
        self.assertIn("checked", c.states(self.scroll_settings_to(c, "check box", tr("Shared line",
                                                                                    context=form))))

    def test_monitored_lamp_follows_a_call_through_kamailio(self):
        """A real dialog-info source: Kamailio's presence server. agent4 registers and monitors 901; a sipp
        caller calls 901 (a sipp phone rings 3 s, then answers), talks 4 s and hangs up: the lamp goes idle,
        ringing, busy, idle."""
        sip = SipLoopback({"agent4": "pw-4"})
        self.addCleanup(sip.stop)
        sip.start()
        home = self.persistent_home()
        os.makedirs(os.path.join(home, "config", "Hookline"))
        with open(os.path.join(home, "config", "Hookline", "hookline.conf"), "w") as f:
            f.write("[sipAccounts]\n1\\registrar=127.0.0.1:%d\n1\\user=agent4\n1\\password=pw-4\n"
                    "1\\monitor=901\nsize=1\n" % sip.port)
        c = self.console("quiet.json", home=home)
        tr = c.tr

        def lamp(state):
            return tr("%1: %2", "901", tr(state, context="MonitoredAddresses"), context="MonitoredAddresses")

        c.find("label", lamp("idle"), timeout=20)
        c.screenshot("1-idle.png")
        phone = sip.sipp("uas_ring_3s_then_answer_until_bye.xml")
        caller = sip.sipp("uac_call_talks_4s.xml", service="901")
        ringing = c.find("label", lamp("ringing"), timeout=10)
        self.assertEqual(tr("A call is ringing at %1.", "901", context="MonitoredAddresses"),
                         c.description(ringing))
        c.screenshot("2-ringing.png")
        busy = c.find("label", lamp("busy"), timeout=10)
        self.assertEqual(tr("%1 is on a call.", "901", context="MonitoredAddresses"), c.description(busy))
        c.screenshot("3-busy.png")
        c.find("label", lamp("idle"), timeout=15)
        self.assertEqual(0, caller.wait(20), caller.stdout.read().decode(errors="replace")[-2000:])
        self.assertEqual(0, phone.wait(20), phone.stdout.read().decode(errors="replace")[-2000:])


if __name__ == "__main__":
    unittest.main()
