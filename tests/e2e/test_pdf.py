"""The print edition: ``python -m zhucun pdf`` makes _build/pdf/book.pdf with every
chapter, every chart's static figure, a table of contents and page numbers.

The whole-book tests use the session's printing (``book_pdf`` in tests/conftest.py,
shared with the bundle test): the command builds the single page (reusing the jupyter
cache) and prints it with Debian's Chromium. ZHUCUN_PDF_OUTPUT redirects the build
folder (as ``--path-output``), so the tests can run beside other builds of the same checkout.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.book.test_no_outside_names import bibtex_keys, outside_names
from zhucun.book.print_edition import (
    PrintEditionError,
    chart_ids,
    make_print_copy,
    repair_to_unicode_cmap,
    unify_lookalikes,
)


def comparable_text(text: str) -> str:
    """*text* as the PDF's extracted text can be compared with it: no spaces (extraction loses
    or adds them, ideographic ones included), radical look-alikes read as ideographs."""
    return re.sub(r"[\s\u3000]+", "", unify_lookalikes(text))

BOOK_ROOT = Path(__file__).resolve().parents[2]

PAGE = """<html lang="zh-CN" data-theme="auto"><head><title>t</title></head><body>
<nav class="bd-sidebar">导航</nav><button>搜索</button>
<article class="bd-article"><section id="j"><h1>书名<a class="headerlink" href="#j">#</a></h1><p>前言</p>
<div class="toctree-wrapper compound">
<section id="a"><h2>第一章<a class="headerlink" href="#a">#</a></h2>
<figure id="fig-ch1-x"><div class="output text_html"><div class="zhucun-chart" data-chart-id="ch1-x">
<div class="zhucun-chart-canvas" role="img" aria-label="标题。说明"></div>
<script type="application/json" class="zhucun-chart-spec">{}</script>
<p class="zhucun-chart-source">资料来源：问卷</p>
<details class="zhucun-chart-data"><summary>查看数据</summary><table></table></details></div></div>
<figcaption><span class="caption-number">图 1 </span>图题</figcaption></figure>
<section id="a1"><h3>（一）一节</h3><p>正文</p></section></section>
<section id="b"><h2>第二章</h2><p>正文</p></section>
</div></section></article><script src="x.js"></script></body></html>"""


def test_chart_ids_in_page_order():
    assert chart_ids(PAGE) == ["ch1-x"]


def test_print_copy_swaps_charts_for_static_figures(tmp_path):
    (tmp_path / "ch1-x.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    html, headings = make_print_copy(PAGE, tmp_path, pages={"zhucun-chapter-0": 5})
    assert 'class="zhucun-chart"' not in html and "zhucun-chart-data" not in html
    assert "<script" not in html and "<button" not in html and "bd-sidebar" not in html
    assert f'src="{(tmp_path / "ch1-x.svg").as_uri()}"' in html
    assert 'alt="标题。说明"' in html
    assert "图 1" in html  # the numbered caption stays
    expected = [(1, "书名", None), (1, "第一章", 5), (2, "（一）一节", None), (1, "第二章", None)]
    assert [(h.level, h.title, h.page) for h in headings] == expected
    assert 'class="zhucun-toc"' in html and '<span class="toc-page">5</span>' in html
    assert 'data-theme="light"' in html


def test_print_copy_refuses_a_missing_figure(tmp_path):
    with pytest.raises(PrintEditionError, match="ch1-x"):
        make_print_copy(PAGE, tmp_path)


def test_to_unicode_maps_radical_lookalikes_to_ideographs():
    cmap = ("/CIDInit /ProcSet findresource begin\nbegincmap\n1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
            "2 beginbfchar\n<2E> <2F00>\n<32> <9A7B>\nendbfchar\n1 beginbfrange\n<40> <41> <2F32>\nendbfrange\n"
            "endcmap\nend\nend\n")
    repaired = repair_to_unicode_cmap(cmap)
    # ⼀ (U+2F00) → 一, ⼲ (U+2F32) → 干, ⼳ (U+2F33) → 幺; 驻 unchanged.
    assert "<2E> <4E00>" in repaired and "<32> <9A7B>" in repaired
    assert "<40> <5E72>" in repaired and "<41> <5E7A>" in repaired
    assert repaired.rstrip().endswith("end")
    assert repair_to_unicode_cmap(cmap.replace("<2F00>", "<4E00>").replace("<2F32>", "<5E72>")) is None


def testcomparable_text_for_comparison():
    assert comparable_text("结\u3000论") == "结论"
    assert comparable_text("驻村⼲部") == "驻村干部"


def _page_title(name: str) -> str:
    """The first ``# `` heading of a _toc.yml page (a notebook or a MyST file)."""
    path = next(BOOK_ROOT.glob(f"{name}.*"))
    if path.suffix == ".ipynb":
        notebook = json.loads(path.read_text(encoding="utf-8"))
        text = "\n".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "markdown")
    else:
        text = path.read_text(encoding="utf-8")
    return next(line for line in text.splitlines() if line.startswith("# "))[2:].strip()


def _toc_files() -> list[str]:
    """The pages of _toc.yml in order: the root, then every chapter."""
    toc = (BOOK_ROOT / "_toc.yml").read_text(encoding="utf-8")
    return re.findall(r"^root:\s*(\S+)", toc, flags=re.M) + re.findall(r"file:\s*(\S+)", toc)


def _chapter_titles() -> list[str]:
    return [_page_title(name) for name in _toc_files()[1:]]


def _front_matter_titles() -> list[str]:
    """The root page and every page _toc.yml puts before 绪论."""
    titles = [_page_title(name) for name in _toc_files()]
    return titles[:titles.index("绪论")]


