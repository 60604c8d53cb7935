"""Execute the book's outdated notebooks side by side before Sphinx reads them.

MyST-NB runs each notebook when Sphinx reads it, one after another, and
``jb build`` offers no parallel read. Almost all of a clean build is notebook
execution (a kernel per chapter, mostly waiting on its own process), so on a
machine with two cores half of it is idle. Before reading, the notebooks that
have no jupyter-cache record are executed here in a pool of processes, the
same way MyST-NB would execute them (``single_nb_execution`` in the
notebook's folder, the configured timeout, no errors allowed), and stored in
the cache. MyST-NB then finds each one cached and only renders it. Every
execution here also records what the chapter read and imported
(:mod:`zhucun.book.dependencies`), which decides when it must run again.

A notebook that fails here is left uncached: MyST-NB runs it again and
reports the failing cell as it always does, so an error still fails the
build with the cell and the traceback shown.
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

import nbformat

from zhucun.book.dependencies import LOG_VARIABLE, Dependencies, DependencyStore, read_log


def _execute(path: str, timeout: int | None, stop: str) -> tuple[str, str | None, float, str | None, Dependencies]:
    """Run one notebook in a worker process, unless the file *stop* says an earlier one failed.

    Returns (path, executed JSON or None, seconds, error, what the kernel read and imported);
    a notebook not run has neither JSON nor error.
    """
    from jupyter_cache.executors.utils import single_nb_execution

    if Path(stop).exists():
        return path, None, 0.0, None, Dependencies()  # not run: another chapter failed first

    notebook = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "dependencies.log"
        # The kernel inherits this process's environment.
        os.environ[LOG_VARIABLE] = str(log)
        try:
            result = single_nb_execution(notebook, cwd=str(Path(path).parent), timeout=timeout,
                                         allow_errors=False, meta_override=True)
        finally:
            del os.environ[LOG_VARIABLE]
        found = read_log(log)
    if result.err is not None:
        return path, None, result.time, f"{result.err.__class__.__name__}", found
    return path, nbformat.writes(notebook), result.time, None, found


def cache_record(cache, path: Path):
    """The jupyter *cache*'s record of the notebook at *path* as MyST-NB reads it, or None."""
    try:
        return cache.match_cache_notebook(nbformat.read(path, as_version=4))
    except KeyError:
        return None


def uncached_notebooks(cache, notebooks: list[Path]) -> list[Path]:
    """The notebooks of *notebooks* that have no record in the jupyter *cache*."""
    return [path for path in notebooks if cache_record(cache, path) is None]


def workers_for(count: int) -> int:
    """One process per core, never more than there are notebooks."""
    return max(1, min(count, os.cpu_count() or 1))


def execute_into_cache(cache_path: Path, notebooks: list[Path], timeout: int | None, log,
                       store: DependencyStore | None = None) -> dict[Path, Dependencies]:
    """Execute the uncached *notebooks* in parallel and cache them.

    Returns, for each notebook that ran without error, what it read and imported.
    With a *store*, each of them is recorded there, and every uncached notebook
    that did not run loses its record: MyST-NB runs it again and reports the
    error, and without a record it runs again at the next build too.
    """
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    cache = get_cache(str(cache_path))
    todo = uncached_notebooks(cache, notebooks)
    if not todo:
        return {}
    workers = workers_for(len(todo))
    log(f"[zhucun] executing {len(todo)} notebooks in {workers} processes: "
        + ", ".join(sorted(p.stem for p in todo)))
    # spawn, not fork: the Sphinx process holds threads and open databases.
    context = multiprocessing.get_context("spawn")
    results = []
    with tempfile.TemporaryDirectory() as folder, \
            ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        # The build stops at the first failing chapter (nb_execution_raise_on_error), so
        # after a failure the chapters not yet started are not run here for nothing.
        stop = Path(folder) / "a chapter failed"
        # Longest first (chapter 三), so the pool does not end waiting on it.
        ordered = sorted(todo, key=lambda p: p.stat().st_size, reverse=True)
        for future in as_completed([pool.submit(_execute, str(p), timeout, str(stop)) for p in ordered]):
            results.append(future.result())
            if results[-1][1] is None:
                stop.touch()
    executed = {}
    for path, text, seconds, error, found in sorted(results, key=lambda result: result[0]):
        if text is None:
            if error:
                log(f"[zhucun] {path} failed ({error}); MyST-NB will run it again and report the error")
            if store is not None:
                store.forget(Path(path))
            continue
        record = cache.add_nb_to_project(path)
        cache.cache_notebook_bundle(
            CacheBundleIn(nbformat.reads(text, as_version=4), record.uri,
                          data={"execution_seconds": seconds}),
            check_validity=False, overwrite=True)
        executed[Path(path)] = found
        if store is not None:
            store.record(Path(path), found)
    return executed
