"""One chain 表现 → 成因 → 对策: chapters 一 and 三 describe each cause as data/framework.yml states it.

framework.yml gives each cause its mechanism (the book's reading), the theory that explains it and how it
stands to embedding. Chapter 一's framework (its diagram and the paragraph that reads it) and chapter 三's
subsection of each cause must say the same: cause 1 is embedding too deep, cause 2 too shallow, cause 3
uneven, cause 4 a matter of 权责对等 (考核一致), not of embedding.
"""

from __future__ import annotations

import re

import nbformat
import pytest

from tests.chapters.notebook_checks import notebook_path
from zhucun.data.framework import load_countermeasure_framework

FRAMEWORK = load_countermeasure_framework()
# How each stance towards embedding is said in the book's prose.
EMBEDDING_WORDS = {"too_deep": "嵌入过深", "too_shallow": "嵌入不足", "uneven": "资源嵌入不均", "none": "考核一致"}
NUMERALS = "一二三四"


def _markdown(stem: str) -> str:
    return "\n".join(cell.source for cell in nbformat.read(notebook_path(stem), as_version=4).cells
                     if cell.cell_type == "markdown")


def _cause_subsection(text: str, number: int) -> str:
    """Chapter 三's subsection of cause *number* (1–4): from its heading to the next heading."""
    start = text.index(f"成因{NUMERALS[number - 1]}：")
    end = text.find("\n#", start)
    return text[start:end if end >= 0 else None]


@pytest.mark.parametrize("number", [1, 2, 3, 4])
def test_chapters_one_and_three_describe_each_cause_as_the_framework_does(number):
    cause = FRAMEWORK.causes[f"c{number}"]
    word = EMBEDDING_WORDS[cause.embedding]
    one = _markdown("01_concepts_theory")
    reading = one[one.index("框架的读法如下"):]
    reading = reading[:reading.index("\n")]
    sentence = re.search(f"成因{NUMERALS[number - 1]}[^。]*", reading)
    assert sentence and word in reading[sentence.start():sentence.start() + 200], (number, word)
    subsection = _cause_subsection(_markdown("03_predicaments"), number)
    assert word in subsection.replace("嵌入得过深", "嵌入过深"), (number, word)
    assert "本书" in subsection and "解读" in subsection  # marked as the book's reading


def test_chapter_one_s_diagram_links_each_theory_to_the_causes_it_explains():
    one = _markdown("01_concepts_theory")
    edges = set(re.findall(r"\b(T[12]) -> (C[1-4])", one))
    for cause in FRAMEWORK.causes.values():
        node = "C" + cause.id[1:]
        assert (("T1", node) in edges) == ("embedding" in cause.theory), cause.id
        assert (("T2", node) in edges) == ("power_responsibility" in cause.theory), cause.id
