#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The domain's SQL runs through the statement seam (src/core/store/rp-stmt.h),
so that a second backend can sit behind it (issue 18): no src/core file calls
SQLite itself except the store's own plumbing and the modules that work on
the SQLite file as a file. Comments count too: a sqlite3_ name in a comment
elsewhere is usually code that came back."""

import pathlib
import sys

root = pathlib.Path(sys.argv[1])
core = root / "src" / "core"

ALLOWED = {
    "store/rp-store.c",         # opening, hooks, WAL and lock handling, error mapping
    "store/rp-store-schema.c",  # SQL functions, migrations, trigger checks
    "store/rp-stmt.c",          # the seam itself
    "store/rp-stmt.h",
    "rp-check.c",               # the SQLite file as a file
    "rp-backup.c",
    "rp-database-file.c",
    "team/rp-team-copy.c",      # a whole file copied to and from a team database
}

problems = []
for path in sorted(core.rglob("*")):
    if path.suffix not in (".c", ".h") or not path.is_file():
        continue
    name = path.relative_to(core).as_posix()
    if name in ALLOWED:
        continue
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if "sqlite3_" in line:
            problems.append(f"src/core/{name}:{number}: {line.strip()}")

for name in sorted(ALLOWED):
    if not (core / name).is_file():
        problems.append(f"src/core/{name} is allowed to use SQLite but does not exist: remove it from the list")

if problems:
    sys.exit("SQLite called outside the statement seam (use rp-stmt.h):\n" + "\n".join(problems))
print("the domain's SQL goes through the statement seam")
