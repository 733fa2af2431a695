#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Moves the domain's SQL from sqlite3_* calls onto the statement seam
(src/core/store/rp-stmt.h), for issue 18. Temporary: it exists so that the
lead can run it again on main after merging branches that still call SQLite
directly, and goes once nothing is left to convert.

    build-aux/convert-to-rp-stmt.py [--check] [source root]

Idempotent: a converted file is left as it is. Prints what it changed and,
at the end, every sqlite3_ it could not convert (those need a hand fix).
With --check, changes nothing and exits 1 if anything would change."""

import pathlib
import re
import sys

# The store's aggregates and the core modules that run domain SQL. The
# store's own plumbing (rp-store.c, rp-store-schema.c, rp-stmt.[ch]) and the
# SQLite-file modules (rp-check.c, rp-backup.c, rp-database-file.c) keep
# their sqlite3_ calls.
CORE_FILES = ["src/core/rp-report.c", "src/core/rp-export-record.c",
              "src/core/rp-calendar.c", "src/core/rp-erasure.c"]
STORE_KEEP = {"rp-store.c", "rp-store-schema.c", "rp-stmt.c", "rp-stmt.h"}


def targets(root):
    store = root / "src/core/store"
    files = [p for p in sorted(store.glob("rp-store*.[ch]")) if p.name not in STORE_KEEP]
    files += [root / name for name in CORE_FILES if (root / name).is_file()]
    return files


WS = r"\s*"


def sub(pattern, repl, text, flags=0):
    return re.sub(pattern, repl, text, flags=flags)


def resolve_db_variables(text):
    """`sqlite3 *db = rp_store_get_db (X);` inside a function: the calls on
    db then go to X, and the variable goes, if nothing else uses it."""
    chunks = re.split(r"(\n}\n)", text)
    out = []
    for chunk in chunks:
        m = (re.search(r"\n[ \t]*sqlite3 \*db = rp_store_get_db \(([^()]*)\);\n", chunk) or
             re.search(r"\n[ \t]*db = rp_store_get_db \(([^()]*)\);\n", chunk))
        if m:
            store = m.group(1)
            new = chunk[:m.start()] + "\n" + chunk[m.end():]
            new = re.sub(r"\n[ \t]*sqlite3 \*db;\n", "\n", new)
            new = re.sub(r"sqlite3_prepare_v2 \(db,", f"sqlite3_prepare_v2 (rp_store_get_db ({store}),", new)
            new = re.sub(r"sqlite3_errmsg \(db\)", f"sqlite3_errmsg (rp_store_get_db ({store}))", new)
            if re.search(r"\bdb\b", new):
                pass  # db is used for more: left as it is, and reported as left for a hand fix
            else:
                chunk = new
        out.append(chunk)
    return "".join(out)


def convert_prepare(match):
    store, sql, space, var = match.group(1).strip(), match.group(2), match.group(3), match.group(4)
    # Continuation lines were aligned after "sqlite3_prepare_v2 (": three columns further right.
    sql = re.sub(r"\n   ", "\n", sql)
    space = re.sub(r"\n   ", "\n", space)
    return f"rp_stmt_prepare ({store},{sql},{space}&{var})"


def convert_stmt_type(match):
    line = match.group(0)
    stripped = line.rstrip()
    # A parameter in an aligned list keeps its column; a local or a return type does not need to.
    is_parameter = (stripped.endswith(",") or stripped.endswith(")")) and "=" not in line and not stripped.endswith(";")
    def repl(m):
        spaces = m.group(1)
        if is_parameter and (len(spaces) > 1 or stripped.endswith(",")):
            return "RpStmt" + spaces + " " * 6
        return "RpStmt" + spaces
    return re.sub(r"\bsqlite3_stmt(\s+)", repl, line)


def convert(text, in_store):
    text = resolve_db_variables(text)

    # The erasure's VACUUM of its copy: rp_store_vacuum() sets the error itself.
    text = sub(r"sqlite3_exec\s*\(\s*rp_store_get_db\s*\(([^()]*)\),\s*\"VACUUM\",\s*NULL,\s*NULL,\s*NULL\s*\)\s*!=\s*SQLITE_OK",
               r"!rp_store_vacuum (\1, error)", text)
    text = sub(r"\n[ \t]*if \((\w+) != NULL && error != NULL && \*error == NULL\)\n"
               r"[ \t]*rp_error_set_from_sqlite \(error, sqlite3_extended_errcode \(rp_store_get_db \(\1\)\),\s*"
               r"sqlite3_errmsg \(rp_store_get_db \(\1\)\)\);\n", "\n", text)

    # One-off statements of the core's modules.
    text = sub(r"sqlite3_prepare_v2 \(rp_store_get_db \(([^()]*)\),(.*?),(\s*)-1,\s*&(\w+),\s*NULL\)",
               convert_prepare, text, re.DOTALL)
    text = sub(r"sqlite3_errmsg\s*\(\s*rp_store_get_db\s*\(([^()]*)\)\s*\)", r"rp_store_errmsg (\1)", text)
    text = sub(r"\bsqlite3_finalize\s*\(", "rp_stmt_finalize (", text)

    # Columns.
    text = sub(r"g_bytes_new\s*\(\s*sqlite3_column_blob\s*\((\w+),\s*(\w+)\),\s*"
               r"sqlite3_column_bytes\s*\(\1,\s*\2\)\)", r"rp_stmt_dup_column_bytes (\1, \2)", text)
    text = sub(r"sqlite3_column_type\s*\(([^()]*)\)\s*==\s*SQLITE_NULL", r"rp_stmt_column_is_null (\1)", text)
    text = sub(r"sqlite3_column_type\s*\(([^()]*)\)\s*!=\s*SQLITE_NULL", r"!rp_stmt_column_is_null (\1)", text)
    text = sub(r"\(const (?:unsigned )?char \*\)\s*sqlite3_column_text\s*\(", "rp_stmt_column_text (", text)
    text = sub(r"\bsqlite3_column_text\s*\(", "rp_stmt_column_text (", text)
    text = sub(r"\bsqlite3_column_int64\s*\(", "rp_stmt_column_int64 (", text)
    text = sub(r"\bsqlite3_column_int\s*\(", "rp_stmt_column_int (", text)

    # Binds: text is always copied through the seam.
    text = sub(r"\bsqlite3_bind_text\s*\(([^;]*?),\s*-1,\s*SQLITE_(?:STATIC|TRANSIENT)\s*\)",
               r"rp_stmt_bind_text (\1)", text, re.DOTALL)
    text = sub(r"\bsqlite3_bind_int64\s*\(", "rp_stmt_bind_int64 (", text)
    text = sub(r"\bsqlite3_bind_int\s*\(", "rp_stmt_bind_int (", text)
    text = sub(r"\bsqlite3_bind_null\s*\(", "rp_stmt_bind_null (", text)

    # Steps.
    text = sub(r"\bsqlite3_step\s*\(", "rp_stmt_step (", text)
    text = sub(r"\bsqlite3_reset\s*\(", "rp_stmt_reset (", text)
    text = sub(r"\bSQLITE_ROW\b", "RP_STMT_ROW", text)
    text = sub(r"\bSQLITE_DONE\b", "RP_STMT_DONE", text)

    # What the connection knows of the last statement.
    text = sub(r"\bsqlite3_changes\s*\(\s*(\w+)->db\s*\)", r"store_changes (\1)", text)
    text = sub(r"\bsqlite3_last_insert_rowid\s*\(\s*(\w+)->db\s*\)", r"store_last_insert_id (\1)", text)
    text = sub(r"\bsqlite3_extended_errcode\s*\(\s*(\w+)->db\s*\)\s*==\s*SQLITE_CONSTRAINT_PRIMARYKEY",
               r"store_error_is_duplicate_key (\1)", text)
    text = sub(r"\bsqlite3_wal_checkpoint_v2\s*\(\s*(\w+)->db,\s*NULL,\s*SQLITE_CHECKPOINT_TRUNCATE,\s*NULL,\s*NULL\s*\)",
               r"store_checkpoint (\1)", text)

    # The type, last: the patterns above do not depend on it.
    text = sub(r"^.*\bsqlite3_stmt\b.*$", convert_stmt_type, text, re.MULTILINE)

    # What a prepare answers, once nothing else of SQLite's is left to compare with it.
    if not re.search(r"\bsqlite3_", text):
        text = sub(r"\bSQLITE_OK\b", "RP_STMT_OK", text)

    # rp-error-private.h turns SQLite's codes into errors: not needed once none are read.
    if not in_store and "rp_error_set_from_sqlite" not in text:
        text = sub(r'#include "rp-error-private\.h"\n', "", text)

    # Includes: the store's files get rp-stmt.h through rp-store-internal.h.
    if in_store and text.find("#include \"rp-store-private.h\"\n") >= 0 and "rp-stmt.h" not in text:
        text = text.replace("#include \"rp-store-private.h\"\n", "#include \"rp-store-private.h\"\n#include \"rp-stmt.h\"\n", 1)
    if not re.search(r"\bsqlite3_|\bsqlite3 \*|\bSQLITE_", text):
        text = sub(r"#include <sqlite3\.h>\n", "", text)
    if not in_store and re.search(r"\brp_stmt_|\bRpStmt\b|\brp_store_errmsg\b", text) and "rp-stmt.h" not in text:
        includes = list(re.finditer(r'^#include "[^"]*"\n', text, re.MULTILINE))
        at = includes[-1].end() if includes else 0
        text = text[:at] + '#include "store/rp-stmt.h"\n' + text[at:]
    return text


def main(argv):
    check = "--check" in argv
    args = [a for a in argv[1:] if a != "--check"]
    root = pathlib.Path(args[0] if args else pathlib.Path(__file__).resolve().parent.parent)
    changed = []
    left = []
    for path in targets(root):
        old = path.read_text(encoding="utf-8")
        new = convert(old, path.parent.name == "store")
        name = path.relative_to(root).as_posix()
        if new != old:
            changed.append(name)
            if not check:
                path.write_text(new, encoding="utf-8")
        for number, line in enumerate(new.splitlines(), 1):
            if re.search(r"\bsqlite3_|\bsqlite3 \*|\bSQLITE_(?!STMT)", line):
                left.append(f"{name}:{number}: {line.strip()}")
    for name in changed:
        print(("would convert " if check else "converted ") + name)
    if left:
        print("\nLeft for a hand fix:")
        print("\n".join(left))
    return 1 if (check and changed) or left else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
