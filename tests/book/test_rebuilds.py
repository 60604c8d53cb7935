"""Plain `jb build .` re-executes a chapter when what it read or imported changed, and only then.

On the book itself: in a copy of the built book with its jupyter cache (the
dependency records travel with it), changing ``data/regional_experience.csv``
(content, not time: the file keeps its old modification time) makes exactly the
chapters that read it stale, no other, and changing a module of
``zhucun/stats`` exactly the chapter that imports it. The expected chapters are
written out here by hand, from reading the chapters, so the test checks the
detection rather than repeating it. These two ask the build's own decision
(:meth:`DependencyStore.changes`, what the build consults before executing)
without building; that a build then re-executes exactly the stale chapters, and
that the re-executed pages follow the new data, is checked by the one rebuild of
the test suite, in tests/e2e/test_data_swap.py, which changes the survey (a
private file appears) and this same CSV.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.conftest import copy_built_book
from zhucun.book.dependencies import DependencyStore

# Who reads or imports what, by reading the chapters: 四 lists the cases, 结论
# and the two abstracts count them, 附录 describes every data file; only 三 fits
# the ordinal model.
REGIONAL_READERS = ["04_regional_experience", "06_conclusion", "08_appendix", "abstract_en", "abstract_zh"]
ORDINAL_MODEL_USERS = ["03_predicaments"]
EXECUTED = re.compile(r"\[zhucun\] executing \d+ notebooks in \d+ processes: (.*)")


def executed_chapters(log: str) -> list[str]:
    """The chapters a build's log says it executed."""
    match = EXECUTED.search(log)
    return sorted(match.group(1).split(", ")) if match else []


def stale_chapters(root: Path) -> list[str]:
    """The chapters the next build of *root* would execute: those whose recorded dependencies changed."""
    store = DependencyStore(root / "_build" / ".jupyter_cache", root)
    return sorted(notebook.stem for notebook in (root / "chapters").glob("*.ipynb") if store.changes(notebook))


def crlf_in_place(path: Path) -> None:
    """Same table, other bytes (CRLF line ends), and the old modification time (as `cp -p` leaves it)."""
    before = path.stat()
    path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


@pytest.fixture(scope="module")
def built_copy(built_book, book_root, tmp_path_factory) -> Path:
    """The book with the main build's jupyter cache and dependency records, in another folder."""
    return copy_built_book(book_root, tmp_path_factory.mktemp("book"))


def test_the_copy_is_up_to_date(built_copy):
    """The records do not depend on where the book lives: nothing is stale in an unchanged copy."""
    assert stale_chapters(built_copy) == []


def test_a_changed_data_file_re_executes_only_its_readers(built_copy):
    cases = built_copy / "data" / "regional_experience.csv"
    original = cases.read_bytes()
    crlf_in_place(cases)
    try:
        assert stale_chapters(built_copy) == REGIONAL_READERS
    finally:
        cases.write_bytes(original)


def test_a_changed_stats_module_re_executes_only_the_chapters_that_import_it(built_copy, monkeypatch):
    """The module's source with a comment added, as the digest the build takes of it (the file itself is
    not edited: other tests, on other workers, import and build from it meanwhile)."""
    import zhucun.stats.ordinal_model as module
    from zhucun.book import dependencies

    edited = Path(module.__file__).read_bytes() + b"\n# A comment is a change: the digest of the source decides.\n"
    digest = dependencies.module_digest
    monkeypatch.setattr(dependencies, "module_digest", lambda name: dependencies._sha256(edited)
                        if name == module.__name__ else digest(name))
    assert stale_chapters(built_copy) == ORDINAL_MODEL_USERS
