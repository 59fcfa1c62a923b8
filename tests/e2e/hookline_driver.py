#!/usr/bin/python3
"""Drive the real Hookline console through its accessibility tree (AT-SPI), as a screen reader does.

Runs with Debian's system Python (/usr/bin/python3) and its packages: python3-pyatspi (with
gir1.2-atspi-2.0), python3-xlib, at-spi2-core, dbus, xvfb, xdotool, x11-utils, imagemagick. Nothing here knows Hookline's
internals: controls are found by accessible role and name, acted on through the AT-SPI Action and
EditableText interfaces, and read through names, text and states.

    import re
    from hookline_driver import Console

    with Console("/usr/bin/hookline", scenario="ring.json", lang="en", out_dir="out") as c:
        answer = c.find("push button", "Answer the incoming call", timeout=10)
        c.press(answer)
        c.wait_until(lambda: c.find_all("label", re.compile("^Connected")), timeout=5, what="Connected shown")
        c.screenshot("connected.png")

One private environment per process: an Xvfb display, a D-Bus session bus and the AT-SPI bus, started at
the first Console and stopped (each by its process id) when the process ends, even after a failure.
Each Console starts a fresh console process with its own temporary HOME and XDG folders and stops it on
exit. The AT-SPI client library keeps its bus connection for the life of the process, which is why the
environment is shared by the consoles of one process rather than restarted for each.
"""

import atexit
import ctypes
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

__all__ = ["Console", "Environment", "DriverError", "Catalog", "ROLE_ALIASES"]

_PR_SET_PDEATHSIG = 1


class DriverError(AssertionError):
    """A control was not found, an action was refused, or a wait timed out."""


def _die_with_parent():
    # Runs in the child before exec: a new process group (so its own children are stopped with it)
    # and SIGTERM when the test process dies, however it dies.
    os.setsid()
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except OSError:
        pass


def _stop(proc, grace=3.0):
    """Stops a process started here and everything in its process group, by its id."""
    if proc is None or proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)  # the group id is the pid: _die_with_parent made it a leader
    except ProcessLookupError:
        return
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()


def _find_exe(*candidates):
    for c in candidates:
        path = c if os.path.isabs(c) else shutil.which(c)
        if path and os.access(path, os.X_OK):
            return path
    raise DriverError("none of %s is installed (see scripts/install-deps.sh)" % (candidates,))


