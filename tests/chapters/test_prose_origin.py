"""Where chapter 三's prose comes from: at least 70% of its visible prose characters are written in its
notebook's markdown, not glued in by code (issue 22: the prose lives in the chapter).

The notebook's markdown is rendered with the chapter's glued values: each ``{glue}`` role and each
``{glue:md}`` role or directive is replaced by its text, and its characters count as glued (a number or a
word chosen by code counts as glued, however short). Counted are the visible characters other than
whitespace of the paragraphs and list items: headings, figure and table directives (captions are not
prose), cross-references (``{numref}``, ``{cite}``: the reader sees a number) and markup are left out.
"""

from __future__ import annotations

import re

import nbformat
import pytest

from tests.chapters.notebook_checks import notebook_path
from zhucun.chapters import predicaments
from zhucun.prose.glue import MystText

MINIMUM_AUTHORED = 0.70
ROLE = re.compile(r"\{(glue(?::\w+)?|numref|cite)\}`([^`]*)`")
DIRECTIVE = re.compile(r"^(`{3,}|:{3,})\{([\w:-]+)\}\s*(\S*)")
MARKUP = re.compile(r"\*\*|`|^\s*[-*]\s+|^\s*\d+\.\s+", re.M)


def _visible(text: str) -> int:
    return len(re.sub(r"\s+", "", MARKUP.sub("", text)))


def _glued_text(text: str, texts: dict[str, str]) -> str:
    """A glued value as the reader sees it: a MyST text's own roles rendered, figures left out."""
    if isinstance(text, MystText):
        if DIRECTIVE.match(text.strip()):
            return ""  # a figure directive: its caption is not prose
        return ROLE.sub(lambda m: _glued_text(texts.get(m.group(2).split(":")[0], ""), texts)
                        if m.group(1).startswith("glue") else "", text)
    return str(text)


def origin(markdown_cells: list[str], texts: dict[str, str]) -> tuple[int, int]:
    """(authored, glued) visible prose characters of the cells rendered with *texts*."""
    authored = glued = 0
    for source in markdown_cells:
        fence = None
        for line in source.splitlines():
            stripped = line.strip()
            if fence is not None:  # inside a directive: only a pasted MyST text ({glue:md}) can be prose
                if stripped == fence:
                    fence = None
                continue
            match = DIRECTIVE.match(stripped)
            if match:
                fence = match.group(1)
                if match.group(2) == "glue:md":
                    glued += _visible(_glued_text(texts[match.group(3)], texts))
                continue
            if stripped.startswith("#") or re.match(r"^:[\w-]+:", stripped):
                continue
            for role in ROLE.finditer(line):
                if role.group(1).startswith("glue"):
                    glued += _visible(_glued_text(texts[role.group(2).split(":")[0]], texts))
            authored += _visible(ROLE.sub("", line))
    return authored, glued


def test_origin_counts_roles_as_glued_and_skips_headings_and_figures():
    texts = {"n": "124", "fig": MystText("```{glue:figure} fig\n:name: fig\n\n图题\n```"),
             "md": MystText("共{glue}`n`人")}
    cells = ["# 标题\n\n正文{glue}`n`份。{numref}`tbl-x`", "```{glue:md} fig\n:format: myst\n```",
             "**加粗**{glue:md}`md:myst`"]
    assert origin(cells, texts) == (len("正文份。") + len("加粗"), len("124") + len("共124人"))


@pytest.fixture(scope="module")
def markdown() -> list[str]:
    cells = nbformat.read(notebook_path("03_predicaments"), as_version=4).cells
    return [cell.source for cell in cells if cell.cell_type == "markdown"]


def test_most_of_chapter_three_s_prose_is_written_in_its_notebook(markdown):
    authored, glued = origin(markdown, predicaments.analyse().texts)
    share = authored / (authored + glued)
    assert share >= MINIMUM_AUTHORED, (
        f"{share:.1%} of 三's prose written in its notebook ({authored} of {authored + glued} characters)")
