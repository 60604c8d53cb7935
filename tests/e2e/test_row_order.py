"""The book does not depend on the order of the rows of any data file.

A copy of the book has the rows of every CSV under data/ shuffled (the same rows, header first); every
chapter's analysis (its texts, tables, chart data and check values: everything its page shows, see
tests/e2e/analysed_book.py) must equal that of an unshuffled copy. The one exception is the appendix's
table of file digests: a SHA-256 is taken of the file's bytes, which a shuffle changes by definition, so
digests are masked before the comparison (and checked to differ, so the mask is not hiding everything).
That the pages are exactly what the analyses give, and that they do not vary between builds, is checked
by the page snapshots (tests/e2e/test_pages_unchanged.py).
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

import pandas as pd

from tests.e2e.analysed_book import analyse_all, copy_book, values

SEED = 20240601
DIGEST = re.compile(r"\b[0-9a-f]{16}(?:[0-9a-f]{48})?\b")


def shuffle_rows(path: Path, seed: int) -> None:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    frame.sample(frac=1, random_state=seed).to_csv(path, index=False, lineterminator="\n", encoding="utf-8")


def analysis_of(book: Path) -> dict[str, list[tuple[str, str]]]:
    here = Path.cwd()
    os.chdir(book)
    try:
        return {stem: values(result) for stem, result in analyse_all().items()}
    finally:
        os.chdir(here)


def test_shuffled_rows_give_the_same_analyses(tmp_path, book_root):
    original = analysis_of(copy_book(book_root, tmp_path / "original"))
    shuffled_book = copy_book(book_root, tmp_path / "shuffled")
    files = sorted((shuffled_book / "data").glob("*.csv"))
    assert len(files) >= 8
    for number, path in enumerate(files):
        before = path.read_bytes()
        shuffle_rows(path, SEED + number)
        assert path.read_bytes() != before, f"{path.name}: the shuffle left the file as it was"
    shuffled = analysis_of(shuffled_book)
    different, digests_differ = [], False
    for stem in original:
        before = "\n".join(f"{where}: {text}" for where, text in original[stem])
        after = "\n".join(f"{where}: {text}" for where, text in shuffled[stem])
        if stem == "08_appendix":
            digests_differ = DIGEST.findall(before) != DIGEST.findall(after)
            before, after = DIGEST.sub("#", before), DIGEST.sub("#", after)
        if before != after:
            different.append("\n".join(difflib.unified_diff(
                before.splitlines(), after.splitlines(), f"{stem} (file order)", f"{stem} (shuffled)",
                lineterm="", n=1)))
    assert not different, "analyses that depend on the rows' order:\n" + "\n".join(d[:3000] for d in different)
    assert digests_differ
