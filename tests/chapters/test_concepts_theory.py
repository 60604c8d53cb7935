"""第一章's analysis gives every number and word its notebook's prose glues."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import pytest

from zhucun.chapters.concepts_theory import analyse

NOTEBOOK = Path(__file__).resolve().parents[2] / "chapters" / "01_concepts_theory.ipynb"
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
    assert {"fig-ch1-framework-items", "ch1_items_total"} <= prose
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
    assert all(isinstance(value, str) for value in result.embedding_types.to_numpy().ravel())


def test_framework_items_add_up(result):
    assert sum(result.items_per_kind.values()) == result.n_items == result.framework_items["题项数"].sum()
    assert result.texts["ch1_items_total"] == str(result.n_items)
    assert len(result.framework_items) == result.n_elements
    fewest = result.framework_items["题项数"].min()
    assert result.texts["ch1_fewest_items"] == str(fewest)
    cadres, secretaries, members = (int(result.texts[f"ch1_{name}"])
                                    for name in ("cadres", "first_secretaries", "team_members"))
    assert secretaries + members == cadres
