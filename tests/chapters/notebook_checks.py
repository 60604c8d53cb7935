"""Checks the chapter tests share: a chapter's notebook, the glue names its prose uses, and tables of text."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import nbformat
import pandas as pd

from zhucun.prose.glue import MystText

CHAPTERS = Path(__file__).resolve().parents[2] / "chapters"
# {glue}`name`, {glue:text}`name`, {glue:md}`name:myst` (any role, its format left out), and the
# ```{glue:figure} name / ```{glue:md} name directives (also with :::).
PROSE_GLUE = re.compile(r"\{glue(?::\w+)?\}`([^`:]+)(?::\w+)?`|(?:`{3,}|:{3,})\{glue:(?:figure|md)\}\s+(\S+)")
# glue("name", …) in a code cell, also glue(f"fig-…{scale.id}", …) in a loop (the name keeps its placeholder).
GLUED_IN_CODE = re.compile(r"""\bglue\(\s*f?["']([^"']+)["']""")


def notebook_path(stem: str) -> Path:
    """The notebook chapters/<stem>.ipynb."""
    return CHAPTERS / f"{stem}.ipynb"


def glue_names(path: Path) -> tuple[set[str], set[str]]:
    """The glue names the markdown cells use, and those the code cells glue themselves (charts)."""
    cells = nbformat.read(path, as_version=4).cells
    prose = {a or b for cell in cells if cell.cell_type == "markdown" for a, b in PROSE_GLUE.findall(cell.source)}
    code = {name for cell in cells if cell.cell_type == "code" for name in GLUED_IN_CODE.findall(cell.source)}
    return prose, code


def pasted_names(texts: Mapping[str, str]) -> set[str]:
    """The glue names the MyST texts ({glue:md}) use themselves: their roles and figure directives."""
    return {a or b for text in texts.values() if isinstance(text, MystText) for a, b in PROSE_GLUE.findall(text)}


def assert_prose_is_glued(texts: Mapping[str, str], path: Path, charts: set[str] | None = None, *,
                          allow_empty: bool = False, all_used: bool = False) -> set[str]:
    """Every prose glue name, in the markdown or in a MyST text pasted there, is a (non-empty) text or a chart
    glued in code; all_used: every text is used too. Returns the names. A MyST text may be empty (nothing to say)."""
    prose, glued = glue_names(path)
    prose |= pasted_names(texts)
    charts = glued if charts is None else charts
    assert prose, f"{path.name}: no glue names found in the markdown"
    assert prose - set(texts) - charts == set(), f"{path.name}: glue names nothing gives: {prose - set(texts) - charts}"
    assert not all_used or set(texts) - prose == set(), f"{path.name}: texts that no sentence uses"
    assert all(isinstance(text, str) and (allow_empty or text or isinstance(text, MystText))
               for text in texts.values())
    return prose


def assert_cells_are_text(*frames: pd.DataFrame) -> None:
    """Each table has rows and no raw float in any cell (numbers are formatted as text)."""
    for index, frame in enumerate(frames):
        assert len(frame), f"table {index} is empty"
        floats = [value for value in frame.to_numpy().ravel() if isinstance(value, float)]
        assert not floats, f"table {index} has raw floats: {floats[:5]}"
