"""No dead glue: every name a chapter glues is shown on its page, in any data state (no build needed).

Each notebook's chapter module is run (its ``analyse``), and every text it
hands to ``glue_all`` and every chart the notebook glues itself must be pasted:
by a role or directive in the notebook's markdown, by a MyST text pasted there,
or, for a sentence said only in some data states (a tie, a cause whose strongest
correlation lies elsewhere), by a glue role written in the chapter module, whose
placeholders stand for one id (``ch5_{key}_share``, ``ch3_${id}_best``).
"""

from __future__ import annotations

import importlib
import inspect
import re

import nbformat
import pytest

from tests.chapters.notebook_checks import CHAPTERS, glue_names, pasted_names

CHAPTER_MODULE = re.compile(r"from zhucun\.chapters import (\w+)")
GLUE_ALL = re.compile(r"glue_all\(([\w.]+)\)")
# A glue role or directive as the module's source writes it: in a plain string, an f-string ({{glue}}) or a
# string.Template; the name is kept with its placeholders.
MODULE_ROLE = re.compile(r"\{\{?glue(?::\w+)?\}\}?`([^`]+?)(?::\w+)?`|\{\{?glue:(?:figure|md)\}\}?\s+([^\s\"']+)")
PLACEHOLDER = re.compile(r"\\\{[^}]*\\\}|\\\$\\\{[^}]*\\\}|\\\$\w+")
GLUE_PREFIX = re.compile(r"^(ch\d|abs|abs_en)_")
NOTEBOOKS = sorted(path for path in CHAPTERS.glob("*.ipynb")
                   if CHAPTER_MODULE.search(path.read_text(encoding="utf-8")))


def module_patterns(module) -> list[re.Pattern]:
    """The glue names the module's MyST templates can paste; a placeholder stands for one id segment."""
    patterns = []
    for a, b in MODULE_ROLE.findall(inspect.getsource(module)):
        name = a or b
        if GLUE_PREFIX.match(name):  # a bare "{name}" (a helper that wraps any name) says nothing
            patterns.append(re.compile("^" + PLACEHOLDER.sub("[a-z0-9]+", re.escape(name)) + "$"))
    return patterns


def glued_and_shown(path):
    cells = nbformat.read(path, as_version=4).cells
    code = "\n".join(cell.source for cell in cells if cell.cell_type == "code")
    module = importlib.import_module(f"zhucun.chapters.{CHAPTER_MODULE.search(code).group(1)}")
    result = module.analyse()
    texts = result.texts_en if any(arg.endswith("texts_en") for arg in GLUE_ALL.findall(code)) else result.texts
    prose, charts = glue_names(path)
    # a MyST passage the notebook writes in a code cell and pastes only in some data states (五's ratings
    # section, pasted only where question 12 was asked) shows the names its roles name
    # and a text the notebook's code reads by name (a chart's alt text) is shown through that code
    shown = (prose | pasted_names(texts) | {a or b for a, b in MODULE_ROLE.findall(code)}
             | set(re.findall(r"texts\[[\"']([\w-]+)[\"']\]", code)))
    patterns = module_patterns(module)
    return set(texts) | charts, shown, patterns


def shown_in_a_loop(name: str, shown: set[str]) -> bool:
    """A chart glued in a loop (glue(f"fig-ch3-likert-{scale.id}", …)) is shown if a name of its form is."""
    if "{" not in name:
        return False
    pattern = re.compile("^" + PLACEHOLDER.sub("[a-z0-9]+", re.escape(name)) + "$")
    return any(pattern.match(other) for other in shown)


def test_every_chapter_notebook_is_checked():
    assert len(NOTEBOOKS) >= 12, [path.name for path in NOTEBOOKS]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_every_glued_name_is_shown(path):
    glued, shown, patterns = glued_and_shown(path)
    dead = sorted(name for name in glued - shown if not any(pattern.match(name) for pattern in patterns)
                  and not shown_in_a_loop(name, shown))
    assert not dead, f"{path.name}: glued but shown nowhere (remove them or paste them): {dead}"
