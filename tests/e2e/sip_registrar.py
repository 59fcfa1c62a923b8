#!/usr/bin/python3
"""A SIP registrar for the end-to-end tests: Kamailio on 127.0.0.1 (UDP, a free port), location in memory
without authentication, and its control socket, through which kamcmd reads who is registered. Started
here, stopped by its process id."""

import os
import shutil
import socket
import subprocess
import tempfile
import time

from hookline_driver import _die_with_parent, _stop

CONFIG = """#!KAMAILIO
debug=2
log_stderror=yes
children=1
disable_tcp=yes
auto_aliases=no
listen=udp:127.0.0.1:{port}
mpath="/usr/lib/x86_64-linux-gnu/kamailio/modules/"
loadmodule "kex.so"
loadmodule "corex.so"
loadmodule "tm.so"
loadmodule "sl.so"
loadmodule "pv.so"
loadmodule "textops.so"
loadmodule "usrloc.so"
loadmodule "registrar.so"
loadmodule "ctl.so"
modparam("usrloc", "db_mode", 0)
# Ten minutes: a contact that leaves the table sooner was withdrawn by the console (Expires: 0).
modparam("registrar", "max_expires", 600)
modparam("ctl", "binrpc", "unix:{control}")
request_route {{
    if (is_method("REGISTER")) {{
        if (!save("location"))
            sl_reply_error();
        exit;
    }}
    sl_send_reply("404", "Not here");
}}
"""


def _free_udp_port():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _program(name):
    return shutil.which(name) or shutil.which(name, path="/usr/sbin:/sbin")


class Registrar:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="hookline-e2e-kamailio-")
        self.port = _free_udp_port()
        self.control = os.path.join(self.dir, "ctl")
        self.proc = None

    @property
    def address(self):
        return "127.0.0.1:%d" % self.port

    def start(self):
        kamailio = _program("kamailio")
        if not kamailio:
            raise AssertionError("kamailio not found (scripts/install-deps.sh installs it)")
        config = os.path.join(self.dir, "kamailio.cfg")
        with open(config, "w") as f:
            f.write(CONFIG.format(port=self.port, control=self.control))
        run = os.path.join(self.dir, "run")
        os.makedirs(run)
        self.log = open(os.path.join(self.dir, "kamailio.log"), "w")
        self.proc = subprocess.Popen([kamailio, "-DD", "-E", "-f", config, "-Y", run, "-w", self.dir],
                                     stdout=self.log, stderr=subprocess.STDOUT, preexec_fn=_die_with_parent)
        deadline = time.monotonic() + 10
        while not os.path.exists(self.control):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError("kamailio did not start:\n" + self.log_text())
            time.sleep(0.1)

    def contacts(self, user):
        """The contacts Kamailio's location table holds for user now ([] when none)."""
        out = subprocess.run([_program("kamcmd"), "-s", "unix:" + self.control, "ul.lookup", "location", user],
                             capture_output=True, text=True, timeout=10).stdout
        if "AOR not found" in out:
            return []
        return [line.split(":", 1)[1].strip() for line in out.splitlines()
                if line.strip().startswith("Address:")]

    def log_text(self):
        with open(os.path.join(self.dir, "kamailio.log")) as f:
            return f.read()[-4000:]

    def stop(self):
        _stop(self.proc)
        if self.proc is not None:
            self.log.close()
        shutil.rmtree(self.dir, True)
