"""``python -m zhucun bundle`` writes ``_build/zhucun-book.zip``: the whole book to hand on or read offline.

The zip holds one folder, ``zhucun-book/``, with the built web book as it is
(``html/``: open ``html/index.html`` from disk; charts are drawn and search
works from ``file://``, as the browser tests check) and the print edition
(``book.pdf``). What is missing is built first: the web book with ``jb build``
when ``_build/html`` is absent, the PDF with the print edition when
``_build/pdf/book.pdf`` is absent or older than the web book's pages.

The zip is deterministic: entries in sorted order, with one fixed timestamp and
fixed permissions, so the same build gives the same bytes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from zhucun.book.print_edition import PrintEditionError, make_pdf
from zhucun.paths import book_root

BUNDLE_NAME = "zhucun-book"
# The earliest time a zip entry can carry; no build time leaks into the bytes.
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
FILE_MODE = 0o100644  # a regular file, rw-r--r--, whatever the build's umask was


class BundleError(RuntimeError):
    """The bundle cannot be made (the web build failed, ...)."""


@dataclass
class Bundle:
    """What ``make_bundle`` wrote: the zip, its size in bytes and how many files it holds."""

    path: Path
    size: int
    files: int
    built: list[str]


def newest_page(html: Path) -> float:
    """When the web book's newest page was written. Only pages count: every build, even one
    with nothing to do, rewrites some static files, which would make every PDF look old."""
    return max((page.stat().st_mtime for page in html.rglob("*.html")), default=0.0)


def html_missing(html: Path) -> bool:
    return not (html / "index.html").is_file()


def pdf_stale(pdf: Path, html: Path) -> bool:
    return not pdf.is_file() or pdf.stat().st_mtime < newest_page(html)


def build_html(root: Path, path_output: Path | None) -> None:
    """``jb build`` of the book (reusing the jupyter cache), as the README builds it."""
    jb = shutil.which("jb") or str(Path(sys.executable).parent / "jb")
    command = [jb, "build", str(root)] + (["--path-output", str(path_output)] if path_output else [])
    result = subprocess.run(command, cwd=root, capture_output=True, text=True)
    if result.returncode != 0:
        raise BundleError(f"jb build failed (exit {result.returncode}):\n"
                          f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}")


def bundle_entries(html: Path, pdf: Path) -> list[tuple[str, Path]]:
    """(name in the zip, file on disk) for every file, sorted by name."""
    entries = [(f"{BUNDLE_NAME}/html/{path.relative_to(html).as_posix()}", path)
               for path in html.rglob("*") if path.is_file()]
    entries.append((f"{BUNDLE_NAME}/book.pdf", pdf))
    return sorted(entries)


def write_zip(target: Path, entries: list[tuple[str, Path]]) -> None:
    """Write *entries* to *target* the same way every time (written aside, then moved in place)."""
    partial = target.with_name(target.name + ".partial")
    with zipfile.ZipFile(partial, "w") as archive:
        for name, path in entries:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, so the permissions below are read
            info.external_attr = FILE_MODE << 16
            with archive.open(info, "w") as out, open(path, "rb") as source:
                shutil.copyfileobj(source, out)
    os.replace(partial, target)


def make_bundle(root: Path | None = None, *, path_output: Path | None = None,
                log=lambda message: print(message, file=sys.stderr)) -> Bundle:
    """Build what is missing, then write ``_build/zhucun-book.zip`` under *path_output* (default: the book)."""
    root = book_root(root)
    out = (path_output or root) / "_build"
    html, pdf = out / "html", out / "pdf" / "book.pdf"
    built = []
    if html_missing(html):
        log(f"zhucun bundle: {html} is missing; building the web book (jb build)")
        build_html(root, path_output)
        built.append("html")
    if pdf_stale(pdf, html):
        log(f"zhucun bundle: {pdf} is {'older than the web book' if pdf.is_file() else 'missing'}; "
            "printing it (python -m zhucun pdf)")
        make_pdf(root, path_output=path_output)
        built.append("pdf")
    entries = bundle_entries(html, pdf)
    target = out / f"{BUNDLE_NAME}.zip"
    write_zip(target, entries)
    return Bundle(target, target.stat().st_size, len(entries), built)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="zhucun bundle",
        description="把网页版（_build/html）与印刷版（book.pdf）打包为 _build/zhucun-book.zip；缺少的先构建")
    parser.add_argument("--path-output", type=Path, default=None,
                        help="构建目录的上级（同 jb build --path-output）；默认是书的根目录")
    args = parser.parse_args(argv)
    try:
        bundle = make_bundle(path_output=args.path_output)
    except (BundleError, PrintEditionError) as error:
        print(f"zhucun bundle: {error}", file=sys.stderr)
        return 1
    print(f"{bundle.path}  {bundle.size / 1e6:.1f} MB（{bundle.size} 字节），{bundle.files} 个文件"
          f"（网页版 {bundle.files - 1} 个，另有 book.pdf）")
    return 0
