"""Keep notebooks small and their headline numbers pinned.

Chapters are committed without outputs except the cells marked
``# NBVAL_CHECK_OUTPUT``: small printouts of each chapter's headline numbers,
which nbval (``--nbval-lax``) compares on every test run. After real data
replace the demonstration data, ``python -m zhucun pin-outputs`` re-executes
the chapters and records the new headline numbers; until then nbval fails,
which is the point: nobody publishes numbers that were not looked at.
"""

from __future__ import annotations

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