class Environment:
    """Xvfb + a private D-Bus session bus + the AT-SPI bus. One per process; see Environment.get()."""

    _instance = None

    @classmethod
    def get(cls, screen="1280x800x24"):
        if cls._instance is None:
            cls._instance = Environment(screen)
            atexit.register(cls._instance.stop)
        return cls._instance

    def __init__(self, screen):
        self._procs = []
        self.dir = tempfile.mkdtemp(prefix="hookline-e2e-env-")
        try:
            self._start(screen)
        except BaseException:
            self.stop()
            raise

    def _start(self, screen):
        # Xvfb picks a free display and writes its number to the pipe we give it (-displayfd). Without
        # -noreset it resets whenever its last client leaves (the probe below, the bus launcher), and a
        # console connecting during that reset fails with "could not connect to display".
        read_fd, write_fd = os.pipe()
        xvfb = subprocess.Popen(
            [_find_exe("Xvfb"), "-displayfd", str(write_fd), "-screen", "0", screen, "-nolisten", "tcp",
             "-ac", "-noreset", "+extension", "XTEST"],
            pass_fds=(write_fd,), preexec_fn=_die_with_parent,
            stdout=subprocess.DEVNULL, stderr=open(os.path.join(self.dir, "xvfb.log"), "w"))
        self._procs.append(xvfb)
        os.close(write_fd)
        self.display = ":" + self._read_line(read_fd, xvfb, "Xvfb display number")
        os.close(read_fd)
        self._check_display()

        # A session bus of our own: the tested console never meets the user's desktop.
        read_fd, write_fd = os.pipe()
        bus = subprocess.Popen(
            [_find_exe("dbus-daemon"), "--session", "--nofork", "--nopidfile",
             "--print-address=%d" % write_fd],
            pass_fds=(write_fd,), preexec_fn=_die_with_parent, env=self._base_env(),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self._procs.append(bus)
        os.close(write_fd)
        self.bus_address = self._read_line(read_fd, bus, "D-Bus session address")
        os.close(read_fd)

        # The accessibility bus; it starts its own bus daemon and at-spi2-registryd, which stay in its
        # process group and stop with it.
        launcher = subprocess.Popen(
            [_find_exe("/usr/libexec/at-spi-bus-launcher", "at-spi-bus-launcher"), "--launch-immediately"],
            preexec_fn=_die_with_parent, env=self.env(),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self._procs.append(launcher)

        # Everything below (pyatspi in this process, xdotool, import) talks to this environment.
        os.environ.update({"DISPLAY": self.display, "DBUS_SESSION_BUS_ADDRESS": self.bus_address})
        os.environ.pop("AT_SPI_BUS_ADDRESS", None)
        os.environ.pop("WAYLAND_DISPLAY", None)
        self._wait_for_registry()

    def health(self):
        """One line on the environment's processes, for failure messages."""
        alive = ", ".join("%s %s" % (os.path.basename(p.args[0]), "running" if p.poll() is None
                                     else "exited %s" % p.returncode) for p in self._procs)
        probe = subprocess.run(["xdpyinfo", "-display", self.display], capture_output=True, text=True)
        return "%s; display %s %s" % (alive, self.display, "answers" if probe.returncode == 0
                                      else "does not answer")

    def _check_display(self):
        probe = subprocess.run(["xdpyinfo", "-display", self.display], capture_output=True, text=True)
        if probe.returncode != 0:
            raise DriverError("Xvfb on %s does not answer: %s" % (self.display, probe.stderr.strip()))

    @staticmethod
    def _read_line(fd, proc, what, timeout=15.0):
        deadline = time.monotonic() + timeout
        data = b""
        os.set_blocking(fd, False)
        while time.monotonic() < deadline:
            try:
                chunk = os.read(fd, 4096)
            except BlockingIOError:
                chunk = None
            if chunk:
                data += chunk
                if b"\n" in data:
                    return data.split(b"\n")[0].decode().strip()
            elif chunk == b"" or proc.poll() is not None:
                break
            time.sleep(0.02)
        raise DriverError("no %s (exit status %s)" % (what, proc.poll()))

    def _base_env(self):
        env = dict(os.environ)
        env.pop("WAYLAND_DISPLAY", None)
        env.update({"DISPLAY": getattr(self, "display", ""), "HOME": self.dir})
        return env

    def env(self):
        env = self._base_env()
        env["DBUS_SESSION_BUS_ADDRESS"] = self.bus_address
        return env

    def _wait_for_registry(self, timeout=15.0):
        # The registry answers once the bus launcher has started it; until then the desktop is absent.
        deadline = time.monotonic() + timeout
        last = None
        while time.monotonic() < deadline:
            try:
                out = subprocess.run(
                    ["dbus-send", "--session", "--print-reply", "--dest=org.a11y.Bus", "/org/a11y/bus",
                     "org.a11y.Bus.GetAddress"], env=self.env(), capture_output=True, text=True, timeout=5)
                if out.returncode == 0 and "unix:" in out.stdout:
                    return
                last = out.stderr.strip()
            except subprocess.TimeoutExpired as e:
                last = str(e)
            time.sleep(0.1)
        raise DriverError("the AT-SPI bus did not start: %s" % last)

    def stop(self):
        for proc in reversed(self._procs):
            _stop(proc)
        self._procs = []
        shutil.rmtree(self.dir, ignore_errors=True)


class Catalog:
    """The console's translations, read from its Qt Linguist source (translations/hookline_<lang>.ts),
    so one test checks every language: tr("Connected") is "Connected" in en and its translation in zh_TW.
    A source translated differently in two contexts needs the context."""

    def __init__(self, lang, ts_dir=None):
        self.lang = lang or "en"
        self._by_source = {}
        self._numerus = {}  # source -> its plural forms, in the language's order (Qt's numerus rules)
        ts_dir = ts_dir or os.environ.get("HOOKLINE_TRANSLATIONS_DIR") or os.path.join(
            os.path.dirname(os.path.abspath(__file__)), "..", "..", "translations")
        # English strings are their sources, but its plural forms ("1 line", "2 lines") are in its catalogue.
        path = os.path.join(ts_dir, "hookline_%s.ts" % ("en" if self.lang.startswith("en") else self.lang))
        import xml.etree.ElementTree as ET
        for context in ET.parse(path).getroot().iter("context"):
            ctx = context.findtext("name")
            for msg in context.iter("message"):
                tr = msg.find("translation")
                if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                if msg.get("numerus") == "yes":
                    self._numerus[msg.findtext("source")] = [f.text or "" for f in tr.iter("numerusform")]
                elif tr.text and not self.lang.startswith("en"):
                    self._by_source.setdefault(msg.findtext("source"), {})[ctx] = tr.text

    def trn(self, source, n):
        """A plural string as the console shows it for count n: trn("%n line(s) out of service", 1) is
        "1 line out of service" in en. Plural rules: English (one, other) and Chinese (one form)."""
        forms = self._numerus.get(source)
        if not forms:
            raise DriverError("no %s plural forms of %r" % (self.lang, source))
        form = forms[0] if len(forms) == 1 or n == 1 else forms[1]
        return form.replace("%n", str(n))

    def tr(self, source, *args, context=None):
        """The translation of source; %1, %2 ... replaced by args, as QString::arg does."""
        text = self._lookup(source, context)
        for i, arg in enumerate(args, 1):
            text = text.replace("%%%d" % i, str(arg))
        return text

    def _lookup(self, source, context):
        if self.lang.startswith("en"):
            return source
        found = self._by_source.get(source)
        if not found:
            raise DriverError("no %s translation of %r" % (self.lang, source))
        if context is not None:
            return found[context]
        if len(set(found.values())) > 1:
            raise DriverError("%r is translated differently in %s: pass the context" % (source, sorted(found)))
        return next(iter(found.values()))


def _pyatspi():
    # Imported late: the AT-SPI library reads DISPLAY and DBUS_SESSION_BUS_ADDRESS once, at import.
    import pyatspi
    return pyatspi


# Short role names a test may use besides AT-SPI's own ("push button", "page tab", "text", ...).
ROLE_ALIASES = {
    "button": "push button",
    "tab": "page tab",
    "checkbox": "check box",
    "combobox": "combo box",
    "edit": "text",
    "listitem": "list item",
    "radio": "radio button",
    "switch": "toggle button",
}


class Console:
    """The console under test, as a context manager. Arguments:

    binary     path of the hookline executable (default: $HOOKLINE_BINARY)
    scenario   a scenario file (--scenario)
    lang       user interface language (--lang), e.g. "en" or "zh_TW"
    out_dir    where screenshots and the console's output go (default: a temporary folder)
    args       more command-line arguments, e.g. ["--supervisor"]
    env        extra environment variables for the console
    geometry   window size, e.g. "1280x800"
    home       a folder for HOME and the XDG folders, kept after the console stops, so that a second
               console started on it finds the first one's settings and history (default: a temporary
               folder, removed at the end)
    """

    def __init__(self, binary=None, scenario=None, lang=None, out_dir=None, args=(), env=None,
                 geometry="1280x800", start_timeout=30.0, home=None):
        self.binary = binary or os.environ.get("HOOKLINE_BINARY")
        if not self.binary:
            raise DriverError("no console binary: pass binary= or set HOOKLINE_BINARY")
        self.scenario, self.lang, self.args = scenario, lang, list(args)
        self.extra_env = dict(env or {})
        self.geometry = geometry
        self.start_timeout = start_timeout
        self.catalog = Catalog(lang)
        self.out_dir = out_dir or tempfile.mkdtemp(prefix="hookline-e2e-out-")
        os.makedirs(self.out_dir, exist_ok=True)
        self.proc = None
        self.app = None
        self.home = None
        self.keep_home = home
        self.window_id = None
        self._log = None
        self._listeners = []

    def trn(self, source, n):
        """The console's plural text for count n (see Catalog.trn)."""
        return self.catalog.trn(source, n)

    def tr(self, source, *args, context=None):
        """The console's text for an English source string in this console's language, with %1, %2 ...
        replaced by args: tr("%1 (%2)", tr("Connected"), tr("active"))."""
        return self.catalog.tr(source, *args, context=context)

    # -- lifetime ---------------------------------------------------------------------------------

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            # Leave the evidence next to the failure: what was on screen and what the tree held.
            try:
                self.screenshot("failure.png")
                with open(os.path.join(self.out_dir, "failure-tree.txt"), "w") as f:
                    f.write(self.dump_tree())
            except Exception as e:  # the console may be gone; the original failure matters more
                print("hookline_driver: no failure evidence: %s" % e, file=sys.stderr)
        self.stop()
        return False

    def start(self):
        self.env_ = Environment.get()
        self.pyatspi = _pyatspi()
        self.home = self.keep_home or tempfile.mkdtemp(prefix="hookline-e2e-home-")
        env = self.env_.env()
        for var in ("QT_QPA_PLATFORM", "QT_SCALE_FACTOR", "QT_STYLE_OVERRIDE"):
            env.pop(var, None)
        env.update({
            "HOME": self.home,
            "XDG_CONFIG_HOME": os.path.join(self.home, "config"),
            "XDG_DATA_HOME": os.path.join(self.home, "data"),
            "XDG_CACHE_HOME": os.path.join(self.home, "cache"),
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            "QT_QUICK_BACKEND": "software",
            "QT_QPA_PLATFORM": "xcb",
            "LANGUAGE": "", "LC_ALL": "C.UTF-8",
        })
        # No sound server is wanted, and none may be started on the console's behalf.
        pulse = os.path.join(self.home, "config", "pulse")
        os.makedirs(pulse, exist_ok=True)
        with open(os.path.join(pulse, "client.conf"), "w") as f:
            f.write("autospawn = no\n")
        env.update(self.extra_env)
        cmd = [self.binary, "-qwindowgeometry", self.geometry + "+0+0"]
        if self.lang:
            cmd += ["--lang", self.lang]
        if self.scenario:
            cmd += ["--scenario", self.scenario]
        cmd += self.args
        self._log = open(os.path.join(self.out_dir, "console.log"), "w")
        self.proc = subprocess.Popen(cmd, env=env, preexec_fn=_die_with_parent,
                                     stdout=self._log, stderr=subprocess.STDOUT)
        self.app = self.wait_until(self._find_app, self.start_timeout,
                                   what="the console on the accessibility bus")
        self.wait_until(lambda: self._showing_window(), self.start_timeout, what="the console's window")

    def close(self, timeout=10.0):
        """Closes the console's window as a user does (the window manager's close request,
        WM_DELETE_WINDOW) and waits for the console to exit, so it saves what it saves on the way out.
        Returns the exit status."""
        from Xlib import X, display as xdisplay, protocol
        d = xdisplay.Display(self.env_.display)
        try:
            window = d.create_resource_object("window", int(self._window(), 0))
            message = protocol.event.ClientMessage(
                window=window, client_type=d.intern_atom("WM_PROTOCOLS"),
                data=(32, [d.intern_atom("WM_DELETE_WINDOW"), X.CurrentTime, 0, 0, 0]))
            deadline = time.monotonic() + timeout
            # A request that arrives while the console is still settling in can go unheeded: ask again
            # each second, as a user clicks the close button again.
            while time.monotonic() < deadline:
                window.send_event(message)
                d.flush()
                try:
                    return self.proc.wait(1.0)
                except subprocess.TimeoutExpired:
                    continue
        finally:
            d.close()
        raise DriverError("the console did not exit within %.0f s of closing its window" % timeout)

    def stop(self):
        for record, event_types in self._listeners:
            try:
                self.pyatspi.Registry.deregisterEventListener(record, *event_types)
            except Exception:
                pass
        self._listeners = []
        _stop(self.proc)
        self.proc = None
        if self._log:
            self._log.close()
            self._log = None
        if self.home and not self.keep_home:
            shutil.rmtree(self.home, ignore_errors=True)
        self.home = None

    def _find_app(self):
        if self.proc.poll() is not None:
            raise DriverError(self._exit_report())
        desktop = self.pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == self.proc.pid:
                    return app
            except Exception:
                continue
        return None

    def _exit_report(self):
        log = os.path.join(self.out_dir, "console.log")
        self._log.flush()
        with open(log, errors="replace") as f:
            tail = f.read()[-800:]
        return "the console exited with status %s; %s; its output (%s) ends:\n%s" % (
            self.proc.returncode, self.env_.health(), log, tail)

    def _showing_window(self):
        for i in range(self.app.childCount):
            w = self.app.getChildAtIndex(i)
            if w is not None and self.has_state(w, "showing"):
                return w
        return None

    # -- finding ----------------------------------------------------------------------------------

    @staticmethod
    def _role_name(role):
        return None if role is None else ROLE_ALIASES.get(role, role)

    @staticmethod
    def _name_matches(node_name, name):
        if name is None:
            return True
        if hasattr(name, "search"):
            return name.search(node_name or "") is not None
        if callable(name):
            return bool(name(node_name or ""))
        return (node_name or "") == name

    def _walk(self, node, showing_only):
        """Depth-first over the console's tree; hidden subtrees are skipped when showing_only."""
        stack = [node]
        while stack:
            n = stack.pop()
            if n is None:
                continue
            try:
                if showing_only and n is not self.app and not self.has_state(n, "showing"):
                    continue
                yield n
                count = n.childCount
                children = [n.getChildAtIndex(i) for i in range(count)]
            except Exception:  # a node that went away while we walked
                continue
            stack.extend(reversed(children))

    def find_all(self, role=None, name=None, showing=True, root=None):
        """Every node under root (default: the console) with this role (AT-SPI role name such as
        "push button", or an alias from ROLE_ALIASES) and name (exact string, compiled regex or a
        predicate). With showing=True only nodes whose whole ancestry is showing count."""
        role = self._role_name(role)
        found = []
        for n in self._walk(root or self.app, showing):
            try:
                if role is not None and n.getRoleName() != role:
                    continue
                if self._name_matches(n.name, name):
                    found.append(n)
            except Exception:
                continue
        return found

    def find(self, role=None, name=None, timeout=10.0, root=None):
        """Waits up to timeout seconds for exactly one showing node with this role and name."""
        def one():
            nodes = self.find_all(role, name, root=root)
            if len(nodes) > 1:
                raise DriverError("%d showing %s nodes named %r: %s" % (
                    len(nodes), role, name, [self.describe(n) for n in nodes]))
            return nodes[0] if nodes else None
        return self.wait_until(one, timeout, what="a showing %s named %r" % (role, name))

    def wait_gone(self, role=None, name=None, timeout=10.0):
        """Waits until no showing node with this role and name is left."""
        self.wait_until(lambda: not self.find_all(role, name), timeout,
                        what="no showing %s named %r" % (role, name))

    def wait_until(self, fn, timeout=10.0, interval=0.1, what=None):
        """Polls fn until it returns something true, and returns that; DriverError after timeout."""
        deadline = time.monotonic() + timeout
        last_error = None
        while True:
            self.pump()
            try:
                value = fn()
                if value:
                    return value
            except DriverError as e:
                if self.proc is not None and self.proc.poll() is not None:
                    raise
                last_error = e
            except Exception as e:  # D-Bus hiccups while the tree changes: try again
                last_error = e
            if self.proc is not None and self.proc.poll() is not None:
                raise DriverError("while waiting for %s: %s" % (what or fn, self._exit_report()))
            if time.monotonic() >= deadline:
                raise DriverError("timed out after %.1f s waiting for %s%s" % (
                    timeout, what or getattr(fn, "__name__", "a condition"),
                    " (last error: %s)" % last_error if last_error else ""))
            time.sleep(interval)

    def pump(self):
        """Delivers the AT-SPI events that have arrived (and lets the client library update its cache of
        names and states from them), as a screen reader's main loop does. wait_until calls it."""
        from gi.repository import GLib
        ctx = GLib.MainContext.default()
        while ctx.pending():
            ctx.iteration(False)

    def listen(self, *event_types):
        """Starts recording AT-SPI events of these types ("object:state-changed:showing",
        "object:state-changed:focused", "object:property-change:accessible-name", ...) from this console.
        Returns a list that fills as events arrive (while wait_until or pump runs): each entry is a dict
        with type, role, name, detail1 and detail2. Recording stops when the console stops."""
        events = []

        def record(event):
            try:
                source = event.source
                if source is None or source.get_process_id() != self.proc.pid:
                    return
                events.append({"type": str(event.type), "role": source.getRoleName(), "name": source.name,
                               "detail1": event.detail1, "detail2": event.detail2})
            except Exception as e:  # a source that is already gone still counts, without details
                events.append({"type": str(event.type), "role": None, "name": None,
                               "detail1": event.detail1, "detail2": event.detail2, "error": str(e)})
        self.pyatspi.Registry.registerEventListener(record, *event_types)
        self._listeners.append((record, event_types))
        return events

    # -- reading ----------------------------------------------------------------------------------

    @staticmethod
    def name(node):
        return node.name or ""

    @staticmethod
    def description(node):
        return node.description or ""

    @staticmethod
    def role(node):
        return node.getRoleName()

    def text(self, node):
        """The node's text (Text interface), else its name."""
        try:
            t = node.queryText()
            return t.getText(0, -1)
        except NotImplementedError:
            return self.name(node)

    _STATE_NAMES = {
        "showing": "STATE_SHOWING", "visible": "STATE_VISIBLE", "sensitive": "STATE_SENSITIVE",
        "enabled": "STATE_ENABLED", "focused": "STATE_FOCUSED", "focusable": "STATE_FOCUSABLE",
        "selected": "STATE_SELECTED", "selectable": "STATE_SELECTABLE", "checked": "STATE_CHECKED",
        "pressed": "STATE_PRESSED", "editable": "STATE_EDITABLE", "expanded": "STATE_EXPANDED",
        "active": "STATE_ACTIVE", "multi line": "STATE_MULTI_LINE", "read only": "STATE_READ_ONLY",
        "checkable": "STATE_CHECKABLE",
    }

    def states(self, node):
        """The node's states as a set of lower-case names ("showing", "sensitive", "enabled",
        "focused", "selected", "checked", ...)."""
        return {self.pyatspi.stateToString(s).replace("_", " ") for s in node.getState().getStates()}

    def has_state(self, node, state):
        return node.getState().contains(getattr(self.pyatspi, self._STATE_NAMES[state]))

    def actions(self, node):
        try:
            a = node.queryAction()
        except NotImplementedError:
            return []
        return [a.getName(i) for i in range(a.nActions)]

    def describe(self, node):
        try:
            return "[%s %r%s]" % (node.getRoleName(), node.name,
                                  " (%s)" % node.description if node.description else "")
        except Exception as e:
            return "[gone: %s]" % e

    def dump_tree(self, root=None, showing_only=False):
        """The tree as indented text: role, name, description, states and actions of every node."""
        lines = []

        def visit(n, depth):
            try:
                states = sorted(self.states(n) & {"showing", "sensitive", "enabled", "focused",
                                                  "selected", "checked", "editable", "focusable"})
                lines.append("%s%s %r%s %s%s" % (
                    "  " * depth, n.getRoleName(), n.name,
                    " desc=%r" % n.description if n.description else "", ",".join(states),
                    " actions=%s" % self.actions(n) if self.actions(n) else ""))
                if showing_only and "showing" not in states and depth > 0:
                    return
                for i in range(n.childCount):
                    visit(n.getChildAtIndex(i), depth + 1)
            except Exception as e:
                lines.append("%s[gone: %s]" % ("  " * depth, e))
        visit(root or self.app, 0)
        return "\n".join(lines) + "\n"

    # -- acting -----------------------------------------------------------------------------------

    def do_action(self, node, *names):
        """Runs the first of the node's AT-SPI actions whose name is in names."""
        a = node.queryAction()
        available = [a.getName(i) for i in range(a.nActions)]
        for wanted in names:
            for i, have in enumerate(available):
                if have.lower() == wanted.lower():
                    if not a.doAction(i):
                        raise DriverError("%s refused %s" % (self.describe(node), have))
                    return have
        raise DriverError("%s has no %s action (it has %s)" % (self.describe(node), "/".join(names),
                                                             available))

    def press(self, node):
        """AT-SPI Press (or Toggle for check boxes and switches): what a screen reader does."""
        return self.do_action(node, "Press", "press", "click", "Toggle", "toggle")

    def toggle(self, node):
        return self.do_action(node, "Toggle", "toggle", "Press", "press")

    def set_text(self, node, text):
        """Replaces a text field's contents through the EditableText interface."""
        try:
            editable = node.queryEditableText()
        except NotImplementedError:
            raise DriverError("%s has no EditableText interface" % self.describe(node))
        if not editable.setTextContents(text):
            raise DriverError("%s refused setTextContents" % self.describe(node))

    def focus(self, node):
        """Gives the node keyboard focus (Component.grabFocus)."""
        return node.queryComponent().grabFocus()

    def _window(self):
        """The console's top-level X window id (hex string)."""
        if self.window_id is None:
            out = self.wait_until(lambda: subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--pid", str(self.proc.pid)],
                capture_output=True, text=True).stdout.split(), 10, what="the console's X window")
            self.window_id = out[-1]
        return self.window_id

    def key(self, *keys):
        """Real key events through XTest (xdotool), e.g. key("ctrl+Return"), key("Tab", "Tab"),
        to the console's window, which gets the X input focus first."""
        win = self._window()
        subprocess.run(["xdotool", "windowfocus", "--sync", win], check=True, capture_output=True)
        subprocess.run(["xdotool", "key", "--clearmodifiers", "--delay", "30"] + list(keys), check=True)

    def type_text(self, text):
        """Types text as key events into the focused control."""
        win = self._window()
        subprocess.run(["xdotool", "windowfocus", "--sync", win], check=True, capture_output=True)
        subprocess.run(["xdotool", "type", "--delay", "20", text], check=True)

    def screenshot(self, filename):
        """Saves the whole screen as a PNG under out_dir (or at filename when it is absolute)."""
        path = filename if os.path.isabs(filename) else os.path.join(self.out_dir, filename)
        subprocess.run(["import", "-window", "root", path], check=True, env=os.environ,
                       capture_output=True, timeout=30)
        return path
