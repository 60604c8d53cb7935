"""GB/T 7714-2015 numeric style: entries of data/references.bib rendered to plain text."""

from __future__ import annotations

import pytest
from pybtex.database import Entry, Person, parse_file
from pybtex.plugin import find_plugin

from zhucun.book import gbt7714_style as gbt7714
from zhucun.paths import data_path


@pytest.fixture(scope="module")
def bib():
    return parse_file(str(data_path("references.bib")))


@pytest.fixture(scope="module")
def style():
    gbt7714.register()
    return find_plugin("pybtex.style.formatting", "gbt7714")()


def render(style, entry) -> str:
    return style.format_entry("1", entry).text.render_as("text")


EXPECTED = {
    # journal, Chinese, year(issue) without volume
    "zhang2021firstsecretary": (
        "张登国. 第一书记“嵌入式”乡村治理的行动范式与优化策略[J]. 山东社会科学, 2021(11): 74-79."
    ),
    # journal, Chinese, volume(issue) and DOI
    "liu2022subject": (
        "刘洋, 王伯承. 主体优势与能动性联结：乡村振兴中驻村帮扶干部的行动逻辑[J]. "
        "北京科技大学学报(社会科学版), 2022, 38(1): 111-118. DOI:10.19979/j.cnki.issn10082689.2021100107."
    ),
    # journal, English: surname in capitals, initials without dots
    "ansell2008collaborative": (
        "ANSELL C, GASH A. Collaborative Governance in Theory and Practice[J]. "
        "Journal of Public Administration Research and Theory, 2008, 18(4): 543-571. DOI:10.1093/jopart/mum032."
    ),
    # thesis: school and year, no place known
    "cao2022embedded": "曹睿滢. 嵌入式治理视角下驻村工作队推进乡村振兴研究[D]. 吉林大学, 2022.",
    # the thesis itself: only its title is known
    "thesis": "乡村振兴背景下J省驻村干部履职困境分析[D].",
    # book with two translators and the pages cited
    "polanyi2007great": (
        "卡尔·波兰尼. 大转型：我们时代的政治与经济起源[M]. 冯钢, 刘阳, 译. 杭州: 浙江人民出版社, 2007: 50-54."
    ),
    # book with "translator and others"
    "granovetter2015embeddedness": (
        "马克·格兰诺维特. 镶嵌：社会网与经济行动[M]. 罗家德, 等译. 北京: 社会科学文献出版社, 2015."
    ),
    # English book with edition and editors only
    "fox1973dynamic": (
        "FOX, URWICK L, ed. Dynamic Administration: The Collected Papers of Mary Parker Follett[M]. "
        "2nd ed. New York: Pitman, 1973."
    ),
    # online: (publication date)[access date]. URL.
    "xi2021speech": (
        "习近平. 在全国脱贫攻坚总结表彰大会上的讲话[EB/OL]. (2021-02-25)[2023-02-25]. "
        "https://www.gov.cn/xinwen/2021-02/25/content_5588869.htm."
    ),
    # chapter in an edited book: [M]//
    "donahue2008collaboration": (
        "DONAHUE J D, ZECKHAUSER R J. Public-Private Collaboration[M]//MORAN M, REIN M, GOODIN R E. "
        "The Oxford Handbook of Public Policy. Oxford: Oxford University Press, 2008."
    ),
    # document without url: [Z], corporate authors, month precision
    "zhongban2017guidance": "中共中央办公厅, 国务院办公厅. 关于加强贫困村驻村工作队选派管理工作的指导意见[Z]. 2017-12.",
}


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_entry_renders_as_expected(bib, style, key):
    assert render(style, bib.entries[key]) == EXPECTED[key]


def _article(authors, language, title):
    return Entry("article", fields={"title": title, "journal": "Journal", "year": "2020", "volume": "1",
                                     "number": "2", "pages": "3--4", "language": language},
                 persons={"author": [Person(name) for name in authors]})


def test_four_western_authors_become_three_and_et_al(style):
    entry = _article(["Smith, John", "Doe, Jane Ann", "van Dyke, Peter", "Roe, Richard"], "en", "A Title")
    assert render(style, entry) == "SMITH J, DOE J A, VAN DYKE P, et al. A Title[J]. Journal, 2020, 1(2): 3-4."


def test_four_chinese_authors_become_three_and_deng(style):
    entry = _article(["甲一", "乙二", "丙三", "丁四"], "zh", "题名")
    assert render(style, entry) == "甲一, 乙二, 丙三, 等. 题名[J]. Journal, 2020, 1(2): 3-4."


def test_and_others_counts_as_more_authors(style):
    entry = _article(["甲一", "others"], "zh", "题名")
    assert render(style, entry).startswith("甲一, 等. 题名[J].")


def test_newspaper_report_and_proceedings_marks(style):
    newspaper = Entry("article", fields={"title": "题名", "journal": "某报", "date": "2021-05-12",
                                          "number": "3", "entrysubtype": "newspaper", "language": "zh"})
    assert render(style, newspaper) == "题名[N]. 某报, 2021-05-12(3)."
    report = Entry("techreport", fields={"title": "报告", "institution": "某所", "address": "北京",
                                          "year": "2020", "language": "zh"})
    assert render(style, report) == "报告[R]. 北京: 某所, 2020."
    paper = Entry("inproceedings", fields={"title": "论文", "booktitle": "会议论文集", "publisher": "某社",
                                            "address": "北京", "year": "2020", "pages": "1--9", "language": "zh"},
                  persons={"author": [Person("甲一")], "editor": [Person("乙二")]})
    assert render(style, paper) == "甲一. 论文[C]//乙二. 会议论文集. 北京: 某社, 2020: 1-9."


def test_whole_bibliography_renders_numbered_in_citation_order(bib, style):
    keys = list(bib.entries)
    formatted = list(style.format_entries([bib.entries[key] for key in keys]))
    assert [entry.key for entry in formatted] == keys
    assert [entry.label for entry in formatted] == [str(n) for n in range(1, len(keys) + 1)]
    for entry in formatted:
        text = entry.text.render_as("text")
        assert text.endswith("."), text
        assert ".." not in text.replace("...", ""), text


def test_html_links_the_url(bib, style):
    html = style.format_entry("1", bib.entries["xi2021speech"]).text.render_as("html")
    assert '<a href="https://www.gov.cn/xinwen/2021-02/25/content_5588869.htm">' in html


def test_register_is_idempotent():
    gbt7714.register()
    gbt7714.register()
    assert find_plugin("pybtex.style.formatting", "gbt7714") is gbt7714.Style


def test_bibliography_fields(bib):
    strands = {"embedded", "collaborative", "power_responsibility"}
    for key, entry in bib.entries.items():
        assert entry.fields.get("language") in {"zh", "en"}, key
        if "strand" in entry.fields:
            assert entry.fields["strand"] in strands, key
            assert entry.fields.get("review") in {"foreign", "domestic"}, key
        if entry.type == "online" and "urldate" in entry.fields:
            assert "url" in entry.fields, key
    counts = {s: sum(e.fields.get("strand") == s for e in bib.entries.values()) for s in strands}
    assert counts == {"embedded": 9, "collaborative": 6, "power_responsibility": 7}
