"""Plain `jb build .` re-executes a chapter when what it read or imported changed, and only then.

Two levels. A two-page book in a temporary folder, built with the book's own
config and extension: the glued number follows its data file, and an
unchanged rebuild executes nothing. And the book itself: a copy of the built
book with its jupyter cache (the dependency records travel with it), where
changing ``data/regional_experience.csv`` re-executes exactly the chapters
that read it and changing a module of ``zhucun/stats`` exactly the chapter
that imports it. The expected chapters are written out here by hand, from
reading the chapters, so the test checks the detection rather than repeating it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

NOTEBOOK_CODE = """\
import pandas as pd
from zhucun.prose.glue import glue_count
from zhucun.paths import data_path
glue_count("n_rows", len(pd.read_csv(data_path("numbers.csv"))))
"""


def make_book(root: Path, book_root: Path) -> None:
    shutil.copy(book_root / "_config.yml", root / "_config.yml")
    (root / "_toc.yml").write_text("format: jb-book\nroot: index\nchapters:\n  - file: count\n", encoding="utf-8")
    (root / "data").mkdir()
    shutil.copy(book_root / "data" / "references.bib", root / "data" / "references.bib")
    (root / "data" / "numbers.csv").write_text("x\n1\n2\n3\n", encoding="utf-8")
    (root / "index.md").write_text("# 首页\n", encoding="utf-8")
    kernel = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": kernel})
    nb.cells = [nbformat.v4.new_markdown_cell("# 计数\n\n共 {glue}`n_rows` 行。"),
                nbformat.v4.new_code_cell(NOTEBOOK_CODE)]
    nbformat.write(nb, root / "count.ipynb")


def build(root: Path) -> str:
    jb = Path(sys.executable).parent / "jb"
    result = subprocess.run([str(jb) if jb.exists() else "jb", "build", ".", "-W", "-n", "--keep-going"],
                            cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


def glued_count(root: Path) -> str:
    """The number glued into the sentence 共 N 行 of the built page."""
    html = (root / "_build" / "html" / "count.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", html)
    return re.search(r"共\s*(\d+)\s*行", text).group(1)


def test_data_change_reexecutes_and_unchanged_rebuild_uses_cache(tmp_path, book_root):
    make_book(tmp_path, book_root)
    assert executed_chapters(build(tmp_path)) == ["count"] and glued_count(tmp_path) == "3"

    log = build(tmp_path)  # nothing changed: no execution at all
    assert executed_chapters(log) == [] and "Executing" not in log, log

    (tmp_path / "data" / "numbers.csv").write_text("x\n1\n2\n3\n4\n5\n", encoding="utf-8")
    assert executed_chapters(build(tmp_path)) == ["count"]
    assert glued_count(tmp_path) == "5"


def test_data_change_with_old_timestamp_is_still_seen(tmp_path, book_root):
    """Content, not modification time, decides (a file copied with cp -p keeps its old mtime)."""
    make_book(tmp_path, book_root)
    build(tmp_path)
    numbers = tmp_path / "data" / "numbers.csv"
    stat = numbers.stat()
    numbers.write_text("x\n9\n", encoding="utf-8")
    os.utime(numbers, (stat.st_atime, stat.st_mtime))
    build(tmp_path)
    assert glued_count(tmp_path) == "1"


# Who reads or imports what, by reading the chapters: 四 lists the cases, 结论
# counts them, 附录 describes every data file; only 三 fits the ordinal model.
REGIONAL_READERS = ["04_regional_experience", "06_conclusion", "08_appendix"]
ORDINAL_MODEL_USERS = ["03_predicaments"]
EXECUTED = re.compile(r"\[zhucun\] executing \d+ notebooks in \d+ processes: (.*)")


def executed_chapters(log: str) -> list[str]:
    match = EXECUTED.search(log)
    return sorted(match.group(1).split(", ")) if match else []


@pytest.fixture(scope="module")
def built_copy(built_book, book_root, tmp_path_factory) -> Path:
    """The book with the main build's jupyter cache and dependency records, in another folder."""
    root = tmp_path_factory.mktemp("book")
    for name in ("_config.yml", "_toc.yml"):
        shutil.copy(book_root / name, root / name)
    for folder in ("chapters", "data"):
        shutil.copytree(book_root / folder, root / folder)
    shutil.copytree(book_root / "_build" / ".jupyter_cache", root / "_build" / ".jupyter_cache")
    return root


def test_the_copied_book_rebuilds_from_its_cache(built_copy):
    """Nothing changed: the records match wherever the book lives, so no chapter runs."""
    assert executed_chapters(build(built_copy)) == []


def test_a_changed_data_file_re_executes_only_its_readers(built_copy):
    cases = built_copy / "data" / "regional_experience.csv"
    # Same table, other bytes (CRLF line ends): the pages stay valid, the digest changes.
    cases.write_bytes(cases.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
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
