"""What is built from the data folder, kept between runs: the validated knowledge base, the engine's indexes.

A copy is pickled in the cache folder (SROM_CACHE_DIR, else ~/.cache/srom-bot; SROM_CACHE_DIR=off to disable) under a
name that digests everything it is built from: Python's version, the data folder's path and every file's size and
date, the code that builds it, and the libraries whose objects it holds. Any change among them is a new name, so a copy
is never served stale; a copy that cannot be read is built again (and written anew).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from importlib.util import find_spec
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

OFF = ("off", "0", "no", "none")
# copies kept of each kind, the most recently used: enough for the data folders and code versions in use at once
# (worktrees, tests), without a new copy at each change of the code piling up forever
KEEP = 8
# the libraries whose objects a copy holds (pydantic's models, the stemmer's stems, the fuzzy matcher's tables)
LIBRARIES = ("pydantic", "pydantic_core", "yaml", "Stemmer", "rapidfuzz")


def cache_file(kind: str, data_dir: Path, code: Iterable[Path], libraries: Iterable[str] = LIBRARIES) -> Path | None:
    """Where the copy of `kind` built from `data_dir` by the code of `code` (files, or folders of Python files) is
    kept; None when the cache is off, or the files cannot be read."""
    setting = os.environ.get("SROM_CACHE_DIR", "")
    if setting.lower() in OFF:
        return None
    base = Path(setting) if setting else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "srom-bot"
    digest = hashlib.sha256(f"{sys.version}|{data_dir.resolve()}".encode())
    try:
        files = sorted(p for p in data_dir.rglob("*") if p.is_file())
        for item in code:  # a folder: its Python files
            files += sorted(item.rglob("*.py")) if item.is_dir() else [item]
        for name in libraries:
            spec = find_spec(name)
            if spec is not None and spec.origin:
                files.append(Path(spec.origin))
        for p in files:
            st = p.stat()
            digest.update(f"|{p}|{st.st_size}|{st.st_mtime_ns}".encode())
    except OSError:
        return None
    return base / f"{kind}-{digest.hexdigest()[:32]}.pickle"


def cached(path: Path | None, kind: type[T], build: Callable[[], T]) -> T:
    """The copy at `path` if it holds a `kind`, else `build()`, written there for the next run (no path: no cache)."""
    if path is not None:
        found = _read(path)
        if isinstance(found, kind):
            _touch(path)
            return found
    built = build()
    if path is not None:
        _write(path, built)
        _prune(path)
    return built


def _read(path: Path) -> object | None:
    enabled = gc.isenabled()
    gc.disable()  # a copy is tens of thousands of objects, none of them garbage: collecting as they come costs a fifth
    try:
        with path.open("rb") as f:
            return pickle.load(f)
    except Exception:  # a missing, truncated or foreign copy is only a slower start: it is built again
        return None
    finally:
        if enabled:
            gc.enable()


def _write(path: Path, value: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(path)  # whole or not at all, even with several workers starting at once
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        # a read-only home, or an object grown something that does not pickle: no reason to fail, only to build it
        # again at the next start (tests/engine/test_engine_cache.py says when the engine stops pickling)
        pass


def _touch(path: Path) -> None:
    with contextlib.suppress(OSError):  # a read-only folder: the copy is only less likely to be kept
        os.utime(path)  # marks the copy as used: pruning removes the least recently used


def _prune(path: Path) -> None:
    """Remove the copies of the same kind beyond the KEEP most recently used."""
    kind = path.name.rsplit("-", 1)[0]
    try:
        copies = sorted(path.parent.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in copies[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # another process pruning at the same time, or a read-only folder: the next write tries again
