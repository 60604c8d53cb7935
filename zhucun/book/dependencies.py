"""Rebuilds follow what changed: each chapter's dependencies, detected while it executes.

jupyter-cache keys a notebook's outputs on its code alone, but a chapter also
depends on the files of ``data/`` it reads and on the zhucun modules it
imports, directly or through other modules. Both are detected, not declared:
while the build executes a chapter (:mod:`zhucun.book.parallel_execution`), an
import finder and an audit hook in the chapter's kernel, installed by
``zhucun/__init__.py`` when the environment variable ``ZHUCUN_DEPENDENCY_LOG``
names a log file, write to that log every zhucun module imported (the book machinery aside) and every
file of ``data/`` opened or listed. After the run the build keeps, per notebook, the SHA-256 of each of
them in ``<jupyter cache>/zhucun-dependencies.json``. At the next build a
notebook whose recorded files changed, or that has no record, loses its cached
outputs and runs again; every other notebook is served from the cache. So
changing ``data/regional_experience.csv`` re-executes the chapters that opened
it and no other, and editing a module of ``zhucun/stats`` re-executes the
chapters that imported it.

Digests, not modification times, decide: a file copied with its old time
still counts as changed, and touching a file without changing it does not.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

LOG_VARIABLE = "ZHUCUN_DEPENDENCY_LOG"
STORE_FILE = "zhucun-dependencies.json"
PACKAGE = "zhucun"


class _ImportRecorder:
    """A finder that finds nothing: it only notes each zhucun module the kernel imports.

    Placed first on ``sys.meta_path``, it is asked about every module not yet
    imported, including those imported inside functions on first use.
    """

    def __init__(self, log):
        self.log = log

    def find_spec(self, name, path=None, target=None):
        if recorded(name):
            self.log.write(f"module {name}\n")
        return None


def recorded(name: str) -> bool:
    """A zhucun module a chapter's output can depend on: any but the book machinery.

    ``zhucun.book`` is loaded in every kernel only to run this recorder, and
    nothing in it computes a chapter's numbers or words; counting it would
    re-execute every chapter whenever the machinery changes.
    """
    return (name == PACKAGE or name.startswith(PACKAGE + ".")) and not name.startswith(f"{PACKAGE}.book")


def install_recorder(log_path: str | os.PathLike, data_folder: str | os.PathLike) -> None:
    """In a chapter's kernel: log every zhucun module imported and every file of *data_folder* read.

    Modules are noted by a finder on ``sys.meta_path`` (plus those imported
    before it was installed); files by an audit hook on ``open``,
    ``os.listdir`` and ``os.scandir``. The log is opened before the hook is
    added, so writing to it raises no audit event of its own. Lines are
    ``module <name>``, ``file <path>`` and ``listing <path>``, with paths
    relative to the book root (the parent of *data_folder*).
    """
    data = os.path.abspath(data_folder)
    root = os.path.dirname(data)
    log = open(log_path, "a", encoding="utf-8", buffering=1)  # noqa: SIM115 - open for the kernel's life
    for name in sorted(sys.modules):
        if recorded(name):
            log.write(f"module {name}\n")
    sys.meta_path.insert(0, _ImportRecorder(log))

    def relative(path) -> str | None:
        if isinstance(path, int) or path is None:
            return None
        text = os.path.abspath(os.fsdecode(path))
        if text == data or text.startswith(data + os.sep):
            return os.path.relpath(text, root).replace(os.sep, "/")
        return None

    def hook(event: str, args: tuple) -> None:
        if event == "open":
            path = relative(args[0])
            if path is not None:
                log.write(f"file {path}\n")
        elif event in ("os.listdir", "os.scandir"):
            path = relative(args[0] if args else None)
            if path is not None:
                log.write(f"listing {path}\n")

    sys.addaudithook(hook)


@dataclass
class Dependencies:
    """What one execution of a chapter used: module names and book-relative paths."""

    modules: set[str] = field(default_factory=set)
    files: set[str] = field(default_factory=set)
    listings: set[str] = field(default_factory=set)


def read_log(log_path: Path) -> Dependencies:
    found = Dependencies()
    kinds = {"module": found.modules, "file": found.files, "listing": found.listings}
    if log_path.is_file():
        for line in log_path.read_text(encoding="utf-8").splitlines():
            kind, _, value = line.partition(" ")
            if kind in kinds and value:
                kinds[kind].add(value)
    return found


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def module_digest(name: str) -> str:
    """SHA-256 of a module's source as this process would import it; 'missing' if it is gone."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        spec = None
    origin = getattr(spec, "origin", None)
    if not origin or not os.path.isfile(origin):
        return "missing"
    return _sha256(Path(origin).read_bytes())


def file_digest(root: Path, relative: str) -> str:
    path = root / relative
    return _sha256(path.read_bytes()) if path.is_file() else "missing"


def listing_digest(root: Path, relative: str) -> str:
    """The names in a folder (its contents are other dependencies): a new or removed file counts."""
    path = root / relative
    if not path.is_dir():
        return "missing"
    return _sha256("\n".join(sorted(os.listdir(path))).encode())


KINDS = ("modules", "files", "listings")


class DependencyStore:
    """The stored fingerprints of every notebook, keyed by its path relative to the book root.

    A fingerprint holds, for each kind of dependency, the digest of each module
    name or book-relative path. Current digests are computed once per store:
    the survey file or the codebook module, which most chapters share, is read
    once per build, not once per chapter.
    """

    def __init__(self, cache_path: Path, root: Path):
        self.path = Path(cache_path) / STORE_FILE
        self.root = Path(root)
        try:
            self.records = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.records = {}
        self._current: dict[tuple[str, str], str] = {}

    def key(self, notebook: Path) -> str:
        return Path(os.path.relpath(notebook, self.root)).as_posix()

    def current(self, kind: str, name: str) -> str:
        """The digest of the module or path *name* of *kind* as it is now."""
        if (kind, name) not in self._current:
            self._current[kind, name] = (module_digest(name) if kind == "modules"
                                         else file_digest(self.root, name) if kind == "files"
                                         else listing_digest(self.root, name))
        return self._current[kind, name]

    def changes(self, notebook: Path) -> list[str]:
        """What differs from the notebook's stored fingerprint: module names and paths; ['no record'] without one."""
        stored = self.records.get(self.key(notebook))
        if not stored:
            return ["no record"]
        return [name for kind in KINDS for name, digest in sorted(stored.get(kind, {}).items())
                if self.current(kind, name) != digest]

    def record(self, notebook: Path, found: Dependencies) -> None:
        self.records[self.key(notebook)] = {
            kind: {name: self.current(kind, name) for name in sorted(getattr(found, kind))} for kind in KINDS}

    def forget(self, notebook: Path) -> None:
        self.records.pop(self.key(notebook), None)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(self.records, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                             encoding="utf-8")
