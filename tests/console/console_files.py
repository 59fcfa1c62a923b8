"""What the console-level tests share: reading the JSON-lines files the console writes as it runs (the
--trace file, the frame probe), of which the last line may be cut short, and a private home for one run."""
import json
import os


def json_lines(path):
    """The complete lines of a JSON-lines file as objects; a line still being written, or missing, is skipped."""
    rows = []
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.endswith("\n"):
                    try:
                        rows.append(json.loads(line))
                    except json.JSONDecodeError:
                        pass
    except FileNotFoundError:
        pass
    return rows


def private_home(home, env):
    """Points HOME and the XDG data, config and cache folders of `env` into `home`, creating them."""
    for key, sub in (("HOME", ""), ("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                     ("XDG_CACHE_HOME", "cache")):
        os.makedirs(os.path.join(home, sub), exist_ok=True)
        env[key] = os.path.join(home, sub)
    return env
