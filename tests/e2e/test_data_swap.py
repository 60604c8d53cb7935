"""Swapping the survey file works end to end, through plain `jb build .`.

A copy of the whole book is rebuilt with other data: every survey number
follows the new file, the 合成演示数据 notice appears on every page reporting
survey results exactly when some row is synthetic, and invalid data stop the
build with a message naming the file and the row.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import copy_built_book
from zhucun.book.dependencies import STORE_FILE

NOTICE = "zhucun-synthetic-notice"


def run(args, cwd) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True)


def jb_build(root: Path) -> subprocess.CompletedProcess:
    jb = Path(sys.executable).parent / "jb"
    return run([str(jb) if jb.exists() else "jb", "build", ".", "-W", "-n", "--keep-going"], root)


def make_survey(root: Path, n: int, seed: int, synthetic: bool) -> None:
    target = root / "data" / "survey_responses.csv"
    command = [sys.executable, "-m", "zhucun", "demo-data", "--n", str(n), "--seed", str(seed), "-o", str(target)]
    result = run(command, root)
    assert result.returncode == 0, result.stderr
    if not synthetic:  # as real data arrive: no synthetic column at all
        frame = pd.read_csv(target, dtype=str, keep_default_na=False)
        frame.drop(columns="synthetic").to_csv(target, index=False, lineterminator="\n")


def survey_pages(root: Path) -> list[Path]:
    """Built pages of the chapters that read the survey file, as their executions recorded it."""
    records = json.loads((root / "_build" / ".jupyter_cache" / STORE_FILE).read_text(encoding="utf-8"))
    return [root / "_build" / "html" / Path(notebook).with_suffix(".html")
            for notebook, used in sorted(records.items()) if "data/survey_responses.csv" in used["files"]]


def landing_count(root: Path) -> str:
    text = re.sub(r"<[^>]+>", "", (root / "_build" / "html" / "chapters" / "index.html").read_text(encoding="utf-8"))
    return re.search(r"当前数据文件共有\s*(\S+)\s*份答卷", text).group(1)


@pytest.fixture(scope="module")
def book_copy(tmp_path_factory, book_root, built_book) -> Path:
    return copy_built_book(book_root, tmp_path_factory.mktemp("book"))


def test_real_data_without_synthetic_column_removes_every_notice(book_copy):
    make_survey(book_copy, n=203, seed=11, synthetic=False)
    result = jb_build(book_copy)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    pages = survey_pages(book_copy)
    assert len(pages) >= 7
    with_notice = [p.name for p in pages if NOTICE in p.read_text(encoding="utf-8")]
    assert not with_notice
    assert landing_count(book_copy) == "203"


def test_synthetic_rows_bring_the_notice_to_every_survey_page(book_copy):
    make_survey(book_copy, n=97, seed=12, synthetic=True)
    result = jb_build(book_copy)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    without = [p.name for p in survey_pages(book_copy) if "合成演示数据" not in p.read_text(encoding="utf-8")]
    assert not without
    assert landing_count(book_copy) == "97"


def test_invalid_data_stop_the_build_naming_file_and_row(book_copy):
    target = book_copy / "data" / "survey_responses.csv"
    frame = pd.read_csv(target, dtype=str, keep_default_na=False)
    frame.loc[4, "role"] = "village_head"  # not a code of the codebook; line 6 of the file
    frame.to_csv(target, index=False, lineterminator="\n")
    result = jb_build(book_copy)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "survey_responses.csv" in output and "role" in output and "village_head" in output and "6" in output
