"""The built book in a real browser: offline, no console errors, every chart drawn, search works."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.conftest import draw_charts, reader_tab


def is_redirect(path: Path) -> bool:
    return 'http-equiv="Refresh"' in path.read_text(encoding="utf-8")[:2000]


def book_pages(html_dir: Path) -> list[str]:
    """Every content page of the built book (not redirects), relative to the HTML root."""
    pages = [p.relative_to(html_dir).as_posix() for p in html_dir.rglob("*.html")
             if not p.relative_to(html_dir).parts[0].startswith("_") and not is_redirect(p)]
    return sorted(pages)


def test_root_redirects_to_the_landing_page(built_book, book_root):
    root = built_book / "index.html"
    assert is_redirect(root)
    target = root.read_text(encoding="utf-8").split("url=", 1)[1].split('"', 1)[0]
    assert (built_book / target).is_file(), target


def chapter_pages(book_root: Path) -> list[str]:
    toc = yaml.safe_load((book_root / "_toc.yml").read_text(encoding="utf-8"))
    return [toc["root"] + ".html"] + [c["file"] + ".html" for c in toc["chapters"]]


def article_text(html: str) -> str:
    """The text a reader sees in the page's own content: not the navigation, which
    names every chapter, nor attributes such as a citation's tooltip."""
    article = BeautifulSoup(html, "html.parser").select_one("article.bd-article")
    return article.get_text(" ") if article else ""


def test_every_chapter_of_the_toc_is_built(built_book, book_root):
    missing = [p for p in chapter_pages(book_root) if not (built_book / p).is_file()]
    assert not missing


def watch(page, url: str) -> tuple[list[str], list[str]]:
    """Lists that collect, from now on, the requests of *page* leaving the origin of *url* and its console errors."""
    outside, errors = [], []
    origin = "/".join(url.split("/", 3)[:3])

    def on_request(request):
        if not (request.url.startswith(origin) or request.url.startswith(("data:", "blob:", "about:"))):
            outside.append(request.url)

    page.on("request", on_request)
    page.on("console", lambda m: errors.append(f"{m.type}: {m.text} ({m.location.get('url')})")
            if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    return outside, errors


def open_page(browser, url: str):
    """Open *url* in a tab of its own; returns (page, outside requests, console errors)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    outside, errors = watch(page, url)
    page.goto(url, wait_until="load")
    return page, outside, errors


def test_pages_are_offline_clean_and_every_chart_is_drawn(browser, served_book, built_book):
    problems = []
    pages = book_pages(built_book)
    assert len(pages) >= 10, pages
    with reader_tab(browser) as page:
        outside, errors = watch(page, served_book)
        for rel in pages:
            outside.clear()
            errors.clear()
            page.goto(served_book + rel, wait_until="load")
            n_charts = page.eval_on_selector_all(".zhucun-chart-canvas", "els => els.length")
            if n_charts:
                # Every chart container must end up with plotly's SVG inside.
                draw_charts(page)
            undrawn = page.eval_on_selector_all(
                ".js-plotly-plot, .zhucun-chart-canvas",
                "els => els.filter(e => !e.querySelector('svg.main-svg')).map(e => e.id)")
            if outside:
                problems.append(f"{rel}: requests leaving 127.0.0.1: {outside}")
            if errors:
                problems.append(f"{rel}: console errors: {errors}")
            if undrawn:
                problems.append(f"{rel}: charts without SVG: {undrawn}")
    assert not problems, "\n".join(problems)


def test_chapters_have_charts(built_book, book_root):
    """Each chapter page holds at least one chart (the data → chart path is live); that every
    chart is drawn in the browser is checked above, page by page."""
    # The numbered chapters (the 摘要 and Abstract pages before them are text only), less the references.
    numbered = [rel for rel in chapter_pages(book_root)[1:] if Path(rel).name[:2].isdigit()]
    without = [rel for rel in numbered if not rel.endswith("07_references.html")
               and "zhucun-chart-canvas" not in (built_book / rel).read_text(encoding="utf-8")]
    assert not without


@pytest.mark.parametrize("term", ["驻村干部", "第一书记", "工作队员"])
def test_chinese_search_finds_the_chapters(browser, served_book, book_root, term):
    """Searching a domain term in the reader's search box finds the chapters that discuss it."""
    page, outside, errors = open_page(browser, served_book + "search.html?q=" + quote(term))
    page.wait_for_selector("#search-results p.search-summary, #search-results .search-summary", timeout=30_000)
    found = set(page.eval_on_selector_all(
        "#search-results ul.search li a", "els => els.map(a => a.getAttribute('href'))"))
    page.close()
    assert not outside and not errors
    found_pages = {f.split("?")[0].split("#")[0] for f in found}
    texts = {rel: (book_root / "_build" / "html" / rel).read_text(encoding="utf-8")
             for rel in chapter_pages(book_root)}
    expected = {rel for rel, text in texts.items() if term in article_text(text)}
    assert expected, f"no chapter mentions {term}"
    assert expected <= found_pages, f"search for {term} missed {sorted(expected - found_pages)}"
