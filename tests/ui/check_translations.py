#!/usr/bin/python3
"""Every message of the given Qt Linguist catalogues is translated: none unfinished, none vanished or
obsolete (a string the sources no longer use, or use under a name lupdate was not told about), none empty,
and each translation keeps the source's placeholders (%1, %2, ..., %n). Prints each problem; exits 1 when
there is one.

With --lupdate, the catalogues checked are what the project's lupdate makes of today's sources, on copies
(the committed files are not touched): a new string that nobody translated fails too, not only one that
lupdate already put into a committed catalogue.

    check_translations.py [--lupdate LUPDATE --cmake CMAKE --generator GenerateLUpdateProject.cmake
                           --project-input hookline_ui_project.cmake] CATALOGUE.ts...
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

PLACEHOLDER = re.compile(r"%(?:\d+|n)")


def problems(path):
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            where = "%s: %s: %r" % (path, name, source)
            translation = message.find("translation")
            if translation is None:
                yield where + ": no translation"
                continue
            kind = translation.get("type")
            if kind:
                yield where + ": " + kind
                continue
            forms = [f.text or "" for f in translation.findall("numerusform")]
            texts = forms if message.get("numerus") == "yes" else [translation.text or ""]
            wanted = sorted(set(PLACEHOLDER.findall(source)))
            for text in texts:
                if not text.strip():
                    yield where + ": empty translation"
                elif sorted(set(PLACEHOLDER.findall(text))) != wanted:
                    yield where + ": placeholders %s in %r" % (wanted, text)


def updated_copies(args, folder):
    """Runs the project's lupdate (the project file its CMake target uses) into copies in folder."""
    project = os.path.join(folder, "project.json")
    subprocess.run([args.cmake, "-DIN_FILE=" + args.project_input, "-DOUT_FILE=" + project,
                    "-P", args.generator], check=True)
    copies = []
    for path in args.catalogues:
        copy = os.path.join(folder, os.path.basename(path))
        shutil.copyfile(path, copy)
        copies.append(copy)
    subprocess.run([args.lupdate, "-silent", "-project", project, "-ts"] + copies, check=True)
    return copies


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lupdate")
    parser.add_argument("--cmake", default="cmake")
    parser.add_argument("--generator")
    parser.add_argument("--project-input")
    parser.add_argument("catalogues", nargs="+")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        paths = updated_copies(args, folder) if args.lupdate else args.catalogues
        found = [p for path in paths for p in problems(path)]
        for p in found:
            print(p)
        print("%d problem(s) in %s" % (len(found), ", ".join(args.catalogues)))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
