"""第二章's analysis gives every number and word its notebook's prose glues."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import pytest

from zhucun.chapters.requirements import analyse
from zhucun.prose.formatting import format_percent

NOTEBOOK = Path(__file__).resolve().parents[2] / "chapters" / "02_requirements.ipynb"
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
    assert {"fig-ch2-composition", "fig-ch2-sample-vs-population", "ch2_implied_total", "ch2_kish_n"} <= prose
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
    for table in (result.village_types, result.sample, result.duties, result.periods):
        assert not any(isinstance(value, float) for value in table.to_numpy().ravel())


def test_implied_total_and_sample(result):
    implied, figures = result.implied, result.figures
    assert implied.low <= implied.estimate <= implied.high
    assert result.texts["ch2_implied_total"] == str(implied.estimate)
    assert result.team_members == figures["cadres_total"] - figures["first_secretaries"]
    assert result.texts["ch2_pop_fs_share"] == format_percent(result.population_fs_share)
    # Post-stratification cannot give more effective respondents than there are.
    assert 0 < result.kish_n <= result.sample_n
    roles = result.sample[result.sample["变量"] == "驻村身份"]
    assert list(roles["总体人数"]) == [str(figures["first_secretaries"]), str(result.team_members)]
