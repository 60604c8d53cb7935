"""Chapters 一, 三, 五 and 结论 are in the book's own words: no run of 30 characters shared with the thesis seed.

Whitespace is ignored on both sides. The seed lives outside the repository (../shared/seed); the test is
skipped where it is absent.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from tests.chapters.notebook_checks import notebook_path
from zhucun.chapters import concepts_theory, conclusion, countermeasures, predicaments

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "thesis-first-half.txt"
RUN = 30


def _normal(text: str) -> str:
    return re.sub(r"\s+", "", text)


def shared_runs(text: str, source: str, length: int = RUN) -> set[str]:
    """The runs of *length* characters of *text* that also occur in *source* (whitespace ignored)."""
    source, text = _normal(source), _normal(text)
    grams = {source[i:i + length] for i in range(len(source) - length + 1)}
    return {text[i:i + length] for i in range(len(text) - length + 1) if text[i:i + length] in grams}


def test_shared_runs_finds_a_copied_sentence_and_ignores_short_echoes():
    source = "驻村干部履职困境主要表现为职能冗杂且碎片化、与乡村干部权责交叉、资源要素难调动"
    assert shared_runs("前言。" + source + "。", source)
    assert not shared_runs("职能冗杂且碎片化与乡村干部权责交叉", source)


@pytest.mark.skipif(not SEED.exists(), reason="the thesis seed is not available here")
@pytest.mark.parametrize(("stem", "module"), [
    ("01_concepts_theory", concepts_theory), ("03_predicaments", predicaments),
    ("05_countermeasures", countermeasures), ("06_conclusion", conclusion)])
def test_no_run_of_thirty_characters_is_the_thesis_s(stem, module):
    seed = SEED.read_text(encoding="utf-8")
    cells = nbformat.read(notebook_path(stem), as_version=4).cells
    prose = "\n".join(cell.source for cell in cells if cell.cell_type == "markdown")
    prose += "\n".join(module.analyse().texts.values())
    assert shared_runs(prose, seed) == set()
