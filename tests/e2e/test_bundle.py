"""``python -m zhucun bundle`` as a reader gets it: the zip, unzipped into a fresh folder, opens
from disk in headless Chromium with every chart drawn and search working, and holds the PDF.

It reuses the session's web build and printing (``built_book``, ``book_pdf``), so the command
only zips; a second run must give the same bytes.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.conftest import draw_charts


@pytest.fixture(scope="module")
def bundle_zip(built_book, book_pdf, book_root) -> tuple[Path, str]:
    output = os.environ.get("ZHUCUN_PDF_OUTPUT")
    command = [sys.executable, "-m", "zhucun", "bundle"] + (["--path-output", output] if output else [])
    result = subprocess.run(command, cwd=book_root, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-4000:]
    target = Path(output or book_root) / "_build" / "zhucun-book.zip"
    return target, result.stdout


@pytest.fixture(scope="module")
def unzipped(bundle_zip, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("reader")
    with zipfile.ZipFile(bundle_zip[0]) as archive:
        archive.extractall(folder)
    return folder / "zhucun-book"


def test_the_command_says_what_it_wrote(bundle_zip):
    target, stdout = bundle_zip
    with zipfile.ZipFile(target) as archive:
        count = len(archive.namelist())
    line = stdout.strip().splitlines()[-1]
    assert str(target) in line and f"{count} 个文件" in line and f"{target.stat().st_size} 字节" in line


def test_the_zip_holds_the_web_book_as_built_and_the_pdf(bundle_zip, built_book, book_pdf):
    with zipfile.ZipFile(bundle_zip[0]) as archive:
        names = archive.namelist()
        assert archive.read("zhucun-book/book.pdf") == book_pdf.read_bytes()
        assert archive.read("zhucun-book/html/chapters/03_predicaments.html") == \
            (built_book / "chapters" / "03_predicaments.html").read_bytes()
    built = sorted(p.relative_to(built_book).as_posix() for p in built_book.rglob("*") if p.is_file())
    assert names == sorted(["zhucun-book/book.pdf"] + [f"zhucun-book/html/{name}" for name in built])


def test_two_runs_give_the_same_bytes(bundle_zip, book_root):
    target, _ = bundle_zip
    first = target.read_bytes()
    output = os.environ.get("ZHUCUN_PDF_OUTPUT")
    command = [sys.executable, "-m", "zhucun", "bundle"] + (["--path-output", output] if output else [])
    result = subprocess.run(command, cwd=book_root, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-4000:]
    assert target.read_bytes() == first


def open_from_disk(browser, path: Path, query: str = ""):
    """*path* opened as file://, nothing allowed off the disk; returns (page, requests refused, errors)."""
    page = browser.new_page()
    refused, errors = [], []

    def refuse(route):
        refused.append(route.request.url)
        route.abort()

    page.route(re.compile(r"^(?!file:).*"), refuse)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(path.as_uri() + query, wait_until="load")
    return page, refused, errors


def test_the_unzipped_book_opens_with_every_chart_drawn(browser, unzipped):
    page, refused, errors = open_from_disk(browser, unzipped / "html" / "index.html")
    page.wait_for_url(re.compile(r"chapters/index\.html$"))  # the root page forwards to the landing page
    assert "驻村干部" in page.title()
    page.close()
    chapter = unzipped / "html" / "chapters" / "03_predicaments.html"
    page, refused_more, errors_more = open_from_disk(browser, chapter)
    charts = page.eval_on_selector_all(".zhucun-chart-canvas", "els => els.length")
    assert charts >= 3
    draw_charts(page)
    assert page.eval_on_selector_all(".zhucun-chart-canvas", "els => els.every(e => e.querySelector('svg.main-svg'))")
    page.close()
    assert not refused + refused_more and not errors + errors_more


def test_search_works_in_the_unzipped_book(browser, unzipped):
    page, refused, errors = open_from_disk(browser, unzipped / "html" / "search.html", "?q=" + quote("驻村干部"))
    page.wait_for_selector("#search-results ul.search li a", timeout=30_000)
    # Sphinx lists the hits one by one; wait until it is done and every hit has its summary.
    page.wait_for_function("() => { const hits = [...document.querySelectorAll('#search-results ul.search li')];"
                           " return hits.length && Search.status.innerText.includes(String(hits.length))"
                           " && hits.every(li => li.querySelector('.search-summary')); }")
    links = page.eval_on_selector_all("#search-results ul.search li a", "els => els.map(a => a.href)")
    summaries = page.eval_on_selector_all("#search-results ul.search li .search-summary",
                                          "els => els.map(e => e.textContent)")
    page.close()
    # From file:// the summaries come from the pages' text (a page cannot be fetched there): no console error.
    assert len(links) >= 5 and not refused and not errors, errors
    assert len(summaries) == len(links) and all("驻村干部" in s for s in summaries), summaries[:3]
    for link in links:
        assert link.startswith(unzipped.as_uri()), link
        assert Path(link.removeprefix("file://").split("?")[0].split("#")[0]).is_file(), link
