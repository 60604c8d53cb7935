"""附录一 offers the questionnaire files for download from the built book, offline.

The page is opened from file:// with every request that is not a local file refused (as the book is read
from the zip bundle), and over 127.0.0.1 (as served); each of 附录一's download links gives the file the build
wrote under _questionnaire/, and each file is what its name says: 问卷星 text opening with the codebook's
title, an XLSForm workbook, an SPSS file, a PDF, and the printable HTML page. The zip bundle
(zhucun/book/bundle.py) carries the same files.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

from zhucun.book.questionnaire_files import BUILD_FOLDER, FILES, PRINTABLE_HTML
from zhucun.data.codebook import load_codebook

APPENDIX = "chapters/08_appendix.html"
LINKS = """() => [...document.querySelectorAll('a[href*="_questionnaire/"]')].map(a => ({
  href: a.getAttribute('href'), text: a.textContent, download: a.hasAttribute('download'),
  section: a.closest('section') && a.closest('section').querySelector('h2, h1').textContent}))"""
SIGNATURES = {".txt": None, ".xlsx": b"PK\x03\x04", ".sav": b"$FL2", ".pdf": b"%PDF", ".html": b"<!DOCTYPE html>"}


def _check_links(browser, url, built_book, offline):
    page = browser.new_page(accept_downloads=True)
    if offline:
        page.route(re.compile(r"^(?!file:).*"), lambda route: route.abort())
    page.goto(url, wait_until="load")
    links = page.evaluate(LINKS)
    assert sorted(link["href"].rsplit("/", 1)[-1] for link in links) == sorted(FILES)
    assert all(link["section"].startswith("附录一") for link in links), links
    title = load_codebook().title
    for link in links:
        name = link["href"].rsplit("/", 1)[-1]
        expected = (built_book / BUILD_FOLDER / name).read_bytes()
        if name == PRINTABLE_HTML:  # a page to open (and print), not a download
            assert not link["download"]
            with page.expect_navigation():
                page.click(f'a[href="{link["href"]}"]')
            assert page.title() == title
            page.go_back(wait_until="load")
            continue
        assert link["download"], name
        got = _follow(page, link["href"], offline)
        assert got == expected, name
        signature = SIGNATURES[name[name.rindex("."):]]
        if signature is None:
            assert got.decode("utf-8").splitlines()[0] == title
        else:
            assert got.startswith(signature), name
    page.close()


def _follow(page, href, offline) -> bytes:
    """The bytes a click on the link gives: the download, or (from file://, where Chromium ignores ``download``
    and shows a text or PDF file itself) the local file the browser opened."""
    if not offline:
        with page.expect_download() as caught:
            page.click(f'a[href="{href}"]')
        return open(caught.value.path(), "rb").read()
    downloads = []
    page.once("download", lambda download: downloads.append(download))
    start = page.url
    page.click(f'a[href="{href}"]')
    page.wait_for_timeout(1500)
    if downloads:
        return open(downloads[0].path(), "rb").read()
    opened = page.url
    assert opened.startswith("file://") and opened.endswith(href.rsplit("/", 1)[-1]), opened
    shown = Path(url2pathname(urlparse(opened).path)).read_bytes()
    if opened.endswith(".txt"):  # the reader sees the whole text and can save it
        assert page.inner_text("body").strip() == shown.decode("utf-8").strip()
    page.goto(start, wait_until="load")
    return shown


def test_appendix_one_downloads_the_questionnaire_files_offline(browser, built_book):
    _check_links(browser, (built_book / APPENDIX).as_uri(), built_book, offline=True)


def test_appendix_one_downloads_the_questionnaire_files_when_served(browser, built_book, served_book):
    _check_links(browser, served_book + APPENDIX, built_book, offline=False)


def test_the_zip_bundle_carries_the_questionnaire_files(built_book):
    from zhucun.book.bundle import BUNDLE_NAME, bundle_entries

    entries = dict(bundle_entries(built_book, built_book.parent / "pdf" / "book.pdf"))
    for name in FILES:
        assert entries[f"{BUNDLE_NAME}/html/{BUILD_FOLDER}/{name}"] == built_book / BUILD_FOLDER / name
