#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Templates live in ui/ in folders that mirror src/gui/ one to one, and
each template is named after the type it builds, so a reader finds the
.c, .h and .ui of a widget by the same path."""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
gui = root / "src" / "gui"
ui = root / "ui"
failures = []

# Menus and the shortcuts window are builder files, not templates of a type.
not_templates = {"shell/help-overlay.ui"}

for template in sorted(ui.rglob("*.ui")):
    relative = template.relative_to(ui).as_posix()
    if relative in not_templates:
        continue
    source = gui / template.relative_to(ui).with_suffix(".c")
    if not source.exists():
        failures.append(f"{relative}: no src/gui/{source.relative_to(gui).as_posix()} beside it")
        continue
    match = re.search(r'<template class="(\w+)"', template.read_text())
    if match is None:
        failures.append(f"{relative}: not a template")
        continue
    # RpAttendeeListPage -> rp-attendee-list-page
    expected = re.sub(r"(?<!^)([A-Z])", r"-\1", match.group(1)).lower()
    if expected != template.stem:
        failures.append(f"{relative}: builds {match.group(1)}, so it should be named {expected}.ui")
    if f'"/io/github/reprovision/Reprovision/ui/{relative}"' not in source.read_text():
        failures.append(f"{relative}: {source.relative_to(root)} does not load it by this path")

folders = {p.relative_to(gui).as_posix() for p in gui.iterdir() if p.is_dir()}
for folder in sorted({p.parent.relative_to(ui).as_posix() for p in ui.rglob("*.ui")}):
    if folder not in folders:
        failures.append(f"ui/{folder}/ has no src/gui/{folder}/")

for failure in failures:
    print(failure)
sys.exit(1 if failures else 0)
