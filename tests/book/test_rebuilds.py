"""Plain `jb build .` re-executes notebooks when data/ changes, and only then.

A two-page book in a temporary folder, built with the book's own config and
extension: the glued number must follow the data file; an unchanged rebuild
must not execute anything.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

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
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    nb.cells = [nbformat.v4.new_markdown_cell("# 计数\n\n共 {glue}`n_rows` 行。"), nbformat.v4.new_code_cell(NOTEBOOK_CODE)]
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
    log = build(tmp_path)
    assert "Executing" in log and glued_count(tmp_path) == "3"

    log = build(tmp_path)  # nothing changed: no execution at all
    assert "Executing" not in log, log

    (tmp_path / "data" / "numbers.csv").write_text("x\n1\n2\n3\n4\n5\n", encoding="utf-8")
    log = build(tmp_path)
    assert "Executing" in log, log
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
