"""Chapter 五's analysis gives every number and word its notebook's prose glues."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import pytest

from zhucun.chapters.countermeasures import analyse
from zhucun.prose.formatting import format_percent

NOTEBOOK = Path(__file__).resolve().parents[2] / "chapters" / "05_countermeasures.ipynb"
PROSE_GLUE = re.compile(r"\{glue(?::text)?\}`([^`]+)`|[`:]{3}\{glue:figure\} (\S+)")
GLUED_IN_CODE = re.compile(r"""\bglue\(\s*["']([^"']+)["']""")


def glue_names(notebook: Path) -> tuple[set[str], set[str]]:
    """The glue names the markdown uses, and those the code cells glue themselves (charts)."""
    nb = nbformat.read(notebook, as_version=4)
    prose = {a or b for cell in nb.cells if cell.cell_type == "markdown" for a, b in PROSE_GLUE.findall(cell.source)}
    code = {name for cell in nb.cells if cell.cell_type == "code" for name in GLUED_IN_CODE.findall(cell.source)}
    return prose, code


@pytest.fixture(scope="module")
def result():
    return analyse()


def test_every_prose_glue_name_is_a_text_or_a_glued_chart(result):
    prose, charts = glue_names(NOTEBOOK)
    assert {"fig-ch5-sankey", "fig-ch5-measure-ratings"} <= prose
    assert prose - set(result.texts) - charts == set()
    assert all(isinstance(text, str) and text for text in result.texts.values())


def test_notebook_is_thin():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [cell.source for cell in nb.cells if cell.cell_type == "code"]
    assert sum(len(source.splitlines()) for source in code) <= 150
    assert sum("analyse(" in source for source in code) == 1
    for source in code:
        tree = ast.parse(source)
        assert not any(isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.Lambda)) for node in ast.walk(tree))


def test_table_cells_are_text(result):
    for table in (result.framework_table, result.ratings_table):
        assert not any(isinstance(value, float) for value in table.to_numpy().ravel())


def test_best_and_worst_measure(result):
    assert result.top["share"] >= result.bottom["share"]
    assert result.texts["ch5_top_measure"] == result.top["label"]
    assert result.texts["ch5_top_share"] == format_percent(result.top["share"])
    assert result.checks["最高对策"] == result.top["measure"]
    assert result.checks["对策数"] == result.n_measures == len(result.framework_table)
    # The ratings table lists the measures best first, as the prose names them.
    assert result.ratings_table["对策"].iloc[0] == result.top["label"]
    assert result.ratings_table["对策"].iloc[-1] == result.bottom["label"]
    # Overlapping intervals must not be called separate.
    separated = result.top["low"] > result.bottom["high"]
    assert ("不重叠" in result.texts["ch5_top_bottom_overlap"]) == bool(separated)
