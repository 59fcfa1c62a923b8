#!/usr/bin/python3
"""The floor over TLS (issue 16, security) on the real binary: a nats-server started here that takes TLS only, its
certificates made here with the openssl CLI (a CA and a server certificate for 127.0.0.1, and a second CA). The
supervisor's console that trusts the CA shows the floor connected, with an agent's console on it; one whose
caFile is the other CA says, on the Floor tab, that the server's certificate is not trusted, and works on."""

import os
import re
import shutil
import subprocess
import tempfile
import unittest

from e2e_case import ConsoleTestCase
from test_floor import Process


def openssl(folder, *args):
    subprocess.run(["openssl"] + list(args), cwd=folder, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)


def make_ca(folder, name):
    openssl(folder, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", name + ".key", "-out", name + ".pem", "-days", "2", "-subj", "/CN=Hookline e2e " + name,
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign")


def make_server_certificate(folder, ca):
    with open(os.path.join(folder, "server.ext"), "w") as f:
        f.write("basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n")
    openssl(folder, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
            "server.key", "-out", "server.csr", "-subj", "/CN=localhost")
    openssl(folder, "x509", "-req", "-in", "server.csr", "-CA", ca + ".pem", "-CAkey", ca + ".key", "-set_serial",
            "7", "-days", "2", "-extfile", "server.ext", "-out", "server.pem")


class FloorTls(ConsoleTestCase):
    def start(self, cmd, what):
        p = Process(cmd, what)
        self.addCleanup(p.stop)
        return p

    def setUp(self):
        self.pki = tempfile.mkdtemp(prefix="hookline-e2e-pki-")
        self.addCleanup(shutil.rmtree, self.pki, True)
        make_ca(self.pki, "ca")
        make_ca(self.pki, "otherca")
        make_server_certificate(self.pki, "ca")

    def tls_server(self):
        """A nats-server (JetStream) that takes TLS only; its tls:// URL."""
        exe = shutil.which("nats-server") or "/usr/sbin/nats-server"
        store = tempfile.mkdtemp(prefix="hookline-e2e-nats-")
        self.addCleanup(shutil.rmtree, store, True)
        config = os.path.join(store, "tls.conf")
        with open(config, "w") as f:
            f.write('tls {\n  cert_file: "%s"\n  key_file: "%s"\n}\n' % (
                os.path.join(self.pki, "server.pem"), os.path.join(self.pki, "server.key")))
        server = self.start([exe, "-a", "127.0.0.1", "-p", "-1", "-js", "-sd", store, "-c", config], "nats-server")
        port = server.wait_for(lambda l: re.search(r"Listening for client connections on [^:]+:(\d+)", l), 10).group(1)
        server.wait_for(lambda l: "Server is ready" in l, 10)
        return "tls://127.0.0.1:%s" % port

    def floor_home(self, url, agent_id, name, ca):
        home = self.persistent_home()
        config = os.path.join(home, "config", "Hookline")
        os.makedirs(config, exist_ok=True)
        with open(os.path.join(config, "hookline.conf"), "w") as f:
            f.write("[floor]\nservers=%s\nagentId=%s\nagentName=%s\ncaFile=%s\n" % (
                url, agent_id, name, os.path.join(self.pki, ca)))
        return home

    def test_supervisor_on_the_floor_over_tls(self):
        url = self.tls_server()
        c = self.console("quiet.json", "--supervisor", home=self.floor_home(url, "sup1", "Sam", "ca.pem"))
        tr = c.tr
        # Connected (the server takes nothing but TLS), and the supervisor's own agent is on the floor.
        c.find("label", tr("Floor: %1", tr("Connected to %1", url)), timeout=15)
        agents = c.find("list", tr("Agents on the floor"), timeout=10)
        c.find("label", "Sam", root=agents, timeout=10)
        c.screenshot("1-connected-over-tls.png")

    def test_untrusted_server_certificate_is_named(self):
        url = self.tls_server()
        c = self.console("quiet.json", "--supervisor", home=self.floor_home(url, "sup2", "Sue", "otherca.pem"))
        tr = c.tr
        reason = tr("The server's certificate is not trusted (%1): check floor/caFile", "\0", context="FloorLink")
        shown = tr("Floor: %1", tr("Refused: %1", reason))
        detail = ".*unable to get local issuer certificate.*"
        pattern = re.compile("^" + re.escape(shown).replace("\0", detail) + "$")
        c.find("label", pattern, timeout=15)
        c.screenshot("1-certificate-refused.png")
        # The console works on alone: its own calls are a tab away.
        mine = c.find("page tab", tr("This console's calls"))
        c.press(mine)
        c.wait_until(lambda: "checked" in c.states(mine), 5, what="this console's calls shown")
        c.screenshot("2-working-alone.png")


if __name__ == "__main__":
    unittest.main()
