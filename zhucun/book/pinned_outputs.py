"""Keep notebooks small and their headline numbers pinned, and pin the pages a reader sees.

Chapters are committed without outputs except the cells marked
``# NBVAL_CHECK_OUTPUT``: small printouts of each chapter's headline numbers,
which nbval (``--nbval-lax``) compares on every test run. After real data
replace the demonstration data, ``python -m zhucun pin-outputs`` re-executes
the chapters and records the new headline numbers; until then nbval fails,
which is the point: nobody publishes numbers that were not looked at.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

PIN_MARK = "# NBVAL_CHECK_OUTPUT"


def is_pinned(cell) -> bool:
    return cell.cell_type == "code" and PIN_MARK in cell.source


def strip_unpinned(nb) -> None:
    """Drop every output except those of pinned cells, and the other cells' execution counts.

    Pinned cells keep their execution count: nbval treats a cell with outputs
    but no count as an error ("unrun reference cell has outputs").
    """
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        cell.metadata.pop("execution", None)
        if not is_pinned(cell):
            cell.outputs = []
            cell.execution_count = None


def pin_outputs(path: Path, timeout: int = 600) -> int:
    """Execute *path* in its own folder, keep only pinned outputs; returns the number of pinned cells."""
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=timeout, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    strip_unpinned(nb)
    nbformat.write(nb, path)
    return sum(is_pinned(c) for c in nb.cells)


def main(paths: list[str]) -> int:
    """CLI: ``python -m zhucun pin-outputs [NOTEBOOK ...]`` (default: every chapter)."""
    from zhucun.paths import book_root

    notebooks = [Path(p) for p in paths] or sorted((book_root() / "chapters").glob("*.ipynb"))
    for notebook in notebooks:
        n = pin_outputs(notebook.resolve())
        print(f"{notebook}: {n} 个固定输出单元 / pinned cells")
    return 0


# -- the pages themselves ------------------------------------------------
# A restructuring of the code must not change what a reader sees. The SHA-256
# of every chapter page, built from the committed data, is pinned in
# PAGE_DIGESTS_FILE; the test suite compares each build with it. Sphinx's
# ?v=<checksum> after static file names is left out: a clean build writes it
# for some files and an incremental one for others, and the files themselves
# are in the repository.
PAGE_DIGESTS_FILE = Path("tests") / "e2e" / "page_digests.json"
_CACHE_BUSTER = re.compile(rb"\?v=[0-9a-f]+")


def page_digest(page: Path) -> str:
    return hashlib.sha256(_CACHE_BUSTER.sub(b"", page.read_bytes())).hexdigest()


def page_digests(html_dir: Path) -> dict[str, str]:
    """{page path relative to the built book: digest} for every chapter page."""
    return {page.relative_to(html_dir).as_posix(): page_digest(page)
            for page in sorted((html_dir / "chapters").glob("*.html"))}


def data_digest(root: Path) -> str:
    """What the pinned pages were built from: every file of data/, by name and content."""
    digest = hashlib.sha256()
    for path in sorted(p for p in (root / "data").rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def pin_pages_main(argv: list[str]) -> int:
    """CLI: ``python -m zhucun pin-pages``: pin the digests of the pages in ``_build/html``.

    Run it after ``jb build .`` with the committed data, when a change of the
    pages is intended; say in the commit what changed for the reader.
    """
    from zhucun.paths import book_root

    root = book_root()
    digests = page_digests(root / "_build" / "html")
    if not digests:
        print("zhucun pin-pages: _build/html/chapters has no pages; run `jb build .` first", file=sys.stderr)
        return 1
    record = {"data": data_digest(root), "pages": digests}
    (root / PAGE_DIGESTS_FILE).write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{PAGE_DIGESTS_FILE}: {len(digests)} 个页面 / pages pinned")
    return 0
