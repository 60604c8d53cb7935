"""Plain `jb build .` re-executes a chapter when what it read or imported changed, and only then.

On the book itself: in a copy of the built book with its jupyter cache (the
dependency records travel with it), changing ``data/regional_experience.csv``
(content, not time: the file keeps its old modification time) re-executes
exactly the chapters that read it, no other, and changing a module of
``zhucun/stats`` exactly the chapter that imports it. The
expected chapters are written out here by hand, from reading the chapters, so
the test checks the detection rather than repeating it. That the re-executed
pages follow the new data is checked in tests/e2e/test_data_swap.py.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import copy_built_book


def build(root: Path) -> str:
    jb = Path(sys.executable).parent / "jb"
    result = subprocess.run([str(jb) if jb.exists() else "jb", "build", ".", "-W", "-n", "--keep-going"],
                            cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


# Who reads or imports what, by reading the chapters: 四 lists the cases, 结论
# and the two abstracts count them, 附录 describes every data file; only 三 fits
# the ordinal model.
REGIONAL_READERS = ["04_regional_experience", "06_conclusion", "08_appendix", "abstract_en", "abstract_zh"]
ORDINAL_MODEL_USERS = ["03_predicaments"]
EXECUTED = re.compile(r"\[zhucun\] executing \d+ notebooks in \d+ processes: (.*)")


def executed_chapters(log: str) -> list[str]:
    match = EXECUTED.search(log)
    return sorted(match.group(1).split(", ")) if match else []


@pytest.fixture(scope="module")
def built_copy(built_book, book_root, tmp_path_factory) -> Path:
    """The book with the main build's jupyter cache and dependency records, in another folder."""
    return copy_built_book(book_root, tmp_path_factory.mktemp("book"))


def test_a_changed_data_file_re_executes_only_its_readers(built_copy):
    cases = built_copy / "data" / "regional_experience.csv"
    before = cases.stat()
    # Same table, other bytes (CRLF line ends): the pages stay valid, the digest changes.
    cases.write_bytes(cases.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    os.utime(cases, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `cp -p` leaves it
    assert executed_chapters(build(built_copy)) == REGIONAL_READERS


def test_a_changed_stats_module_re_executes_only_the_chapters_that_import_it(built_copy):
    import zhucun.stats.ordinal_model as module

    source = Path(module.__file__)
    original = source.read_bytes()
    try:
        source.write_bytes(original + b"\n# A comment is a change: the digest of the source decides.\n")
        assert executed_chapters(build(built_copy)) == ORDINAL_MODEL_USERS
    finally:
        source.write_bytes(original)
