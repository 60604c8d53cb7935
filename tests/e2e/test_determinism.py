"""Two clean builds of the same book give byte-identical chapter pages.

The book is copied twice into two temporary folders (nothing is reused from
the checkout's _build or jupyter cache), each copy is built from scratch with
the CI command, and every chapter page is compared byte for byte. Chart ids
are fixed by their builders, figure JSON is written with sorted keys, every
random draw in the chapters is seeded, and the footer's "last updated" date is
switched off (html_last_updated_fmt: null in _config.yml). No timestamp is
left in a chapter page; the only build-dependent file names (Sphinx's
?v=<checksum> on static files, Graphviz image names) are content hashes.

Costs two full builds (about two minutes on the 2-core machine).
"""

from __future__ import annotations

import difflib
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import BOOK_ROOT, BUILD_COMMAND

BOOK_FILES = ("_config.yml", "_toc.yml")
BOOK_FOLDERS = ("chapters", "data")


def copy_book(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in BOOK_FILES:
        shutil.copy2(BOOK_ROOT / name, target / name)
    for folder in BOOK_FOLDERS:
        shutil.copytree(BOOK_ROOT / folder, target / folder,
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    return target


def clean_build(root: Path) -> Path:
    jb = shutil.which("jb") or str(Path(sys.executable).parent / "jb")
    result = subprocess.run([jb, *BUILD_COMMAND[1:]], cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, f"build of {root} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return root / "_build" / "html"


def first_difference(a: bytes, b: bytes) -> str:
    lines = difflib.unified_diff(a.decode("utf-8", "replace").splitlines(),
                                 b.decode("utf-8", "replace").splitlines(), lineterm="", n=0)
    return "\n".join(line[:300] for line in list(lines)[:12])


def test_two_clean_builds_give_identical_chapter_pages(tmp_path):
    first = clean_build(copy_book(tmp_path / "first" / "book"))
    second = clean_build(copy_book(tmp_path / "second" / "book"))
    pages = sorted(p.relative_to(first).as_posix() for p in (first / "chapters").glob("*.html"))
    assert len(pages) >= 10, pages
    differing = []
    for rel in pages:
        a, b = (first / rel).read_bytes(), (second / rel).read_bytes()
        if a != b:
            differing.append(f"{rel}:\n{first_difference(a, b)}")
    missing = [rel for rel in pages if not (second / rel).is_file()]
    assert not missing
    assert not differing, "chapter pages differ between two clean builds:\n" + "\n\n".join(differing)


def test_committed_plotly_bundle_is_the_build_of_the_pinned_packages(tmp_path, node_tools):
    """zhucun/book/static/plotly-zhucun.min.js is exactly what `npm run build:plotly` makes from package-lock.json."""
    committed = BOOK_ROOT / "zhucun" / "book" / "static" / "plotly-zhucun.min.js"
    fresh = tmp_path / "plotly-zhucun.min.js"
    subprocess.run(["node", str(BOOK_ROOT / "zhucun" / "book" / "plotly_bundle" / "build.mjs")], check=True,
                   env={**os.environ, "PLOTLY_BUNDLE_OUT": str(fresh)})
    digest = lambda p: hashlib.sha256(p.read_bytes()).hexdigest()  # noqa: E731
    assert digest(fresh) == digest(committed), "rebuild the bundle: npm run build:plotly"


def test_without_the_books_bundle_the_full_plotly_is_shipped(tmp_path, monkeypatch):
    """A fresh machine without the bundle (never built) still gets working charts: plotly's full bundle."""
    from types import SimpleNamespace

    from zhucun.book import sphinx_extension as sphinxext

    assert sphinxext.plotly_js() == sphinxext.PLOTLY_BOOK_JS  # the committed bundle is used
    monkeypatch.setattr(sphinxext, "PLOTLY_BOOK_JS", tmp_path / "absent.min.js")
    assert sphinxext.plotly_js() == sphinxext.PLOTLY_FULL_JS
    app = SimpleNamespace(outdir=str(tmp_path / "html"), builder=SimpleNamespace(format="html"))
    sphinxext._on_build_finished(app, None)
    shipped = tmp_path / "html" / "_static" / "plotly.min.js"
    assert shipped.read_bytes() == sphinxext.PLOTLY_FULL_JS.read_bytes()
