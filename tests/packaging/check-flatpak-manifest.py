#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flatpak manifest parses, and grants no access to the user's files.

It has the network only to reach a team database the user set up; with a local
file nothing connects anywhere (test-no-network proves it). The README says so,
and this checks that it still does."""

import json
import os
import shutil
import subprocess
import sys
import tempfile

manifest = os.path.abspath(sys.argv[1])

if shutil.which("flatpak-builder") is None:
    print("flatpak-builder is not installed")
    sys.exit(77)

# flatpak-builder leaves a state folder in its working directory: keep it out of the trees.
with tempfile.TemporaryDirectory() as scratch:
    shown = subprocess.run(["flatpak-builder", "--show-manifest", manifest],
                           capture_output=True, text=True, cwd=scratch)
if shown.returncode != 0:
    sys.exit(f"flatpak-builder refused the manifest:\n{shown.stderr}")

# Check the manifest as flatpak-builder understood it, not only as written.
data = json.loads(shown.stdout)

problems = []
args = data.get("finish-args", [])
for arg in args:
    if arg.startswith("--share=network"):
        readme = open(os.path.join(os.path.dirname(manifest), "..", "README.md"), encoding="utf-8").read()
        if "only to reach a team database" not in readme:
            problems.append("--share=network: the README must say the network is used only to reach a team database")
    if arg.startswith("--filesystem="):
        problems.append(f"{arg}: files must go through the portals, not filesystem access")
    if arg.startswith("--talk-name=org.freedesktop.Flatpak"):
        problems.append(f"{arg}: the app must not escape the sandbox")

if (data.get("id") or data.get("app-id")) != "io.github.reprovision.Reprovision":
    problems.append("the id must be io.github.reprovision.Reprovision")
if data.get("runtime") != "org.gnome.Platform":
    problems.append("the runtime must be org.gnome.Platform")

for module in data.get("modules", []):
    if not isinstance(module, dict):
        continue
    for source in module.get("sources", []):
        if not isinstance(source, dict):
            continue
        if source.get("type") in ("archive", "file") and "sha256" not in source:
            problems.append(f"module {module.get('name')}: a downloaded source needs a sha256 checksum")
        if source.get("type") == "git" and "commit" not in source:
            problems.append(f"module {module.get('name')}: a git source must be pinned to a commit")

if problems:
    sys.exit("\n".join(problems))
print("manifest ok")
