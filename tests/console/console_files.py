"""What the console-level tests share: reading the JSON-lines files the console writes as it runs (the
--trace file, the frame probe), of which the last line may be cut short, a private home for one run, and
reading a recording with libsndfile."""
import ctypes
import ctypes.util
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


class _SfInfo(ctypes.Structure):
    _fields_ = [("frames", ctypes.c_int64), ("samplerate", ctypes.c_int), ("channels", ctypes.c_int),
                ("format", ctypes.c_int), ("sections", ctypes.c_int), ("seekable", ctypes.c_int)]


_sndfile = None


def sndfile_frames(path):
    """The audio frames libsndfile (the console's own reader, through ctypes) decodes from `path` to its end,
    or None when it cannot open the file."""
    global _sndfile
    if _sndfile is None:
        _sndfile = ctypes.CDLL(ctypes.util.find_library("sndfile") or "libsndfile.so.1")
        _sndfile.sf_open.restype = ctypes.c_void_p
        _sndfile.sf_open.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.POINTER(_SfInfo)]
        _sndfile.sf_readf_short.restype = ctypes.c_int64
        _sndfile.sf_readf_short.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int64]
        _sndfile.sf_close.argtypes = [ctypes.c_void_p]
    info = _SfInfo()
    handle = _sndfile.sf_open(os.fsencode(path), 0x10, ctypes.byref(info))  # SFM_READ
    if not handle:
        return None
    chunk = (ctypes.c_short * (4096 * max(info.channels, 1)))()
    frames = 0
    while True:
        got = _sndfile.sf_readf_short(handle, chunk, 4096)
        if got <= 0:
            break
        frames += got
    _sndfile.sf_close(handle)
    return frames
