"""The bundle's own rules, on a made-up build: it builds only what is missing or stale, and the
same files give the same zip bytes. The real bundle is opened in a browser in tests/e2e/test_bundle.py."""

from __future__ import annotations

import os
import shutil
import zipfile

from zhucun.book import bundle


def fake_build(root, *, with_pdf=True):
    """A built web book and PDF under *root*/_build; returns (html, pdf)."""
    html, pdf = root / "_build" / "html", root / "_build" / "pdf" / "book.pdf"
    (html / "chapters").mkdir(parents=True)
    (html / "_static").mkdir()
    (html / "index.html").write_text("<meta http-equiv='refresh' content='0; url=chapters/index.html'>")
    (html / "chapters" / "index.html").write_text("<h1>书名</h1>")
    (html / "_static" / "zhucun.css").write_text("body {}")
    if with_pdf:
        pdf.parent.mkdir(parents=True)
        pdf.write_bytes(b"%PDF-1.4 made up")
    return html, pdf


def age(path, seconds):
    """Set *path*'s modification time *seconds* in the past."""
    stamp = path.stat().st_mtime - seconds
    os.utime(path, (stamp, stamp))


def run(root, monkeypatch):
    calls = []

    def build_html(book, path_output):
        calls.append("html")
        fake_build(book, with_pdf=False)

    def make_pdf(book, path_output=None):
        calls.append("pdf")
        (book / "_build" / "pdf").mkdir(parents=True, exist_ok=True)
        (book / "_build" / "pdf" / "book.pdf").write_bytes(b"%PDF-1.4 printed again")

    monkeypatch.setattr(bundle, "build_html", build_html)
    monkeypatch.setattr(bundle, "make_pdf", make_pdf)
    made = bundle.make_bundle(root, log=lambda message: None)
    assert made.built == calls
    return made


def test_nothing_is_built_when_the_web_book_and_a_newer_pdf_are_there(tmp_path, monkeypatch):
    (tmp_path / "_toc.yml").write_text("root: index\n")
    html, pdf = fake_build(tmp_path)
    for page in html.rglob("*.html"):
        age(page, 60)
    # A build with nothing to do still rewrites static files: they never make the PDF stale.
    os.utime(html / "_static" / "zhucun.css")
    made = run(tmp_path, monkeypatch)
    assert made.built == [] and made.path == tmp_path / "_build" / "zhucun-book.zip"
    assert made.files == 4 and made.size == made.path.stat().st_size
    with zipfile.ZipFile(made.path) as archive:
        assert archive.namelist() == sorted(archive.namelist())
        assert archive.read("zhucun-book/book.pdf") == b"%PDF-1.4 made up"
        assert archive.read("zhucun-book/html/chapters/index.html").decode() == "<h1>书名</h1>"


def test_a_pdf_older_than_a_page_is_printed_again(tmp_path, monkeypatch):
    (tmp_path / "_toc.yml").write_text("root: index\n")
    _, pdf = fake_build(tmp_path)
    age(pdf, 60)
    assert run(tmp_path, monkeypatch).built == ["pdf"]


def test_a_missing_web_book_is_built_and_then_the_pdf_printed(tmp_path, monkeypatch):
    (tmp_path / "_toc.yml").write_text("root: index\n")
    made = run(tmp_path, monkeypatch)  # nothing there: both are made
    assert made.built == ["html", "pdf"]
    # Only an earlier PDF there: the new web book is newer, so the PDF is printed again.
    shutil.rmtree(tmp_path / "_build" / "html")
    age(tmp_path / "_build" / "pdf" / "book.pdf", 60)
    made = run(tmp_path, monkeypatch)
    assert made.built == ["html", "pdf"]
    with zipfile.ZipFile(made.path) as archive:
        assert archive.read("zhucun-book/book.pdf") == b"%PDF-1.4 printed again"


def test_the_same_files_give_the_same_bytes(tmp_path):
    html, pdf = fake_build(tmp_path)
    first, second = tmp_path / "first.zip", tmp_path / "second.zip"
    bundle.write_zip(first, bundle.bundle_entries(html, pdf))
    for path in (*html.rglob("*"), pdf):
        age(path, 3600)  # other timestamps, as after a rebuild
    os.chmod(pdf, 0o600)  # another umask
    bundle.write_zip(second, bundle.bundle_entries(html, pdf))
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    assert {i.date_time for i in infos} == {bundle.FIXED_TIME}
    assert {i.external_attr >> 16 for i in infos} == {bundle.FILE_MODE}
