"""One spacing convention around numbers in the prose: none between a Chinese character and a digit.

"共有124份", never "共有 124 份": the numbers are glued into the sentences, and a
space typed beside a {glue} role (or in an f-string) shows as a gap that the
glued-in numbers elsewhere do not have. Checked on the built pages' prose:
paragraphs, list items, headings and captions; code, tables (their cells are
data), chart specs, source lines (资料来源, which quote file names and
citations) and the bibliography's entries (GB/T 7714 sets their punctuation) are left out.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

CJK = "\u3400-\u4dbf\u4e00-\u9fff"
# A space (or no-break space) between a CJK character and a number, either way round; a percent sign
# ends a number ("22.1% 的村"). A digit inside a Latin name ("UTF-8 或", "R002") is no number here: spacing
# around Latin words is another convention.
SPACE = "[ \u00a0\u2009]+"
GAP = re.compile(rf"[{CJK}](?={SPACE}[0-9])|(?<![A-Za-z0-9.,])(?<![A-Za-z]-)[0-9][0-9.,]*%?{SPACE}[{CJK}]")
# A caption's number ("图6 ") is set off from its title by the theme, as captions are.
ITEM_NUMBER = re.compile(r"^\s*\d+\.\s+")
# The bibliography's entries follow GB/T 7714's own punctuation (". 2018. 注：…").
LEFT_OUT = [".citation-list", ".caption-number", "pre", "code", "script", "style", "table", "svg",
            ".zhucun-chart-source",
            ".zhucun-chart-spec", ".headerlink", "nav", ".bd-sidebar", "footer", ".prev-next-area", ".bd-header",
            ".bd-toc"]
PROSE = ["p", "li", "h1", "h2", "h3", "h4", "figcaption", ".caption-text", "dd", "dt"]
PAGES = ["index.html", "chapters/abstract_zh.html", "chapters/abstract_en.html",
         *[f"chapters/{stem}.html" for stem in (
             "00_introduction", "01_concepts_theory", "02_requirements", "03_predicaments",
             "04_regional_experience", "05_countermeasures", "06_conclusion", "07_references", "08_appendix")]]


def spacing_problems(html: str) -> list[str]:
    """The prose snippets of a page with a space between a CJK character and a number."""
    soup = BeautifulSoup(html, "html.parser")
    main = soup.select_one("main") or soup
    for selector in LEFT_OUT:
        for node in main.select(selector):
            node.decompose()
    found = []
    for node in main.select(",".join(PROSE)):
        if node.find(PROSE):  # the innermost prose element says it once
            continue
        # A heading's or an item's own number ("1. 研究背景", the thesis's numbering) is a label, not a number.
        text = ITEM_NUMBER.sub("", node.get_text())
        found += [text[max(0, m.start() - 12):m.end() + 16].replace("\n", " ") for m in GAP.finditer(text)]
    return found


def test_the_checker_finds_a_gap_and_only_a_gap():
    assert len(spacing_problems("<main><p>共有 124 份答卷，占 52.4% 的比例</p></main>")) == 4
    assert spacing_problems("<main><p>共有124份答卷，ρ = 0.52，p 值</p><pre>共有 1 份</pre></main>") == []
    assert spacing_problems("<main><table><tr><td>表 1 数据</td></tr></table></main>") == []
    assert spacing_problems("<main><p>带 BOM 的 UTF-8 或 GBK 编码，编号 R002 起</p></main>") == []
    assert spacing_problems("<main><h3>1. 研究背景</h3><li>12. 下列措施</li></main>") == []


@pytest.mark.parametrize("page", PAGES)
def test_no_space_between_chinese_and_numbers_in_the_prose(built_book: Path, page: str):
    problems = spacing_problems((built_book / page).read_text(encoding="utf-8"))
    assert not problems, f"{page}: {len(problems)} gaps, e.g. {problems[:8]}"
