#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""No two core modules depend on each other, directly or through a chain.

A module is a file stem, its .c and .h together; rp-foo-private.h and
rp-foo-internal.h belong to rp-foo, and every file in src/core/store/ is the
store. A module depends on another when one of its files includes one of the
other's headers with #include "...". The umbrella rp-core.h may include
everything, so no core file may include it."""

import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
core = root / "src" / "core"
UMBRELLA = "rp-core.h"

include = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.MULTILINE)


def strip_comments(text):
    return re.sub(r'/\*.*?\*/|//[^\n]*', '', text, flags=re.DOTALL)


def module_of(path):
    if path.parent == core / "store":
        return "rp-store"
    stem = path.name.rsplit(".", 1)[0]
    return re.sub(r'-(?:private|internal)$', '', stem)


files = sorted(p for p in core.rglob("*.[ch]"))
headers = {p.name: p for p in files if p.suffix == ".h"}

problems = []
# module -> {module it depends on: "file -> header" that shows it}
graph = {}
for path in files:
    name = path.relative_to(core).as_posix()
    module = module_of(path)
    graph.setdefault(module, {})
    for header in include.findall(strip_comments(path.read_text(encoding="utf-8"))):
        header = header.rsplit("/", 1)[-1]
        if header == UMBRELLA and path.name != UMBRELLA:
            problems.append(f"{name} includes the umbrella {UMBRELLA}: include what it uses")
            continue
        if path.name == UMBRELLA or header not in headers:
            continue  # the umbrella itself, config.h, generated headers
        target = module_of(headers[header])
        if target != module:
            graph[module].setdefault(target, f"{name} -> {header}")


def strongly_connected(graph):
    """Tarjan's algorithm: the groups of modules that reach each other."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, {})):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            groups.append(sorted(group))

    sys.setrecursionlimit(10000)
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def shortest_cycle(start, group):
    """The shortest chain of includes from @start back to itself inside @group."""
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for target in sorted(graph[node]):
            if target not in group:
                continue
            if target == start:
                return paths[node] + [start]
            if target not in paths:
                paths[target] = paths[node] + [target]
                queue.append(target)
    return None


for group in strongly_connected(graph):
    if len(group) < 2:
        continue
    # The shortest cycle through each module of the group, each shown once.
    seen = set()
    for start in group:
        cycle = shortest_cycle(start, set(group))
        edges = frozenset(zip(cycle, cycle[1:]))
        if edges in seen:
            continue
        seen.add(edges)
        steps = [graph[a][b] for a, b in zip(cycle, cycle[1:])]
        problems.append(f"include cycle {' -> '.join(cycle)}:\n  " + "\n  ".join(steps))

if problems:
    sys.exit("\n".join(problems))
print(f"{len(graph)} core modules, no include cycle")
