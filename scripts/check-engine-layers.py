#!/usr/bin/python3
"""Fails when a file of engine/ includes a folder of a higher layer (docs/architecture.md, "Layers").

Usage: check-engine-layers.py ENGINE_DIR      check the tree, list every wrong-way include, exit 1 if any
       check-engine-layers.py --self-test     check that a wrong-way include in a scratch tree is caught
"""
import pathlib
import re
import sys
import tempfile

# Bottom to top. A folder may include its own files and those of lower layers only; folders of one
# layer do not include each other.
LAYERS = {
    "core": 0,
    "providers": 1,
    "settings": 1,
    "lines": 2,
    "session": 3,
    "agent": 4,
    "log": 4,
    "trace": 4,
    "audio": 5,
    "devices": 6,
    "floor": 7,
}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z]+)/', re.MULTILINE)


def violations(engine_dir):
    found = []
    root = pathlib.Path(engine_dir)
    for path in sorted(root.rglob("*")):
        if path.suffix not in (".h", ".cpp") or not path.is_file():
            continue
        folder = path.relative_to(root).parts[0]
        if folder not in LAYERS:
            found.append(f"{path}: folder '{folder}' has no layer (add it to LAYERS and docs/architecture.md)")
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in INCLUDE.finditer(text):
            target = match.group(1)
            if target not in LAYERS or target == folder:
                continue
            if LAYERS[target] >= LAYERS[folder]:
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{path}:{line}: {folder}/ (layer {LAYERS[folder]}) includes {target}/ "
                             f"(layer {LAYERS[target]})")
    return found


def self_test():
    with tempfile.TemporaryDirectory() as scratch:
        root = pathlib.Path(scratch)
        (root / "lines").mkdir()
        (root / "session").mkdir()
        (root / "session" / "CallEngine.h").write_text('#include "lines/Line.h"\n')
        (root / "lines" / "Line.cpp").write_text('#include "lines/Line.h"\n#include "session/CallEngine.h"\n')
        found = violations(root)
        if len(found) != 1 or "Line.cpp:2: lines/ (layer 2) includes session/ (layer 3)" not in found[0]:
            print("self-test: the wrong-way include was not reported as expected:", found)
            return 1
    print("self-test: a wrong-way include is reported")
    return 0


def main():
    if sys.argv[1:] == ["--self-test"]:
        return self_test()
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    found = violations(sys.argv[1])
    for line in found:
        print(line)
    if found:
        print(f"{len(found)} include(s) run the wrong way")
        return 1
    print("engine layers: every include runs downwards")
    return 0


if __name__ == "__main__":
    sys.exit(main())
