"""Chapters 绪论, 一 and 二 are full chapters: a minimum of Chinese prose in their markdown cells.

Counted: CJK characters of the markdown cells, leaving out fenced directive
blocks (figures, diagrams: their content is code or captions, not prose) and
directive option lines (``:name: …``).
"""

from __future__ import annotations

import re

import nbformat
import pytest

MINIMUM_CJK = {
    "00_introduction.ipynb": 3000,
    "01_concepts_theory.ipynb": 2000,
    "02_requirements.ipynb": 2500,
    "05_countermeasures.ipynb": 6000,
    "06_conclusion.ipynb": 2500,
}

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
FENCE = re.compile(r"^(`{3,}|:{3,})")


def prose_lines(markdown: str):
    """The lines of a markdown cell outside fenced blocks, without option lines."""
    fence = None
    for line in markdown.splitlines():
        stripped = line.strip()
        match = FENCE.match(stripped)
        if fence is None and match:
            fence = match.group(1)
            continue
        if fence is not None:
            if stripped == fence:
                fence = None
            continue
        if re.match(r"^:[\w-]+:", stripped):
            continue
        yield line


def count_cjk(markdown: str) -> int:
    return sum(len(CJK.findall(line)) for line in prose_lines(markdown))


def test_count_cjk_skips_directives_and_options():
    text = "正文四字\n```{graphviz}\n:alt: 替代文字\ndigraph { a [label=\"图中\"] }\n```\n:name: 名字\n后文两字"
    assert count_cjk(text) == 8


@pytest.mark.parametrize("name", sorted(MINIMUM_CJK))
def test_chapter_has_minimum_chinese_prose(book_root, name):
    nb = nbformat.read(book_root / "chapters" / name, as_version=4)
    total = sum(count_cjk(cell.source) for cell in nb.cells if cell.cell_type == "markdown")
    assert total >= MINIMUM_CJK[name], f"{name}: {total} CJK characters of prose, at least {MINIMUM_CJK[name]} required"
