#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every file with translatable strings is listed in po/POTFILES.in, and nothing else is."""

import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
listed = set()
for line in (root / "po" / "POTFILES.in").read_text(encoding="utf-8").splitlines():
    # A line may start with a hint such as "[type: gettext/glade]".
    line = re.sub(r"^\[[^]]*\]\s*", "", line.strip())
    if line and not line.startswith("#"):
        listed.add(line)

needed = set()
c_marker = re.compile(r'\b(N?_|g_dngettext|ngettext|C_|NC_)\s*\(')
ui_marker = re.compile(r'translatable\s*=\s*["\']yes["\']')
for path in (root / "src").rglob("*.[ch]"):
    if c_marker.search(path.read_text(encoding="utf-8")):
        needed.add(path.relative_to(root).as_posix())
for path in (root / "ui").rglob("*.ui"):
    if ui_marker.search(path.read_text(encoding="utf-8")):
        needed.add(path.relative_to(root).as_posix())
for path in (root / "data").glob("*.in"):
    needed.add(path.relative_to(root).as_posix())
for path in (root / "data").glob("*.gschema.xml"):
    needed.add(path.relative_to(root).as_posix())

problems = [f"{name} has translatable strings but is missing from po/POTFILES.in"
            for name in sorted(needed - listed)]
problems += [f"{name} is listed in po/POTFILES.in but does not exist"
             for name in sorted(listed) if not (root / name).is_file()]

if problems:
    sys.exit("\n".join(problems))
print(f"{len(listed)} files listed, all present")
