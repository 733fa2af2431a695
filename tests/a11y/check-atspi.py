#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What a screen reader is told about the Attendees list, read from the
accessibility tree (AT-SPI) of the running app, as Orca reads it.

Usage: check-atspi.py APP CLI. Run it under a private session bus
(dbus-run-session) and a display; it starts the accessibility bus itself."""
import os
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

app_path, cli_path = sys.argv[1], sys.argv[2]
failures = []


def walk(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
    for i in range(node.get_child_count()):
        yield from walk(node.get_child_at_index(i), depth + 1)


def find_app():
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        child = desktop.get_child_at_index(i)
        if child is not None and (child.get_name() or "").lower() == "reprovision":
            return child
    return None


with tempfile.TemporaryDirectory() as folder:
    database = os.path.join(folder, "sample.db")
    subprocess.run([cli_path, "demo", "--database", database], check=True, stdout=subprocess.DEVNULL)

    bus = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"])
    env = dict(os.environ, GTK_A11Y="atspi", XDG_DATA_HOME=folder)
    env.pop("NO_AT_BRIDGE", None)
    app = None
    try:
        time.sleep(1)
        app = subprocess.Popen([app_path, database], env=env)

        rows = []
        deadline = time.monotonic() + 40
        while not rows and time.monotonic() < deadline:
            time.sleep(0.5)
            root = find_app()
            if root is not None:
                rows = [n for n in walk(root) if n.get_role_name() == "table row"]
        if not rows:
            sys.exit("The Attendees list's rows never appeared in the accessibility tree.")
        nodes = list(walk(find_app()))

        # Each row is named after the person and reads as cells, each with its column.
        first = next((r for r in rows if r.get_name() == "1, Aisha Rahman"), None)
        if first is None:
            failures.append("no row named '1, Aisha Rahman': %s" % [r.get_name() for r in rows[:3]])
        else:
            cells = [first.get_child_at_index(i) for i in range(first.get_child_count())]
            cells = [c for c in cells if c.get_role_name() == "table cell"]
            names = [c.get_name() for c in cells]
            for expected in ("No: 1", "Name: Aisha Rahman", "Status: ASC",
                             "Step on Moving Plan: 2 of 6, Contact with people to commence discussion",
                             "Outcome: Still attending"):
                if expected not in names:
                    failures.append("row 1 has no cell %r; its cells: %s" % (expected, names))

        # Nothing is announced by its type name, nor with a mnemonic's underscore.
        for node in nodes:
            name = node.get_name() or ""
            role = node.get_role_name()
            if role in ("table row", "table cell") and name.startswith(("Gtk", "Rp", "Adw")):
                failures.append("a %s is named %r" % (role, name))
            if role in ("push button", "toggle button", "check box", "radio button") and "_" in name:
                failures.append("a %s is read as %r" % (role, name))
    finally:
        if app is not None:
            app.terminate()
            app.wait(timeout=10)
        bus.terminate()
        bus.wait(timeout=10)

for failure in failures:
    print(failure)
sys.exit(1 if failures else 0)