@pytest.fixture(scope="module")
def pdf_pages(book_pdf):
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    return [page.extract_text() or "" for page in PdfReader(book_pdf).pages]


def test_the_pdf_names_no_outside_file_or_bibtex_key(pdf_pages):
    keys = bibtex_keys()
    found = {number: hits for number, text in enumerate(pdf_pages, start=1) if (hits := outside_names(text, keys))}
    assert not found, found


def test_pdf_has_a_sensible_length(pdf_pages):
    chapters = len(_chapter_titles())
    assert len(pdf_pages) >= 2 + 2 * chapters  # cover, contents, at least two pages a chapter


@pytest.fixture(scope="module")
def outline(book_pdf):
    """The PDF's bookmarks as [(title, page (1-based), [(title, page), ...]), ...]."""
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = PdfReader(book_pdf)
    top = []
    for item in reader.outline:
        if isinstance(item, list):
            assert top, "bookmarks nested under nothing"
            assert not any(isinstance(sub, list) for sub in item), "bookmarks nested deeper than sections"
            top[-1][2].extend((sub.title, reader.get_destination_page_number(sub) + 1) for sub in item)
        else:
            top.append((item.title, reader.get_destination_page_number(item) + 1, []))
    assert top, "the PDF has no bookmarks"
    return top


def _contents(pdf_pages, outline) -> str:
    """The text of the contents pages: after the cover, before the first bookmarked page."""
    return "".join(comparable_text(text) for text in pdf_pages[1:outline[0][1] - 1])


def test_every_chapter_title_is_text_in_toc_order(pdf_pages, outline):
    body = [comparable_text(text) for text in pdf_pages]
    contents = _contents(pdf_pages, outline)
    start = outline[0][1] - 1  # after the cover and the contents
    for title in _chapter_titles():
        target = comparable_text(title)
        assert target in contents, f"{title} missing from the table of contents"
        page = next((i for i in range(start, len(body)) if target in body[i]), None)
        assert page is not None, f"chapter {title!r} not found as text after page {start}"
        start = page


def test_contents_give_page_numbers(pdf_pages, outline):
    lines = [line for text in pdf_pages[1:outline[0][1] - 1] for line in text.splitlines() if line.strip()]
    numbered = [line for line in lines if re.search(r"\s\d+$", line)]
    assert len(numbered) >= len(_chapter_titles())


def test_contents_list_the_front_matter_first(pdf_pages, outline):
    """The pages before 绪论 in _toc.yml (the landing page, and any 摘要 or Abstract) are in the
    contents, in order and before 绪论, each with the page its bookmark points to."""
    contents = _contents(pdf_pages, outline)
    front = _front_matter_titles()
    assert front, "_toc.yml has no root page?"
    assert [title for title, _, _ in outline[:len(front)]] == front
    position = 0
    for title, page, _ in outline[:len(front)]:
        entry = comparable_text(title) + str(page)
        assert entry in contents[position:], f"{title} (page {page}) missing from the contents"
        position = contents.index(entry, position) + len(entry)
    assert comparable_text("绪论") in contents[position:]


def test_bookmarks_are_the_toc_pages_in_order_with_their_sections(outline):
    """The top level is every page of _toc.yml (the landing page, then the chapters), titled as
    its heading reads; each chapter's sections (（一）…) are nested under it."""
    assert [title for title, _, _ in outline] == [_page_title(name) for name in _toc_files()]
    sections = {title: [t for t, _ in subs] for title, _, subs in outline}
    assert sections["绪论"] == ["（一）研究背景和意义", "（二）国内外研究现状",
                                "（三）研究思路与方法", "（四）创新与不足"]
    assert sections["一、相关概念及理论基础"][0] == "（一）相关概念"
    assert sum(len(subs) for subs in sections.values()) >= 3 * len(_chapter_titles())
    pages = [p for _, page, subs in outline for p in [page] + [q for _, q in subs]]
    assert pages == sorted(pages), "bookmarks out of page order"


def test_each_bookmark_points_to_the_page_of_its_heading(pdf_pages, outline):
    wrong = [f"{title} → page {page}" for chapter, first, subs in outline for title, page in [(chapter, first), *subs]
             if comparable_text(title) not in comparable_text(pdf_pages[page - 1])]
    assert not wrong, wrong


def test_pages_are_numbered(pdf_pages):
    for number in (1, len(pdf_pages) // 2, len(pdf_pages)):
        assert re.search(rf"(^|\n){number}\s*$", pdf_pages[number - 1].strip()) or \
            pdf_pages[number - 1].strip().endswith(str(number))


def test_numbered_figures_tables_and_bibliography(pdf_pages):
    text = "\n".join(pdf_pages)
    assert re.search(r"图\s*1\b", text) and re.search(r"表\s*1\b", text)
    assert "[1]" in text and "GB/T 7714" in text


def test_every_chart_is_a_static_figure_in_the_printed_page(book_pdf):
    single = book_pdf.parent.parent / "singlehtml"
    source = max(single.rglob("index.html"), key=lambda p: p.stat().st_size).read_text(encoding="utf-8")
    printed = (single / "print.html").read_text(encoding="utf-8")
    ids = chart_ids(source)
    assert ids, "no charts in the book?"
    images = re.findall(r'<img [^>]*class="zhucun-static"[^>]*>', printed)
    assert len(images) == len(ids)
    for cid in ids:
        match = re.search(rf'src="(file://[^"]*/{cid}\.svg)"', printed)
        assert match, f"{cid}: no static figure in the print copy"
        assert Path(match.group(1).removeprefix("file://")).is_file()
