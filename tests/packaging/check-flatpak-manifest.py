#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flatpak manifest parses, and grants no network and no access to the user's files."""

import json
import shutil
import subprocess
import sys

manifest = sys.argv[1]

if shutil.which("flatpak-builder") is None:
    print("flatpak-builder is not installed")
    sys.exit(77)

shown = subprocess.run(["flatpak-builder", "--show-manifest", manifest],
                       capture_output=True, text=True)
if shown.returncode != 0:
    sys.exit(f"flatpak-builder refused the manifest:\n{shown.stderr}")

with open(manifest, encoding="utf-8") as f:
    data = json.load(f)

problems = []
args = data.get("finish-args", [])
for arg in args:
    if arg.startswith("--share=network"):
        problems.append("the sandbox must not have network access")
    if arg.startswith("--filesystem="):
        problems.append(f"{arg}: files must go through the portals, not filesystem access")
    if arg.startswith("--talk-name=org.freedesktop.Flatpak"):
        problems.append(f"{arg}: the app must not escape the sandbox")

if data.get("id") != "io.github.reprovision.Reprovision":
    problems.append("the id must be io.github.reprovision.Reprovision")
if data.get("runtime") != "org.gnome.Platform":
    problems.append("the runtime must be org.gnome.Platform")

for module in data.get("modules", []):
    for source in module.get("sources", []) if isinstance(module, dict) else []:
        if source.get("type") in ("archive", "file") and "sha256" not in source:
            problems.append(f"module {module.get('name')}: a downloaded source needs a sha256 checksum")
        if source.get("type") == "git" and "commit" not in source:
            problems.append(f"module {module.get('name')}: a git source must be pinned to a commit")

if problems:
    sys.exit("\n".join(problems))
print("manifest ok")
