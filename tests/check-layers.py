#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Folders are layers: a file includes only its own folder and those below it (README's layout).
# src/core's folders from the bottom up, then src/cli and src/app above all of core; core and
# cli never include Qt Widgets or Gui.
import pathlib
import re
import sys

CORE = ["http", "json", "hoox", "capture", "query", "listener", "delivery", "interchange", "ngrok", "session"]
root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
include = re.compile(r'#\s*include\s*[<"]([^>"]+)[>"]')
problems = []


def rank_of(path):
    parts = path.relative_to(root / "src").parts
    if parts[0] == "core":
        return CORE.index(parts[1]) if parts[1] in CORE else None
    return {"cli": len(CORE), "app": len(CORE) + 1}.get(parts[0])


for f in sorted((root / "src").rglob("*")):
    if f.suffix not in (".h", ".cpp"):
        continue
    rank = rank_of(f)
    if rank is None:
        problems.append(f"{f}: in no known layer")
        continue
    for n, line in enumerate(f.read_text().splitlines(), 1):
        m = include.match(line.strip())
        if not m:
            continue
        target = m.group(1)
        head = target.split("/")[0]
        if head in CORE and CORE.index(head) > rank:
            problems.append(f"{f}:{n}: includes {target}, a layer above its own")
        if rank <= len(CORE) and re.match(r"(QtWidgets|QtGui|QApplication|QWidget|QGuiApplication)", target):
            problems.append(f"{f}:{n}: includes {target}; core and cli stay free of Gui and Widgets")

for p in problems:
    print(p)
print(f"{0 if problems else 1} passed, {1 if problems else 0} failed")
sys.exit(1 if problems else 0)
