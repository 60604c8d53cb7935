"""The reader sees exactly the pinned pages: every chapter page of the build, byte for byte.

``tests/e2e/page_digests.json`` holds the SHA-256 of each chapter page built
from the committed data (``python -m zhucun pin-pages``). A refactoring must
leave every page as it was; a change meant for the reader is pinned anew in
the same commit, which says what changed. Since the pinned digests came from
another clean build (on another machine), this is also the determinism check:
the chart ids, the figure JSON (sorted keys), every random draw (seeded) and
the absence of dates leave nothing in a page that varies between builds.
Sphinx's ``?v=<checksum>`` after static file names is left out of the digest
(see zhucun/book/pinned_outputs.py).
"""

from __future__ import annotations

import json

from zhucun.book.pinned_outputs import PAGE_DIGESTS_FILE, data_digest, page_digests


def test_every_chapter_page_is_the_pinned_page(built_book, book_root):
    pinned = json.loads((book_root / PAGE_DIGESTS_FILE).read_text(encoding="utf-8"))
    assert pinned["data"] == data_digest(book_root), (
        "the pinned pages were built from other data files: build with the data you commit, "
        "then `python -m zhucun pin-pages`")
    built = page_digests(built_book)
    assert sorted(built) == sorted(pinned["pages"]), "the book's chapter pages are not the pinned ones"
    changed = [page for page, digest in built.items() if pinned["pages"][page] != digest]
    assert not changed, (
        f"these pages differ from the pinned ones: {changed}. If the change is meant for the reader, "
        "run `python -m zhucun pin-pages` after `jb build .` and say in the commit what changed; "
        "if not, the change has altered what a reader sees.")
