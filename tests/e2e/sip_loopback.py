"""Kamailio and sipp on loopback for the end-to-end tests: the registrar and presence server of
tests/providers/sip/kamailio.cfg.in (subscribers in SQLite, dialog-info) on free ports, and sipp far ends.
Every process is started here and ended by its PID."""

import os
import shutil
import socket
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SIP_TEST_DIR = os.path.normpath(os.path.join(HERE, "..", "providers", "sip"))


def free_port():
    """A loopback port free for TCP and UDP, with the one above it free too (sipp and libre take it)."""
    for _ in range(50):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port > 65000:
            continue
        try:
            for p in (port, port + 1):
                with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as u:
                    u.bind(("127.0.0.1", p))
        except OSError:
            continue
        return port
    raise RuntimeError("no free loopback port")


class SipLoopback:
    def __init__(self, subscribers):
        """subscribers: {user: password} registered at 127.0.0.1."""
        self.dir = tempfile.mkdtemp(prefix="hookline-e2e-sip-")
        self.port = free_port()
        self.far_end_port = free_port()
        while self.far_end_port == self.port:
            self.far_end_port = free_port()
        self._processes = []
        db = os.path.join(self.dir, "kamailio.db")
        sql = ""
        for schema in ("standard", "auth_db", "presence"):
            with open("/usr/share/kamailio/db_sqlite/%s-create.sql" % schema) as f:
                sql += f.read() + "\n"
        for user, password in subscribers.items():
            sql += "INSERT INTO subscriber (username, domain, password) VALUES ('%s', '127.0.0.1', '%s');\n" % (
                user, password)
        subprocess.run(["sqlite3", db], input=sql, text=True, check=True, timeout=20)
        with open(os.path.join(SIP_TEST_DIR, "kamailio.cfg.in")) as f:
            config = f.read()
        # Its control socket: kamcmd reads the location table through it (contacts()).
        self.control = os.path.join(self.dir, "ctl")
        for key, value in (("@SIP_PORT@", str(self.port)), ("@FAREND_PORT@", str(self.far_end_port)),
                           ("@DB@", db), ("@MAX_EXPIRES@", "600"), ("@TLS_CFG@", "/dev/null"),
                           ("@CTL@", self.control)):
            config = config.replace(key, value)
        with open(os.path.join(self.dir, "kamailio.cfg"), "w") as f:
            f.write(config)

    def start(self):
        run = os.path.join(self.dir, "run")
        os.makedirs(run, exist_ok=True)
        log = open(os.path.join(self.dir, "kamailio.log"), "w")
        self.kamailio = subprocess.Popen(
            ["/usr/sbin/kamailio", "-DD", "-E", "-f", os.path.join(self.dir, "kamailio.cfg"), "-Y", run,
             "-w", self.dir], stdout=log, stderr=subprocess.STDOUT)
        log.close()
        self._processes.append(self.kamailio)
        # Up when it answers on its UDP port (an OPTIONS gets some reply).
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.kamailio.poll() is not None:
                raise RuntimeError("kamailio exited:\n" + self.log())
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
                s.settimeout(0.3)
                s.bind(("127.0.0.1", 0))
                via = "SIP/2.0/UDP 127.0.0.1:%d;branch=z9hG4bKprobe%d" % (s.getsockname()[1], time.monotonic_ns())
                probe = ("OPTIONS sip:probe@127.0.0.1 SIP/2.0\r\nVia: %s\r\n"
                         "From: <sip:probe@127.0.0.1>;tag=1\r\nTo: <sip:probe@127.0.0.1>\r\nCall-ID: probe\r\n"
                         "CSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n" % via)
                try:
                    s.sendto(probe.encode(), ("127.0.0.1", self.port))
                    s.recvfrom(4096)
                    return
                except OSError:
                    pass
            time.sleep(0.2)
        raise RuntimeError("kamailio did not answer:\n" + self.log())

    def contacts(self, user):
        """The contacts Kamailio's location table holds for user now ([] when none). The user goes as a
        string (s:): kamcmd takes a number such as 3001 for an integer, which ul.lookup does not accept."""
        kamcmd = shutil.which("kamcmd") or shutil.which("kamcmd", path="/usr/sbin:/sbin")
        out = subprocess.run([kamcmd, "-s", "unix:" + self.control, "ul.lookup", "location", "s:" + user],
                             capture_output=True, text=True, timeout=10).stdout
        if "AOR not found" in out:
            return []
        return [line.split(":", 1)[1].strip() for line in out.splitlines()
                if line.strip().startswith("Address:")]

    def sipp(self, scenario, service=None, timeout=30):
        """sipp with tests/e2e/sipp/<scenario>: a UAC calling `service` through Kamailio, or (no service) a
        UAS on the far-end port Kamailio sends numbers starting with 9 to. It gives up after timeout
        seconds (an error)."""
        media = free_port() & ~1
        args = ["sipp", "-sf", os.path.join(HERE, "sipp", scenario), "-i", "127.0.0.1", "-mi", "127.0.0.1",
                "-mp", str(media), "-m", "1", "-timeout", "%ds" % timeout, "-timeout_error", "-nostdin", "-nr",
                "-trace_err"]
        if service:
            args += ["-p", str(free_port()), "-s", service, "127.0.0.1:%d" % self.port]
        else:
            args += ["-p", str(self.far_end_port)]
        process = subprocess.Popen(args, cwd=self.dir, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self._processes.append(process)
        return process

    def log(self):
        try:
            with open(os.path.join(self.dir, "kamailio.log")) as f:
                return f.read()[-4000:]
        except OSError:
            return ""

    def stop(self):
        for process in reversed(self._processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(5)
            if process.stdout:
                process.stdout.close()
        self._processes = []
        shutil.rmtree(self.dir, True)
