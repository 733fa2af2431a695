#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The GUI and the CLI use the core through its public headers, and the GUI
opens no database connection of its own: a read in a thread goes through a
core use case (an `_async` function), not a connection opened by path."""

import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])

# Files that still open the database themselves, and where that belongs.
# Each entry should go, not grow. None is left: the database the person
# chooses is opened by the core's session object (src/core/rp-session.c).
OPENS_ALLOWED = set()

private_include = re.compile(r'^\s*#\s*include\s+[<"]([^>"]*-(?:private|internal)\.h)[>"]', re.MULTILINE)
sqlite = re.compile(r'\bsqlite3\w*|#\s*include\s+<sqlite3\.h>')
opens = re.compile(r'\b(rp_store_open|rp_store_open_at_version|rp_store_snapshot_open|'
                   r'rp_store_open_sqlite_read_only|rp_store_get_db)\s*\(')


def strip_comments(text):
    return re.sub(r'/\*.*?\*/|//[^\n]*', '', text, flags=re.DOTALL)


# A front end's own private headers (the window's struct for its actions) are its business.
own_private = {path.name for path in (root / "src/gui").rglob("*-private.h")}

problems = []
for folder in ("src/gui", "src/cli"):
    for path in sorted((root / folder).rglob("*.[ch]")):
        name = path.relative_to(root).as_posix()
        text = strip_comments(path.read_text(encoding="utf-8"))
        for header in private_include.findall(text):
            if folder == "src/gui" and header in own_private:
                continue
            problems.append(f"{name} includes the private header {header}: use a public core header")
        if folder != "src/gui":
            continue
        if sqlite.search(text):
            problems.append(f"{name} uses SQLite directly: that belongs in the core")
        if name not in OPENS_ALLOWED:
            for match in opens.finditer(text):
                problems.append(f"{name} opens a database connection ({match.group(1)}): "
                                "call a core use case instead")

for name in sorted(OPENS_ALLOWED):
    if not (root / name).is_file():
        problems.append(f"{name} is allowed to open the database but does not exist: remove it from the list")
    elif not opens.search((root / name).read_text(encoding="utf-8")):
        problems.append(f"{name} is allowed to open the database but no longer does: remove it from the list")

if problems:
    sys.exit("\n".join(problems))
print("the GUI and CLI use the core's public API")
