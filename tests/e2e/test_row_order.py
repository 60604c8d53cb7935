"""The built book does not depend on the order of the rows of any data file.

A copy of the book has the rows of every CSV under data/ shuffled (the same rows, header first) and is
rebuilt with `jb build .`; every page must be byte-identical to the main build's. The one exception is
the appendix's table of file digests: a SHA-256 is taken of the file's bytes, which a shuffle changes by
definition, so those cells are masked before the comparison (and checked to differ, so the mask is not
hiding the whole page).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd

from tests.conftest import copy_built_book
from tests.e2e.test_browser import book_pages
from tests.e2e.test_data_swap import build_ok

SEED = 20240601
DIGEST = re.compile(r"\b[0-9a-f]{16}(?:[0-9a-f]{48})?\b")
# Sphinx adds ?v=<checksum> to the theme's assets on incremental builds only (a developer's _build, never a
# clean one): not a matter of the data.
ASSET_VERSION = re.compile(r"\?v=[0-9a-f]+")


def shuffle_rows(path: Path, seed: int) -> None:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    frame.sample(frac=1, random_state=seed).to_csv(path, index=False, lineterminator="\n", encoding="utf-8")


def test_shuffled_rows_give_the_same_pages(tmp_path, book_root, built_book):
    copy = copy_built_book(book_root, tmp_path / "book")
    shutil.rmtree(copy / "data" / "private", ignore_errors=True)
    files = sorted((copy / "data").glob("*.csv"))
    assert len(files) >= 8
    for number, path in enumerate(files):
        before = path.read_bytes()
        shuffle_rows(path, SEED + number)
        assert path.read_bytes() != before, f"{path.name}: the shuffle left the file as it was"
    build_ok(copy)
    different, digests_differ = [], False
    for rel in book_pages(built_book):
        original = ASSET_VERSION.sub("", (built_book / rel).read_text(encoding="utf-8"))
        rebuilt = ASSET_VERSION.sub("", (copy / "_build" / "html" / rel).read_text(encoding="utf-8"))
        if rel == "chapters/08_appendix.html":
            digests_differ = DIGEST.findall(original) != DIGEST.findall(rebuilt)
            original, rebuilt = DIGEST.sub("#", original), DIGEST.sub("#", rebuilt)
        if original != rebuilt:
            different.append(rel)
    assert not different, f"pages that depend on the rows' order: {different}"
    assert digests_differ
