"""The print edition: ``python -m zhucun pdf`` makes _build/pdf/book.pdf with every
chapter, every chart's static figure, a table of contents and page numbers.

The whole-book test builds the single page (reusing the jupyter cache) and prints
it with Debian's Chromium. ZHUCUN_PDF_OUTPUT redirects the build folder (as
``--path-output``), so the test can run beside other builds of the same checkout.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from zhucun.book.print_edition import (
    PrintEditionError,
    chart_ids,
    comparable_text,
    make_print_copy,
    repair_to_unicode_cmap,
)

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
    expected = [(1, "第一章", 5), (2, "（一）一节", None), (1, "第二章", None)]
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


def _chapter_titles() -> list[str]:
    toc = (BOOK_ROOT / "_toc.yml").read_text(encoding="utf-8")
    titles = []
    for name in re.findall(r"file:\s*(chapters/\S+)", toc):
        notebook = json.loads((BOOK_ROOT / f"{name}.ipynb").read_text(encoding="utf-8"))
        first = next(c for c in notebook["cells"] if c["cell_type"] == "markdown")
        heading = next(line for line in "".join(first["source"]).splitlines() if line.startswith("# "))
        titles.append(heading[2:].strip())
    return titles


@pytest.fixture(scope="module")
def book_pdf():
    if not Path("/usr/bin/chromium").exists():
        message = "Chromium not found at /usr/bin/chromium: `apt-get install -y chromium`"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    output = os.environ.get("ZHUCUN_PDF_OUTPUT")
    command = [sys.executable, "-m", "zhucun", "pdf"] + (["--path-output", output] if output else [])
    result = subprocess.run(command, cwd=BOOK_ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-4000:]
    pdf = Path(result.stdout.strip().splitlines()[-1])
    assert pdf == Path(output or BOOK_ROOT) / "_build" / "pdf" / "book.pdf"
    return pdf


@pytest.fixture(scope="module")
def pdf_pages(book_pdf):
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    return [page.extract_text() or "" for page in PdfReader(book_pdf).pages]


def test_pdf_has_a_sensible_length(pdf_pages):
    chapters = len(_chapter_titles())
    assert len(pdf_pages) >= 2 + 2 * chapters  # cover, contents, at least two pages a chapter


def test_every_chapter_title_is_text_in_toc_order(pdf_pages):
    body = [comparable_text(text) for text in pdf_pages]
    contents = body[1] + body[2]
    start = 3  # after the cover and the contents
    for title in _chapter_titles():
        target = comparable_text(title)
        assert target in contents, f"{title} missing from the table of contents"
        page = next((i for i in range(start, len(body)) if target in body[i]), None)
        assert page is not None, f"chapter {title!r} not found as text after page {start}"
        start = page


def test_contents_give_page_numbers(pdf_pages):
    lines = [line for line in (pdf_pages[1] + "\n" + pdf_pages[2]).splitlines() if line.strip()]
    numbered = [line for line in lines if re.search(r"\s\d+$", line)]
    assert len(numbered) >= len(_chapter_titles())


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
