"""绪论's analysis gives every number and word its notebook's prose glues."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import pytest

from zhucun.chapters.introduction import analyse

NOTEBOOK = Path(__file__).resolve().parents[2] / "chapters" / "00_introduction.ipynb"
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
    assert {"fig-ch0-policy-timeline", "fig-ch0-literature-years", "ch0_data_status"} <= prose
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


def test_table_cells_are_not_floats(result):
    assert not any(isinstance(value, float) for value in result.events.to_numpy().ravel())


def test_counts_agree(result):
    assert result.n_foreign + result.n_domestic == result.n_literature
    assert result.texts["ch0_lit_total"] == str(result.n_literature)
    assert result.literature_by_year["文献数"].sum() == result.n_literature
    assert list(result.events["序号"]) == list(range(1, result.n_events + 1))
    # National figures read in 万 above 10 000, as published: 9899万 people, 832 counties.
    assert result.texts["ch0_poor_lifted"].endswith("万")
    assert not result.texts["ch0_poor_counties"].endswith("万")
