#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# The translations are current and complete: runs lupdate over src/ and ui/ into a copy of each
# translations/*.ts (as the update_translations target does) and fails on a message that is
# missing or unfinished there, a translation whose placeholders (%1, %n) or access key (&) differ
# from its source, a translated key sequence, and a tr() whose context lupdate cannot tell (its
# text would never be looked up under the context it is stored in).
#
#   check-translations.py --lupdate /usr/lib/qt6/bin/lupdate SOURCE_DIR translations/*.ts
import argparse
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

PLACEHOLDER = re.compile(r"%L?(?:\d{1,2}|n)")
ACCESS_KEY = re.compile(r"&(?!&)(?=\S)")
# A shortcut in a form ("Ctrl+Shift+F", "Del") is parsed by QKeySequence, never shown as written.
KEY_SEQUENCE = re.compile(r"^((Ctrl|Shift|Alt|Meta)\+)*([A-Z0-9,.]|F\d{1,2}|Del|Esc|Return)$")
LUPDATE_WARNING = re.compile(r"cannot be called without context|lacks Q_OBJECT macro")


def run_lupdate(lupdate, source_dir, ts, plural_only):
    args = [lupdate, "-no-obsolete", "-locations", "none", "-extensions", "cpp,h,ui", "src", "ui"]
    if plural_only:
        args.append("-pluralonly")
    done = subprocess.run(args + ["-ts", str(ts)], cwd=source_dir, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"lupdate failed:\n{done.stdout}{done.stderr}")
    return [line for line in (done.stdout + done.stderr).splitlines() if LUPDATE_WARNING.search(line)]


def texts_of(translation):
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


def problems_of(message, context, name, source_language):
    source = message.findtext("source") or ""
    where = f"{name}: [{context}] {source!r}"
    translation = message.find("translation")
    if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return [f"{where}: not translated"]
    texts = texts_of(translation)
    if any(not t for t in texts):
        return [f"{where}: a plural form is empty"]
    if source_language:
        return []
    if KEY_SEQUENCE.match(source) and texts != [source]:
        return [f"{where}: a key sequence, which must stay {source!r}"]
    problems = []
    wanted = sorted(set(PLACEHOLDER.findall(source)))
    for text in texts:
        found = sorted(set(PLACEHOLDER.findall(text)))
        # A plural form may drop %n ("une capture"), never another placeholder.
        if [p for p in found if p != "%n"] != [p for p in wanted if p != "%n"]:
            problems.append(f"{where}: placeholders {found} in {text!r}, source has {wanted}")
        if len(ACCESS_KEY.findall(text)) != len(ACCESS_KEY.findall(source)):
            problems.append(f"{where}: access keys differ in {text!r}")
    return problems


def check(lupdate, source_dir, ts):
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        copy = pathlib.Path(tmp) / ts.name
        shutil.copy(ts, copy)
        source_language = ts.stem.endswith("_en")
        problems += run_lupdate(lupdate, source_dir, copy, source_language)
        root = ET.parse(copy).getroot()
    for context in root.iter("context"):
        cname = context.findtext("name")
        for message in context.iter("message"):
            problems += problems_of(message, cname, ts.name, source_language)
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lupdate", required=True)
    parser.add_argument("source_dir", type=pathlib.Path)
    parser.add_argument("ts_files", type=pathlib.Path, nargs="+")
    args = parser.parse_args()
    problems = []
    for ts in args.ts_files:
        problems += check(args.lupdate, args.source_dir, ts)
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s): run `cmake --build <dir> --target update_translations`, "
              "then translate what it marks unfinished (Qt Linguist, or by hand in the .ts file).")
    print(f"{0 if problems else 1} passed, {1 if problems else 0} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
